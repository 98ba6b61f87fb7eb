// 2-d convolution (§6.2–6.4) as matrix products: the input patches are unrolled into columns
// (im2col, see ConvGeometry), multiplied by the kernels with OpenBLAS, and the backward pass
// uses two more products and the reverse scatter (col2im). Layout is NCHW, as PyTorch's.
//
// The batch is cut into small groups of images. Each core takes a share of the groups and
// works through them one at a time in its own scratch buffers, so a group's columns are still
// in cache when the product reads them, and no batch-sized column matrix is ever built.

extension Tensor {
    /// Cross-correlation of a batch `x` [N, C, H, W] with kernels `weight` [O, C, kh, kw], plus
    /// `bias` [O], giving [N, O, oh, ow].
    ///
    /// d2l: `nn.Conv2d`'s computation (§6.2–6.4); like PyTorch (and the book) it does not flip
    /// the kernel. Forward: Y = W · im2col(X) + b. Backward: ∂W = ∂Y · im2col(X)ᵀ,
    /// ∂X = col2im(Wᵀ · ∂Y), ∂b = ∂Y summed over images and positions. The backward pass
    /// unrolls the input again rather than keeping the columns of the whole batch alive.
    public static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil,
                              stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0)) -> Tensor {
        check(weight.ndim == 4 && x.ndim == 4 && weight.shape[1] == x.shape[1],
              "conv2d: input \(x.shape) and weight \(weight.shape) do not match ([N, C, H, W] and [O, C, kh, kw])")
        if let bias {
            check(bias.shape == [weight.shape[0]], "conv2d: bias shape \(bias.shape) should be [\(weight.shape[0])]")
        }
        let g = ConvGeometry(input: x.shape, kernel: (weight.shape[2], weight.shape[3]), stride: stride,
                             padding: padding, operation: "conv2d")
        let plan = ConvPlan(g, outChannels: weight.shape[0])
        let input = x.detach().contiguous()
        let kernels = weight.detach().contiguous()
        let shift = bias?.detach().contiguous()
        let out = Tensor(uninitializedShape: [g.n, plan.outChannels, g.oh, g.ow])
        plan.forward(input.base, kernels.base, shift?.base, into: out.storage.pointer)
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return record(out, "ConvolutionBackward0", inputs: inputs, saves: [x, weight]) { grad in
            let dy = grad.contiguous()
            let dx = x.requiresGrad ? Tensor(uninitializedShape: x.shape) : nil
            let dw = weight.requiresGrad ? Tensor(uninitializedShape: weight.shape) : nil
            let db = (bias?.requiresGrad ?? false) ? Tensor(uninitializedShape: [plan.outChannels]) : nil
            plan.backward(dy.base, input: input.base, kernels: kernels.base,
                          dx: dx?.storage.pointer, dw: dw?.storage.pointer, db: db?.storage.pointer)
            var grads: [Tensor?] = [dx, dw]
            if bias != nil { grads.append(db) }
            return grads
        }
    }
}

/// How one convolution is split into groups of images and spread over the cores, and the
/// kernels that run on one group.
struct ConvPlan {
    let g: ConvGeometry
    let outChannels: Int
    /// Images per group, number of groups, and number of cores working at once.
    let perGroup: Int, groups: Int, workers: Int

    init(_ g: ConvGeometry, outChannels: Int) {
        self.g = g
        self.outChannels = outChannels
        perGroup = g.imagesPerGroup
        groups = (g.n + perGroup - 1) / perGroup
        // A multiply–add in a GEMM costs about an eighth of the elementwise operations that
        // `Kernels`' threshold was tuned on, so a job is split from about 2¹⁹ multiply–adds.
        workers = Kernels.workerCount(groups, workPerItem: perGroup * outChannels * g.patchSize * g.plane / 8)
    }

    /// Floats in one group's columns, and in one group's output channels.
    private var columnFloats: Int { g.patchSize * perGroup * g.plane }
    private var outputFloats: Int { outChannels * perGroup * g.plane }

    /// The images of group `group`: the index of the first, and the geometry of the group.
    private func images(of group: Int) -> (first: Int, part: ConvGeometry) {
        let first = group * perGroup
        return (first, g.withImages(Swift.min(perGroup, g.n - first)))
    }

    /// Y = W · im2col(X) + b, group by group.
    func forward(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>?,
                 into y: UnsafeMutablePointer<Float>) {
        Kernels.forEachWorker(workers, count: groups) { _, range in
            let cols = UnsafeMutablePointer<Float>.allocate(capacity: columnFloats)
            let product = UnsafeMutablePointer<Float>.allocate(capacity: outputFloats)
            let border = UnsafeMutablePointer<Float>.allocate(capacity: g.paddedSize)
            defer { cols.deallocate(); product.deallocate(); border.deallocate() }
            for group in range {
                let (first, part) = images(of: group)
                part.im2col(x + first * g.imageSize, into: cols, border: border)
                // [O, C·kh·kw] × [C·kh·kw, m·oh·ow]: row o holds channel o of the m images in turn.
                BLAS.sgemm(transA: false, transB: false, m: outChannels, n: part.positions, k: g.patchSize,
                           w, lda: g.patchSize, cols, ldb: part.positions, product, ldc: part.positions,
                           parallel: false)
                for o in 0..<outChannels {
                    let shift = b?[o] ?? 0
                    for i in 0..<part.n {
                        let src = product + o * part.positions + i * g.plane
                        let dst = y + ((first + i) * outChannels + o) * g.plane
                        for t in 0..<g.plane { dst[t] = src[t] + shift }
                    }
                }
            }
        }
    }

    /// The three gradients, for those that are asked for (non-nil): `dx` and `dw` are written
    /// whole, `db` too. Each worker sums its own ∂W and ∂b, added together at the end.
    func backward(_ dy: UnsafePointer<Float>, input x: UnsafePointer<Float>, kernels w: UnsafePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?,
                  db: UnsafeMutablePointer<Float>?) {
        let weightFloats = outChannels * g.patchSize
        // Per worker: ∂W [O, C·kh·kw] then ∂b [O].
        let partialSize = weightFloats + outChannels
        let slots = Swift.max(1, workers)   // an empty batch still has one (zero) partial sum
        let partials = UnsafeMutablePointer<Float>.allocate(capacity: slots * partialSize)
        partials.initialize(repeating: 0, count: slots * partialSize)
        defer { partials.deallocate() }
        Kernels.forEachWorker(workers, count: groups) { worker, range in
            let sumW = partials + worker * partialSize, sumB = sumW + weightFloats
            let cols = UnsafeMutablePointer<Float>.allocate(capacity: columnFloats)
            let dyGroup = UnsafeMutablePointer<Float>.allocate(capacity: outputFloats)
            let border = UnsafeMutablePointer<Float>.allocate(capacity: g.paddedSize)
            defer { cols.deallocate(); dyGroup.deallocate(); border.deallocate() }
            for group in range {
                let (first, part) = images(of: group)
                // ∂Y of the group as [O, m·oh·ow], the layout both products need.
                for o in 0..<outChannels {
                    var total: Float = 0
                    for i in 0..<part.n {
                        let src = dy + ((first + i) * outChannels + o) * g.plane
                        let dst = dyGroup + o * part.positions + i * g.plane
                        for t in 0..<g.plane { dst[t] = src[t] }
                        total += Tensor.rowSum(src, g.plane)
                    }
                    sumB[o] += total
                }
                if dw != nil {
                    part.im2col(x + first * g.imageSize, into: cols, border: border)
                    // ∂W += ∂Y [O, m·oh·ow] × colsᵀ [m·oh·ow, C·kh·kw]
                    BLAS.sgemm(transA: false, transB: true, m: outChannels, n: g.patchSize, k: part.positions,
                               dyGroup, lda: part.positions, cols, ldb: part.positions,
                               beta: 1, sumW, ldc: g.patchSize, parallel: false)
                }
                if let dx {
                    // ∂cols = Wᵀ [C·kh·kw, O] × ∂Y [O, m·oh·ow], scattered back onto the images.
                    BLAS.sgemm(transA: true, transB: false, m: g.patchSize, n: part.positions, k: outChannels,
                               w, lda: g.patchSize, dyGroup, ldb: part.positions, cols, ldc: part.positions,
                               parallel: false)
                    part.col2im(cols, into: dx + first * g.imageSize, border: border)
                }
            }
        }
        // Add the workers' partial sums.
        for (target, offset, count) in [(dw, 0, weightFloats), (db, weightFloats, outChannels)] {
            guard let target else { continue }
            target.update(from: partials + offset, count: count)
            for worker in 1..<slots {
                let partial = partials + worker * partialSize + offset
                for i in 0..<count { target[i] += partial[i] }
            }
        }
    }
}
