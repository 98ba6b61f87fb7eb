import ChapterSupport

/// The values chapter 6 of the book prints, for `chapter6 report`.
///
/// The small examples of §6.2–6.5 are exact. The kernel learned in §6.2.4 is compared with the
/// one it should find, [1, −1], which the book's printout comes close to. §6.6's LeNet line is the
/// book's `loss 0.469, train acc 0.823, test acc 0.779` (10 epochs, lr 0.9, on a GPU).
extension Chapter6: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "6.2.1", name: "corr2d(X, K)[0, 0]", book: 19, tolerance: 0, printedAs: "tensor([["),
        BookResult(section: "6.2.4", name: "learned kernel[0]", book: 1, tolerance: 0.05, printedAs: "learned kernel: tensor([["),
        BookResult(section: "6.3", name: "output height, 3×3 kernel, padding 1", book: 8, tolerance: 0,
                   printedAs: "Conv2d(1, 1, kernel_size=3, padding=1): ["),
        BookResult(section: "6.3", name: "output height, stride (3, 4)", book: 2, tolerance: 0,
                   printedAs: "Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4)): ["),
        BookResult(section: "6.4", name: "corr2d_multi_in(X, K)[0, 0]", book: 56, tolerance: 0,
                   printedAs: "corr2d_multi_in(X, K) =\ntensor([["),
        BookResult(section: "6.5", name: "max pool [0, 0]", book: 4, tolerance: 0, printedAs: "pool2d(X, (2, 2)) =\ntensor([["),
        BookResult(section: "6.5", name: "average pool [0, 0]", book: 2, tolerance: 0, printedAs: "pool2d(X, (2, 2), 'avg') =\ntensor([["),
        BookResult(section: "6.6.2", name: "loss", book: 0.469, tolerance: 0.05),
        BookResult(section: "6.6.2", name: "train acc", book: 0.823, tolerance: 0.03),
        BookResult(section: "6.6.2", name: "test acc", book: 0.779, tolerance: 0.03),
    ]

    /// Two epochs of LeNet's ten.
    static let quickRuns = [QuickRun("lenet", ["--epochs", "2"], note: "2 epochs; the book: 10")]
}
