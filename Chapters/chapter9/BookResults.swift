import ChapterSupport

/// The values chapter 9 of the book prints, for `chapter9 report` (zh-v2, PyTorch; read from a
/// Markdown conversion of the zh-v2 PDF, chapters 8–9, in the search index, as the rendered pages
/// at zh.d2l.ai are not in it): the final perplexity of each language model after 500 epochs, and
/// §9.7's final loss of the small GRU encoder–decoder after 300 epochs.
///
/// - §9.1 GRU: from scratch `perplexity 1.1, 19911.5 tokens/sec`, concise `perplexity 1.0`.
/// - §9.2 LSTM: from scratch `perplexity 1.3, 17736.0 tokens/sec`, concise `perplexity 1.1`.
/// - §9.3 deep LSTM: `perplexity 1.0`; §9.4 bidirectional LSTM: `perplexity 1.1`.
/// - §9.7: `loss 0.019, 12745.1 tokens/sec`.
///
/// Perplexities are printed to one decimal and 500-epoch runs end within a few tenths of 1.0,
/// hence ±0.2; the seq2seq loss is printed to three decimals and moves by a few thousandths between
/// runs, hence ±0.005.
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
