import ChapterSupport

/// The values chapter 5 of the book prints, for `chapter5 report` (zh-v2, PyTorch, §5.4,
/// zh.d2l.ai chapter_deep-learning-computation/custom-layer.html).
///
/// `CenteredLayer()` on `[1, 2, 3, 4, 5]` prints `tensor([-2., -1.,  0.,  1.,  2.])`, exact. The mean
/// of its output inside a net is zero up to float32 rounding; the book prints
/// `tensor(7.4506e-09, grad_fn=<MeanBackward0>)` (read from public copies of the page's output, the
/// page itself is not in the search index). Any run prints a different rounding residue of order
/// 1e-9, so the tolerance is 1e-6, far below any real offset.
extension Chapter5: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "5.4", name: "CenteredLayer()([1, 2, 3, 4, 5])[0]", book: -2, tolerance: 0, printedAs: "tensor(["),
        BookResult(section: "5.4", name: "Y.mean()", book: 7.4506e-09, tolerance: 1e-6, printedAs: "Y.mean(): tensor("),
    ]
}
