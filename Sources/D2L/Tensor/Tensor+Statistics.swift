import Foundation

// Variance and standard deviation (§2.6 probability, §7.5 batch normalization), over all
// elements or chosen axes, unbiased (÷ (n − 1), PyTorch's default) or biased (÷ n, what batch
// norm uses). Each slice is reduced in two passes in `Double`: first the mean, then the squared
// deviations from it, which avoids the cancellation of the one-pass E[x²] − E[x]² formula when
// the mean is large compared with the spread.

extension Tensor {
    /// Variance of all elements, as `x.var()` / `torch.var(x, unbiased=...)`.
    ///
    /// d2l: `torch.var` (§2.6, §7.5). `unbiased: true` (PyTorch's default) divides by n − 1,
    /// `false` divides by n; with a single element the unbiased variance is NaN, as in PyTorch.
    public func `var`(unbiased: Bool = true) -> Tensor {
        moments(axes: nil, unbiased: unbiased, keepDims: false, root: false)
    }

    /// Variance along `axis`, as `X.var(dim=axis, unbiased=..., keepdim=...)`.
    public func `var`(axis: Int, unbiased: Bool = true, keepDims: Bool = false) -> Tensor {
        moments(axes: [axis], unbiased: unbiased, keepDims: keepDims, root: false)
    }

    /// Variance over several axes (all when `nil`), as batch norm's
    /// `X.var(dim=(0, 2, 3), unbiased=False, keepdim=True)` (§7.5).
    public func `var`(axes: [Int]?, unbiased: Bool = true, keepDims: Bool = false) -> Tensor {
        moments(axes: axes, unbiased: unbiased, keepDims: keepDims, root: false)
    }

    /// Standard deviation of all elements, the square root of `var(unbiased:)`, as `x.std()`.
    ///
    /// d2l: `torch.std` (§2.6). Unbiased by default, as in PyTorch. Derivative:
    /// (xᵢ − x̄) / ((n − c)·σ) with c = 1 when unbiased; where σ = 0 it is 0, as in PyTorch.
    public func std(unbiased: Bool = true) -> Tensor {
        moments(axes: nil, unbiased: unbiased, keepDims: false, root: true)
    }

    /// Standard deviation along `axis`, as `X.std(dim=axis, unbiased=..., keepdim=...)`.
    public func std(axis: Int, unbiased: Bool = true, keepDims: Bool = false) -> Tensor {
        moments(axes: [axis], unbiased: unbiased, keepDims: keepDims, root: true)
    }

    /// Standard deviation over several axes (all when `nil`).
    public func std(axes: [Int]?, unbiased: Bool = true, keepDims: Bool = false) -> Tensor {
        moments(axes: axes, unbiased: unbiased, keepDims: keepDims, root: true)
    }

    /// Shared body of `var` and `std` (`root: true`).
    private func moments(axes: [Int]?, unbiased: Bool, keepDims: Bool, root: Bool) -> Tensor {
        let name = root ? "std" : "var"
        let reduced = axes.map { Shape.normalizeAxes($0, ndim: ndim, operation: name) } ?? Array(0..<ndim)
        let kept = (0..<ndim).filter { !reduced.contains($0) }
        let permutation = kept + reduced
        // The reduced axes moved last and made contiguous: every output is one row of `n` values.
        let moved = detach().permute(permutation)
        let rows = moved.isContiguous ? moved : moved.contiguousCopy()
        let outer = Shape.product(kept.map { shape[$0] })
        let n = Shape.product(reduced.map { shape[$0] })
        var keptShape = shape
        for a in reduced { keptShape[a] = 1 }
        let out = Tensor(uninitializedShape: keepDims ? keptShape : kept.map { shape[$0] })
        let means = Tensor(uninitializedShape: [outer])
        let divisor = Double(n - (unbiased ? 1 : 0))
        let src = UnsafePointer(rows.base), dst = out.storage.pointer, mp = means.storage.pointer
        Kernels.parallelRanges(outer, workPerItem: n) { start, end in
            for r in start..<end {
                let p = src + r * n
                let mean = Double(Tensor.rowSum(p, n)) / Double(n)
                var squares = 0.0, deviations = 0.0
                for i in 0..<n {
                    let d = Double(p[i]) - mean
                    squares += d * d
                    deviations += d
                }
                // Subtracting (Σd)²/n corrects the rounding left in the mean (Chan et al.).
                let v = (squares - deviations * deviations / Double(n)) / divisor
                dst[r] = Float(root ? v.squareRoot() : v)
                mp[r] = Float(mean)
            }
        }
        let result = out.detach()
        return Tensor.record(out, root ? "StdBackward0" : "VarBackward0", inputs: [self], saves: [self, out]) { g in
            // ∂var/∂xᵢ = 2(xᵢ − x̄)/(n − c); ∂std/∂xᵢ = (xᵢ − x̄)/((n − c)σ). Computed in the
            // moved layout, then the axes are put back.
            let gc = g.contiguous()
            let grad = Tensor(uninitializedShape: rows.shape)
            let gp = UnsafePointer(gc.base), sp = UnsafePointer(result.base), dp = grad.storage.pointer
            let src = UnsafePointer(rows.base), mp = UnsafePointer(means.storage.pointer)
            Kernels.parallelRanges(outer, workPerItem: n) { start, end in
                for r in start..<end {
                    // A constant slice (σ = 0) has no derivative; PyTorch gives 0 there, as here.
                    let scale = !root ? 2 * gp[r] / Float(divisor)
                        : (sp[r] == 0 ? 0 : gp[r] / (Float(divisor) * sp[r]))
                    let p = src + r * n, d = dp + r * n, mean = mp[r]
                    for i in 0..<n { d[i] = (p[i] - mean) * scale }
                }
            }
            withExtendedLifetime(gc) {}
            var inverse = [Int](repeating: 0, count: permutation.count)
            for (i, a) in permutation.enumerated() { inverse[a] = i }
            let back = grad.permute(inverse)
            return [back.isContiguous ? back : back.contiguousCopy()]
        }
    }
}
