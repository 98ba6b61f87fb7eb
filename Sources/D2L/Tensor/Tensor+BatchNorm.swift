// Batch normalization (§7.5) as one autograd operation over raw buffers.
//
// Forward, per channel c over the M = N·L values it has in the batch (L = 1 for [N, C], the
// length for [N, C, L], H·W for [N, C, H, W]):
//   training: μ = mean, σ² = biased variance of the batch;  evaluation: the running statistics;
//   y = γ·(x − μ)/√(σ² + ε) + β, computed as y = a·x + b with a = γ/σ, b = β − a·μ.
// One pass finds the statistics, one writes y; the channels are split over the cores.
//
// Backward, with x̂ = (x − μ)/σ and the sums taken over a channel's M values:
//   ∂β = Σ ∂y,   ∂γ = Σ ∂y·x̂,
//   training:   ∂x = γ/σ · (∂y − Σ∂y/M − x̂·∂γ/M)  (the batch statistics depend on x too),
//   evaluation: ∂x = γ/σ · ∂y.
// Both are again y-like affine maps, ∂x = k·∂y + p·x + q per channel, so backward is one pass
// for the two sums and one for ∂x. x̂ is never stored: it is recomputed from the saved input.

extension Tensor {
    /// Normalises every channel (axis 1) of `x` ([N, C], [N, C, L] or [N, C, H, W]) and applies
    /// the scale `weight` (γ) and shift `bias` (β), as PyTorch's `F.batch_norm`.
    ///
    /// d2l: the computation of `nn.BatchNorm1d` / `nn.BatchNorm2d` (§7.5). In `training`, the
    /// batch's mean and biased variance are used, and `runningMean` / `runningVar` (when given)
    /// are updated in place: new = (1 − momentum)·old + momentum·batch, with the *unbiased*
    /// variance for `runningVar`, as PyTorch does. Otherwise the running statistics are used.
    /// Note the book's from-scratch `batch_norm` takes momentum as the weight of the *old* value.
    public static func batchNorm(_ x: Tensor, weight: Tensor, bias: Tensor,
                                 runningMean: Tensor?, runningVar: Tensor?,
                                 training: Bool, momentum: Float = 0.1, eps: Float = 1e-5) -> Tensor {
        check(x.ndim >= 2 && x.dtype == .float32,
              "batchNorm: expects a float32 input [N, C, ...], got shape \(x.shape) of \(x.dtype)")
        let n = x.shape[0], c = x.shape[1], length = Shape.product(Array(x.shape.dropFirst(2)))
        for (name, t) in [("weight", weight), ("bias", bias), ("runningMean", runningMean), ("runningVar", runningVar)] {
            guard let t else { continue }
            check(t.shape == [c], "batchNorm: \(name) has shape \(t.shape), input \(x.shape) needs [\(c)]")
        }
        check(training || (runningMean != nil && runningVar != nil),
              "batchNorm: evaluation mode needs runningMean and runningVar")
        check(!training || n * length > 1,
              "batchNorm: expected more than 1 value per channel when training, got input size \(x.shape)")
        check((runningMean?.isContiguous ?? true) && (runningVar?.isContiguous ?? true),
              "batchNorm: running statistics must be contiguous")

        let input = x.detach().contiguous()
        let gamma = weight.detach().contiguous(), beta = bias.detach().contiguous()
        let layout = ChannelLayout(n: n, c: c, length: length)
        // Per channel: the mean and 1/σ used to normalise.
        var mean = [Float](repeating: 0, count: c), inverseStd = [Float](repeating: 0, count: c)
        if training {
            let stats = layout.statistics(input.base)
            let m = Double(n * length)
            for ch in 0..<c {
                mean[ch] = Float(stats.mean[ch])
                inverseStd[ch] = Float(1 / (stats.variance[ch] + Double(eps)).squareRoot())
            }
            if let runningMean, let runningVar {
                runningMean.prepareInPlaceWrite("batchNorm running_mean")
                runningVar.prepareInPlaceWrite("batchNorm running_var")
                let rm = runningMean.base, rv = runningVar.base, keep = 1 - momentum
                for ch in 0..<c {
                    rm[ch] = keep * rm[ch] + momentum * mean[ch]
                    rv[ch] = keep * rv[ch] + momentum * Float(stats.variance[ch] * m / (m - 1))
                }
            }
        } else {
            let rm = runningMean!.base, rv = runningVar!.base
            for ch in 0..<c {
                mean[ch] = rm[ch]
                inverseStd[ch] = 1 / (rv[ch] + eps).squareRoot()
            }
        }

        var scale = [Float](repeating: 0, count: c), shift = [Float](repeating: 0, count: c)
        for ch in 0..<c {
            scale[ch] = gamma.base[ch] * inverseStd[ch]
            shift[ch] = beta.base[ch] - scale[ch] * mean[ch]
        }
        let out = Tensor(uninitializedShape: x.shape)
        layout.affine(input.base, scale: scale, shift: shift, into: out.storage.pointer)

        let usedMean = mean, usedInverseStd = inverseStd
        return record(out, "NativeBatchNormBackward0", inputs: [x, weight, bias], saves: [x, weight]) { grad in
            let dy = grad.contiguous()
            // Σ∂y and Σ∂y·(x − μ) per channel.
            let sums = layout.gradientSums(dy.base, input.base, mean: usedMean)
            var k = [Float](repeating: 0, count: c), p = [Float](repeating: 0, count: c)
            var q = [Float](repeating: 0, count: c)
            let dgamma = Tensor(uninitializedShape: [c]), dbeta = Tensor(uninitializedShape: [c])
            let m = Float(n * length)
            for ch in 0..<c {
                let r = usedInverseStd[ch]
                let dg = Float(sums.dyCentered[ch]) * r, db = Float(sums.dy[ch])
                dgamma.storage.pointer[ch] = dg
                dbeta.storage.pointer[ch] = db
                k[ch] = gamma.base[ch] * r
                if training {
                    p[ch] = -k[ch] * r * dg / m
                    q[ch] = -k[ch] * db / m - p[ch] * usedMean[ch]
                }
            }
            var dx: Tensor?
            if x.requiresGrad {
                let result = Tensor(uninitializedShape: x.shape)
                layout.inputGradient(dy.base, input.base, k: k, p: p, q: q, into: result.storage.pointer)
                dx = result
            }
            return [dx, weight.requiresGrad ? dgamma : nil, bias.requiresGrad ? dbeta : nil]
        }
    }
}

/// A contiguous [N, C, L] buffer seen as N·C rows of L values, row (i, c) belonging to channel
/// c: the loops of batch norm, each splitting its work over the cores.
struct ChannelLayout {
    let n: Int, c: Int, length: Int

    /// Values per channel.
    var perChannel: Int { n * length }

    /// Per-channel mean and biased variance, in one pass. Each channel's values are taken
    /// relative to its first value (the shifted-data algorithm), so that Σ(x − K)² − (Σ(x − K))²/M
    /// does not cancel catastrophically when the mean is large against the spread.
    func statistics(_ x: UnsafePointer<Float>) -> (mean: [Double], variance: [Double]) {
        var mean = [Double](repeating: 0, count: c), variance = [Double](repeating: 0, count: c)
        let m = Double(perChannel)
        mean.withUnsafeMutableBufferPointer { meanOut in
            variance.withUnsafeMutableBufferPointer { varOut in
                let meanBase = meanOut.baseAddress!, varBase = varOut.baseAddress!
                Kernels.parallelRanges(c, workPerItem: perChannel) { start, end in
                    for ch in start..<end {
                        let reference = x[ch * length]
                        var sum = 0.0, squares = 0.0
                        for i in 0..<n {
                            let row = x + (i * c + ch) * length
                            let (s, s2) = centredSums(row, row, length, shiftA: reference, shiftB: reference)
                            sum += s
                            squares += s2
                        }
                        let centred = sum / m
                        meanBase[ch] = Double(reference) + centred
                        varBase[ch] = Swift.max(0, squares / m - centred * centred)
                    }
                }
            }
        }
        return (mean, variance)
    }

    /// y = scale[c]·x + shift[c] for every value of channel c.
    func affine(_ x: UnsafePointer<Float>, scale: [Float], shift: [Float], into y: UnsafeMutablePointer<Float>) {
        scale.withUnsafeBufferPointer { a in
            shift.withUnsafeBufferPointer { b in
                let a = a.baseAddress!, b = b.baseAddress!
                Kernels.parallelRanges(n * c, workPerItem: length) { start, end in
                    for row in start..<end {
                        let ch = row % c, src = x + row * length, dst = y + row * length
                        let s = a[ch], t = b[ch]
                        for j in 0..<length { dst[j] = src[j] * s + t }
                    }
                }
            }
        }
    }

    /// Per channel Σ∂y and Σ∂y·(x − mean), in one pass.
    func gradientSums(_ dy: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
                      mean: [Float]) -> (dy: [Double], dyCentered: [Double]) {
        var sumDy = [Double](repeating: 0, count: c), sumDyX = [Double](repeating: 0, count: c)
        sumDy.withUnsafeMutableBufferPointer { outDy in
            sumDyX.withUnsafeMutableBufferPointer { outDyX in
                let dyBase = outDy.baseAddress!, dyxBase = outDyX.baseAddress!
                Kernels.parallelRanges(c, workPerItem: 2 * perChannel) { start, end in
                    for ch in start..<end {
                        var s = 0.0, sx = 0.0
                        for i in 0..<n {
                            let offset = (i * c + ch) * length
                            let (a, b) = centredSums(dy + offset, x + offset, length, shiftA: 0, shiftB: mean[ch])
                            s += a
                            sx += b
                        }
                        dyBase[ch] = s
                        dyxBase[ch] = sx
                    }
                }
            }
        }
        return (sumDy, sumDyX)
    }

    /// ∂x = k[c]·∂y + p[c]·x + q[c] for every value of channel c.
    func inputGradient(_ dy: UnsafePointer<Float>, _ x: UnsafePointer<Float>, k: [Float], p: [Float], q: [Float],
                       into dx: UnsafeMutablePointer<Float>) {
        k.withUnsafeBufferPointer { kb in
            p.withUnsafeBufferPointer { pb in
                q.withUnsafeBufferPointer { qb in
                    let kb = kb.baseAddress!, pb = pb.baseAddress!, qb = qb.baseAddress!
                    Kernels.parallelRanges(n * c, workPerItem: 2 * length) { start, end in
                        for row in start..<end {
                            let ch = row % c, offset = row * length
                            let g = dy + offset, v = x + offset, d = dx + offset
                            let a = kb[ch], b = pb[ch], t = qb[ch]
                            for j in 0..<length { d[j] = a * g[j] + (b * v[j] + t) }
                        }
                    }
                }
            }
        }
    }
}

/// Σ(a − shiftA) and Σ(a − shiftA)·(b − shiftB) over `count` floats, with eight lanes of partial
/// sums so the loop runs in vector registers. With a = b = x it gives a channel's shifted sum and
/// sum of squares; with a = ∂y, b = x, shiftB = μ, the two sums of batch norm's backward.
@inline(__always)
private func centredSums(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int,
                         shiftA: Float, shiftB: Float) -> (Double, Double) {
    var s = SIMD8<Float>(repeating: 0), sp = SIMD8<Float>(repeating: 0)
    let ka = SIMD8<Float>(repeating: shiftA), kb = SIMD8<Float>(repeating: shiftB)
    let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
    var i = 0
    while i &+ 8 <= count {
        let u = rawA.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self) - ka
        let v = rawB.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self) - kb
        s += u
        sp += u * v
        i &+= 8
    }
    var sum = Double(s.sum()), products = Double(sp.sum())
    while i < count {
        let u = a[i] - shiftA
        sum += Double(u)
        products += Double(u * (b[i] - shiftB))
        i &+= 1
    }
    return (sum, products)
}
