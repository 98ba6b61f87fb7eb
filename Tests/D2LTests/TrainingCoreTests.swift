import D2L
import Foundation
import TestSupport
import XCTest

final class TrainingCoreTests: XCTestCase {
    private func blobs() -> (DataLoader, DataLoader) {
        let g = RandomGenerator(seed: 7)
        let X = Tensor.randn([64, 4], generator: g)
        let y = (X[..., 0] > 0).to(.int64)
        return (loadArray(X, y, batchSize: 16, generator: g), loadArray(X, y, batchSize: 16, isTrain: false))
    }

    func testGradClippingRescalesToTheJointNorm() {
        let a = Tensor.zeros([1]).requiresGrad(), b = Tensor.zeros([1]).requiresGrad()
        (3 * a + 4 * b).backward()  // gradients 3 and 4: joint norm 5
        XCTAssertEqual(gradClipping([a, b], theta: 10), 5, accuracy: 1e-6)
        XCTAssertEqual(a.grad!.item(), 3, "below theta nothing changes")
        XCTAssertEqual(gradClipping([a, b], theta: 1), 5, accuracy: 1e-6)
        XCTAssertEqual(a.grad!.item(), 0.6, accuracy: 1e-6)
        XCTAssertEqual(b.grad!.item(), 0.8, accuracy: 1e-6)
        let net = Linear(2, 1)
        net(Tensor.full([1, 2], 100)).sum().backward()
        gradClipping(net, theta: 1)
        let norm = net.parameters().map { Double(($0.grad! * $0.grad!).sum().item()) }.reduce(0, +).squareRoot()
        XCTAssertEqual(norm, 1, accuracy: 1e-5)
    }

    func testDivergingRunStopsAtTheFirstBadBatchAndSaysWhere() throws {
        let (train, _) = blobs()
        let net = Sequential { Linear(4, 2) }
        let loss = CrossEntropyLoss(reduction: .none)
        let optimizer = SGD(net.parameters(), lr: 1e6)
        XCTAssertThrowsError(try trainEpochCh3({ net($0) }, train, loss: { loss($0, $1) }, updater: .optimizer(optimizer))) { error in
            guard let diverged = error as? TrainingDiverged else { return XCTFail("threw \(error)") }
            XCTAssertEqual(diverged.epoch, 1)
            XCTAssertGreaterThan(diverged.batch, 1, "the first batch sets the scale")
            XCTAssertTrue("\(diverged)".contains("epoch 1, batch \(diverged.batch) of 4"), "\(diverged)")
        }
    }

    func testNaNLossIsReportedAsNaN() throws {
        let (train, test) = blobs()
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let net = Sequential { Linear(4, 2) }
        let poisoned: (Tensor) -> Tensor = { net($0) * Float.nan }
        let loss = CrossEntropyLoss(reduction: .none)
        XCTAssertThrowsError(try trainCh3(poisoned, train, test, loss: { loss($0, $1) }, numEpochs: 2,
                                          updater: .optimizer(SGD(net.parameters(), lr: 0.1)), learningRate: 0.1)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("epoch 1, batch 1 of 4: loss is nan with lr 0.1"), text)
            XCTAssertFalse(text.contains("-nan"))
        }
        XCTAssertEqual(formatMetric(-Double.nan), "nan")
        XCTAssertEqual(formatMetric(0.4466), "0.447")
    }

    func testTrainCh6LearnsAndSurvivesAnUnwritableFigure() throws {
        let (train, test) = blobs()
        // A figures "folder" under a regular file cannot be created, even by root.
        let folder = try TemporaryFolder()
        defer { folder.remove(); unsetenv("D2L_FIGURES") }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        setenv("D2L_FIGURES", blocker.appendingPathComponent("figures").path, 1)
        let net = Sequential { Linear(4, 8); ReLU(); Linear(8, 2) }
        let result = try trainCh6(net, train, test, numEpochs: 3, lr: 0.5, generator: RandomGenerator(seed: 1))
        XCTAssertGreaterThan(result.testAccuracy, 0.85)
        XCTAssertGreaterThan(result.examplesPerSecond, 0)
        XCTAssertTrue(result.summary.hasPrefix("loss "))
    }

    func testTrainingRunCountsExamplesAndTimesEpochs() throws {
        let run = TrainingRun(numEpochs: 2, batchesPerEpoch: 3, legend: ["loss"], figureName: "unused.svg")
        for epoch in 0..<2 {
            run.startEpoch(epoch)
            for batch in 0..<3 { try run.step(batch: batch, size: 10, loss: 1.0) }
            run.endEpoch()
        }
        XCTAssertEqual(run.processed, 60)
        XCTAssertEqual(run.timer.times.count, 2)
        XCTAssertGreaterThan(run.speed, 0)
        XCTAssertThrowsError(try run.step(batch: 0, size: 1, loss: 101))
        XCTAssertNoThrow(try run.step(batch: 0, size: 1, loss: 99))
    }

    /// The book's `xlim=[1, num_epochs]` from 3 epochs on; a 1- or 2-epoch run starts at 0, so its
    /// first points (epoch 0.2, 0.4, …) are inside the frame.
    func testShortRunsFigureStartsAtZeroAndHoldsEveryPoint() {
        XCTAssertEqual(TrainingRun.epochLimits(10), 1...10)
        XCTAssertEqual(TrainingRun.epochLimits(3), 1...3)
        XCTAssertEqual(TrainingRun.epochLimits(2), 0...2)
        XCTAssertEqual(TrainingRun.epochLimits(1), 0...1)
        XCTAssertEqual(TrainingRun.epochLimits(0), 0...1)
        for epochs in 1...2 {
            let points = (1...(5 * epochs)).map { Double($0) / 5 }
            XCTAssert(points.allSatisfy(TrainingRun.epochLimits(epochs).contains),
                      "\(epochs) epochs: \(points) not all in \(TrainingRun.epochLimits(epochs))")
        }
    }
}
