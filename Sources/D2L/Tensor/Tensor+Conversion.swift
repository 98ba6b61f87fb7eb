// Getting values out of a tensor (§2.1.6): Swift numbers and arrays, and dtype changes.

extension Tensor {
    /// The value of a one-element tensor, as `x.item()`.
    public func item() -> Float {
        check(count == 1, "item: only one-element tensors can be converted, shape is \(shape)")
        return base[0]
    }

    /// The value of a one-element integer tensor as an `Int`, as `int(x.item())`.
    public func intItem() -> Int {
        check(dtype.isIntegral, "intItem: tensor has dtype \(dtype); use item()")
        return Int(item())
    }

    /// The elements in row-major order, as `x.flatten().tolist()`.
    public func toArray() -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let p = buffer.baseAddress { Kernels.gather(self, into: p) }
            initialized = count
        }
    }

    /// The rows of a matrix, as `A.tolist()`.
    public func toArray2D() -> [[Float]] {
        check(ndim == 2, "toArray2D: needs a 2-d tensor, shape is \(shape)")
        let flat = toArray()
        let width = shape[1]
        return (0..<shape[0]).map { Array(flat[($0 * width)..<(($0 + 1) * width)]) }
    }

    /// The elements of an integer (or bool) tensor as exact `Int`s, e.g. labels or token ids.
    public func toIntArray() -> [Int] {
        check(dtype.isIntegral, "toIntArray: tensor has dtype \(dtype); convert with to(.int64) first")
        return toArray().map { Int($0) }
    }

    /// A copy converted to `dtype`, as `x.to(torch.float32)` / `x.long()` / `x.bool()`.
    /// To integers: rounds toward zero. To bool: nonzero becomes 1. Same dtype: returns `self`.
    public func to(_ newType: DType) -> Tensor {
        if newType == dtype { return self }
        switch newType {
        case .float32:
            let out = mapValues(dtype: .float32) { $0 }
            return Tensor.record(out, "ToCopyBackward0", inputs: [self], saves: []) { g in [g] }
        case .int64:
            return mapValues(dtype: .int64) { $0.rounded(.towardZero) }
        case .bool:
            return mapValues(dtype: .bool) { $0 != 0 ? 1 : 0 }
        }
    }

    /// Shorthand for `to(.float32)`, as `x.float()`.
    public func float() -> Tensor { to(.float32) }
    /// Shorthand for `to(.int64)`, as `x.long()`.
    public func long() -> Tensor { to(.int64) }
}

extension Array where Element == Float {
    /// The elements of `tensor` in row-major order.
    public init(_ tensor: Tensor) { self = tensor.toArray() }
}
