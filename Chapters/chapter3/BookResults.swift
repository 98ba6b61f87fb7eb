import ChapterSupport

/// The values chapter 3 of the book shows, for `chapter3 report`.
///
/// §3.2 and §3.3 print their last epoch's loss; its floor is set by the noise of the synthetic
/// data (σ = 0.01, so about 5e-5), and the tolerance is that floor. §3.6 and §3.7 print no
/// numbers in the book: their accuracies are read off the end of its training curves (test
/// accuracy about 0.83), and `train_ch3` itself only asserts more than 0.7.
extension Chapter3: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "3.2", name: "loss after 3 epochs", book: 0.000051, tolerance: 0.00005, printedAs: "epoch 3, loss"),
        BookResult(section: "3.3", name: "loss after 3 epochs", book: 0.000103, tolerance: 0.0001, printedAs: "epoch 3, loss"),
        BookResult(section: "3.6", name: "test acc", book: 0.83, tolerance: 0.02),
        BookResult(section: "3.7", name: "test acc", book: 0.83, tolerance: 0.02),
    ]

    /// Two epochs of the ten: the curves and the prediction grid still appear.
    static let quickRuns = [
        QuickRun("softmax-scratch", ["--epochs", "2"], note: "2 epochs; the book: 10"),
        QuickRun("softmax", ["--epochs", "2"], note: "2 epochs; the book: 10"),
    ]
}
