import XCTest
@testable import D2L
import TestSupport

/// The shortcuts of `ConvPlan` against the plain im2col path: a 1×1 convolution with stride 1
/// and no padding (multiplied without unrolling), and kernels whose outer taps only ever meet
/// the zero border on small images (left out of the products). Each is compared, value and
/// gradients, with the same convolution computed in a way that takes no shortcut, and checked
/// against finite differences.
final class ConvolutionPathTests: XCTestCase {
    // These check the im2col path itself, so oneDNN (OneDNNConvolution.swift) and the fully
    // connected form (FullyConnectedConvolution.swift) are kept out.
    override func setUp() { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (false, false) }
    override func tearDown() { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (true, true) }

    /// `conv2d` and `reference` on the same seeded inputs: outputs and all three gradients.
    private func assertSameAsReference(x: [Int], weight: [Int], stride: (Int, Int) = (1, 1), padding: (Int, Int),
                                       reference: (Tensor, Tensor, Tensor) -> Tensor,
                                       file: StaticString = #filePath, line: UInt = #line) {
        func run(_ f: (Tensor, Tensor, Tensor) -> Tensor) -> [Tensor] {
            let input = sample(x, seed: 31).requiresGrad(), w = sample(weight, seed: 32).requiresGrad()
            let b = sample([weight[0]], seed: 33).requiresGrad()
            let y = f(input, w, b)
            (y * sample(y.shape, seed: 34)).sum().backward()
            return [y.detach(), input.grad!, w.grad!, b.grad!]
        }
        let fast = run { Tensor.conv2d($0, weight: $1, bias: $2, stride: stride, padding: padding) }
        let slow = run(reference)
        for (name, (a, e)) in zip(["output", "∂X", "∂W", "∂b"], zip(fast, slow)) {
            XCTAssertEqual(a.shape, e.shape, name, file: file, line: line)
            assertClose(a, e, atol: 1e-4, rtol: 1e-4, file: file, line: line)
        }
    }

    /// `x` with `p` zero rows above and below and `q` zero columns left and right, built by
    /// concatenation so gradients flow back to `x`.
    private func zeroPadded(_ x: Tensor, _ p: Int, _ q: Int) -> Tensor {
        let (n, c, h) = (x.shape[0], x.shape[1], x.shape[2])
        let tall = Tensor.cat([Tensor.zeros([n, c, p, x.shape[3]]), x, Tensor.zeros([n, c, p, x.shape[3]])], dim: 2)
        let side = Tensor.zeros([n, c, h + 2 * p, q])
        return Tensor.cat([side, tall, side], dim: 3)
    }

    /// 1×1 convolutions against the same kernel with padding 1 (the im2col path) and the border
    /// of the output cut off: one image with a large plane (multiplied in place), a batch of
    /// small planes (grouped), and odd channel counts.
    func testPointwiseMatchesThePaddedPath() {
        for (x, weight) in [([3, 5, 23, 29], [7, 5, 1, 1]), ([37, 3, 5, 3], [4, 3, 1, 1]), ([1, 1, 1, 1], [2, 1, 1, 1])] {
            let (h, w) = (x[2], x[3])
            assertSameAsReference(x: x, weight: weight, padding: (0, 0)) { input, k, b in
                let y = Tensor.conv2d(input, weight: k, bias: b, padding: (1, 1))
                return y[0..<x[0], 0..<weight[0], 1..<(h + 1), 1..<(w + 1)]
            }
        }
    }

    /// Padded kernels on images so small that some taps never meet a real pixel (3×3 with
    /// padding 1 on 1×1 images, 5×5 with padding 2 and stride 2 on 2×3 images, an uneven
    /// kernel), against the same kernels on explicitly zero-padded images with no padding.
    func testKernelsOnTinyImagesMatchExplicitPadding() {
        let cases: [([Int], [Int], (Int, Int), (Int, Int))] = [
            ([19, 6, 1, 1], [5, 6, 3, 3], (1, 1), (1, 1)),
            ([4, 3, 2, 3], [4, 3, 5, 5], (2, 2), (2, 2)),
            ([5, 2, 1, 4], [3, 2, 3, 2], (1, 2), (1, 1)),
            ([3, 2, 2, 2], [2, 2, 3, 3], (2, 2), (1, 1)),
        ]
        for (x, weight, stride, padding) in cases {
            assertSameAsReference(x: x, weight: weight, stride: stride, padding: padding) { input, k, b in
                Tensor.conv2d(zeroPadded(input, padding.0, padding.1), weight: k, bias: b, stride: stride)
            }
        }
    }

    /// Finite differences through each shortcut: a pointwise image of 512 positions (in place),
    /// grouped pointwise images, and a 3×3 kernel on 1×1 and 2×1 images.
    func testShortcutGradientsMatchFiniteDifferences() {
        let cases: [([Int], [Int], (Int, Int))] = [
            ([1, 2, 16, 32], [3, 2, 1, 1], (0, 0)),
            ([6, 3, 2, 3], [2, 3, 1, 1], (0, 0)),
            ([3, 4, 1, 1], [3, 4, 3, 3], (1, 1)),
            ([2, 2, 2, 1], [3, 2, 3, 3], (1, 1)),
        ]
        for (index, (x, weight, padding)) in cases.enumerated() {
            let seed = UInt64(40 + 4 * index)
            let input = sample(x, seed: seed), w = sample(weight, seed: seed + 1), b = sample([weight[0]], seed: seed + 2)
            let probe = sample(Tensor.conv2d(input, weight: w, padding: padding).shape, seed: seed + 3)
            assertGradientsMatch([input, w, b]) { t in
                (Tensor.conv2d(t[0], weight: t[1], bias: t[2], padding: padding) * probe).sum()
            }
        }
    }
}
