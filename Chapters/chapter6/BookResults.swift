import ChapterSupport

/// The values chapter 6 of the book prints, for `chapter6 report` (zh-v2, PyTorch).
///
/// The small examples of §6.2–6.5 are fixed inputs, so the book's printouts are exact
/// (zh.d2l.ai chapter_convolutional-neural-networks/): `corr2d(X, K)` is `tensor([[19., 25.],
/// [37., 43.]])`, the padded 3×3 convolution of an 8×8 input keeps `torch.Size([8, 8])`, the
/// (3, 5) kernel with stride (3, 4) gives `torch.Size([2, 2])`, `corr2d_multi_in` is
/// `tensor([[ 56.,  72.], [104., 120.]])`, and the 2×2 max and average pools of 0…8 start with 4 and 2.
///
/// §6.2.4 learns a kernel from the edge image; its printed weights could not be found, so the value
/// compared is the kernel `K = [1, -1]` the book generated the labels with and says the learned one
/// is very close to ("学习到的卷积核权重非常接近我们之前定义的卷积核K"), within 0.05.
///
/// §6.6's LeNet line is the book's `loss 0.469, train acc 0.823, test acc 0.779` (10 epochs,
/// lr 0.9, on a GPU; lenet.html, read from a public copy of the page's output, as the page itself is
/// not in the search index). LeNet with sigmoids at lr 0.9 swings by a few points from run to run,
/// hence ±0.05 on the loss and ±0.03 on the accuracies.
extension Chapter6: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "6.2.1", name: "corr2d(X, K)[0, 0]", book: 19, tolerance: 0, printedAs: "tensor([["),
        BookResult(section: "6.2.4", name: "learned kernel[0] (book: K = [1, -1])", book: 1, tolerance: 0.05,
                   printedAs: "learned kernel: tensor([["),
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
