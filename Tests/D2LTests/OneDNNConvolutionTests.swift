import XCTest
@testable import D2L
import TestSupport

/// The oneDNN convolution path against the im2col reference (Tensor+Convolution.swift): the
/// output and all three gradients on seeded inputs, for kernels 1 to 11, strides 1 to 4, padding
/// 0 to 3, planes from 1×1 to 56×56, channels up to 512, a single image and odd batches. The
/// finite-difference checks of `conv2d` elsewhere run through oneDNN wherever it is installed.
final class OneDNNConvolutionTests: XCTestCase {
    override func setUpWithError() throws {
        // CI installs libdnnl-dev (.ci/setup), so there a missing library is a gap to report.
        try XCTSkipUnless(OneDNNConvolution.isAvailable, "oneDNN: \(OneDNNConvolution.unavailableReason)")
    }

    // oneDNN itself is checked, so the fully connected form, which would take the 1×1 and 2×2
    // planes first, is kept out.
    override func setUp() { FullyConnectedConvolution.isEnabled = false }
    override func tearDown() { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (true, true) }

    /// Output, ∂X, ∂W and ∂b of one convolution, through oneDNN or through im2col.
    private func convolve(x: [Int], weight: [Int], stride: (Int, Int), padding: (Int, Int), bias: Bool,
                          oneDNN: Bool) -> [Tensor] {
        OneDNNConvolution.isEnabled = oneDNN
        defer { OneDNNConvolution.isEnabled = true }
        let input = sample(x, seed: 51).requiresGrad(), w = sample(weight, seed: 52).requiresGrad()
        let b = bias ? sample([weight[0]], seed: 53).requiresGrad() : nil
        let y = Tensor.conv2d(input, weight: w, bias: b, stride: stride, padding: padding)
        (y * sample(y.shape, seed: 54)).sum().backward()
        return [y.detach(), input.grad!, w.grad!] + (b.map { [$0.grad!] } ?? [])
    }

    private func assertSameAsIm2col(x: [Int], weight: [Int], stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0),
                                    bias: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
        let fast = convolve(x: x, weight: weight, stride: stride, padding: padding, bias: bias, oneDNN: true)
        let reference = convolve(x: x, weight: weight, stride: stride, padding: padding, bias: bias, oneDNN: false)
        // Sums over more terms (∂W adds N·oh·ow products) get a looser bound.
        let terms = Float(max(x[1] * weight[2] * weight[3], x[0] * fast[0].shape[2] * fast[0].shape[3]))
        let tolerance = 1e-5 * terms.squareRoot() * 4
        for (name, (a, e)) in zip(["output", "∂X", "∂W", "∂b"], zip(fast, reference)) {
            XCTAssertEqual(a.shape, e.shape, "\(name) of x \(x), w \(weight)", file: file, line: line)
            assertClose(a, e, atol: max(tolerance, 1e-4), rtol: 1e-4, file: file, line: line)
        }
    }

    /// The shapes of chapters 6, 7 and 13: LeNet's 5×5, AlexNet's 11×11 stride 4, ResNet's 7×7
    /// stride 2 stem, 3×3 on planes down to 1×1, strided 1×1 shortcuts, NiN's 1×1.
    func testBookShapesMatchIm2col() {
        assertSameAsIm2col(x: [3, 1, 28, 28], weight: [6, 1, 5, 5], padding: (2, 2))
        assertSameAsIm2col(x: [2, 1, 56, 56], weight: [8, 1, 11, 11], stride: (4, 4), padding: (1, 1))
        assertSameAsIm2col(x: [5, 1, 28, 28], weight: [16, 1, 7, 7], stride: (2, 2), padding: (3, 3))
        assertSameAsIm2col(x: [7, 32, 7, 7], weight: [32, 32, 3, 3], padding: (1, 1), bias: false)
        assertSameAsIm2col(x: [4, 32, 2, 2], weight: [48, 32, 3, 3], padding: (1, 1))
        assertSameAsIm2col(x: [3, 64, 1, 1], weight: [64, 64, 3, 3], padding: (1, 1))
        assertSameAsIm2col(x: [5, 24, 4, 4], weight: [40, 24, 1, 1], stride: (2, 2))
        assertSameAsIm2col(x: [2, 96, 6, 6], weight: [96, 96, 1, 1])
    }

    /// Odd sizes: one image, a prime batch, channel counts that fill no SIMD block, an uneven
    /// kernel with uneven stride and padding, padding 3 on a small plane, and a stride that leaves
    /// the last rows unused.
    func testOddShapesMatchIm2col() {
        assertSameAsIm2col(x: [1, 3, 9, 9], weight: [5, 3, 3, 3], padding: (1, 1))
        assertSameAsIm2col(x: [13, 5, 6, 7], weight: [7, 5, 3, 2], stride: (2, 1), padding: (1, 0))
        assertSameAsIm2col(x: [2, 2, 3, 3], weight: [3, 2, 5, 5], padding: (3, 3))
        assertSameAsIm2col(x: [3, 4, 10, 10], weight: [6, 4, 3, 3], stride: (4, 4))
        assertSameAsIm2col(x: [2, 512, 1, 1], weight: [17, 512, 1, 1], bias: false)
    }

    /// A ResNet-sized stem reaches oneDNN's own kernels rather than a fallback it reports as
    /// "ref" (its slow reference implementation).
    func testResNetShapesUseAnOptimisedKernel() throws {
        for (input, kernel, stride, padding) in [([256, 1, 28, 28], [64, 1, 7, 7], (2, 2), (3, 3)),
                                                 ([256, 64, 7, 7], [64, 64, 3, 3], (1, 1), (1, 1))] {
            let name = try XCTUnwrap(OneDNNConvolution.implementation(input: input, kernel: kernel, stride: stride,
                                                                      padding: padding))
            XCTAssertFalse(name.hasPrefix("ref"), "oneDNN chose \(name) for \(input) ⋆ \(kernel)")
        }
    }
}
