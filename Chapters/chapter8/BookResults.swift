import ChapterSupport

/// The values chapter 8 of the book prints, for `chapter8 report` (zh-v2, PyTorch; read from a
/// Markdown conversion of the zh-v2 PDF, chapters 8–9, in the search index, as the rendered pages
/// at zh.d2l.ai are not in it):
///
/// - §8.1: `epoch 5, loss: 0.051650` (the five epochs print 0.076846, 0.056340, 0.053779,
///   0.056320, 0.051650). The loss has a floor near the noise variance (σ = 0.2, so 0.04) and moves
///   by about 0.005 between epochs, hence ±0.01.
/// - §8.5: `困惑度 1.0, 67212.6 词元/秒 cuda:0` after 500 epochs with sequential partitioning (the
///   random-sampling run after it prints 1.5; the report runs the sequential default).
/// - §8.6: `perplexity 1.3, 404413.8 tokens/sec on cuda:0`.
///
/// The perplexities are printed to one decimal, and a run of 500 epochs ends within a few tenths of
/// 1.0 (the model nearly memorises the text), hence ±0.2.
extension Chapter8: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "8.1", name: "loss after 5 epochs", book: 0.051650, tolerance: 0.01, printedAs: "epoch 5, loss:"),
        BookResult(section: "8.5", name: "perplexity", book: 1.0, tolerance: 0.2),
        BookResult(section: "8.6", name: "perplexity", book: 1.3, tolerance: 0.2),
    ]

    /// 100 of the 500 epochs of the two language models.
    static let quickRuns = ["rnn-scratch", "rnn-concise"].map {
        QuickRun($0, ["--epochs", "100"], note: "100 epochs; the book: 500")
    }
}
