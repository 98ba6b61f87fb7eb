// Creating tensors: from Swift arrays, filled with constants, ranges, and random values (§2.1).

extension Tensor {
    /// A 0-d tensor (a scalar) holding `value`.
    public convenience init(_ value: Float, requiresGrad: Bool = false) {
        self.init(shape: [], values: [value], requiresGrad: requiresGrad)
    }

    /// A 1-d `float32` tensor, as `torch.tensor([1.0, 2, 4, 8])`.
    public convenience init(_ values: [Float], requiresGrad: Bool = false) {
        self.init(shape: [values.count], values: values, requiresGrad: requiresGrad)
    }

    /// A 2-d `float32` tensor from rows of equal length, as `torch.tensor([[2.0, 1], [4, 3]])`.
    public convenience init(_ rows: [[Float]], requiresGrad: Bool = false) {
        let (shape, flat) = Tensor.flatten2(rows, operation: "Tensor([[Float]])")
        self.init(shape: shape, values: flat, requiresGrad: requiresGrad)
    }

    /// A 3-d `float32` tensor from nested arrays of equal lengths.
    public convenience init(_ blocks: [[[Float]]], requiresGrad: Bool = false) {
        let (shape, flat) = Tensor.flatten3(blocks, operation: "Tensor([[[Float]]])")
        self.init(shape: shape, values: flat, requiresGrad: requiresGrad)
    }

    /// A 1-d `int64` tensor, as `torch.tensor([0, 2])` (labels, indices).
    public convenience init(_ values: [Int]) {
        self.init(shape: [values.count], values: values.map(Float.init), dtype: .int64)
    }

    /// A 2-d `int64` tensor from rows of equal length.
    public convenience init(_ rows: [[Int]]) {
        let (shape, flat) = Tensor.flatten2(rows.map { $0.map(Float.init) }, operation: "Tensor([[Int]])")
        self.init(shape: shape, values: flat, dtype: .int64)
    }

    /// A 3-d `int64` tensor from nested arrays of equal lengths.
    public convenience init(_ blocks: [[[Int]]]) {
        let (shape, flat) = Tensor.flatten3(blocks.map { $0.map { $0.map(Float.init) } },
                                            operation: "Tensor([[[Int]]])")
        self.init(shape: shape, values: flat, dtype: .int64)
    }

    /// A 1-d `bool` tensor.
    public convenience init(_ values: [Bool]) {
        self.init(shape: [values.count], values: values.map { $0 ? 1 : 0 }, dtype: .bool)
    }

    private static func flatten2(_ rows: [[Float]], operation: String) -> ([Int], [Float]) {
        let width = rows.first?.count ?? 0
        for (i, row) in rows.enumerated() where row.count != width {
            failCheck("\(operation): row \(i) has \(row.count) values, row 0 has \(width)")
        }
        return ([rows.count, width], rows.flatMap { $0 })
    }

    private static func flatten3(_ blocks: [[[Float]]], operation: String) -> ([Int], [Float]) {
        let inner = blocks.map { flatten2($0, operation: operation) }
        let shape = inner.first?.0 ?? [0, 0]
        for (i, b) in inner.enumerated() where b.0 != shape {
            failCheck("\(operation): block \(i) has shape \(b.0), block 0 has \(shape)")
        }
        return ([blocks.count] + shape, inner.flatMap { $0.1 })
    }

    // MARK: Constant fills

    /// A tensor of the given shape with every element equal to `value`, as `torch.full`.
    public static func full(_ shape: [Int], _ value: Float, dtype: DType = .float32,
                            requiresGrad: Bool = false) -> Tensor {
        let t = Tensor(uninitializedShape: shape, dtype: dtype)
        if dtype.isIntegral { checkExactIntegers([value], operation: "full") }
        t.storage.pointer.update(repeating: value, count: t.count)
        t.requiresGrad = requiresGrad
        return t
    }

    /// All zeros, as `torch.zeros((2, 3, 4))`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32, requiresGrad: Bool = false) -> Tensor {
        full(shape, 0, dtype: dtype, requiresGrad: requiresGrad)
    }

    /// All ones, as `torch.ones((2, 3, 4))`.
    public static func ones(_ shape: [Int], dtype: DType = .float32, requiresGrad: Bool = false) -> Tensor {
        full(shape, 1, dtype: dtype, requiresGrad: requiresGrad)
    }

    /// Zeros with the shape (and by default the dtype) of `other`, as `torch.zeros_like`.
    public static func zerosLike(_ other: Tensor, dtype: DType? = nil) -> Tensor {
        zeros(other.shape, dtype: dtype ?? other.dtype)
    }

    /// Ones with the shape (and by default the dtype) of `other`, as `torch.ones_like`.
    public static func onesLike(_ other: Tensor, dtype: DType? = nil) -> Tensor {
        ones(other.shape, dtype: dtype ?? other.dtype)
    }

    /// The `n`×`n` identity matrix, as `torch.eye(n)`.
    public static func eye(_ n: Int, dtype: DType = .float32) -> Tensor {
        let t = zeros([n, n], dtype: dtype)
        for i in 0..<n { t.storage.pointer[i * n + i] = 1 }
        return t
    }

    // MARK: Ranges

    /// The integers `0, 1, ..., end - 1`, as `torch.arange(12)` (an `int64` tensor) or
    /// `torch.arange(12, dtype=torch.float32)` with `dtype: .float32`.
    public static func arange(_ end: Int, dtype: DType = .int64) -> Tensor {
        arange(0, end, dtype: dtype)
    }

    /// The integers from `start` up to (not including) `end` in steps of `step`.
    public static func arange(_ start: Int, _ end: Int, step: Int = 1, dtype: DType = .int64) -> Tensor {
        check(step != 0, "arange: step must not be zero")
        let values = Array(stride(from: start, to: end, by: step)).map(Float.init)
        return Tensor(shape: [values.count], values: values, dtype: dtype)
    }

    /// Evenly spaced reals from `start` up to (not including) `end`, as
    /// `torch.arange(0, 3, 0.1)` (§2.4). The count is computed once, as PyTorch does, so
    /// rounding cannot add or drop a last element.
    public static func arange(_ start: Float, _ end: Float, step: Float = 1,
                              requiresGrad: Bool = false) -> Tensor {
        check(step != 0, "arange: step must not be zero")
        let n = Swift.max(0, Int((Double(end - start) / Double(step)).rounded(.up)))
        let values = (0..<n).map { start + Float($0) * step }
        return Tensor(shape: [n], values: values, requiresGrad: requiresGrad)
    }

    /// `steps` reals evenly spaced from `start` to `end` inclusive, as `torch.linspace`.
    public static func linspace(_ start: Float, _ end: Float, steps: Int) -> Tensor {
        check(steps >= 1, "linspace: steps must be at least 1, got \(steps)")
        let step = steps == 1 ? 0 : (end - start) / Float(steps - 1)
        return Tensor((0..<steps).map { start + Float($0) * step })
    }

    // MARK: Random values

    /// Values drawn from a normal distribution, as `torch.normal(mean, std, size)`.
    public static func normal(mean: Float = 0, std: Float = 1, shape: [Int],
                              generator: RandomGenerator = .global, requiresGrad: Bool = false) -> Tensor {
        let t = Tensor(uninitializedShape: shape)
        let p = t.storage.pointer
        for i in 0..<t.count { p[i] = mean + std * generator.nextNormal() }
        t.requiresGrad = requiresGrad
        return t
    }

    /// Values drawn uniformly from [low, high), as `torch.empty(...).uniform_(low, high)`.
    public static func uniform(low: Float = 0, high: Float = 1, shape: [Int],
                               generator: RandomGenerator = .global, requiresGrad: Bool = false) -> Tensor {
        let t = Tensor(uninitializedShape: shape)
        let p = t.storage.pointer
        for i in 0..<t.count { p[i] = low + (high - low) * generator.nextUniform() }
        t.requiresGrad = requiresGrad
        return t
    }

    /// Standard normal values, as `torch.randn(3, 4)`.
    public static func randn(_ shape: [Int], generator: RandomGenerator = .global,
                             requiresGrad: Bool = false) -> Tensor {
        normal(mean: 0, std: 1, shape: shape, generator: generator, requiresGrad: requiresGrad)
    }

    /// Uniform values in [0, 1), as `torch.rand(3, 4)`.
    public static func rand(_ shape: [Int], generator: RandomGenerator = .global,
                            requiresGrad: Bool = false) -> Tensor {
        uniform(low: 0, high: 1, shape: shape, generator: generator, requiresGrad: requiresGrad)
    }

    /// Random integers in `low..<high` as an `int64` tensor, as `torch.randint(low, high, size)`.
    public static func randint(_ low: Int, _ high: Int, shape: [Int],
                               generator: RandomGenerator = .global) -> Tensor {
        check(low < high, "randint: empty range \(low)..<\(high)")
        let t = Tensor(uninitializedShape: shape, dtype: .int64)
        let p = t.storage.pointer
        for i in 0..<t.count { p[i] = Float(generator.nextInt(in: low..<high)) }
        return t
    }
}

extension Tensor: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// An integer literal where a tensor is expected is a 0-d `int64` tensor, so `x + 1` and
    /// `X[1, 2] = 9` read as in Python.
    public convenience init(integerLiteral value: Int) {
        self.init(shape: [], values: [Float(value)], dtype: .int64)
    }

    /// A float literal where a tensor is expected is a 0-d `float32` tensor (`x * 0.5`).
    public convenience init(floatLiteral value: Float) {
        self.init(shape: [], values: [value])
    }
}
