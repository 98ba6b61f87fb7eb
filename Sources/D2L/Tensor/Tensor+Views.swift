// Views: tensors that share storage with another and differ only in shape, strides and offset
// (§2.1). Writing through a view changes the original; `contiguous()` makes an independent
// row-major copy when a kernel needs one.

extension Tensor {
    /// A tensor over the same storage with another shape / strides / offset.
    func view(shape: [Int], strides: [Int], offset: Int? = nil) -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset ?? self.offset,
               dtype: dtype)
    }

    /// A fresh row-major copy, never recorded for autograd.
    func contiguousCopy() -> Tensor {
        let out = Tensor(uninitializedShape: shape, dtype: dtype)
        Kernels.gather(self, into: out.storage.pointer)
        return out
    }

    /// This tensor if it is already row-major without gaps, otherwise a row-major copy.
    ///
    /// d2l: `x.contiguous()`. Gradients flow through unchanged.
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        return Tensor.record(contiguousCopy(), "CloneBackward0", inputs: [self], saves: []) { g in [g] }
    }

    /// A copy with its own storage, as `x.clone()` (§2.3: `B = A.clone()`).
    public func clone() -> Tensor {
        Tensor.record(contiguousCopy(), "CloneBackward0", inputs: [self], saves: []) { g in [g] }
    }

    /// The same values with another shape; one length may be -1 and is then inferred.
    ///
    /// d2l: `x.reshape(3, 4)` (§2.1). A view sharing storage when the layout allows it (always
    /// for contiguous tensors), otherwise a copy, as in PyTorch.
    public func reshape(_ newShape: [Int]) -> Tensor {
        let target = inferShape(newShape)
        if target == shape { return self }
        let source = isContiguous ? self : contiguousCopy()
        let result = source.view(shape: target, strides: Shape.contiguousStrides(target))
        let inputShape = shape
        return Tensor.record(result, "ViewBackward0", inputs: [self], saves: []) { g in [g.reshape(inputShape)] }
    }

    /// Variadic form: `x.reshape(3, 4)`, `x.reshape(-1, 4)`.
    public func reshape(_ newShape: Int...) -> Tensor { reshape(newShape) }

    /// Reshapes to the shape of `other`, as `x.reshape_as(y)` / `view_as`.
    public func reshape(as other: Tensor) -> Tensor { reshape(other.shape) }

    private func inferShape(_ newShape: [Int]) -> [Int] {
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        check(unknown.count <= 1, "reshape: only one dimension can be -1, got \(newShape)")
        for d in newShape where d < -1 {
            failCheck("reshape: invalid dimension \(d) in \(newShape)")
        }
        var target = newShape
        if let u = unknown.first {
            let known = Shape.product(newShape.filter { $0 != -1 })
            check(known > 0 && count % known == 0,
                  "reshape: shape \(newShape) is invalid for input of size \(count) (shape \(shape))")
            target[u] = count / known
        }
        check(Shape.product(target) == count,
              "reshape: shape \(newShape) is invalid for input of size \(count) (shape \(shape))")
        return target
    }

    /// Collapses the axes `startDim...endDim` into one, as `torch.flatten`.
    public func flatten(startDim: Int = 0, endDim: Int = -1) -> Tensor {
        if ndim == 0 { return reshape([1]) }
        let s = Shape.normalizeAxis(startDim, ndim: ndim, operation: "flatten")
        let e = Shape.normalizeAxis(endDim, ndim: ndim, operation: "flatten")
        check(s <= e, "flatten: startDim \(startDim) comes after endDim \(endDim)")
        let merged = Shape.product(Array(shape[s...e]))
        return reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// Swaps two axes without copying, as `x.transpose(0, 1)`.
    public func transpose(_ dim0: Int, _ dim1: Int) -> Tensor {
        let a = Shape.normalizeAxis(dim0, ndim: ndim, operation: "transpose")
        let b = Shape.normalizeAxis(dim1, ndim: ndim, operation: "transpose")
        var order = Array(0..<ndim)
        order.swapAt(a, b)
        return permute(order)
    }

    /// Reorders the axes without copying, as `x.permute(2, 0, 1)`.
    public func permute(_ order: [Int]) -> Tensor {
        let axes = order.map { Shape.normalizeAxis($0, ndim: ndim, operation: "permute") }
        check(axes.count == ndim && Set(axes).count == ndim,
              "permute: \(order) is not a permutation of the \(ndim) axes of shape \(shape)")
        let result = view(shape: axes.map { shape[$0] }, strides: axes.map { strides[$0] })
        var inverse = [Int](repeating: 0, count: ndim)
        for (i, a) in axes.enumerated() { inverse[a] = i }
        return Tensor.record(result, "PermuteBackward0", inputs: [self], saves: []) { g in [g.permute(inverse)] }
    }

    /// Variadic form: `x.permute(2, 0, 1)`.
    public func permute(_ order: Int...) -> Tensor { permute(order) }

    /// The transpose: axes in reverse order (for a matrix, rows become columns), as `A.T` (§2.3).
    public var T: Tensor { permute(Array((0..<ndim).reversed())) }

    /// Removes axes of length 1 (all of them, or just `axis`), as `x.squeeze()`.
    public func squeeze(_ axis: Int? = nil) -> Tensor {
        var keep = Array(0..<ndim).filter { shape[$0] != 1 }
        if let axis {
            let a = Shape.normalizeAxis(axis, ndim: ndim, operation: "squeeze")
            keep = Array(0..<ndim).filter { $0 != a || shape[$0] != 1 }
        }
        let result = view(shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] })
        let inputShape = shape
        return Tensor.record(result, "SqueezeBackward0", inputs: [self], saves: []) { g in [g.reshape(inputShape)] }
    }

    /// Inserts an axis of length 1 at `axis`, as `x.unsqueeze(0)`.
    public func unsqueeze(_ axis: Int) -> Tensor {
        let a = Shape.normalizeAxis(axis, ndim: ndim + 1, operation: "unsqueeze")
        var newShape = shape, newStrides = strides
        newShape.insert(1, at: a)
        newStrides.insert(a < ndim ? strides[a] * shape[a] : 1, at: a)
        let result = view(shape: newShape, strides: newStrides)
        let inputShape = shape
        return Tensor.record(result, "UnsqueezeBackward0", inputs: [self], saves: []) { g in [g.reshape(inputShape)] }
    }

    /// Repeats axes of length 1 (and adds leading axes) without copying, as `x.expand(3, 4)`.
    /// The result reads the same element many times; do not write into it.
    public func expand(_ newShape: [Int]) -> Tensor {
        let target = Shape.broadcast(shape, newShape, operation: "expand")
        check(target == newShape,
              "expand: shape \(shape) cannot be expanded to \(newShape)")
        return broadcast(to: target)
    }

    /// Variadic form: `x.expand(3, 4)`.
    public func expand(_ newShape: Int...) -> Tensor { expand(newShape) }

    /// A view of this tensor broadcast to `target` (zero strides on repeated axes); gradients
    /// are summed back to this tensor's shape.
    func broadcast(to target: [Int]) -> Tensor {
        if target == shape { return self }
        let lead = target.count - ndim
        var newStrides = [Int](repeating: 0, count: target.count)
        for i in 0..<ndim where shape[i] != 1 || target[lead + i] == 1 {
            newStrides[lead + i] = strides[i]
        }
        let result = view(shape: target, strides: newStrides)
        let inputShape = shape
        return Tensor.record(result, "ExpandBackward0", inputs: [self], saves: []) { g in [g.sum(toShape: inputShape)] }
    }
}
