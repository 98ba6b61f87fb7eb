import D2L
import ModernConvNets
import TestSupport
import XCTest

/// §7.5.6: the concise layers normalise exactly as the book's from-scratch `batch_norm`; only
/// the running statistics follow PyTorch's conventions instead of the book's.
final class Chapter7BatchNormConciseTests: XCTestCase {
    func testConciseLayersNormaliseAsTheScratchFunction() {
        for (shape, concise) in [([6, 3], BatchNorm1d(3) as any Layer), ([4, 3, 2, 5], BatchNorm2d(3) as any Layer)] {
            let X = sample(shape, seed: 31, low: -2, high: 3)
            let statsShape = shape.count == 2 ? [1, 3] : [1, 3, 1, 1]
            let (expected, scratchMean, _) = BatchNormalization.batchNorm(
                X, gamma: Tensor.ones(statsShape), beta: Tensor.zeros(statsShape),
                movingMean: Tensor.zeros(statsShape), movingVar: Tensor.ones(statsShape),
                eps: 1e-5, momentum: 0.9, training: true)
            assertClose(concise(X), expected, atol: 1e-5)
            // The book keeps 0.9 of the old mean; PyTorch's momentum 0.1 weighs the new one
            // by 0.1: the same moving mean after one step from zero.
            let layer = concise as! BatchNormLayer
            assertClose(layer.runningMean, scratchMean.reshape(-1), atol: 1e-6)
        }
    }

    func testTheConciseLeNetHasTheScratchNetsShapes() {
        let X = Tensor.rand([2, 1, 28, 28])
        let scratch = BatchNormalization.lenet().layerShapes(for: X).map(\.shape)
        let concise = BatchNormalization.lenetConcise().layerShapes(for: X).map(\.shape)
        XCTAssertEqual(concise, scratch)
        XCTAssertEqual(BatchNormalization.lenetConcise().parameters().count, BatchNormalization.lenet().parameters().count)
    }
}
