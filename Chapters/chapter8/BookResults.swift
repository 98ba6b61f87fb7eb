import ChapterSupport

/// The values chapter 8 of the book prints, for `chapter8 report`: §8.1's loss after its fifth
/// epoch (about 0.055), and the final perplexity of §8.5's RNN from scratch (1.0) and §8.6's
/// concise one (1.3), each run at the book's 500 epochs.
extension Chapter8: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "8.1", name: "loss after 5 epochs", book: 0.055, tolerance: 0.01, printedAs: "epoch 5, loss:"),
        BookResult(section: "8.5", name: "perplexity", book: 1.0, tolerance: 0.2),
        BookResult(section: "8.6", name: "perplexity", book: 1.3, tolerance: 0.2),
    ]

    /// 100 of the 500 epochs of the two language models.
    static let quickRuns = ["rnn-scratch", "rnn-concise"].map {
        QuickRun($0, ["--epochs", "100"], note: "100 epochs; the book: 500")
    }
}
