import D2L
import Foundation
import TestSupport
import Vision
import XCTest

/// §13.1.2 `trainBatchCh13` / `trainCh13` and the shift augmentation `RandomCrop` on tiny
/// generated data.
final class Chapter13TrainTests: XCTestCase {
    func testRandomCropKeepsTheSizeAndShiftsByAtMostThePadding() {
        // Distinct positive values, so every pixel of the crop shows where it came from.
        let x = (Tensor.arange(0.0, 2.0 * 3 * 6 * 7) + 1).reshape(2, 3, 6, 7)
        let padding = 2
        let out = RandomCrop((6, 7), padding: padding)(x, generator: RandomGenerator(seed: 4))
        XCTAssertEqual(out.shape, [2, 3, 6, 7])
        let values = x.toArray(), cropped = out.toArray()
        var shifts = Set<[Int]>()
        for n in 0..<2 {
            var shift: (Int, Int)?
            for c in 0..<3 { for i in 0..<6 { for j in 0..<7 {
                let v = cropped[((n * 3 + c) * 6 + i) * 7 + j]
                if v == 0 { continue }  // uncovered border
                let k = values.firstIndex(of: v)!
                let (src, si, sj) = (k / 42, (k / 7) % 6, k % 7)
                XCTAssertEqual(src, n * 3 + c, "a pixel stays in its image and channel")
                let s = (si - i, sj - j)
                if let shift { XCTAssert(shift == s, "the whole image moves by one shift") } else { shift = s }
                XCTAssertLessThanOrEqual(abs(s.0), padding)
                XCTAssertLessThanOrEqual(abs(s.1), padding)
            } } }
            if let shift { shifts.insert([shift.0, shift.1]) }
        }
        // The same padding and offsets by hand: a shift of (−2, +1) leaves two zero rows on top.
        let fixed = RandomCrop.crop(x, offsets: [(0, 3), (2, 2)], size: (6, 7), padding: padding)
        XCTAssertEqual(fixed[0, 0, 0].toArray(), [Float](repeating: 0, count: 7))
        XCTAssertEqual(fixed[0, 0, 2, 0].item(), x[0, 0, 0, 1].item())
        XCTAssertEqual(fixed[1].toArray(), x[1].toArray(), "offset (p, p) is the image itself")
        let again = RandomCrop((6, 7), padding: padding)(x, generator: RandomGenerator(seed: 4))
        XCTAssertEqual(again.toArray(), cropped, "the same seed gives the same crops")
        let smaller = RandomCrop(4, padding: 0)(x[0])
        XCTAssertEqual(smaller.shape, [3, 4, 4])
    }

    func testTrainCh13LowersTheLossWithAugmentation() throws {
        // Two classes of 4×4 one-channel images: a bright left half or a bright right half. A
        // horizontal flip would swap them, so the augmentation here is a 1-pixel shift.
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let generator = RandomGenerator(seed: 13)
        let n = 64
        var pixels = [Float](), labels = [Float]()
        for i in 0..<n {
            let label = i % 2
            for _ in 0..<4 { for c in 0..<4 {
                let bright = (c < 2) == (label == 0)
                pixels.append((bright ? 0.8 : 0.1) + 0.1 * generator.nextUniform())
            } }
            labels.append(Float(label))
        }
        let X = Tensor(shape: [n, 1, 4, 4], values: pixels), y = Tensor(shape: [n], values: labels, dtype: .int64)
        let train = DataLoader(features: X, labels: y, batchSize: 16, shuffle: true, generator: generator)
        let test = DataLoader(features: X, labels: y, batchSize: 32, shuffle: false)
        let net = Sequential { Flatten(); Linear(16, 8, generator: generator); ReLU(); Linear(8, 2, generator: generator) }
        let loss = CrossEntropyLoss(reduction: .none)
        let trainer = SGD(net.trainableParameters(), lr: 0.02)
        var batches = train.makeIterator()
        var (X0, y0) = batches.next()!
        let before = Double(loss(noGrad { net(X0) }, y0).mean().item())
        let first = trainBatchCh13(net, X0, y0, loss: { loss($0, $1) }, trainer: trainer)
        XCTAssertEqual(first.lossSum / 16, before, accuracy: 1e-5, "the summed loss of the batch before the step")
        let result = try trainCh13(net, train, test, loss: { loss($0, $1) }, trainer: trainer, numEpochs: 8,
                                   augmentation: RandomCrop(4, padding: 1), generator: generator,
                                   figureName: "test-train-ch13.svg")
        (X0, y0) = (X, y)
        let after = Double(loss(noGrad { net(X0) }, y0).mean().item())
        XCTAssertLessThan(after, before * 0.7, "loss \(before) → \(after)")
        XCTAssertGreaterThan(result.testAccuracy, 0.9)
        XCTAssertGreaterThan(result.examplesPerSecond, 0)
    }
}

/// §13.2 fine-tuning: what is loaded, what trains and at which learning rate.
final class Chapter13FineTuningTests: XCTestCase {
    func testPretrainedLoadKeepsTheNewOutputLayerAndTheTrainerUsesTenTimesItsRate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = TorchvisionResNet(numClasses: 10, inputChannels: 3, generator: RandomGenerator(seed: 1))
        let url = folder.appendingPathComponent("source.safetensors")
        try source.saveParameters(to: url)
        let net = TorchvisionResNet(numClasses: 10, inputChannels: 3, generator: RandomGenerator(seed: 2))
        FineTuningSection.replaceOutputLayer(net, generator: RandomGenerator(seed: 3))
        let newHead = net.fc.weight.toArray()
        try FineTuningSection.loadPretrained(net, from: url)
        XCTAssertEqual(net.conv1.weight.toArray(), source.conv1.weight.toArray(), "the body is the source's")
        XCTAssertEqual(net.fc.weight.toArray(), newHead, "fc keeps its new weights")
        let trainer = FineTuningSection.fineTuningTrainer(net, lr: 0.01, paramGroup: true)
        XCTAssertEqual(trainer.groups.count, 2)
        XCTAssertEqual(trainer.groups[1].lr ?? 0, 0.1, accuracy: 1e-6)
        XCTAssertEqual(trainer.groups[1].parameters.count, 2, "fc.weight and fc.bias")
        XCTAssertEqual(trainer.weightDecay, 0.001)
        net.freeze()
        net.unfreeze(["fc"])
        XCTAssertEqual(FineTuningSection.fineTuningTrainer(net, lr: 0.01, paramGroup: true).groups.count, 1,
                       "with the body frozen only fc's group is left")
    }
}
