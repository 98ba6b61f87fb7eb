import ChapterSupport

/// The values chapter 9 of the book prints, for `chapter9 report`: the final perplexity of each
/// language model after 500 epochs (the book's runs end between 1.0 and 1.3), and §9.7's final
/// loss of the small GRU encoder–decoder after 300 epochs.
///
/// The GRUs from scratch and concise both print the heading §9.1 (the LSTMs §9.2): the first value
/// of a section goes to the first command, the second to the next.
extension Chapter9: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "9.1", name: "perplexity", book: 1.1, tolerance: 0.2),
        BookResult(section: "9.1", name: "perplexity", book: 1.0, tolerance: 0.2),
        BookResult(section: "9.2", name: "perplexity", book: 1.3, tolerance: 0.2),
        BookResult(section: "9.2", name: "perplexity", book: 1.1, tolerance: 0.2),
        BookResult(section: "9.3", name: "perplexity", book: 1.0, tolerance: 0.2),
        BookResult(section: "9.4", name: "perplexity", book: 1.1, tolerance: 0.2),
        BookResult(section: "9.7", name: "loss", book: 0.019, tolerance: 0.005),
    ]

    /// 50 of the language models' 500 epochs, 50 of the translator's 300.
    static let quickRuns = ["gru-scratch", "gru", "lstm-scratch", "lstm", "deep-rnn", "bi-rnn"].map {
        QuickRun($0, ["--epochs", "50"], note: "50 epochs; the book: 500")
    } + ["seq2seq", "beam-search"].map { QuickRun($0, ["--epochs", "50"], note: "50 epochs; the book: 300") }
}
