// The two loops behind every elementwise operation: one input (`mapValues`) and two broadcast
// inputs (`zipValues`). Both write a new contiguous tensor, take a contiguous fast path over raw
// pointers, and split large jobs over the cores. They are `@inline(__always)` so the optimizer
// compiles each operation's closure straight into the loop.

extension Tensor {
    /// Applies `f` to every element, giving a new contiguous tensor of the same shape.
    @inline(__always)
    func mapValues(dtype: DType = .float32, _ f: (Float) -> Float) -> Tensor {
        let out = Tensor(uninitializedShape: shape, dtype: dtype)
        let n = count
        if n == 0 { return out }
        let dst = out.storage.pointer
        let src = base
        if isContiguous {
            Kernels.parallelRanges(n) { start, end in
                for i in start..<end { dst[i] = f(src[i]) }
            }
        } else {
            let inner = shape.last ?? 1
            let step = strides.last ?? 1
            let shape = self.shape, strides = self.strides
            Kernels.parallelRanges(n / inner, workPerItem: inner) { start, end in
                Kernels.forEachRow(shape: shape, a: strides, b: strides, rows: start..<end) { off, _, row in
                    let s = src + off, d = dst + row * inner
                    for j in 0..<inner { d[j] = f(s[j * step]) }
                }
            }
        }
        return out
    }

    /// Combines `a` and `b` element by element after broadcasting them to a common shape.
    @inline(__always)
    static func zipValues(_ a: Tensor, _ b: Tensor, dtype: DType, operation: String,
                          _ f: (Float, Float) -> Float) -> Tensor {
        let outShape = Shape.broadcast(a.shape, b.shape, operation: operation)
        let out = Tensor(uninitializedShape: outShape, dtype: dtype)
        zipValues(a, b, into: out, f)
        return out
    }

    /// The kernel of `zipValues`, writing into an existing contiguous `out` whose shape is the
    /// broadcast shape. In-place operators use it with `out` being `a` itself.
    @inline(__always)
    static func zipValues(_ a: Tensor, _ b: Tensor, into out: Tensor, _ f: (Float, Float) -> Float) {
        let n = out.count
        if n == 0 { return }
        let dst = out.base
        let pa = a.base, pb = b.base
        let outShape = out.shape
        if a.shape == outShape && a.isContiguous {
            if b.count == 1 {
                let s = pb[0]
                Kernels.parallelRanges(n) { start, end in
                    for i in start..<end { dst[i] = f(pa[i], s) }
                }
                return
            }
            if b.shape == outShape && b.isContiguous {
                Kernels.parallelRanges(n) { start, end in
                    for i in start..<end { dst[i] = f(pa[i], pb[i]) }
                }
                return
            }
        }
        if a.count == 1 && b.shape == outShape && b.isContiguous {
            let s = pa[0]
            Kernels.parallelRanges(n) { start, end in
                for i in start..<end { dst[i] = f(s, pb[i]) }
            }
            return
        }
        // General case: broadcast strides (0 on repeated axes), walked row by row.
        let sa = a.broadcastStrides(to: outShape)
        let sb = b.broadcastStrides(to: outShape)
        let inner = outShape.last ?? 1
        let ia = sa.last ?? 0, ib = sb.last ?? 0
        Kernels.parallelRanges(n / inner, workPerItem: inner) { start, end in
            Kernels.forEachRow(shape: outShape, a: sa, b: sb, rows: start..<end) { offA, offB, row in
                let x = pa + offA, y = pb + offB, d = dst + row * inner
                for j in 0..<inner { d[j] = f(x[j * ia], y[j * ib]) }
            }
        }
    }

    /// Strides that read this tensor as if broadcast to `target` (0 on repeated axes).
    func broadcastStrides(to target: [Int]) -> [Int] {
        let lead = target.count - ndim
        var result = [Int](repeating: 0, count: target.count)
        for i in 0..<ndim where shape[i] == target[lead + i] && shape[i] != 1 {
            result[lead + i] = strides[i]
        }
        return result
    }
}
