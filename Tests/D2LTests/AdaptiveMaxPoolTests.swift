import D2L
import TestSupport
import XCTest

/// `adaptiveMaxPool2d` (TinySSD's last block, §13.7): maxima over PyTorch's adaptive regions,
/// gradients sent to the winners.
final class AdaptiveMaxPoolTests: XCTestCase {
    func testGlobalMaximumPerChannel() {
        let x = Tensor(shape: [1, 2, 2, 2], values: [1, 4, 3, 2, -1, -5, -2, -3])
        XCTAssertEqual(AdaptiveMaxPool2d((1, 1))(x).toArray(), [4, -1])
        XCTAssertEqual(AdaptiveMaxPool2d((1, 1))(x).shape, [1, 2, 1, 1])
    }

    func testOverlappingRegionsAsPyTorch() {
        // 3 → 2 rows and columns: regions [0, 2) and [1, 3) overlap on the middle row and column.
        // torch.nn.functional.adaptive_max_pool2d(torch.arange(9.).reshape(1, 1, 3, 3), 2) = [[4, 5], [7, 8]]
        let x = Tensor.arange(9, dtype: .float32).reshape(1, 1, 3, 3)
        XCTAssertEqual(Tensor.adaptiveMaxPool2d(x, outputSize: (2, 2)).toArray(), [4, 5, 7, 8])
        let y = Tensor.arange(9, dtype: .float32).reshape(1, 1, 3, 3).requiresGrad(true)
        Tensor.adaptiveMaxPool2d(y, outputSize: (2, 2)).sum().backward()
        XCTAssertEqual(y.grad?.toArray(), [0, 0, 0, 0, 1, 1, 0, 1, 1])
    }

    func testGradientMatchesFiniteDifferences() {
        // Distinct values well apart, so no finite-difference step changes a window's winner.
        let values: [Float] = (0..<120).map { (k: Int) -> Float in Float((k * 37) % 120) / 10 }
        let x = Tensor(shape: [2, 3, 5, 4], values: values)
        let weights = Tensor.rand([2, 3, 2, 3], generator: RandomGenerator(seed: 3))
        assertGradientsMatch([x]) { (Tensor.adaptiveMaxPool2d($0[0], outputSize: (2, 3)) * weights).sum() }
    }
}
