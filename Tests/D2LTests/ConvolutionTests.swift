import XCTest
@testable import D2L
import TestSupport

/// conv2d on a batch large enough to be cut into groups of images spread over the cores
/// (see `ConvPlan`): every image, and every gradient, must come out as if each image had been
/// convolved alone. The small-batch cases (one group) are checked against a direct loop and
/// finite differences in Chapter6Tests.
final class ConvolutionTests: XCTestCase {
    // These check the im2col path itself, so oneDNN (OneDNNConvolution.swift) and the fully
    // connected form (FullyConnectedConvolution.swift) are kept out.
    override func setUp() { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (false, false) }
    override func tearDown() { (OneDNNConvolution.isEnabled, FullyConnectedConvolution.isEnabled) = (true, true) }

    private func assertBatchMatchesImageByImage(x: [Int], weight: [Int], stride: (Int, Int), padding: (Int, Int),
                                                file: StaticString = #filePath, line: UInt = #line) {
        let input = sample(x, seed: 21).requiresGrad(), w = sample(weight, seed: 22).requiresGrad()
        let b = sample([weight[0]], seed: 23).requiresGrad()
        let y = Tensor.conv2d(input, weight: w, bias: b, stride: stride, padding: padding)
        let dy = sample(y.shape, seed: 24)
        (y * dy).sum().backward()

        var outputs: [Tensor] = [], inputGrads: [Tensor] = []
        var weightGrad = Tensor.zeros(weight), biasGrad = Tensor.zeros([weight[0]])
        for i in 0..<x[0] {
            let one = input.detach()[i..<(i + 1), ...].contiguous().requiresGrad()
            let w1 = w.detach().requiresGrad(), b1 = b.detach().requiresGrad()
            let y1 = Tensor.conv2d(one, weight: w1, bias: b1, stride: stride, padding: padding)
            (y1 * dy[i..<(i + 1), ...]).sum().backward()
            outputs.append(y1.detach())
            inputGrads.append(one.grad!)
            weightGrad = weightGrad + w1.grad!
            biasGrad = biasGrad + b1.grad!
        }
        assertClose(y, Tensor.cat(outputs), atol: 1e-4, file: file, line: line)
        assertClose(input.grad!, Tensor.cat(inputGrads), atol: 1e-4, file: file, line: line)
        assertClose(w.grad!, weightGrad, atol: 1e-3, rtol: 1e-4, file: file, line: line)
        assertClose(b.grad!, biasGrad, atol: 1e-3, rtol: 1e-4, file: file, line: line)
    }

    /// 3×3 kernels on 8 channels, padding 1: 72 × 280 floats of columns per image, so groups of
    /// three images, the last group short (5 = 3 + 2), and enough work for two cores.
    func testGroupsOfImagesMatchImageByImage() {
        assertBatchMatchesImageByImage(x: [5, 8, 14, 20], weight: [8, 8, 3, 3], stride: (1, 1), padding: (1, 1))
    }

    /// One image per group (large columns), a stride of 2 and uneven padding.
    func testStridedLargeImagesMatchImageByImage() {
        assertBatchMatchesImageByImage(x: [3, 16, 40, 33], weight: [8, 16, 5, 3], stride: (2, 2), padding: (2, 0))
    }

    /// An empty batch gives an empty output and zero kernel gradients, not a crash.
    func testEmptyBatch() {
        let w = sample([4, 2, 3, 3], seed: 1).requiresGrad(), b = sample([4], seed: 2).requiresGrad()
        let y = Tensor.conv2d(Tensor.zeros([0, 2, 5, 5]), weight: w, bias: b, padding: (1, 1))
        XCTAssertEqual(y.shape, [0, 4, 5, 5])
        y.sum().backward()
        XCTAssertEqual(w.grad!.toArray(), [Float](repeating: 0, count: 72))
        XCTAssertEqual(b.grad!.toArray(), [0, 0, 0, 0])
    }
}
