import ChapterSupport

/// The values chapter 2 of the book prints, for `chapter2 report`.
///
/// Exact results (sums, norms, gradients) have tolerances of rounding only; the die-rolling
/// frequencies of §2.6 are random, so they are compared with 1/6 within a few standard errors.
extension Chapter2: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "2.3", name: "A.sum()", book: 190, tolerance: 0, printedAs: ">>> A.shape, A.sum()\n[5, 4]\ntensor("),
        BookResult(section: "2.3", name: "A.mean()", book: 9.5, tolerance: 0, printedAs: ">>> A.mean(), A.sum() / A.numel()\ntensor("),
        BookResult(section: "2.3.10", name: "‖u‖₂ of [3, −4]", book: 5, tolerance: 0, printedAs: ">>> torch.norm(u)\ntensor("),
        BookResult(section: "2.3.10", name: "‖u‖₁ of [3, −4]", book: 7, tolerance: 0, printedAs: ">>> torch.abs(u).sum()\ntensor("),
        BookResult(section: "2.3.10", name: "‖ones(4, 9)‖_F", book: 6, tolerance: 0, printedAs: ">>> torch.norm(torch.ones((4, 9)))\ntensor("),
        BookResult(section: "2.4.1", name: "numerical limit at h = 1e-5", book: 2.00003, tolerance: 1e-5, printedAs: "numerical limit="),
        BookResult(section: "2.5.1", name: "y = 2xᵀx", book: 28, tolerance: 0, printedAs: ">>> y = 2 * torch.dot(x, x)\ntensor("),
        BookResult(section: "2.6.1", name: "P(die shows 1), 5000 rolls", book: 1.0 / 6, tolerance: 0.02,
                   printedAs: "estimates after all 500 groups of 10 rolls\ntensor(["),
    ]
}
