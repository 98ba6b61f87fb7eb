/// An endless source of passes over a token corpus: each `for (X, Y) in loader` draws a new
/// offset (and, for random sampling, a new order) from `generator`.
///
/// d2l: `SeqDataLoader(batch_size, num_steps, use_random_iter, max_tokens)` (§8.3.5).
public struct SeqDataLoader: BatchSequence {
    /// The token indices the minibatches are cut from.
    public let corpus: [Int]
    /// The vocabulary of the corpus.
    public let vocab: Vocab
    /// Rows per minibatch and tokens per row.
    public let batchSize: Int, numSteps: Int
    /// Random sampling (`seqDataIterRandom`) instead of sequential partitioning.
    public let useRandomIter: Bool
    /// Where offsets and orders come from.
    public let generator: RandomGenerator

    /// A loader over a given corpus.
    public init(corpus: [Int], vocab: Vocab, batchSize: Int, numSteps: Int, useRandomIter: Bool = false,
                generator: RandomGenerator = .global) {
        check(batchSize > 0 && numSteps > 0,
              "SeqDataLoader: batchSize and numSteps must be positive, got \(batchSize) and \(numSteps)")
        self.corpus = corpus
        self.vocab = vocab
        self.batchSize = batchSize
        self.numSteps = numSteps
        self.useRandomIter = useRandomIter
        self.generator = generator
    }

    /// A loader over the character corpus of *The Time Machine* (its first `maxTokens` tokens
    /// when `maxTokens > 0`), as the book's constructor.
    /// - Throws: `DataError` when the text cannot be found or read.
    public init(batchSize: Int, numSteps: Int, useRandomIter: Bool = false, maxTokens: Int = 10_000,
                generator: RandomGenerator = .global) throws {
        let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: maxTokens)
        self.init(corpus: corpus, vocab: vocab, batchSize: batchSize, numSteps: numSteps,
                  useRandomIter: useRandomIter, generator: generator)
    }

    /// Minibatches in a pass that skips no tokens. The offset a pass draws can make it one
    /// minibatch shorter; each pass's own `count` is exact.
    public var count: Int {
        let usable = Swift.max(corpus.count - 1, 0)
        return useRandomIter ? usable / numSteps / batchSize : usable / batchSize / numSteps
    }

    /// A new pass, with a newly drawn offset.
    public func makeIterator() -> SequenceBatches {
        useRandomIter
            ? seqDataIterRandom(corpus, batchSize: batchSize, numSteps: numSteps, generator: generator)
            : seqDataIterSequential(corpus, batchSize: batchSize, numSteps: numSteps, generator: generator)
    }
}

/// The loader of *The Time Machine*'s character corpus and its vocabulary.
///
/// d2l: `load_data_time_machine(batch_size, num_steps, use_random_iter=False, max_tokens=10000)`
/// (§8.3.5): by default the first 10 000 characters, in sequential minibatches.
/// - Throws: `DataError` when the text cannot be found or read.
public func loadDataTimeMachine(batchSize: Int, numSteps: Int, useRandomIter: Bool = false,
                                maxTokens: Int = 10_000,
                                generator: RandomGenerator = .global) throws -> (SeqDataLoader, Vocab) {
    let loader = try SeqDataLoader(batchSize: batchSize, numSteps: numSteps, useRandomIter: useRandomIter,
                                   maxTokens: maxTokens, generator: generator)
    return (loader, loader.vocab)
}
