/// An n-dimensional array of numbers that can record the operations applied to it, so that
/// gradients can be computed by `backward()`.
///
/// d2l: `torch.Tensor` (§2.1). Like PyTorch's tensor, and unlike Swift arrays, a `Tensor` is a
/// reference: `let y = x; y += 1` changes `x` too, and views such as `reshape`, slicing and
/// `transpose` share the values of the tensor they come from. Values are stored as `Float`;
/// `dtype` tells whether they are meant as reals, exact integers or booleans (see `DType`).
public final class Tensor {
    /// The buffer the values live in, possibly shared with other tensors (views).
    public let storage: TensorStorage
    /// The length of each axis, outermost first. A scalar has shape `[]`.
    public let shape: [Int]
    /// How many storage elements to step to move by one along each axis.
    public let strides: [Int]
    /// Position of the first element inside `storage`.
    public let offset: Int
    /// Whether the values are reals, exact integers or booleans.
    public let dtype: DType

    /// Whether operations on this tensor are recorded for `backward()`. Only `float32` tensors
    /// can require gradients. Setting it is allowed on leaves (tensors not made by an operation).
    public var requiresGrad: Bool {
        didSet {
            check(!requiresGrad || dtype == .float32,
                  "requiresGrad: only float32 tensors can have gradients, this one is \(dtype)")
            check(gradFn == nil || requiresGrad,
                  "requiresGrad: cannot turn off gradients of a non-leaf tensor; use detach()")
        }
    }
    /// The gradient accumulated by `backward()` calls, for leaves that require gradients.
    public var grad: Tensor?
    /// The operation that produced this tensor, when it was recorded for autograd.
    public internal(set) var gradFn: GradientNode?

    /// Creates a tensor over existing storage; the low-level initializer behind views.
    init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int = 0,
         dtype: DType = .float32, requiresGrad: Bool = false) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.dtype = dtype
        self.requiresGrad = requiresGrad
        storage.tensorCount.add(1, ordering: .relaxed)
    }

    deinit { storage.tensorCount.subtract(1, ordering: .relaxed) }

    /// Creates a contiguous tensor with fresh storage holding `count` values.
    convenience init(uninitializedShape shape: [Int], dtype: DType = .float32) {
        let n = Shape.elementCount(shape, operation: "Tensor")
        self.init(storage: TensorStorage(uninitializedCount: n), shape: shape,
                  strides: Shape.contiguousStrides(shape), dtype: dtype)
    }

    /// Creates a tensor of the given shape from values listed in row-major order.
    ///
    /// - Precondition: `values.count` equals the product of `shape`.
    public convenience init(shape: [Int], values: [Float], dtype: DType = .float32,
                            requiresGrad: Bool = false) {
        let n = Shape.elementCount(shape, operation: "Tensor(shape:values:)")
        check(values.count == n,
              "Tensor(shape:values:): shape \(shape) needs \(n) values, got \(values.count)")
        self.init(uninitializedShape: shape, dtype: dtype)
        values.withUnsafeBufferPointer { src in
            if n > 0 { storage.pointer.update(from: src.baseAddress!, count: n) }
        }
        if dtype.isIntegral { Tensor.checkExactIntegers(values, operation: "Tensor(shape:values:)") }
        self.requiresGrad = requiresGrad
    }

    /// Number of axes (PyTorch's `dim()`).
    public var ndim: Int { shape.count }

    /// Total number of elements (PyTorch's `numel()`).
    public var count: Int { Shape.product(shape) }

    /// Total number of elements; the book's `numel()`.
    public func numel() -> Int { count }

    /// The length of the first axis, as Python's `len(x)` (§2.3).
    public var length: Int {
        check(!shape.isEmpty, "length: a 0-d tensor has no first axis")
        return shape[0]
    }

    /// Whether the elements are laid out row-major without gaps, so kernels can read them as one
    /// flat buffer.
    public var isContiguous: Bool {
        var expected = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] != 1 {
            if strides[axis] != expected { return false }
            expected *= shape[axis]
        }
        return true
    }

    /// True for a tensor that no operation produced: its gradient is kept in `grad`.
    public var isLeaf: Bool { gradFn == nil }

    /// Pointer to the first element (already moved by `offset`).
    var base: UnsafeMutablePointer<Float> { storage.pointer + offset }

    /// Stops with a clear message when integer data would not be exact in a `Float`.
    static func checkExactIntegers(_ values: [Float], operation: String) {
        for v in values where v.rounded() != v || Swift.abs(v) > Float(DType.maxExactInteger) {
            failCheck("\(operation): \(v) is not an integer that Float32 stores exactly "
                      + "(|n| <= \(DType.maxExactInteger))")
        }
    }
}
