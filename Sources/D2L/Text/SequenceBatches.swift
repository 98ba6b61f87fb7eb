/// One pass of `(X, Y)` minibatches cut from a sequence of token indices: `X` and `Y` are
/// `int64` tensors of shape `[batchSize, numSteps]`, and `Y` is `X` shifted one token ahead.
///
/// d2l: what the generators `seq_data_iter_random` and `seq_data_iter_sequential` (§8.3.4)
/// yield. The pass is fixed when it is made (its offset and order are drawn then), so iterating
/// the same value twice gives the same minibatches.
public struct SequenceBatches: BatchSequence, IteratorProtocol {
    /// Tokens per row of a minibatch.
    public let numSteps: Int
    /// Rows per minibatch.
    public let batchSize: Int
    /// How many tokens were skipped at the start of the corpus.
    public let offset: Int
    /// Where each row of each minibatch starts in the corpus: row `r` of minibatch `k` is
    /// `corpus[starts[k * batchSize + r] ..< … + numSteps]`.
    public let starts: [Int]
    private let corpus: [Float]
    private var batch = 0

    init(corpus: [Float], batchSize: Int, numSteps: Int, offset: Int, starts: [Int]) {
        self.corpus = corpus
        self.batchSize = batchSize
        self.numSteps = numSteps
        self.offset = offset
        self.starts = starts
    }

    /// Number of minibatches in the pass.
    public var count: Int { starts.count / batchSize }

    /// The next `(X, Y)`, or `nil` after the last minibatch.
    public mutating func next() -> (Tensor, Tensor)? {
        guard batch < count else { return nil }
        let rows = starts[(batch * batchSize)..<((batch + 1) * batchSize)]
        batch += 1
        return (rowsOfCorpus(rows, shift: 0), rowsOfCorpus(rows, shift: 1))
    }

    /// A `[rows.count, numSteps]` int64 tensor whose row `r` is the corpus from `rows[r] + shift`.
    private func rowsOfCorpus(_ rows: ArraySlice<Int>, shift: Int) -> Tensor {
        let out = Tensor(uninitializedShape: [rows.count, numSteps], dtype: .int64)
        let dst = out.storage.pointer
        corpus.withUnsafeBufferPointer { src in
            for (r, start) in rows.enumerated() {
                (dst + r * numSteps).update(from: src.baseAddress! + start + shift, count: numSteps)
            }
        }
        return out
    }
}

/// Checks the arguments shared by both samplers and converts the corpus to the tensors' values.
private func checkedCorpus(_ corpus: [Int], batchSize: Int, numSteps: Int, operation: String) -> [Float] {
    check(batchSize > 0 && numSteps > 0,
          "\(operation): batchSize and numSteps must be positive, got \(batchSize) and \(numSteps)")
    var values = [Float](repeating: 0, count: corpus.count)
    for (i, token) in corpus.enumerated() {
        check(token >= 0 && token <= DType.maxExactInteger,
              "\(operation): corpus[\(i)] = \(token) is not a token index (0...\(DType.maxExactInteger))")
        values[i] = Float(token)
    }
    return values
}

/// Minibatches of random, non-overlapping subsequences.
///
/// d2l: `seq_data_iter_random(corpus, batch_size, num_steps)` (§8.3.4.1). The corpus is cut
/// into subsequences of `numSteps` tokens after skipping `offset` tokens (drawn uniformly from
/// `0...numSteps - 1` when `nil`), the subsequences are shuffled, and each minibatch takes the
/// next `batchSize` of them, so every subsequence is used at most once per pass and two
/// neighbouring minibatches are not neighbours in the text. Subsequences that do not fill a
/// last minibatch are dropped, as in the book.
public func seqDataIterRandom(_ corpus: [Int], batchSize: Int, numSteps: Int, offset: Int? = nil,
                              generator: RandomGenerator = .global) -> SequenceBatches {
    let values = checkedCorpus(corpus, batchSize: batchSize, numSteps: numSteps, operation: "seqDataIterRandom")
    let skip = offset ?? generator.nextInt(in: 0..<numSteps)
    check(skip >= 0 && skip < numSteps, "seqDataIterRandom: offset \(skip) is outside 0..<\(numSteps)")
    // One token is held back: the labels Y run one position past X.
    let numSubseqs = Swift.max(corpus.count - skip - 1, 0) / numSteps
    var starts = Array(stride(from: skip, to: skip + numSubseqs * numSteps, by: numSteps))
    // The caller's generator, so a seed fixes the order.
    generator.shuffle(&starts)
    starts.removeLast(numSubseqs % batchSize)
    return SequenceBatches(corpus: values, batchSize: batchSize, numSteps: numSteps, offset: skip, starts: starts)
}

/// Minibatches that continue each other: row `r` of minibatch `k + 1` starts where row `r` of
/// minibatch `k` ended, so a model's hidden state can be carried from one to the next.
///
/// d2l: `seq_data_iter_sequential(corpus, batch_size, num_steps)` (§8.3.4.2). After skipping
/// `offset` tokens (drawn uniformly from `0...numSteps` when `nil`), the longest prefix that
/// splits into `batchSize` equal rows (one token held back for the labels) is laid out as a
/// `[batchSize, rowLength]` matrix, whose columns are read `numSteps` at a time.
public func seqDataIterSequential(_ corpus: [Int], batchSize: Int, numSteps: Int, offset: Int? = nil,
                                  generator: RandomGenerator = .global) -> SequenceBatches {
    let values = checkedCorpus(corpus, batchSize: batchSize, numSteps: numSteps, operation: "seqDataIterSequential")
    let skip = offset ?? generator.nextInt(in: 0..<(numSteps + 1))
    check(skip >= 0 && skip <= numSteps, "seqDataIterSequential: offset \(skip) is outside 0...\(numSteps)")
    let rowLength = Swift.max(corpus.count - skip - 1, 0) / batchSize
    let numBatches = rowLength / numSteps
    var starts: [Int] = []
    starts.reserveCapacity(numBatches * batchSize)
    for k in 0..<numBatches {
        for r in 0..<batchSize { starts.append(skip + r * rowLength + k * numSteps) }
    }
    return SequenceBatches(corpus: values, batchSize: batchSize, numSteps: numSteps, offset: skip, starts: starts)
}
