import ConvNets
import D2L
import XCTest

/// §6.2.4's kernel-learning loop stops when its loss blows up.
final class Chapter6DivergenceTests: XCTestCase {
    func testLearnKernelStopsWhenTheLossBlowsUp() {
        let X = CrossCorrelation.edgeImage()
        let Y = CrossCorrelation.corr2d(X, CrossCorrelation.edgeKernel)
        XCTAssertThrowsError(try CrossCorrelation.learnKernel(X, Y, epochs: 10, lr: 10, generator: RandomGenerator(seed: 0))) { error in
            guard let diverged = error as? TrainingDiverged else { return XCTFail("threw \(error)") }
            XCTAssertEqual(diverged.batch, 1)
            XCTAssertEqual(diverged.batchesPerEpoch, 1)
            XCTAssertLessThanOrEqual(diverged.epoch, 5)
        }
    }
}
