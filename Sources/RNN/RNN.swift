import D2L

/// The `RNN` module will hold book chapter 8 and 9, *Recurrent Neural Networks and Modern RNNs*: sequence models, text preprocessing, language models, RNNs from scratch and concise, GRU, LSTM, encoder–decoder and seq2seq (§8.1–9.8).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, so the module map in README.md can be checked against the code.
public enum RNNChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "8 and 9"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Recurrent Neural Networks and Modern RNNs"
}
