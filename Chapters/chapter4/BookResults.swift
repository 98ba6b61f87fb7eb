import ChapterSupport

/// The values chapter 4 of the book shows, for `chapter4 report`.
///
/// The Fashion-MNIST sections print no numbers in the book: their test accuracies are read off
/// the end of its training curves (MLP about 0.84, dropout about 0.86). §4.4's cubic fit should
/// find the generating weights 5, 1.2, −3.4, 5.6, as the book's printout does to a few hundredths;
/// §4.5's ‖w‖ is about 13.6 without weight decay and 0.34 with λ = 3 on the book's random data.
extension Chapter4: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "4.2", name: "test acc", book: 0.84, tolerance: 0.02),
        BookResult(section: "4.3", name: "test acc", book: 0.84, tolerance: 0.02),
        BookResult(section: "4.4.4.3", name: "cubic fit: weight of 1", book: 5, tolerance: 0.1, printedAs: "weight: tensor([["),
        BookResult(section: "4.5.3.4", name: "‖w‖, λ = 0", book: 13.6, tolerance: 1.5, printedAs: "L2 norm of w:"),
        BookResult(section: "4.5.3.5", name: "‖w‖, λ = 3", book: 0.34, tolerance: 0.05, printedAs: "L2 norm of w:"),
        BookResult(section: "4.6.4", name: "test acc", book: 0.86, tolerance: 0.02),
        BookResult(section: "4.6.5", name: "test acc", book: 0.86, tolerance: 0.02),
    ]

    /// Two epochs of the Fashion-MNIST sections' ten.
    static let quickRuns = ["mlp-scratch", "mlp", "dropout-scratch", "dropout"].map {
        QuickRun($0, ["--epochs", "2"], note: "2 epochs; the book: 10")
    }
}
