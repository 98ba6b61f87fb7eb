import ChapterSupport

/// The values chapter 2 of the book prints, for `chapter2 report`.
///
/// Checked against the book (zh-v2, PyTorch): §2.3, §2.3.10 and §2.5.1 compute fixed tensors
/// (`A = torch.arange(20, dtype=torch.float32).reshape(5, 4)`, `u = torch.tensor([3.0, -4.0])`,
/// `torch.ones((4, 9))`, `x = torch.arange(4.0)`; zh.d2l.ai chapter_preliminaries/linear-algebra.html
/// and autograd.html, code in d2l-ai/d2l-zh), so the book prints `tensor(190.)`, `tensor(9.5000)`,
/// `tensor(5.)`, `tensor(7.)`, `tensor(6.)` and `tensor(28., grad_fn=<MulBackward0>)`, and the
/// tolerances are 0. §2.4.1 prints `h=0.00001, numerical limit=2.00003` (calculus.html), to five
/// decimals, hence ±1e-5.
///
/// §2.6.1's die is random: the book prints one draw of `counts / 1000` and plots the 500 groups of
/// 10 rolls; the value compared is the true probability the book states, "1/6，大约是0.167"
/// (probability.html, the dashed line of its figure). The tolerance 0.02 is about 4 standard errors
/// of an estimate from 5000 rolls (√(1/6 · 5/6 / 5000) ≈ 0.0053).
extension Chapter2: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "2.3", name: "A.sum()", book: 190, tolerance: 0, printedAs: ">>> A.shape, A.sum()\n[5, 4]\ntensor("),
        BookResult(section: "2.3", name: "A.mean()", book: 9.5, tolerance: 0, printedAs: ">>> A.mean(), A.sum() / A.numel()\ntensor("),
        BookResult(section: "2.3.10", name: "‖u‖₂ of [3, −4]", book: 5, tolerance: 0, printedAs: ">>> torch.norm(u)\ntensor("),
        BookResult(section: "2.3.10", name: "‖u‖₁ of [3, −4]", book: 7, tolerance: 0, printedAs: ">>> torch.abs(u).sum()\ntensor("),
        BookResult(section: "2.3.10", name: "‖ones(4, 9)‖_F", book: 6, tolerance: 0, printedAs: ">>> torch.norm(torch.ones((4, 9)))\ntensor("),
        BookResult(section: "2.4.1", name: "numerical limit at h = 1e-5", book: 2.00003, tolerance: 1e-5, printedAs: "numerical limit="),
        BookResult(section: "2.5.1", name: "y = 2xᵀx", book: 28, tolerance: 0, printedAs: ">>> y = 2 * torch.dot(x, x)\ntensor("),
        BookResult(section: "2.6.1", name: "P(die shows 1), 5000 rolls (book: true probability 1/6)", book: 1.0 / 6, tolerance: 0.02,
                   printedAs: "estimates after all 500 groups of 10 rolls\ntensor(["),
    ]
}
