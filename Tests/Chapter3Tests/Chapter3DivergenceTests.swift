import D2L
import LinearNetworks
import XCTest

/// §3.2 and §3.3 with a learning rate far too large stop at the first bad minibatch.
final class Chapter3DivergenceTests: XCTestCase {
    private func bookData() -> (Tensor, Tensor, RandomGenerator) {
        let g = RandomGenerator(seed: 5)
        let (X, y) = syntheticData(LinearRegressionScratch.trueW, LinearRegressionScratch.trueB, numExamples: 200, generator: g)
        return (X, y, g)
    }

    private func assertDiverged(_ error: Error, lr: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let diverged = error as? TrainingDiverged else { return XCTFail("threw \(error)", file: file, line: line) }
        XCTAssertEqual(diverged.epoch, 1, file: file, line: line)
        XCTAssertLessThanOrEqual(diverged.batch, 3, "stops within the first batches", file: file, line: line)
        XCTAssertEqual(diverged.batchesPerEpoch, 20, file: file, line: line)
        XCTAssertTrue("\(diverged)".contains("with lr \(lr); try a smaller learning rate"), "\(diverged)", file: file, line: line)
    }

    func testScratchLoopStopsWhenTheLossBlowsUp() {
        let (X, y, g) = bookData()
        XCTAssertThrowsError(try LinearRegressionScratch.train(features: X, labels: y, lr: 1e6, generator: g)) {
            assertDiverged($0, lr: "1000000")
        }
    }

    func testConciseLoopStopsWhenTheLossBlowsUp() {
        let (X, y, g) = bookData()
        XCTAssertThrowsError(try LinearRegressionConcise.train(features: X, labels: y, lr: 1e38, generator: g)) {
            assertDiverged($0, lr: "1e+38")
        }
    }

    func testBooksLearningRateTrainsWithoutComplaint() throws {
        let (X, y, g) = bookData()
        let (_, _, losses) = try LinearRegressionScratch.train(features: X, labels: y, numEpochs: 10, generator: g)
        XCTAssertLessThan(losses.last!, 0.01)
    }
}
