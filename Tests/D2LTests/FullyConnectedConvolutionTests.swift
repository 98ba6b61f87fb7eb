import XCTest
@testable import D2L
import TestSupport

/// The fully connected form of a convolution (FullyConnectedConvolution.swift): which shapes it
/// takes, and that it gives what the im2col reference gives, output and all three gradients,
/// and agrees with finite differences.
final class FullyConnectedConvolutionTests: XCTestCase {
    override func tearDown() { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (true, true) }

    private func geometry(_ x: [Int], _ weight: [Int], stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0))
        -> ConvGeometry {
        ConvGeometry(input: x, kernel: (weight[2], weight[3]), stride: stride, padding: padding, operation: "test")
    }

    /// It takes the shapes where every output pixel's window covers the whole input (ResNet's
    /// 3×3 on 2×2 and 1×1 planes, its strided 3×3 from 2×2 to 1×1, a 1×1 kernel on a 1×1
    /// plane, a 2×2 output whose windows all cover a 2×2 input) and no other (3×3 on 4×4 and
    /// 3×3 planes, the strided 1×1 shortcut from 2×2, a plane one column too wide, LeNet's 28×28).
    func testTakesOnlyShapesWhereEveryOutputSeesTheWholeInput() {
        let taken: [([Int], [Int], (Int, Int), (Int, Int))] = [
            ([256, 512, 1, 1], [512, 512, 3, 3], (1, 1), (1, 1)),
            ([256, 256, 2, 2], [256, 256, 3, 3], (1, 1), (1, 1)),
            ([256, 256, 2, 2], [512, 256, 3, 3], (2, 2), (1, 1)),
            ([8, 64, 1, 1], [32, 64, 1, 1], (1, 1), (0, 0)),
            ([2, 3, 3, 3], [4, 3, 5, 5], (1, 1), (2, 2)),
            ([2, 3, 2, 2], [4, 3, 4, 4], (2, 2), (2, 2)),
        ]
        for (x, w, s, p) in taken {
            XCTAssertTrue(FullyConnectedConvolution.applies(to: geometry(x, w, stride: s, padding: p), outChannels: w[0]),
                          "\(x) ⋆ \(w) stride \(s) padding \(p)")
        }
        let left: [([Int], [Int], (Int, Int), (Int, Int))] = [
            ([256, 128, 4, 4], [128, 128, 3, 3], (1, 1), (1, 1)),
            ([256, 256, 2, 2], [512, 256, 1, 1], (2, 2), (0, 0)),
            ([2, 3, 3, 3], [4, 3, 3, 3], (1, 1), (1, 1)),
            ([2, 3, 2, 3], [4, 3, 3, 3], (1, 1), (1, 1)),  // 3 columns: the first window misses the last
            ([2, 3, 28, 28], [6, 3, 5, 5], (1, 1), (2, 2)),
        ]
        for (x, w, s, p) in left {
            XCTAssertFalse(FullyConnectedConvolution.applies(to: geometry(x, w, stride: s, padding: p), outChannels: w[0]),
                           "\(x) ⋆ \(w) stride \(s) padding \(p)")
        }
        // A dense matrix over 16 MiB is left to the other paths.
        XCTAssertFalse(FullyConnectedConvolution.applies(to: geometry([2, 512, 3, 3], [512, 512, 5, 5], padding: (2, 2)),
                                                         outChannels: 512))
    }

    /// Output, ∂X, ∂W and ∂b, through the fully connected form or through im2col alone.
    private func convolve(x: [Int], weight: [Int], stride: (Int, Int), padding: (Int, Int), bias: Bool,
                          dense: Bool) -> [Tensor] {
        (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (false, dense)
        defer { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (true, true) }
        let input = sample(x, seed: 61).requiresGrad(), w = sample(weight, seed: 62).requiresGrad()
        let b = bias ? sample([weight[0]], seed: 63).requiresGrad() : nil
        let y = Tensor.conv2d(input, weight: w, bias: b, stride: stride, padding: padding)
        (y * sample(y.shape, seed: 64)).sum().backward()
        return [y.detach(), input.grad!, w.grad!] + (b.map { [$0.grad!] } ?? [])
    }

    private func assertSameAsIm2col(x: [Int], weight: [Int], stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0),
                                    bias: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(FullyConnectedConvolution.applies(to: geometry(x, weight, stride: stride, padding: padding),
                                                        outChannels: weight[0]), file: file, line: line)
        let dense = convolve(x: x, weight: weight, stride: stride, padding: padding, bias: bias, dense: true)
        let reference = convolve(x: x, weight: weight, stride: stride, padding: padding, bias: bias, dense: false)
        for (name, (a, e)) in zip(["output", "∂X", "∂W", "∂b"], zip(dense, reference)) {
            XCTAssertEqual(a.shape, e.shape, "\(name) of x \(x), w \(weight)", file: file, line: line)
            assertClose(a, e, atol: 2e-4, rtol: 1e-4, file: file, line: line)
        }
    }

    /// ResNet's shapes at 28 px (fewer channels), a 5×5 kernel on a 3×3 plane, uneven planes,
    /// strides and padding, a 1×1 kernel, a single image, a prime batch and no bias.
    func testMatchesIm2col() {
        assertSameAsIm2col(x: [5, 16, 1, 1], weight: [12, 16, 3, 3], padding: (1, 1))
        assertSameAsIm2col(x: [7, 8, 2, 2], weight: [10, 8, 3, 3], padding: (1, 1))
        assertSameAsIm2col(x: [4, 6, 2, 2], weight: [9, 6, 3, 3], stride: (2, 2), padding: (1, 1))
        assertSameAsIm2col(x: [3, 4, 3, 3], weight: [5, 4, 5, 5], padding: (2, 2))
        assertSameAsIm2col(x: [3, 5, 1, 2], weight: [4, 5, 3, 3], stride: (1, 2), padding: (1, 1))
        assertSameAsIm2col(x: [2, 3, 2, 3], weight: [4, 3, 2, 4], stride: (1, 1), padding: (0, 1))
        assertSameAsIm2col(x: [3, 3, 2, 2], weight: [4, 3, 4, 4], stride: (2, 2), padding: (2, 2))
        assertSameAsIm2col(x: [6, 32, 1, 1], weight: [16, 32, 1, 1], bias: false)
        assertSameAsIm2col(x: [1, 7, 2, 2], weight: [3, 7, 3, 3], padding: (1, 1))
        assertSameAsIm2col(x: [13, 3, 1, 1], weight: [2, 3, 3, 3], padding: (1, 1), bias: false)
    }

    /// Autograd through the fully connected form agrees with finite differences, including the
    /// taps that meet only the zero border (their gradient is zero).
    func testGradientsMatchFiniteDifferences() {
        (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (false, true)
        for (x, weight, stride, padding) in [([3, 2, 2, 2], [3, 2, 3, 3], (1, 1), (1, 1)),
                                             ([2, 3, 2, 2], [2, 3, 3, 3], (2, 2), (1, 1)),
                                             ([2, 2, 1, 1], [3, 2, 3, 3], (1, 1), (1, 1))] {
            XCTAssertTrue(FullyConnectedConvolution.applies(to: geometry(x, weight, stride: stride, padding: padding),
                                                            outChannels: weight[0]))
            let input = sample(x, seed: 71).requiresGrad(), w = sample(weight, seed: 72).requiresGrad()
            let b = sample([weight[0]], seed: 73).requiresGrad()
            let shape = Tensor.conv2d(input, weight: w, bias: b, stride: stride, padding: padding).shape
            let dy = sample(shape, seed: 74)
            assertGradientsMatch([input, w, b]) { t in
                (Tensor.conv2d(t[0], weight: t[1], bias: t[2], stride: stride, padding: padding) * dy).sum()
            }
        }
    }

    /// An empty batch goes to the other paths and still gives zero kernel gradients.
    func testEmptyBatch() {
        let w = sample([4, 2, 3, 3], seed: 1).requiresGrad()
        let y = Tensor.conv2d(Tensor.zeros([0, 2, 1, 1]), weight: w, padding: (1, 1))
        XCTAssertEqual(y.shape, [0, 4, 1, 1])
        y.sum().backward()
        XCTAssertEqual(w.grad!.toArray(), [Float](repeating: 0, count: 72))
    }
}
