// 2-d convolution (§6.2–6.4) as one matrix product per batch: the input patches are unrolled
// into columns (im2col), multiplied by the kernels with OpenBLAS, and the backward pass uses
// two more products and the reverse scatter (col2im). Layout is NCHW, as PyTorch's.

/// Output length of a convolution or pooling window along one axis: ⌊(n + 2p − k) / s⌋ + 1 (§6.3).
public func convOutputSize(_ n: Int, kernel k: Int, padding p: Int, stride s: Int) -> Int {
    (n + 2 * p - k) / s + 1
}

/// The geometry of one convolution, shared by the forward and backward passes.
struct ConvGeometry {
    var n: Int
    let c: Int, h: Int, w: Int               // input
    let kh: Int, kw: Int, sh: Int, sw: Int, ph: Int, pw: Int
    let oh: Int, ow: Int                      // output

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), operation: String) {
        check(input.count == 4, "\(operation): expects input [N, C, H, W], got shape \(input)")
        (n, c, h, w) = (input[0], input[1], input[2], input[3])
        (kh, kw) = kernel
        (sh, sw) = stride
        (ph, pw) = padding
        check(sh > 0 && sw > 0 && ph >= 0 && pw >= 0, "\(operation): stride must be positive and padding non-negative")
        oh = convOutputSize(h, kernel: kh, padding: ph, stride: sh)
        ow = convOutputSize(w, kernel: kw, padding: pw, stride: sw)
        check(oh > 0 && ow > 0, "\(operation): kernel \(kh)×\(kw) with padding (\(ph), \(pw)) is larger than the input \(h)×\(w)")
    }

    /// Rows of the unrolled matrix: one per (channel, kernel row, kernel column).
    var patchSize: Int { c * kh * kw }
    /// Columns: one per (image, output row, output column).
    var positions: Int { n * oh * ow }

    /// The output columns j whose input column j·sw − pw + kj falls inside the image: a range,
    /// so the inner loops below run without a bounds test per element.
    func validColumns(_ kj: Int) -> Range<Int> {
        let offset = pw - kj
        let lo = offset > 0 ? (offset + sw - 1) / sw : 0
        let hi = (w - 1 + offset) >= 0 ? Swift.min(ow, (w - 1 + offset) / sw + 1) : 0
        return Swift.min(lo, hi)..<hi
    }

    /// Unrolls `x` [N, C, H, W] into `cols` [C·kh·kw, N·oh·ow], zero where the window hangs over the padding.
    func im2col(_ x: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>) {
        let g = self
        Kernels.parallelRanges(patchSize, workPerItem: positions) { start, end in
            for row in start..<end {
                let ch = row / (g.kh * g.kw), ki = (row / g.kw) % g.kh, kj = row % g.kw
                let valid = g.validColumns(kj)
                let dst = cols + row * g.positions
                for img in 0..<g.n {
                    let plane = x + (img * g.c + ch) * g.h * g.w
                    let out = dst + img * g.oh * g.ow
                    for i in 0..<g.oh {
                        let y = i * g.sh - g.ph + ki
                        let line = out + i * g.ow
                        if y < 0 || y >= g.h || valid.isEmpty {
                            line.update(repeating: 0, count: g.ow)
                            continue
                        }
                        let src = plane + y * g.w - g.pw + kj
                        if valid.lowerBound > 0 { line.update(repeating: 0, count: valid.lowerBound) }
                        if g.sw == 1 {
                            (line + valid.lowerBound).update(from: src + valid.lowerBound, count: valid.count)
                        } else {
                            for j in valid { line[j] = src[j * g.sw] }
                        }
                        if valid.upperBound < g.ow { (line + valid.upperBound).update(repeating: 0, count: g.ow - valid.upperBound) }
                    }
                }
            }
        }
    }

    /// The reverse of `im2col`: adds every column entry back to the input pixel it came from.
    /// Images are independent, so the work splits over images without two threads writing one pixel.
    func col2im(_ cols: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>) {
        let g = self
        Kernels.parallelRanges(n, workPerItem: patchSize * oh * ow) { start, end in
            for img in start..<end {
                for row in 0..<g.patchSize {
                    let ch = row / (g.kh * g.kw), ki = (row / g.kw) % g.kh, kj = row % g.kw
                    let valid = g.validColumns(kj)
                    let src = cols + row * g.positions + img * g.oh * g.ow
                    let plane = dx + (img * g.c + ch) * g.h * g.w
                    for i in 0..<g.oh {
                        let y = i * g.sh - g.ph + ki
                        if y < 0 || y >= g.h { continue }
                        let target = plane + y * g.w - g.pw + kj, line = src + i * g.ow
                        for j in valid { target[j * g.sw] += line[j] }
                    }
                }
            }
        }
    }
}

extension ConvGeometry {
    /// The same convolution applied to `images` images: used to work through a batch in chunks.
    func withImages(_ images: Int) -> ConvGeometry {
        var g = self
        g.n = images
        return g
    }

    /// Images per chunk, so that one chunk's unrolled columns stay near 8 Mi floats (32 MiB):
    /// a 3×3, 64-channel layer on a 256-image batch would otherwise need 460 MB of columns.
    var imagesPerChunk: Int { Swift.max(1, Swift.min(n, (8 << 20) / Swift.max(1, patchSize * oh * ow))) }
}

extension Tensor {
    /// Cross-correlation of a batch `x` [N, C, H, W] with kernels `weight` [O, C, kh, kw], plus
    /// `bias` [O], giving [N, O, oh, ow].
    ///
    /// d2l: `nn.Conv2d`'s computation (§6.2–6.4); like PyTorch (and the book) it does not flip
    /// the kernel. Forward: Y = W · im2col(X). Backward: ∂W = ∂Y · im2col(X)ᵀ,
    /// ∂X = col2im(Wᵀ · ∂Y), ∂b = ∂Y summed over images and positions. The batch is processed in
    /// chunks of images whose unrolled columns fit in a bounded scratch buffer, and the backward
    /// pass unrolls the input again rather than keeping the columns alive.
    public static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil,
                              stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0)) -> Tensor {
        check(weight.ndim == 4 && x.ndim == 4 && weight.shape[1] == x.shape[1],
              "conv2d: input \(x.shape) and weight \(weight.shape) do not match ([N, C, H, W] and [O, C, kh, kw])")
        if let bias {
            check(bias.shape == [weight.shape[0]], "conv2d: bias shape \(bias.shape) should be [\(weight.shape[0])]")
        }
        let g = ConvGeometry(input: x.shape, kernel: (weight.shape[2], weight.shape[3]), stride: stride,
                             padding: padding, operation: "conv2d")
        let outChannels = weight.shape[0], plane = g.oh * g.ow, imageSize = g.c * g.h * g.w
        let input = x.detach().contiguous()
        let kernels = weight.detach().reshape(outChannels, g.patchSize)
        let out = Tensor(uninitializedShape: [g.n, outChannels, g.oh, g.ow])
        let chunkSize = g.imagesPerChunk
        for start in Swift.stride(from: 0, to: g.n, by: chunkSize) {
            let part = g.withImages(Swift.min(chunkSize, g.n - start))
            let cols = Tensor(uninitializedShape: [part.patchSize, part.positions])
            part.im2col(input.base + start * imageSize, into: cols.storage.pointer)
            // [O, C·kh·kw] × [C·kh·kw, m·oh·ow]: row o holds channel o of the m images in turn.
            let product = gemm(kernels, cols)
            let src = product.storage.pointer, dst = out.storage.pointer
            for o in 0..<outChannels {
                for i in 0..<part.n {
                    let to: Int = ((start + i) * outChannels + o) * plane
                    let from: Int = o * part.positions + i * plane
                    (dst + to).update(from: src + from, count: plane)
                }
            }
        }
        let result = bias.map { out + $0.detach().reshape(1, outChannels, 1, 1) } ?? out
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return record(result, "ConvolutionBackward0", inputs: inputs) { grad in
            let dy = grad.contiguous()
            let dx = x.requiresGrad ? Tensor.zeros(x.shape) : nil
            let dw = Tensor.zeros([outChannels, g.patchSize])
            for start in Swift.stride(from: 0, to: g.n, by: chunkSize) {
                let part = g.withImages(Swift.min(chunkSize, g.n - start))
                // ∂Y of these images as [O, m·oh·ow], the layout the two products need.
                let dyPart = Tensor(uninitializedShape: [outChannels, part.positions])
                let src = dy.base, dst = dyPart.storage.pointer
                for o in 0..<outChannels {
                    for i in 0..<part.n {
                        let to: Int = o * part.positions + i * plane
                        let from: Int = ((start + i) * outChannels + o) * plane
                        (dst + to).update(from: src + from, count: plane)
                    }
                }
                if weight.requiresGrad {
                    let cols = Tensor(uninitializedShape: [part.patchSize, part.positions])
                    part.im2col(input.base + start * imageSize, into: cols.storage.pointer)
                    dw.addInPlace(gemm(dyPart, cols.T))
                }
                if let dx {
                    let dcols = gemm(kernels.T, dyPart)
                    part.col2im(dcols.storage.pointer, into: dx.storage.pointer + start * imageSize)
                }
            }
            var grads: [Tensor?] = [dx, weight.requiresGrad ? dw.reshape(weight.shape) : nil]
            if let bias { grads.append(bias.requiresGrad ? dy.sum(axes: [0, 2, 3]) : nil) }
            return grads
        }
    }
}
