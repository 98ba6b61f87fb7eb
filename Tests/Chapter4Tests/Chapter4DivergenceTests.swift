import D2L
import MLP
import XCTest

/// §4.10's Adam loop stops at the first minibatch whose loss blows up.
final class Chapter4DivergenceTests: XCTestCase {
    func testKaggleLoopStopsWhenTheLossBlowsUp() {
        let g = RandomGenerator(seed: 6)
        let X = Tensor.randn([64, 5], generator: g)
        let y = matmul(X, Tensor.ones([5, 1])) + 100
        let net = KaggleHouse.makeNet(inputs: 5, generator: g)
        XCTAssertThrowsError(try KaggleHouse.train(net, trainFeatures: X, trainLabels: y, numEpochs: 3, lr: 1e6,
                                                   weightDecay: 0, batchSize: 16, generator: g)) { error in
            guard let diverged = error as? TrainingDiverged else { return XCTFail("threw \(error)") }
            XCTAssertEqual(diverged.epoch, 1)
            XCTAssertEqual(diverged.batchesPerEpoch, 4)
            XCTAssertTrue("\(diverged)".contains("with lr 1000000"), "\(diverged)")
        }
    }
}
