import Foundation

// Softmax, log-softmax and log-sum-exp along one axis (§3.6, §3.7.2, §10.3), computed stably:
// the largest entry of each slice is subtracted before exponentiating, so logits of 1000 give
// the same answer as logits of 0 instead of ∞/∞. Forward and backward are fused loops over raw
// buffers. The tensor is viewed as [outer, n, inner] with the reduced axis of length n in the
// middle; when inner is 1 (the last axis, the common case) each slice is one contiguous row,
// otherwise `inner` slices are walked side by side so every read stays sequential.

extension Tensor {
    /// exp(xᵢ) / Σⱼ exp(xⱼ) along `axis`, as `torch.softmax(X, dim=axis)` / `X.softmax(dim)`.
    ///
    /// d2l: `torch.softmax` (§3.6, §10.3 `masked_softmax`). The slice maximum is subtracted
    /// first, which leaves the result unchanged mathematically and keeps exp from overflowing;
    /// a NaN anywhere in a slice makes that whole slice NaN, as in PyTorch. Unlike the book's
    /// chapter-3 `softmax` (kept as written in `LinearNetworks`), this one is safe for any logits.
    /// Derivative: ∂L/∂xᵢ = yᵢ(gᵢ − Σⱼ gⱼyⱼ).
    public func softmax(axis: Int) -> Tensor {
        let layout = SoftmaxLayout(self, axis: axis, operation: "softmax")
        let out = Tensor(uninitializedShape: shape)
        layout.forward(.softmax, into: out.storage.pointer)
        let y = out.detach()
        return Tensor.record(out, "SoftmaxBackward0", inputs: [self], saves: [out]) { g in
            [layout.backward(.softmax, gradient: g, saved: y)]
        }
    }

    /// log(softmax(x)) along `axis`, computed as xᵢ − max − log Σⱼ exp(xⱼ − max), as
    /// `torch.log_softmax(X, dim=axis)` / `F.log_softmax`.
    ///
    /// d2l: `F.log_softmax` (§3.7.2, §9.7 masked cross-entropy). Taking the log of `softmax`
    /// would give −∞ once a probability underflows to 0; this form stays finite.
    /// Derivative: ∂L/∂xᵢ = gᵢ − exp(yᵢ)·Σⱼ gⱼ.
    public func logSoftmax(axis: Int) -> Tensor {
        let layout = SoftmaxLayout(self, axis: axis, operation: "logSoftmax")
        let out = Tensor(uninitializedShape: shape)
        layout.forward(.logSoftmax, into: out.storage.pointer)
        let y = out.detach()
        return Tensor.record(out, "LogSoftmaxBackward0", inputs: [self], saves: [out]) { g in
            [layout.backward(.logSoftmax, gradient: g, saved: y)]
        }
    }

    /// log Σ exp(x) along `axis`, as `torch.logsumexp(X, dim=axis, keepdim=keepDims)`.
    ///
    /// d2l: the "LogSumExp trick" of §3.7.2: computed as m + log Σ exp(x − m) with m the slice
    /// maximum, so it neither overflows for large x nor gives log 0 for very negative x. As in
    /// PyTorch, a slice containing +∞ gives +∞ and a slice of only −∞ gives −∞.
    /// Derivative: ∂L/∂xᵢ = g·softmax(x)ᵢ.
    public func logSumExp(axis: Int, keepDims: Bool = false) -> Tensor {
        let layout = SoftmaxLayout(self, axis: axis, operation: "logSumExp")
        var outShape = shape
        if keepDims { outShape[layout.axis] = 1 } else { outShape.remove(at: layout.axis) }
        let out = Tensor(uninitializedShape: outShape)
        layout.forward(.logSumExp, into: out.storage.pointer)
        let y = out.detach()
        return Tensor.record(out, "LogsumexpBackward0", inputs: [self], saves: [out]) { g in
            [layout.backward(.logSumExp, gradient: g, saved: y)]
        }
    }
}

/// Which of the three related functions a softmax kernel computes.
enum SoftmaxKind { case softmax, logSoftmax, logSumExp }

/// A tensor seen as [outer, n, inner] around the softmax axis, with its values contiguous.
struct SoftmaxLayout {
    /// The input, contiguous (a copy when the original was a strided view).
    let input: Tensor
    let axis: Int
    let outer: Int
    let n: Int
    let inner: Int

    init(_ x: Tensor, axis: Int, operation: String) {
        check(x.ndim > 0, "\(operation): needs at least one axis, got a 0-d tensor")
        self.axis = Shape.normalizeAxis(axis, ndim: x.ndim, operation: operation)
        // Integer inputs are read as reals (the values are stored as Float either way).
        let values = x.isContiguous ? x.detach() : x.contiguousCopy()
        input = Tensor(storage: values.storage, shape: values.shape, strides: values.strides,
                       offset: values.offset, dtype: .float32)
        outer = Shape.product(Array(x.shape[..<self.axis]))
        n = x.shape[self.axis]
        inner = Shape.product(Array(x.shape[(self.axis + 1)...]))
    }

    /// Writes the forward result: `outer·n·inner` values, or `outer·inner` for log-sum-exp.
    func forward(_ kind: SoftmaxKind, into out: UnsafeMutablePointer<Float>) {
        let src = UnsafePointer(input.base)
        let n = self.n, inner = self.inner
        if outer * inner == 0 { return }
        if n == 0 {
            // An empty slice sums to 0: log-sum-exp is −∞; softmax has no values to write.
            if kind == .logSumExp { out.update(repeating: -.infinity, count: outer * inner) }
            return
        }
        Kernels.parallelRanges(outer, workPerItem: n * inner) { start, end in
            if inner == 1 {
                // log-sum-exp writes one value per row, so its exponentials need a scratch row.
                let scratch = kind == .logSumExp ? UnsafeMutablePointer<Float>.allocate(capacity: n) : nil
                defer { scratch?.deallocate() }
                for r in start..<end {
                    SoftmaxLayout.forwardRow(kind, src + r * n, n,
                                             kind == .logSumExp ? out + r : out + r * n, scratch: scratch ?? out + r * n)
                }
                return
            }
            // Slices side by side: per-column running max and sum in scratch buffers.
            let maxima = UnsafeMutablePointer<Float>.allocate(capacity: inner)
            let sums = UnsafeMutablePointer<Double>.allocate(capacity: inner)
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: inner)
            defer { maxima.deallocate(); sums.deallocate(); scratch.deallocate() }
            for o in start..<end {
                let x = src + o * n * inner
                maxima.update(from: x, count: inner)
                for i in 1..<n {
                    let row = x + i * inner
                    for j in 0..<inner { maxima[j] = row[j] > maxima[j] ? row[j] : maxima[j] }
                }
                if kind == .logSumExp {
                    // An infinite maximum is replaced by 0 so ∞ − ∞ cannot turn the result into NaN.
                    for j in 0..<inner where maxima[j].isInfinite { maxima[j] = 0 }
                }
                sums.update(repeating: 0, count: inner)
                let y = out + o * n * inner
                for i in 0..<n {
                    // Softmax keeps its exponentials in the output; the others only need the sum.
                    let e = kind == .softmax ? y + i * inner : scratch
                    expShifted(x + i * inner, by: maxima, count: inner, into: e)
                    for j in 0..<inner { sums[j] += Double(e[j]) }
                }
                switch kind {
                case .softmax:
                    for j in 0..<inner { sums[j] = 1 / sums[j] }
                    for i in 0..<n {
                        let e = y + i * inner
                        for j in 0..<inner { e[j] = Float(Double(e[j]) * sums[j]) }
                    }
                case .logSoftmax:
                    // (x − m) − log s rather than x − (m + log s): near |x| = 1000 the sum
                    // m + log s would already have lost the digits of log s.
                    for j in 0..<inner { sums[j] = Foundation.log(sums[j]) }
                    for i in 0..<n {
                        let row = x + i * inner, e = y + i * inner
                        for j in 0..<inner { e[j] = (row[j] - maxima[j]) - Float(sums[j]) }
                    }
                case .logSumExp:
                    let e = out + o * inner
                    for j in 0..<inner { e[j] = maxima[j] + Float(Foundation.log(sums[j])) }
                }
            }
        }
    }

    /// One contiguous slice of length `n` (the last-axis case): a max pass, an exp pass into
    /// `scratch` (the output row itself except for log-sum-exp), a sum, and a final pass. Each
    /// loop is free of dependencies between iterations or uses partial results, so it vectorises.
    @inline(__always)
    private static func forwardRow(_ kind: SoftmaxKind, _ x: UnsafePointer<Float>, _ n: Int,
                                   _ y: UnsafeMutablePointer<Float>, scratch e: UnsafeMutablePointer<Float>) {
        var m = rowMax(x, n)
        // For log-sum-exp an infinite maximum is replaced by 0 so ∞ − ∞ cannot make NaN.
        if kind == .logSumExp && m.isInfinite { m = 0 }
        expShifted(x, by: m, count: n, into: e)
        let s = Tensor.rowSum(e, n)
        switch kind {
        case .softmax:
            let scale = 1 / s
            for i in 0..<n { y[i] = e[i] * scale }
        case .logSoftmax:
            // (x − m) − log s rather than x − (m + log s): near |x| = 1000 the sum m + log s
            // would already have lost the digits of log s.
            let logSum = Foundation.log(s)
            for i in 0..<n { y[i] = (x[i] - m) - logSum }
        case .logSumExp:
            y[0] = m + Foundation.log(s)
        }
    }

    /// The largest value of a row, from four running maxima (NaN is left to the exp pass,
    /// which turns the whole slice into NaN).
    @inline(__always)
    static func rowMax(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
        var m0 = p[0], m1 = p[0], m2 = p[0], m3 = p[0]
        var i = 0
        while i + 4 <= n {
            m0 = p[i] > m0 ? p[i] : m0; m1 = p[i + 1] > m1 ? p[i + 1] : m1
            m2 = p[i + 2] > m2 ? p[i + 2] : m2; m3 = p[i + 3] > m3 ? p[i + 3] : m3
            i += 4
        }
        while i < n { m0 = p[i] > m0 ? p[i] : m0; i += 1 }
        m0 = m1 > m0 ? m1 : m0
        m2 = m3 > m2 ? m3 : m2
        return m2 > m0 ? m2 : m0
    }

    /// Σ a·b over a row in `Double`, from four partial sums.
    @inline(__always)
    static func rowDot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += Double(a[i] * b[i]); s1 += Double(a[i + 1] * b[i + 1])
            s2 += Double(a[i + 2] * b[i + 2]); s3 += Double(a[i + 3] * b[i + 3])
            i += 4
        }
        while i < n { s0 += Double(a[i] * b[i]); i += 1 }
        return Float((s0 + s1) + (s2 + s3))
    }

    /// The gradient with respect to the input, from the output's gradient `g` and the saved
    /// forward result `saved` (softmax values, log-softmax values, or log-sum-exp per slice).
    func backward(_ kind: SoftmaxKind, gradient g: Tensor, saved: Tensor) -> Tensor {
        let result = Tensor(uninitializedShape: input.shape)
        let gc = g.isContiguous ? g : g.contiguousCopy()
        let gp = UnsafePointer(gc.base), yp = UnsafePointer(saved.base), xp = UnsafePointer(input.base)
        let dx = result.storage.pointer
        let n = self.n, inner = self.inner
        if outer * n * inner == 0 { return result }
        defer { withExtendedLifetime(gc) {} }
        Kernels.parallelRanges(outer, workPerItem: n * inner) { start, end in
            if inner == 1 {
                for r in start..<end {
                    let gr = gp + r * n, d = dx + r * n, xr = xp + r * n
                    switch kind {
                    case .softmax:
                        let yr = yp + r * n
                        let dot = SoftmaxLayout.rowDot(gr, yr, n)
                        for i in 0..<n { d[i] = yr[i] * (gr[i] - dot) }
                    case .logSoftmax:
                        let yr = yp + r * n
                        let total = Tensor.rowSum(gr, n)
                        expShifted(yr, by: 0, count: n, into: d)
                        for i in 0..<n { d[i] = gr[i] - d[i] * total }
                    case .logSumExp:
                        let gi = gp[r], lse = yp[r]
                        expShifted(xr, by: lse, count: n, into: d)
                        for i in 0..<n { d[i] *= gi }
                    }
                }
                return
            }
            // Slices side by side: Σ g·y (softmax) or Σ g (log-softmax) per column.
            let sums = UnsafeMutablePointer<Double>.allocate(capacity: inner)
            defer { sums.deallocate() }
            for o in start..<end {
                let base = o * n * inner
                if kind == .logSumExp {
                    let gr = gp + o * inner, lse = yp + o * inner
                    for i in 0..<n {
                        let xr = xp + base + i * inner, d = dx + base + i * inner
                        expShifted(xr, by: lse, count: inner, into: d)
                        for j in 0..<inner { d[j] *= gr[j] }
                    }
                    continue
                }
                sums.update(repeating: 0, count: inner)
                for i in 0..<n {
                    let gr = gp + base + i * inner, yr = yp + base + i * inner
                    if kind == .softmax {
                        for j in 0..<inner { sums[j] += Double(gr[j]) * Double(yr[j]) }
                    } else {
                        for j in 0..<inner { sums[j] += Double(gr[j]) }
                    }
                }
                for i in 0..<n {
                    let gr = gp + base + i * inner, yr = yp + base + i * inner, d = dx + base + i * inner
                    if kind == .softmax {
                        for j in 0..<inner { d[j] = yr[j] * (gr[j] - Float(sums[j])) }
                    } else {
                        expShifted(yr, by: 0, count: inner, into: d)
                        for j in 0..<inner { d[j] = gr[j] - d[j] * Float(sums[j]) }
                    }
                }
            }
        }
        return result
    }
}
