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
        // One product where every output pixel sees the whole input (FullyConnectedConvolution.swift),
        // else oneDNN's direct kernels where the library is installed (OneDNNConvolution.swift).
        if let dense = FullyConnectedConvolution.conv2d(x, weight: weight, bias: bias, geometry: g) { return dense }
        if let fast = OneDNNConvolution.conv2d(x, weight: weight, bias: bias, geometry: g) { return fast }
        // Taps that only ever meet the zero border are left out of every product.
        let taps = g.liveTaps
        let trimmed = taps.rows.count < g.kh || taps.columns.count < g.kw
        let plan = ConvPlan(trimmed ? g.keeping(taps) : g, outChannels: weight.shape[0])
        let input = x.detach().contiguous()
        let kernels = trimmed
            ? weight.detach()[0..<weight.shape[0], 0..<g.c, taps.rows, taps.columns].contiguous()
            : weight.detach().contiguous()
        let shift = bias?.detach().contiguous()
        let out = Tensor(uninitializedShape: [g.n, plan.outChannels, g.oh, g.ow])
        plan.forward(input.base, kernels.base, shift?.base, into: out.storage.pointer)
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return record(out, "ConvolutionBackward0", inputs: inputs, saves: [x, weight]) { grad in
            let dy = grad.contiguous()
            let dx = x.requiresGrad ? Tensor(uninitializedShape: x.shape) : nil
            let dw = weight.requiresGrad ? Tensor(uninitializedShape: kernels.shape) : nil
            let db = (bias?.requiresGrad ?? false) ? Tensor(uninitializedShape: [plan.outChannels]) : nil
            plan.backward(dy.base, input: input.base, kernels: kernels.base,
                          dx: dx?.storage.pointer, dw: dw?.storage.pointer, db: db?.storage.pointer)
            // The left-out taps' gradient is zero.
            var fullDW = dw
            if trimmed, let dw {
                fullDW = Tensor.zeros(weight.shape)
                fullDW![0..<weight.shape[0], 0..<g.c, taps.rows, taps.columns] = dw
            }
            var grads: [Tensor?] = [dx, fullDW]
            if bias != nil { grads.append(db) }
            return grads
        }
    }
}

/// How one convolution is split into groups of images and spread over the cores, and the
/// kernels that run on one group.
///
/// An image whose output plane is large makes a wide enough product alone: its product is
/// written straight into the output and its ∂Y read straight from the gradient. Small planes
/// (ResNet's 7×7 … 1×1 at 28 px) are grouped, so one product covers many images and OpenBLAS
/// packs the kernels once for all of them. A 1×1 convolution with stride 1 and no padding needs
/// no unrolling at all for a single image: the NCHW image already is its [C, H·W] column matrix.
struct ConvPlan {
    let g: ConvGeometry
    let outChannels: Int
    /// Images per group, number of groups, and number of cores working at once.
    let perGroup: Int, groups: Int, workers: Int
    /// 1×1 kernel, stride 1, no padding: im2col would only copy the image.
    let pointwise: Bool

    init(_ g: ConvGeometry, outChannels: Int) {
        self.g = g
        self.outChannels = outChannels
        pointwise = g.kh == 1 && g.kw == 1 && g.sh == 1 && g.sw == 1 && g.ph == 0 && g.pw == 0
        (perGroup, groups) = g.imageGroups(cores: Kernels.cores)
        // A multiply–add in a GEMM costs about an eighth of the elementwise operations that
        // `Kernels`' threshold was tuned on, so a job is split from about 2¹⁹ multiply–adds.
        workers = Kernels.workerCount(groups, workPerItem: perGroup * outChannels * g.patchSize * g.plane / 8)
    }

    /// Floats in one group's columns, and in one group's output channels.
    private var columnFloats: Int { g.patchSize * perGroup * g.plane }
    private var outputFloats: Int { outChannels * perGroup * g.plane }
    /// Floats in one image's output.
    private var outputImage: Int { outChannels * g.plane }

    /// The images of group `group`: the index of the first, and the geometry of the group.
    private func images(of group: Int) -> (first: Int, part: ConvGeometry) {
        let first = group * perGroup
        return (first, g.withImages(Swift.min(perGroup, g.n - first)))
    }

    /// The columns of a group: the image itself for a pointwise convolution of one image,
    /// otherwise the group unrolled into `cols`.
    private func columns(_ x: UnsafePointer<Float>, _ first: Int, _ part: ConvGeometry,
                         _ cols: UnsafeMutablePointer<Float>, _ border: UnsafeMutablePointer<Float>) -> UnsafePointer<Float> {
        let image = x + first * g.imageSize
        if pointwise && part.n == 1 { return image }
        part.im2col(image, into: cols, border: border)
        return UnsafePointer(cols)
    }

    /// Y = W · im2col(X) + b, group by group.
    func forward(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>?,
                 into y: UnsafeMutablePointer<Float>) {
        Kernels.forEachWorker(workers, count: groups) { _, range in
            let scratch = ConvScratch([columnFloats, perGroup > 1 ? outputFloats : 0, g.paddedSize])
            defer { scratch.release() }
            let (cols, grouped, border) = (scratch[0], scratch[1], scratch[2])
            for group in range {
                let (first, part) = images(of: group)
                let source = columns(x, first, part, cols, border)
                let direct = part.n == 1
                // [O, C·kh·kw] × [C·kh·kw, m·oh·ow]: row o holds channel o of the m images in turn.
                let product = direct ? y + first * outputImage : grouped
                BLAS.sgemm(transA: false, transB: false, m: outChannels, n: part.positions, k: g.patchSize,
                           w, lda: g.patchSize, source, ldb: part.positions, product, ldc: part.positions,
                           parallel: false)
                if direct {
                    if let b {
                        for o in 0..<outChannels {
                            let row = product + o * g.plane, shift = b[o]
                            for t in 0..<g.plane { row[t] += shift }
                        }
                    }
                    continue
                }
                for o in 0..<outChannels {
                    let shift = b?[o] ?? 0
                    for i in 0..<part.n {
                        let src = product + o * part.positions + i * g.plane
                        let dst = y + (first + i) * outputImage + o * g.plane
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
            let scratch = ConvScratch([columnFloats, perGroup > 1 ? outputFloats : 0, g.paddedSize])
            defer { scratch.release() }
            let (cols, grouped, border) = (scratch[0], scratch[1], scratch[2])
            for group in range {
                let (first, part) = images(of: group)
                // ∂Y of the group as [O, m·oh·ow], the layout both products need: one image's
                // gradient already is; a group's is gathered channel by channel.
                let dyGroup: UnsafePointer<Float>
                if part.n == 1 {
                    dyGroup = dy + first * outputImage
                } else {
                    for o in 0..<outChannels {
                        for i in 0..<part.n {
                            let src = dy + (first + i) * outputImage + o * g.plane
                            let dst = grouped + o * part.positions + i * g.plane
                            for t in 0..<g.plane { dst[t] = src[t] }
                        }
                    }
                    dyGroup = UnsafePointer(grouped)
                }
                for o in 0..<outChannels { sumB[o] += Tensor.rowSum(dyGroup + o * part.positions, part.positions) }
                if dw != nil {
                    let source = columns(x, first, part, cols, border)
                    // ∂W += ∂Y [O, m·oh·ow] × colsᵀ [m·oh·ow, C·kh·kw]
                    BLAS.sgemm(transA: false, transB: true, m: outChannels, n: g.patchSize, k: part.positions,
                               dyGroup, lda: part.positions, source, ldb: part.positions,
                               beta: 1, sumW, ldc: g.patchSize, parallel: false)
                }
                if let dx {
                    // ∂cols = Wᵀ [C·kh·kw, O] × ∂Y [O, m·oh·ow], scattered back onto the images
                    // (a pointwise image's ∂cols is its ∂X).
                    let image = dx + first * g.imageSize
                    let direct = pointwise && part.n == 1
                    BLAS.sgemm(transA: true, transB: false, m: g.patchSize, n: part.positions, k: outChannels,
                               w, lda: g.patchSize, dyGroup, ldb: part.positions, direct ? image : cols,
                               ldc: part.positions, parallel: false)
                    if !direct { part.col2im(cols, into: image, border: border) }
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

/// One worker's scratch buffers for a convolution, taken from and given back to `BufferCache`,
/// so a training loop reuses the same buffers every step instead of faulting in fresh pages.
struct ConvScratch {
    private let sizes: [Int]
    private let buffers: [UnsafeMutablePointer<Float>]

    init(_ sizes: [Int]) {
        self.sizes = sizes
        buffers = sizes.map { BufferCache.take($0) }
    }

    subscript(_ i: Int) -> UnsafeMutablePointer<Float> { buffers[i] }

    func release() {
        for (buffer, size) in zip(buffers, sizes) { BufferCache.give(buffer, count: size) }
    }
}
