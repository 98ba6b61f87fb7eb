import D2L

/// The `RNN` module holds book chapters 8 and 9, *Recurrent Neural Networks and Modern RNNs*.
///
/// Chapter 8 so far: §8.1 `SequenceModels`, §8.2 `TextPreprocessing`, §8.3 `LanguageModels`, §8.4 `RNNBasics`; the
/// text API they use (`Vocab`, `tokenize`, the sequence loaders) is in the core, `D2L/Text/`.
public enum RNNChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "8 and 9"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Recurrent Neural Networks and Modern RNNs"
}
