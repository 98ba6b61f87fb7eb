import D2L
import ModernConvNets
import XCTest

/// §7.7: the shapes the book prints for a dense block and a transition block, and DenseNet's
/// layer table for a 96×96 input.
final class Chapter7DenseNetTests: XCTestCase {
    func testDenseBlockAndTransitionBlockShapesMatchTheBook() {
        let blk = DenseBlock(2, 3, 10)
        let Y = noGrad { blk(Tensor.randn([4, 3, 8, 8])) }
        XCTAssertEqual(Y.shape, [4, 23, 8, 8])  // 3 + 2 · 10 channels
        XCTAssertEqual(noGrad { transitionBlock(23, 10)(Y) }.shape, [4, 10, 4, 4])
    }

    func testDenseBlockConcatenatesItsInputUnchanged() {
        let X = Tensor.randn([2, 3, 5, 5], generator: RandomGenerator(seed: 77))
        let Y = noGrad { DenseBlock(1, 3, 4)(X) }
        XCTAssertEqual(Y[TensorIndex.all, 0..<3].contiguous().toArray(), X.toArray())
    }

    func testDenseNetShapesOn96Pixels() {
        let shapes = DenseNet.makeNet().layerShapes(for: Tensor.rand([1, 1, 96, 96])).map { "\($0.name) \($0.shape)" }
        XCTAssertEqual(shapes, [
            "Sequential [1, 64, 24, 24]",
            "DenseBlock [1, 192, 24, 24]", "Sequential [1, 96, 12, 12]",
            "DenseBlock [1, 224, 12, 12]", "Sequential [1, 112, 6, 6]",
            "DenseBlock [1, 240, 6, 6]", "Sequential [1, 120, 3, 3]",
            "DenseBlock [1, 248, 3, 3]",
            "BatchNorm2d [1, 248, 3, 3]", "ReLU [1, 248, 3, 3]", "AdaptiveAvgPool2d [1, 248, 1, 1]",
            "Flatten [1, 248]", "Linear [1, 10]",
        ])
    }
}
