// In-place operations (§2.1.6 "saving memory"): `X += Y`, `Z[...] = X + Y`, `zero()`, `copy(from:)`.
// They write into the existing storage, so every view of it sees the change and `id(X)` — here
// the storage object — stays the same.

extension Tensor {
    /// Starts every in-place write (`+=`, `fill`, `copy(from:)`, subscript assignment). Stops when
    /// the change would corrupt autograd: a tensor that requires gradients may only be modified
    /// inside `noGrad { }` (as a parameter update is). Then raises the storage's version, so a
    /// backward that saved these values before the write can tell that they are gone.
    func prepareInPlaceWrite(_ operation: String) {
        check(!(GradMode.isEnabled && requiresGrad),
              "\(operation): a tensor that requires grad (shape \(shape)) cannot be changed in place "
              + "while gradients are recorded; wrap the update in noGrad { }")
        for (d, s) in zip(shape, strides) where s == 0 && d > 1 {
            failCheck("\(operation): cannot write into an expanded (broadcast) view of shape \(shape)")
        }
        storage.version &+= 1
    }

    /// The four in-place arithmetic updates.
    private enum Update { case add, sub, mul, div }

    /// Applies `update` elementwise with `other` (broadcast), storing into this tensor's storage.
    private func updateInPlace(_ other: Tensor, _ update: Update, operation: String) {
        prepareInPlaceWrite(operation)
        let resultType = update == .div ? DType.float32 : DType.promoted(dtype, other.dtype)
        check(resultType == dtype || dtype == .float32,
              "\(operation): result type \(resultType) cannot be stored in a \(dtype) tensor in place")
        let source = other.broadcastForWrite(to: shape, operation: operation)
        let overlaps = other.storage === storage
            && !(other.offset == offset && other.shape == shape && other.strides == strides)
        let b = overlaps ? source.contiguousCopy() : source
        // Contiguous: write straight into our storage. Otherwise compute, then scatter back.
        let out = isContiguous ? self : Tensor(uninitializedShape: shape, dtype: dtype)
        switch update {
        case .add: Tensor.addValues(self, b, into: out)
        case .sub: Tensor.subValues(self, b, into: out)
        case .mul: Tensor.mulValues(self, b, into: out)
        case .div: Tensor.divValues(self, b, into: out)
        }
        if out !== self { Kernels.scatter(out, into: self) }
    }

    /// Adds `other` (broadcast) into this tensor's storage. Used for gradient accumulation.
    func addInPlace(_ other: Tensor) { updateInPlace(other, .add, operation: "+=") }

    /// `X += Y` without allocating a new tensor.
    public static func += (lhs: Tensor, rhs: Tensor) { lhs.addInPlace(rhs) }
    /// `X -= Y` in place.
    public static func -= (lhs: Tensor, rhs: Tensor) { lhs.updateInPlace(rhs, .sub, operation: "-=") }
    /// `X *= Y` in place.
    public static func *= (lhs: Tensor, rhs: Tensor) { lhs.updateInPlace(rhs, .mul, operation: "*=") }
    /// `X /= Y` in place (the tensor must be `float32`, as in PyTorch).
    public static func /= (lhs: Tensor, rhs: Tensor) { lhs.updateInPlace(rhs, .div, operation: "/=") }

    // Forms with a `Float` variable (`X *= scale`); disfavored so literals become 0-d tensors.

    /// `X += c` in place.
    @_disfavoredOverload
    public static func += (lhs: Tensor, rhs: Float) { lhs += scalar(rhs) }
    /// `X -= c` in place.
    @_disfavoredOverload
    public static func -= (lhs: Tensor, rhs: Float) { lhs -= scalar(rhs) }
    /// `X *= c` in place.
    @_disfavoredOverload
    public static func *= (lhs: Tensor, rhs: Float) { lhs *= scalar(rhs) }
    /// `X /= c` in place.
    @_disfavoredOverload
    public static func /= (lhs: Tensor, rhs: Float) { lhs /= scalar(rhs) }
    /// Sets every element to zero in place, as `x.zero_()` (used to reset gradients).
    public func zero() {
        fill(0)
    }

    /// Sets every element to `value` in place, as `x.fill_(value)`.
    public func fill(_ value: Float) {
        prepareInPlaceWrite("fill")
        if dtype.isIntegral { Tensor.checkExactIntegers([value], operation: "fill") }
        if isContiguous {
            base.update(repeating: value, count: count)
        } else {
            Kernels.scatter(Tensor.full([], value, dtype: dtype).broadcastForWrite(to: shape, operation: "fill"),
                            into: self)
        }
    }

    /// Copies `source` (broadcast to this shape) into this tensor's storage, as `x.copy_(src)`
    /// or `Z[:] = X + Y`.
    public func copy(from source: Tensor) {
        prepareInPlaceWrite("copy")
        Kernels.scatter(source.detach().converted(forStoringIn: dtype).broadcastForWrite(to: shape, operation: "copy"),
                        into: self)
    }

    /// Values as they will be stored in a tensor of type `target`: reals written into an integer
    /// tensor are truncated toward zero (and into a bool tensor become 0 or 1), as PyTorch does.
    func converted(forStoringIn target: DType) -> Tensor {
        target.isIntegral && dtype != target ? detach().to(target) : self
    }
}
