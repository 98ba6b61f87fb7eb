/// The flat buffer of `Float` values behind one or more tensors.
///
/// Several `Tensor`s (views made by `reshape`, slicing, `transpose`, ...) can share one storage,
/// which is how PyTorch's views work and why writing through a view changes the original (§2.1).
public final class TensorStorage {
    /// The first element. Memory is owned by this object and freed when it goes away.
    public let pointer: UnsafeMutablePointer<Float>
    /// Number of `Float`s in the buffer.
    public let count: Int

    /// Allocates `count` values, set to zero.
    public init(count: Int) {
        check(count >= 0, "TensorStorage: negative size \(count)")
        self.count = count
        pointer = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(count, 1))
        pointer.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    /// Allocates `count` values without clearing them; the caller writes every one.
    init(uninitializedCount count: Int) {
        check(count >= 0, "TensorStorage: negative size \(count)")
        self.count = count
        pointer = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(count, 1))
    }

    deinit { pointer.deallocate() }
}
