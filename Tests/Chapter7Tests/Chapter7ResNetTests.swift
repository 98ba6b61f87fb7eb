import D2L
import ModernConvNets
import TestSupport
import XCTest

/// §7.6: ResNet's stages and net shapes as the book prints them, its state surviving a save and
/// reload, and a small ResNet learning Fashion-MNIST quickly.
final class Chapter7ResNetTests: XCTestCase {
    func testResNetShapesMatchTheBookOn224Pixels() {
        let shapes = ResNet.makeNet().layerShapes(for: Tensor.rand([1, 1, 224, 224])).map { "\($0.name) \($0.shape)" }
        XCTAssertEqual(shapes, [
            "Sequential [1, 64, 56, 56]", "Sequential [1, 64, 56, 56]", "Sequential [1, 128, 28, 28]",
            "Sequential [1, 256, 14, 14]", "Sequential [1, 512, 7, 7]",
            "AdaptiveAvgPool2d [1, 512, 1, 1]", "Flatten [1, 512]", "Linear [1, 10]",
        ])
    }

    func testOnlyTheFirstStageKeepsItsFirstBlocksShape() {
        let first = resnetBlock(64, 64, 2, firstBlock: true)
        XCTAssertEqual(first.count, 2)
        XCTAssertTrue(first.allSatisfy { ($0 as? Residual)?.conv3 == nil }, "no shortcut convolution in the first stage")
        let later = resnetBlock(64, 128, 2)
        XCTAssertNotNil((later[0] as? Residual)?.conv3, "the first block of a later stage needs a 1×1 shortcut")
        XCTAssertNil((later[1] as? Residual)?.conv3)
        XCTAssertEqual(noGrad { Sequential(later)(Tensor.rand([2, 64, 6, 6])) }.shape, [2, 128, 3, 3])
    }

    func testResNet18HasEighteenWeightedLayersAndTheBooksParameterCount() {
        let net = ResNet.makeNet()
        var convs = 0, linears = 0
        net.apply { module in
            if let conv = module as? Conv2d, conv.weight.shape[2] > 1 { convs += 1 }
            if module is Linear { linears += 1 }
        }
        XCTAssertEqual(convs + linears, 18, "the stem, 16 convolutions in the blocks and the output layer")
        // Counted by hand (weights, biases, batch-norm scales and shifts): the stem 3 328, the four
        // stages 148 224, 525 952, 2 100 480 and 8 395 264, the output layer 5 130.
        let count = net.parameters().reduce(0) { $0 + $1.shape.reduce(1, *) }
        XCTAssertEqual(count, 11_178_378)
    }

    /// A trained ResNet, batch-norm buffers included, saved and reloaded predicts the same.
    func testSavedResNetReloadsAndPredictsIdentically() throws {
        let g = RandomGenerator(seed: 5)
        let net = ResNet.makeNet(generator: g)
        let optimizer = SGD(net.trainableParameters(), lr: 0.05)
        let X = Tensor.rand([8, 1, 32, 32], generator: g), y = Tensor(shape: [8], values: (0..<8).map { Float($0 % 10) }, dtype: .int64)
        let loss = CrossEntropyLoss()
        for _ in 0..<2 {
            optimizer.zeroGrad()
            loss(net(X), y).backward()
            optimizer.step()
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.appendingPathComponent("resnet.safetensors")
        try net.saveParameters(to: url)
        let copy = ResNet.makeNet(generator: RandomGenerator(seed: 99))
        let report = try copy.loadParameters(from: url)
        XCTAssertTrue(report.isComplete, "\(report)")
        XCTAssertTrue(copy.stateDict().keys.contains("1.0.bn1.running_var"), "the buffers are saved under PyTorch's names")
        net.eval()
        copy.eval()
        XCTAssertEqual(noGrad { copy(X) }.toArray(), noGrad { net(X) }.toArray())
    }

    /// A ResNet of one residual stage, trained on 512 Fashion-MNIST images, classifies 1024
    /// others it never saw well above chance (0.1) and above the same net untrained. Only missing
    /// files skip the test; a file that is there but cannot be read fails it. The training curve
    /// goes to a temporary folder, not ./figures.
    func testASmallResNetLearnsFashionMNISTQuickly() throws {
        try requireFashionMNIST(train: true)
        let data = try FashionMNIST.load(train: true)
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let g = RandomGenerator(seed: 3)
        let n = 512, heldOut = 1024, size = 28 * 28
        func subset(_ rows: Range<Int>) -> (ByteImages, Tensor) {
            (ByteImages(pixels: Array(data.pixels.pixels[(rows.lowerBound * size)..<(rows.upperBound * size)]),
                        count: rows.count, height: 28, width: 28),
             data.labels[rows].contiguous())
        }
        let (trainImages, trainLabels) = subset(0..<n), (testImages, testLabels) = subset(n..<(n + heldOut))
        let net = Sequential {
            ResNet.b1(generator: g)
            Sequential(resnetBlock(64, 32, 1, generator: g))
            AdaptiveAvgPool2d((1, 1)); Flatten(); Linear(32, 10, generator: g)
        }
        let trainIter = DataLoader(images: trainImages, labels: trainLabels, batchSize: 32, shuffle: true, generator: g)
        let testIter = DataLoader(images: testImages, labels: testLabels, batchSize: 256, shuffle: false, generator: g)
        let untrained = evaluateAccuracy(net, testIter)
        let result = try trainCh6(net, trainIter, testIter, numEpochs: 4, lr: 0.1, generator: g,
                                  figureName: "chapter7-test-resnet.svg")
        let baseline = max(untrained, 0.1)
        XCTAssertGreaterThan(result.testAccuracy, baseline + 0.35,
                             "held-out accuracy against the untrained net (\(untrained)) and chance (0.1); \(result)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("chapter7-test-resnet.svg").path),
                      "the figure is written into D2L_FIGURES")
    }
}
