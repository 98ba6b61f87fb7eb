import D2L

/// The `RNN` module holds book chapters 8 and 9, *Recurrent Neural Networks and Modern RNNs*.
///
/// Chapter 8: §8.1 `SequenceModels`, §8.2 `TextPreprocessing`, §8.3 `LanguageModels`, §8.4 `RNNBasics`,
/// §8.5 `RNNScratch` (with `RNNModelScratch`) and §8.6 `RNNConcise`. What they share with later
/// chapters is in the core: the text API (`Vocab`, `tokenize`, the sequence loaders) in `D2L/Text/`,
/// the `RNN` layer and `RNNModel` in `D2L/NN/`, and `trainCh8` / `predictCh8` in `D2L/Train/`.
/// Chapter 9: §9.1 `GRUScratch` and `GRUConcise`, §9.2 `LSTMScratch` and `LSTMConcise`, §9.3
/// `DeepRNN`, §9.4 `BidirectionalRNN`, trained through `ModernRNNTraining`; §9.5
/// `MachineTranslation`, §9.7 `Seq2Seq`, §9.8 `BeamSearch`. The `GRU` and `LSTM` layers (stacked
/// and bidirectional too), the translation data, the encoder–decoder and `trainSeq2seq` are in
/// the core (`D2L/NN/`, `D2L/Text/`, `D2L/Train/`).
///
/// The module shares its name with the core's `RNN` layer (PyTorch's `nn.RNN`), and a bare `RNN`
/// means the layer. To name something of this module explicitly, use Swift's module selector:
/// `RNN::RNNScratch` (and `D2L::RNN` for the layer); `RNN.RNNScratch` would look inside the layer.
///
/// `RNNChapter.chapter` names the book chapters; `DocumentationTests` checks README.md's module
/// table against it.
public enum RNNChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "8 and 9"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Recurrent Neural Networks and Modern RNNs"
}
