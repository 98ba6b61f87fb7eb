/// Minibatches of (features, labels) drawn from two tensors whose first axes line up, or from
/// images stored as bytes.
///
/// d2l: `load_array` / `torch.utils.data.DataLoader` (§3.3, §3.5). Iterating gives
/// `(X, y)` pairs of `batchSize` examples; with `shuffle` every pass draws a new order from
/// `generator`, and the last, partial batch is kept, as PyTorch does by default.
public struct DataLoader: Sequence {
    /// Where the features of a batch come from.
    enum Features {
        case tensor(Tensor)
        case images(ByteImages)
    }
    let features: Features
    /// One label (or target row) per example.
    public let labels: Tensor
    /// Examples per batch.
    public let batchSize: Int
    /// Whether each pass visits the examples in a new random order.
    public let shuffle: Bool
    /// The source of those orders.
    public let generator: RandomGenerator

    /// A loader over `features` and `labels`.
    public init(features: Tensor, labels: Tensor, batchSize: Int, shuffle: Bool,
                generator: RandomGenerator = .global) {
        check(batchSize > 0, "DataLoader: batchSize must be positive, got \(batchSize)")
        check(features.ndim >= 1 && labels.ndim >= 1 && features.shape[0] == labels.shape[0],
              "DataLoader: features \(features.shape) and labels \(labels.shape) must have the same first axis")
        self.features = .tensor(features.detach().contiguous())
        self.labels = labels.detach().contiguous()
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.generator = generator
    }

    /// A loader over images kept as bytes, converted (and resized) a batch at a time.
    public init(images: ByteImages, labels: Tensor, batchSize: Int, shuffle: Bool,
                generator: RandomGenerator = .global) {
        check(batchSize > 0, "DataLoader: batchSize must be positive, got \(batchSize)")
        check(labels.ndim >= 1 && labels.shape[0] == images.count,
              "DataLoader: \(images.count) images but labels of shape \(labels.shape)")
        features = .images(images)
        self.labels = labels.detach().contiguous()
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.generator = generator
    }

    /// Number of examples.
    public var exampleCount: Int { labels.shape[0] }

    /// Number of batches in one pass, as `len(train_iter)`.
    public var count: Int { (exampleCount + batchSize - 1) / batchSize }

    /// A new pass over the data.
    public func makeIterator() -> Iterator {
        var order = Array(0..<exampleCount)
        if shuffle {
            // The loader's own generator, so a seed fixes the order.
            generator.shuffle(&order)
        }
        return Iterator(loader: self, order: order)
    }

    /// Walks one pass, copying each batch's rows into fresh contiguous tensors.
    public struct Iterator: IteratorProtocol {
        let loader: DataLoader
        let order: [Int]
        var position = 0

        /// The next `(X, y)` batch, or `nil` at the end of the pass.
        public mutating func next() -> (Tensor, Tensor)? {
            guard position < order.count else { return nil }
            let end = Swift.min(position + loader.batchSize, order.count)
            let rows = order[position..<end]
            position = end
            switch loader.features {
            case .tensor(let X): return (Iterator.gather(X, rows), Iterator.gather(loader.labels, rows))
            case .images(let images): return (images.batch(rows), Iterator.gather(loader.labels, rows))
            }
        }

        static func gather(_ source: Tensor, _ rows: ArraySlice<Int>) -> Tensor {
            let rowSize = source.count / Swift.max(source.shape[0], 1)
            let out = Tensor(uninitializedShape: [rows.count] + source.shape.dropFirst(), dtype: source.dtype)
            let src = source.base, dst = out.storage.pointer
            for (i, r) in rows.enumerated() {
                (dst + i * rowSize).update(from: src + r * rowSize, count: rowSize)
            }
            return out
        }
    }
}

/// A loader over in-memory tensors, as the book's `load_array((features, labels), batch_size,
/// is_train)` (§3.3): shuffled when training.
public func loadArray(_ features: Tensor, _ labels: Tensor, batchSize: Int, isTrain: Bool = true,
                      generator: RandomGenerator = .global) -> DataLoader {
    DataLoader(features: features, labels: labels, batchSize: batchSize, shuffle: isTrain, generator: generator)
}
