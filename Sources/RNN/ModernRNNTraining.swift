import D2L

/// What §9.1–§9.3 share: The Time Machine in minibatches of 32 sequences of 35 characters, and
/// `train_ch8` at the book's settings (500 epochs, lr 1).
public enum ModernRNNTraining {
    /// `batch_size, num_steps = 32, 35` and `d2l.load_data_time_machine(batch_size, num_steps)`
    /// (§9.1.2): sequential partitioning.
    public static func loadData(generator: RandomGenerator = .global) throws -> (SeqDataLoader, Vocab) {
        try loadDataTimeMachine(batchSize: 32, numSteps: 35, generator: generator)
    }

    /// `d2l.train_ch8(model, train_iter, vocab, lr, num_epochs, device)` with the book's
    /// `num_epochs, lr = 500, 1` by default; prints the progress and result lines and writes the
    /// perplexity curve as `figureName` (a `chapter9-….svg`).
    @discardableResult
    public static func train<Net: RecurrentLanguageModel>(
        _ net: Net, _ trainIter: SeqDataLoader, vocab: Vocab, numEpochs: Int = 500, lr: Float = 1, figureName: String
    ) throws -> LanguageModelResult {
        try trainCh8(net, trainIter, vocab: vocab, lr: lr, numEpochs: numEpochs, figureName: figureName)
    }
}
