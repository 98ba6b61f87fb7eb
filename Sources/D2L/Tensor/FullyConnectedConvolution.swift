// A convolution whose every output pixel sees the whole input is a fully connected layer.
//
// At 28 px ResNet's last stages run 3×3 kernels with padding 1 on 2×2 and 1×1 planes (§7.6), and
// GoogLeNet's last block does the same at 1×1. There each output pixel's window covers every
// input pixel, so the convolution is the product of the flattened images with one dense matrix
// M [O·oh·ow, C·h·w], whose entry for output pixel (o, r, c) and input pixel (ci, i, j) is the
// kernel tap the two meet at, W[o, ci, i − r·sh + ph, j − c·sw + pw]. Every entry is a real
// multiply-add (none meets the zero border), the NCHW batch already is the [N, C·h·w] matrix the
// product reads and [N, O·oh·ow] is the NCHW output, so the whole pass is one GEMM: no unrolled
// columns, no padding and no change of layout. On these shapes that beats both im2col and
// oneDNN's direct kernels (whose kernel gradient at a 1×1 plane ran several times slower than
// the single product it amounts to).
//
// Forward Y = X · Mᵀ + b; backward ∂X = ∂Y · M, ∂M = ∂Yᵀ · X, and ∂W is ∂M folded back: each
// tap sums the entries of M it was copied to.

import Foundation

/// The fully connected form of a convolution (see the comment at the top of the file).
enum FullyConnectedConvolution {
    /// Off: such convolutions take oneDNN or im2col like any other (the tests compare them so;
    /// users set `D2L_DENSE_CONV=0` in the environment instead).
    nonisolated(unsafe) static var isEnabled = ProcessInfo.processInfo.environment["D2L_DENSE_CONV"] != "0"

    /// The largest dense matrix built, in floats (16 MiB); larger ones are left to the other paths.
    static let maximumMatrixFloats = 1 << 22

    /// Whether every output pixel's window covers the whole input. Per axis the first window
    /// must reach the last input row, h + p ≤ k; the last window then starts at or before the
    /// first row too, since (oh − 1)·s ≤ h + 2p − k ≤ p.
    static func applies(to g: ConvGeometry, outChannels: Int) -> Bool {
        g.h + g.ph <= g.kh && g.w + g.pw <= g.kw && outChannels * g.plane * g.imageSize <= maximumMatrixFloats
    }

    /// `Tensor.conv2d` as one product, recorded for autograd; nil when the shape does not qualify
    /// and the caller takes another path.
    static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, geometry g: ConvGeometry) -> Tensor? {
        let outChannels = weight.shape[0]
        guard isEnabled, g.n > 0, x.dtype == .float32, weight.dtype == .float32, applies(to: g, outChannels: outChannels)
        else { return nil }
        let rows = outChannels * g.plane, columns = g.imageSize
        let input = x.detach().contiguous(), kernels = weight.detach().contiguous()
        let matrix = Tensor(uninitializedShape: [rows, columns])
        withExtendedLifetime(kernels) { expand(kernels.base, g, outChannels, into: matrix.storage.pointer) }
        let out = Tensor(uninitializedShape: [g.n, outChannels, g.oh, g.ow])
        let shift = bias?.detach().contiguous()
        withExtendedLifetime((input, matrix, shift)) {
            // Y [N, O·oh·ow] = X [N, C·h·w] · Mᵀ
            BLAS.sgemm(transA: false, transB: true, m: g.n, n: rows, k: columns, input.base, lda: columns,
                       matrix.base, ldb: columns, out.storage.pointer, ldc: rows)
            if let shift { addBias(shift.base, to: out.storage.pointer, images: g.n, channels: outChannels, plane: g.plane) }
        }
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor.record(out, "ConvolutionBackward0", inputs: inputs, saves: [x, weight]) { grad in
            let dy = grad.contiguous()
            var dx: Tensor?, dw: Tensor?, db: Tensor?
            withExtendedLifetime((dy, input, matrix)) {
                if x.requiresGrad {
                    // ∂X [N, C·h·w] = ∂Y [N, O·oh·ow] · M
                    let result = Tensor(uninitializedShape: x.shape)
                    BLAS.sgemm(transA: false, transB: false, m: g.n, n: columns, k: rows, dy.base, lda: rows,
                               matrix.base, ldb: columns, result.storage.pointer, ldc: columns)
                    dx = result
                }
                if weight.requiresGrad {
                    // ∂M [O·oh·ow, C·h·w] = ∂Yᵀ · X, folded onto the kernel taps.
                    let dMatrix = Tensor(uninitializedShape: [rows, columns])
                    BLAS.sgemm(transA: true, transB: false, m: rows, n: columns, k: g.n, dy.base, lda: rows,
                               input.base, ldb: columns, dMatrix.storage.pointer, ldc: columns)
                    let result = Tensor.zeros(weight.shape)
                    withExtendedLifetime(dMatrix) { fold(dMatrix.base, g, outChannels, into: result.storage.pointer) }
                    dw = result
                }
                if let bias, bias.requiresGrad {
                    let result = Tensor(uninitializedShape: [outChannels])
                    sumOverImagesAndPixels(dy.base, images: g.n, channels: outChannels, plane: g.plane,
                                           into: result.storage.pointer)
                    db = result
                }
            }
            var grads: [Tensor?] = [dx, dw]
            if bias != nil { grads.append(db) }
            return grads
        }
    }

    /// Walks every entry of M, row (o, r, c) and column (ci, i, j), beside the kernel entry it
    /// holds, W[o, ci, i − r·sh + ph, j − c·sw + pw], and copies W's entry into M (`expanding`)
    /// or adds M's entry onto W's (folding). The innermost loop runs over the input channels
    /// ci, a long strided run on both sides (h·w floats apart in M, kh·kw in W), since the
    /// runs along j are one or two floats on these planes.
    private static func walk(_ g: ConvGeometry, _ outChannels: Int, matrix m: UnsafeMutablePointer<Float>,
                             kernels w: UnsafeMutablePointer<Float>, expanding: Bool) {
        let columns = g.imageSize, taps = g.kh * g.kw, pixels = g.h * g.w, channels = g.c
        for o in 0..<outChannels {
            for r in 0..<g.oh {
                for c in 0..<g.ow {
                    let row = m + ((o * g.oh + r) * g.ow + c) * columns
                    // Input pixel (i, j) meets tap (top + i, left + j).
                    let corner = w + o * channels * taps + (g.ph - r * g.sh) * g.kw + (g.pw - c * g.sw)
                    for i in 0..<g.h {
                        for j in 0..<g.w {
                            let mEntry = row + i * g.w + j, wEntry = corner + i * g.kw + j
                            // Wrapping index arithmetic: no overflow checks in the loop per float.
                            if expanding {
                                for ci in 0..<channels { mEntry[ci &* pixels] = wEntry[ci &* taps] }
                            } else {
                                for ci in 0..<channels { wEntry[ci &* taps] += mEntry[ci &* pixels] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Fills M [O·oh·ow, C·h·w] from the kernels W [O, C, kh, kw].
    static func expand(_ w: UnsafePointer<Float>, _ g: ConvGeometry, _ outChannels: Int,
                       into m: UnsafeMutablePointer<Float>) {
        walk(g, outChannels, matrix: m, kernels: UnsafeMutablePointer(mutating: w), expanding: true)
    }

    /// Adds each entry of ∂M onto the kernel tap it came from: ∂W must hold zeros (a tap that
    /// meets only the zero border keeps its zero gradient).
    static func fold(_ dm: UnsafePointer<Float>, _ g: ConvGeometry, _ outChannels: Int,
                     into dw: UnsafeMutablePointer<Float>) {
        walk(g, outChannels, matrix: UnsafeMutablePointer(mutating: dm), kernels: dw, expanding: false)
    }

    /// y[n, o, ·] += b[o].
    private static func addBias(_ b: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, images: Int,
                                channels: Int, plane: Int) {
        for n in 0..<images {
            for o in 0..<channels {
                let row = y + (n * channels + o) * plane, shift = b[o]
                for t in 0..<plane { row[t] += shift }
            }
        }
    }

    /// db[o] = Σ over images and pixels of dy[n, o, ·].
    private static func sumOverImagesAndPixels(_ dy: UnsafePointer<Float>, images: Int, channels: Int, plane: Int,
                                               into db: UnsafeMutablePointer<Float>) {
        db.initialize(repeating: 0, count: channels)
        for n in 0..<images {
            for o in 0..<channels {
                db[o] += Tensor.rowSum(dy + (n * channels + o) * plane, plane)
            }
        }
    }
}
