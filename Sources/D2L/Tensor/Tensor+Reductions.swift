// Reductions (§2.3.6): sum, mean, max, min, prod, argmax, argmin over all elements or chosen
// axes, cumulative sums, and norms. Each kernel moves the reduced axes to the end so every
// output element reduces one contiguous row.

extension Tensor {
    /// Rows to reduce: the tensor with `axes` moved last and made contiguous, the number of rows,
    /// the row length, and the output shape with and without the reduced axes kept as 1.
    private struct ReductionLayout {
        let rows: Tensor
        let outer: Int
        let inner: Int
        let keptShape: [Int]
        let droppedShape: [Int]
        let permutation: [Int]
    }

    private func reductionLayout(_ axes: [Int]?, operation: String) -> ReductionLayout {
        let reduced = axes.map { Shape.normalizeAxes($0, ndim: ndim, operation: operation) }
            ?? Array(0..<ndim)
        let keep = (0..<ndim).filter { !reduced.contains($0) }
        let permutation = keep + reduced
        let moved = view(shape: permutation.map { shape[$0] }, strides: permutation.map { strides[$0] })
        let rows = moved.isContiguous ? moved : moved.contiguousCopy()
        var kept = shape
        for a in reduced { kept[a] = 1 }
        return ReductionLayout(rows: rows, outer: Shape.product(keep.map { shape[$0] }),
                               inner: Shape.product(reduced.map { shape[$0] }), keptShape: kept,
                               droppedShape: keep.map { shape[$0] }, permutation: permutation)
    }

    /// Reduces each row with `body(row, length)`, returning values of the kept or dropped shape.
    @inline(__always)
    private func reduceRows(_ axes: [Int]?, keepDims: Bool, dtype: DType, operation: String,
                            _ body: (UnsafePointer<Float>, Int) -> Float) -> (Tensor, ReductionLayout) {
        let layout = reductionLayout(axes, operation: operation)
        let out = Tensor(uninitializedShape: keepDims ? layout.keptShape : layout.droppedShape, dtype: dtype)
        let src = UnsafePointer(layout.rows.base), dst = out.storage.pointer
        let inner = layout.inner
        Kernels.parallelRanges(layout.outer, workPerItem: inner) { start, end in
            for r in start..<end { dst[r] = body(src + r * inner, inner) }
        }
        return (out, layout)
    }

    // MARK: Sum and mean

    /// Sum of all elements, as `x.sum()`. Accumulates in `Double` so long sums stay accurate.
    public func sum() -> Tensor { sum(axes: nil, keepDims: false) }

    /// Sum along one axis, as `A.sum(axis=0)` or `A.sum(axis=1, keepdims=True)`.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor { sum(axes: [axis], keepDims: keepDims) }

    /// Sum along several axes (all when `nil`), as `A.sum(axis=[0, 1])`.
    public func sum(axes: [Int]?, keepDims: Bool = false) -> Tensor {
        let (out, layout) = reduceRows(axes, keepDims: keepDims, dtype: dtype == .bool ? .int64 : dtype,
                                       operation: "sum") { p, n in Tensor.rowSum(p, n) }
        let inputShape = shape
        return Tensor.record(out, axes == nil ? "SumBackward0" : "SumBackward1", inputs: [self], saves: []) { g in
            [g.reshape(layout.keptShape).broadcast(to: inputShape)]
        }
    }

    @inline(__always)
    static func rowSum(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        // Four partial sums let the loop vectorise; Double keeps 1e7-element sums exact enough.
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += Double(p[i]); s1 += Double(p[i + 1]); s2 += Double(p[i + 2]); s3 += Double(p[i + 3])
            i += 4
        }
        while i < n { s0 += Double(p[i]); i += 1 }
        return Float((s0 + s1) + (s2 + s3))
    }

    /// Mean of all elements, as `x.mean()`.
    public func mean() -> Tensor { mean(axes: nil, keepDims: false) }

    /// Mean along one axis, as `A.mean(axis=0)`.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor { mean(axes: [axis], keepDims: keepDims) }

    /// Mean along several axes (all when `nil`).
    public func mean(axes: [Int]?, keepDims: Bool = false) -> Tensor {
        let (out, layout) = reduceRows(axes, keepDims: keepDims, dtype: .float32, operation: "mean") { p, n in
            Tensor.rowSum(p, n) / Float(n)
        }
        let inputShape = shape
        let n = Float(layout.inner)
        return Tensor.record(out, axes == nil ? "MeanBackward0" : "MeanBackward1", inputs: [self], saves: []) { g in
            [(g.reshape(layout.keptShape) / n).broadcast(to: inputShape)]
        }
    }

    /// Sums over broadcast axes so that the result has `target` shape: the backward of
    /// broadcasting. Returns `self` when the shape already matches.
    public func sum(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        let lead = ndim - target.count
        check(lead >= 0, "sum(toShape:): cannot reduce shape \(shape) to \(target)")
        var axes = Array(0..<lead)
        for (i, d) in target.enumerated() where d == 1 && shape[lead + i] != 1 { axes.append(lead + i) }
        let reduced = axes.isEmpty ? self : sum(axes: axes, keepDims: true)
        return reduced.reshape(target)
    }

    // MARK: Max, min, prod

    // NaN propagates, as in PyTorch: a row holding a NaN has NaN as its max and its min, and
    // its argmax / argmin is the first NaN.

    /// Largest element, as `x.max()`; NaN if any element is NaN.
    ///
    /// The gradient is shared equally by every element equal to the result (by the NaNs when
    /// it is NaN), as `torch.max(x)` without `dim` does (the rule of `torch.amax`).
    public func max() -> Tensor { extremeOfAll(largest: true) }
    /// Largest elements along `axis`, as `x.max(dim=axis).values`.
    ///
    /// Each result is the element at `argmax(axis:)` — the first maximum, or the first NaN —
    /// and all of its gradient goes there, as PyTorch's `max(dim)` does, even when others tie.
    public func max(axis: Int, keepDims: Bool = false) -> Tensor { extreme(along: axis, keepDims: keepDims, largest: true) }
    /// Smallest element, as `x.min()`; NaN if any element is NaN. Ties share the gradient, as in `max()`.
    public func min() -> Tensor { extremeOfAll(largest: false) }
    /// Smallest elements along `axis`, as `x.min(dim=axis).values`; the gradient goes to the
    /// element at `argmin(axis:)`, as in `max(axis:)`.
    public func min(axis: Int, keepDims: Bool = false) -> Tensor { extreme(along: axis, keepDims: keepDims, largest: false) }

    /// Index of the first largest (or smallest) element of a row of `n` ≥ 1 values, or of its
    /// first NaN.
    ///
    /// `value` is never NaN inside the loop, so `!(v <= value)` is `v > value || v.isNaN`:
    /// NaN costs no second comparison per element.
    @inline(__always)
    static func extremeIndex(_ p: UnsafePointer<Float>, _ n: Int, largest: Bool) -> Int {
        var best = 0, value = p[0]
        if value.isNaN { return 0 }
        var i = 1
        while i < n {
            let v = p[i]
            if largest ? !(v <= value) : !(v >= value) {
                if v.isNaN { return i }
                best = i
                value = v
            }
            i += 1
        }
        return best
    }

    private func extremeOfAll(largest: Bool) -> Tensor {
        let name = largest ? "max" : "min"
        check(count > 0, "\(name): cannot reduce an empty tensor of shape \(shape)")
        let (out, _) = reduceRows(nil, keepDims: false, dtype: dtype, operation: name) { p, n in
            p[Tensor.extremeIndex(p, n, largest: largest)]
        }
        let best = out.detach()
        return Tensor.record(out, largest ? "MaxBackward1" : "MinBackward1", inputs: [self],
                             saves: [self, best]) { [self] g in
            // Every element equal to the result shares its gradient; NaN equals nothing, so a
            // NaN result is shared by the NaNs (x != x holds exactly there).
            let hits = (best.item().isNaN ? self != self : self == best).to(.float32)
            return [g * hits / hits.sum()]
        }
    }

    private func extreme(along axis: Int, keepDims: Bool, largest: Bool) -> Tensor {
        let name = largest ? "max" : "min"
        check(count > 0, "\(name): cannot reduce an empty tensor of shape \(shape)")
        let layout = reductionLayout([axis], operation: name)
        let out = Tensor(uninitializedShape: keepDims ? layout.keptShape : layout.droppedShape, dtype: dtype)
        let src = UnsafePointer(layout.rows.base), dst = out.storage.pointer
        let inner = layout.inner
        // Where each row's result came from, so the backward pass sends the gradient there.
        var winners = [Int](repeating: 0, count: layout.outer)
        winners.withUnsafeMutableBufferPointer { w in
            let picked = w.baseAddress!
            Kernels.parallelRanges(layout.outer, workPerItem: inner) { start, end in
                for r in start..<end {
                    let row = src + r &* inner
                    let i = Tensor.extremeIndex(row, inner, largest: largest)
                    picked[r] = i
                    dst[r] = row[i]
                }
            }
        }
        let picked = winners, rowsShape = layout.rows.shape
        var inverse = [Int](repeating: 0, count: layout.permutation.count)
        for (i, a) in layout.permutation.enumerated() { inverse[a] = i }
        return Tensor.record(out, largest ? "MaxBackward0" : "MinBackward0", inputs: [self], saves: []) { g in
            let dy = g.contiguous()
            let spread = Tensor.zeros(rowsShape)
            let d = spread.storage.pointer, gy = dy.base
            for r in 0..<picked.count { d[r &* inner &+ picked[r]] = gy[r] }
            return [spread.permute(inverse)]
        }
    }

    /// Product of all elements, as `x.prod()`.
    public func prod() -> Tensor { prod(axes: nil, keepDims: false) }
    /// Product along `axis`, as `x.prod(dim=axis)`.
    public func prod(axis: Int, keepDims: Bool = false) -> Tensor { prod(axes: [axis], keepDims: keepDims) }

    /// Product along several axes (all when `nil`). The gradient of each factor is the product
    /// of the others, computed from prefix and suffix products so zeros are handled exactly.
    public func prod(axes: [Int]?, keepDims: Bool = false) -> Tensor {
        let (out, layout) = reduceRows(axes, keepDims: keepDims, dtype: dtype == .bool ? .int64 : dtype,
                                       operation: "prod") { p, n in
            var r: Float = 1
            for i in 0..<n { r *= p[i] }
            return r
        }
        let inputShape = shape
        return Tensor.record(out, "ProdBackward1", inputs: [self]) { g in
            let others = Tensor(uninitializedShape: layout.rows.shape)
            let src = layout.rows.base, dst = others.storage.pointer
            let n = layout.inner
            for r in 0..<layout.outer {
                let p = src + r * n, d = dst + r * n
                var prefix: Float = 1
                for i in 0..<n { d[i] = prefix; prefix *= p[i] }
                var suffix: Float = 1
                for i in stride(from: n - 1, through: 0, by: -1) { d[i] *= suffix; suffix *= p[i] }
            }
            var inverse = [Int](repeating: 0, count: layout.permutation.count)
            for (i, a) in layout.permutation.enumerated() { inverse[a] = i }
            let othersInPlace = others.permute(inverse)
            return [(g.reshape(layout.keptShape).broadcast(to: inputShape) * othersInPlace)]
        }
    }

    // MARK: Arg-reductions

    /// Flat index of the largest element, as `x.argmax()` (an `int64` scalar).
    public func argmax() -> Tensor { argExtreme(nil, keepDims: false, largest: true) }
    /// Index of the largest element along `axis`, as `y_hat.argmax(axis=1)` (§3.6).
    /// The first index wins on ties, and a NaN beats every number (the first NaN wins), as in
    /// PyTorch.
    public func argmax(axis: Int, keepDims: Bool = false) -> Tensor {
        argExtreme([axis], keepDims: keepDims, largest: true)
    }
    /// Flat index of the smallest element, as `x.argmin()`. As for `argmax`, the first NaN wins.
    public func argmin() -> Tensor { argExtreme(nil, keepDims: false, largest: false) }
    /// Index of the smallest element along `axis`.
    public func argmin(axis: Int, keepDims: Bool = false) -> Tensor {
        argExtreme([axis], keepDims: keepDims, largest: false)
    }

    private func argExtreme(_ axes: [Int]?, keepDims: Bool, largest: Bool) -> Tensor {
        check(count > 0, "\(largest ? "argmax" : "argmin"): empty tensor of shape \(shape)")
        return reduceRows(axes, keepDims: keepDims, dtype: .int64, operation: largest ? "argmax" : "argmin") { p, n in
            Float(Tensor.extremeIndex(p, n, largest: largest))
        }.0
    }

    // MARK: Cumulative sum and norms

    /// Running sums along `axis`, as `A.cumsum(axis=0)` (§2.3.6.1).
    public func cumsum(axis: Int) -> Tensor {
        let a = Shape.normalizeAxis(axis, ndim: ndim, operation: "cumsum")
        let out = scanLastAxis(moving: a, reverse: false, dtype: dtype == .bool ? .int64 : dtype)
        return Tensor.record(out, "CumsumBackward0", inputs: [self], saves: []) { g in
            // Each input feeds every later output, so its gradient sums g from its position on.
            [g.scanLastAxis(moving: a, reverse: true, dtype: .float32)]
        }
    }

    /// Running sums along axis `a` (from the end when `reverse`), not recorded.
    private func scanLastAxis(moving a: Int, reverse: Bool, dtype: DType) -> Tensor {
        let rows = detach().transpose(a, -1).contiguousCopy()
        let n = rows.shape.last ?? 1
        let p = rows.storage.pointer
        for r in 0..<(n == 0 ? 0 : rows.count / n) {
            let row = p + r * n
            var s: Float = 0
            if reverse {
                for i in stride(from: n - 1, through: 0, by: -1) { s += row[i]; row[i] = s }
            } else {
                for i in 0..<n { s += row[i]; row[i] = s }
            }
        }
        let back = rows.transpose(a, -1).contiguousCopy()
        return Tensor(storage: back.storage, shape: back.shape, strides: back.strides, dtype: dtype)
    }

    /// The L2 norm of all elements (the Frobenius norm for a matrix), as `torch.norm(u)` (§2.3.10).
    /// With `p: 1`, the L1 norm Σ|xᵢ|.
    public func norm(p: Float = 2) -> Tensor {
        check(p == 1 || p == 2, "norm: only p = 1 (L1) and p = 2 (L2 / Frobenius) are supported, got \(p)")
        let x = dtype == .float32 ? self : to(.float32)
        if p == 1 { return x.abs().sum() }
        let out = noGrad { (x * x).sum().sqrt() }
        let length = out.item()
        // ∂‖x‖/∂x = x/‖x‖; at x = 0 there is no derivative and PyTorch uses 0, as here.
        return Tensor.record(out, "NormBackward1", inputs: [x]) { g in
            [length == 0 ? Tensor.zerosLike(x, dtype: .float32) : g * x / length]
        }
    }
}
