/// A pass over minibatches that knows how many it holds, which is all a training loop needs
/// of its data: `DataLoader` for (X, y) pairs, and the sequence loaders of chapters 8, 9 and 13
/// with batches of their own type.
///
/// d2l: the book's loops take any iterable with `len(train_iter)`.
public protocol BatchSequence: Sequence {
    /// Number of batches in one pass, as `len(train_iter)`.
    var count: Int { get }
}

extension DataLoader: BatchSequence {}
