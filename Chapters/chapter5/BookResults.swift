import ChapterSupport

/// The values chapter 5 of the book prints, for `chapter5 report`: §5.4's `CenteredLayer`,
/// exactly `[-2, -1, 0, 1, 2]` on `[1, 2, 3, 4, 5]`, and the mean of its output inside a net,
/// zero up to float rounding (the book prints about 1e-9).
extension Chapter5: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "5.4", name: "CenteredLayer()([1, 2, 3, 4, 5])[0]", book: -2, tolerance: 0, printedAs: "tensor(["),
        BookResult(section: "5.4", name: "Y.mean()", book: 0, tolerance: 1e-6, printedAs: "Y.mean(): tensor("),
    ]
}
