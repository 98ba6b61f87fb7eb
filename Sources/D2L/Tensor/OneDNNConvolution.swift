// The fast path of 2-d convolution: oneDNN's direct kernels (Sources/COneDNN), where the library
// is installed. They leave out the taps that meet the zero border at every output position and
// work in a channel-blocked layout, which wins at the small planes of chapters 7 and 13 (ResNet's
// 7×7 … 1×1 at 28 px), where im2col copies far more than it multiplies.
//
// Which path runs is decided here and nowhere else: oneDNN when it is available and takes the
// shape, else the im2col + GEMM path of Tensor+Convolution.swift, which stays the readable
// reference and the oracle of the tests. `D2L_ONEDNN=0` in the environment forces im2col.
import COneDNN

/// The oneDNN convolution path (`d2l_onednn_*` in Sources/COneDNN).
enum OneDNNConvolution {
    /// Off: every convolution takes the im2col path (the tests compare the two this way; users
    /// set `D2L_ONEDNN=0` instead).
    nonisolated(unsafe) static var isEnabled = true

    /// Whether oneDNN was found and set up; when not, `unavailableReason` says why.
    static var isAvailable: Bool { d2l_onednn_available() != 0 }
    static var unavailableReason: String { String(cString: d2l_onednn_unavailable_reason()) }

    /// The name of the kernel oneDNN picks for this forward convolution ("jit:avx512_core", …),
    /// or nil when it would not run it.
    static func implementation(input: [Int], kernel: [Int], stride: (Int, Int), padding: (Int, Int)) -> String? {
        var shape = d2l_conv_shape(
            n: Int32(input[0]), c: Int32(input[1]), h: Int32(input[2]), w: Int32(input[3]), o: Int32(kernel[0]),
            kh: Int32(kernel[2]), kw: Int32(kernel[3]), sh: Int32(stride.0), sw: Int32(stride.1),
            ph: Int32(padding.0), pw: Int32(padding.1))
        return d2l_onednn_conv_implementation(&shape).map { String(cString: $0) }
    }

    /// `Tensor.conv2d` through oneDNN, recorded for autograd like the im2col path; nil when oneDNN
    /// is absent or cannot run the shape, and the caller takes the im2col path. A backward pass
    /// that oneDNN refuses (it never has) falls back to im2col for that gradient.
    static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, geometry g: ConvGeometry) -> Tensor? {
        guard isEnabled, isAvailable, x.dtype == .float32, weight.dtype == .float32, g.n > 0,
              let shape = shapeFitting32Bits(g, outChannels: weight.shape[0]) else { return nil }
        var s = shape
        let input = x.detach().contiguous(), kernels = weight.detach().contiguous()
        let shift = bias?.detach().contiguous()
        let out = Tensor(uninitializedShape: [g.n, weight.shape[0], g.oh, g.ow])
        let status = withExtendedLifetime((input, kernels, shift)) {
            d2l_onednn_conv_forward(&s, input.base, kernels.base, shift?.base, out.storage.pointer)
        }
        guard status == 0 else { return nil }
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor.record(out, "ConvolutionBackward0", inputs: inputs, saves: [x, weight]) { grad in
            let dy = grad.contiguous()
            var dx: Tensor?, dw: Tensor?, db: Tensor?
            if x.requiresGrad {
                let result = Tensor(uninitializedShape: x.shape)
                let ok = withExtendedLifetime((dy, kernels)) {
                    d2l_onednn_conv_backward_data(&s, dy.base, kernels.base, result.storage.pointer) == 0
                }
                dx = ok ? result : nil
            }
            let wantsBias = bias?.requiresGrad ?? false
            if weight.requiresGrad || wantsBias {
                let dKernels = Tensor(uninitializedShape: weight.shape)
                let dShift = bias != nil ? Tensor(uninitializedShape: [weight.shape[0]]) : nil
                let ok = withExtendedLifetime((dy, input)) {
                    d2l_onednn_conv_backward_weights(&s, input.base, dy.base, dKernels.storage.pointer,
                                                     dShift?.storage.pointer) == 0
                }
                if ok {
                    dw = weight.requiresGrad ? dKernels : nil
                    db = wantsBias ? dShift : nil
                }
            }
            // What oneDNN did not compute, the im2col path does.
            let missingX = x.requiresGrad && dx == nil
            let missingW = (weight.requiresGrad && dw == nil) || (wantsBias && db == nil)
            if missingX || missingW {
                let plan = ConvPlan(g, outChannels: weight.shape[0])
                let fx = missingX ? Tensor(uninitializedShape: x.shape) : nil
                let fw = missingW ? Tensor(uninitializedShape: weight.shape) : nil
                let fb = missingW && bias != nil ? Tensor(uninitializedShape: [weight.shape[0]]) : nil
                plan.backward(dy.base, input: input.base, kernels: kernels.base, dx: fx?.storage.pointer,
                              dw: fw?.storage.pointer, db: fb?.storage.pointer)
                if missingX { dx = fx }
                if missingW { dw = weight.requiresGrad ? fw : nil; db = wantsBias ? fb : nil }
            }
            var grads: [Tensor?] = [dx, dw]
            if bias != nil { grads.append(db) }
            return grads
        }
    }

    /// The shape in the C interface's 32-bit fields, or nil for a tensor too large for them.
    private static func shapeFitting32Bits(_ g: ConvGeometry, outChannels: Int) -> d2l_conv_shape? {
        let limit = Int(Int32.max)
        guard g.n * g.imageSize < limit, g.n * outChannels * g.plane < limit else { return nil }
        return d2l_conv_shape(
            n: Int32(g.n), c: Int32(g.c), h: Int32(g.h), w: Int32(g.w), o: Int32(outChannels), kh: Int32(g.kh),
            kw: Int32(g.kw), sh: Int32(g.sh), sw: Int32(g.sw), ph: Int32(g.ph), pw: Int32(g.pw))
    }
}

extension Tensor {
    /// Which path `conv2d` takes on this machine, for a program's first lines: oneDNN with the
    /// kernel it picks for a ResNet layer (64 → 64 channels, 3×3, 7×7 plane), or im2col + OpenBLAS
    /// and why oneDNN is not used.
    public static var convolutionPath: String {
        if !OneDNNConvolution.isEnabled { return "im2col + OpenBLAS (oneDNN switched off)" }
        guard OneDNNConvolution.isAvailable else {
            return "im2col + OpenBLAS (oneDNN: \(OneDNNConvolution.unavailableReason))"
        }
        let kernel = OneDNNConvolution.implementation(input: [256, 64, 7, 7], kernel: [64, 64, 3, 3], stride: (1, 1),
                                                      padding: (1, 1))
        return "oneDNN (\(kernel ?? "no kernel") for a 3x3 layer; D2L_ONEDNN=0 for im2col)"
    }
}
