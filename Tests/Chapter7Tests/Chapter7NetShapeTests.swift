import D2L
import ModernConvNets
import XCTest

/// The layer-by-layer output shapes §7.1–7.4 print for the book's input, and the text of the
/// tables the chapter program prints.
final class Chapter7NetShapeTests: XCTestCase {
    /// The shapes a net's layers produce for `X`, as `"Name [shape]"` lines for readable failures.
    private func shapes(_ net: Sequential, _ X: Tensor) -> [String] {
        net.layerShapes(for: X).map { "\($0.name) \($0.shape)" }
    }

    func testAlexNetShapesMatchTheBookOn224Pixels() {
        let X = Tensor.rand([1, 1, 224, 224])
        XCTAssertEqual(shapes(AlexNet.makeNet(), X), [
            "Conv2d [1, 96, 54, 54]", "ReLU [1, 96, 54, 54]", "MaxPool2d [1, 96, 26, 26]",
            "Conv2d [1, 256, 26, 26]", "ReLU [1, 256, 26, 26]", "MaxPool2d [1, 256, 12, 12]",
            "Conv2d [1, 384, 12, 12]", "ReLU [1, 384, 12, 12]",
            "Conv2d [1, 384, 12, 12]", "ReLU [1, 384, 12, 12]",
            "Conv2d [1, 256, 12, 12]", "ReLU [1, 256, 12, 12]", "MaxPool2d [1, 256, 5, 5]",
            "Flatten [1, 6400]", "Linear [1, 4096]", "ReLU [1, 4096]", "Dropout [1, 4096]",
            "Linear [1, 4096]", "ReLU [1, 4096]", "Dropout [1, 4096]", "Linear [1, 10]",
        ])
    }

    func testVGG11ShapesMatchTheBookOn224Pixels() {
        let X = Tensor.rand([1, 1, 224, 224])
        XCTAssertEqual(shapes(vgg(VGG.convArch), X), [
            "Sequential [1, 64, 112, 112]", "Sequential [1, 128, 56, 56]", "Sequential [1, 256, 28, 28]",
            "Sequential [1, 512, 14, 14]", "Sequential [1, 512, 7, 7]", "Flatten [1, 25088]",
            "Linear [1, 4096]", "ReLU [1, 4096]", "Dropout [1, 4096]",
            "Linear [1, 4096]", "ReLU [1, 4096]", "Dropout [1, 4096]", "Linear [1, 10]",
        ])
    }

    /// The CPU presets train AlexNet and VGG on smaller images; their first linear layer takes
    /// what the convolutions leave of that size.
    func testAlexNetAndVGGFitTheirFirstLinearLayerToTheImageSize() {
        XCTAssertEqual(AlexNet.featureSide(224), 5)
        XCTAssertEqual(AlexNet.featureSide(96), 1)
        XCTAssertEqual(AlexNet.featureSide(112), 2)
        for side in [67, 96, 112] {
            XCTAssertEqual(noGrad { AlexNet.makeNet(imageSize: side)(Tensor.rand([2, 1, side, side])) }.shape, [2, 10], "\(side) px")
        }
        XCTAssertEqual(noGrad { vgg(VGG.smallConvArch, imageSize: 64)(Tensor.rand([2, 1, 64, 64])) }.shape, [2, 10])
        let firstLinear = vgg(VGG.smallConvArch, imageSize: 96).layers.compactMap { $0 as? Linear }.first
        XCTAssertEqual(firstLinear?.weight.shape, [4096, 128 * 3 * 3])
    }

    func testTheSmallVGGQuartersEveryBlocksChannels() {
        XCTAssertEqual(VGG.smallConvArch.map(\.outChannels), [16, 32, 64, 128, 128])
        XCTAssertEqual(VGG.smallConvArch.map(\.numConvs), [1, 1, 2, 2, 2])
        let Y = noGrad { vgg(VGG.smallConvArch)(Tensor.rand([2, 1, 224, 224])) }
        XCTAssertEqual(Y.shape, [2, 10])
    }

    /// `VGG.makeNet` (built by its type, as the other nets) and the book's `vgg` are the same net.
    func testVGGMakeNetIsTheBooksVGG() {
        let byType = VGG.makeNet(VGG.smallConvArch, imageSize: 32, generator: RandomGenerator(seed: 5))
        let byBookName = vgg(VGG.smallConvArch, imageSize: 32, generator: RandomGenerator(seed: 5))
        XCTAssertEqual(byType.stateDict().keys.sorted(), byBookName.stateDict().keys.sorted())
        for (key, value) in byType.stateDict() {
            let other = byBookName.stateDict()[key]
            XCTAssertEqual(value.shape, other?.shape, key)
            XCTAssertEqual(value.sum().item(), other?.sum().item(), key)
        }
    }

    func testAVGGBlockHalvesHeightAndWidth() {
        let block = vggBlock(2, 3, 8)
        XCTAssertEqual(block.count, 5, "two convolutions with their ReLUs, then the pooling")
        XCTAssertEqual(noGrad { block(Tensor.rand([2, 3, 10, 12])) }.shape, [2, 8, 5, 6])
    }

    func testNiNShapesMatchTheBookOn224Pixels() {
        let X = Tensor.rand([1, 1, 224, 224])
        XCTAssertEqual(shapes(NiN.makeNet(), X), [
            "Sequential [1, 96, 54, 54]", "MaxPool2d [1, 96, 26, 26]",
            "Sequential [1, 256, 26, 26]", "MaxPool2d [1, 256, 12, 12]",
            "Sequential [1, 384, 12, 12]", "MaxPool2d [1, 384, 5, 5]", "Dropout [1, 384, 5, 5]",
            "Sequential [1, 10, 5, 5]", "AdaptiveAvgPool2d [1, 10, 1, 1]", "Flatten [1, 10]",
        ])
    }

    func testGoogLeNetShapesMatchTheBookOn96Pixels() {
        let X = Tensor.rand([1, 1, 96, 96])
        XCTAssertEqual(shapes(GoogLeNet.makeNet(), X), [
            "Sequential [1, 64, 24, 24]", "Sequential [1, 192, 12, 12]", "Sequential [1, 480, 6, 6]",
            "Sequential [1, 832, 3, 3]", "Sequential [1, 1024]", "Linear [1, 10]",
        ])
    }

    func testInceptionStacksTheChannelsOfItsFourPaths() {
        // The first block of stage 3: 64 + 128 + 32 + 32 = 256 channels, height and width kept.
        let block = Inception(192, 64, (96, 128), (16, 32), 32)
        XCTAssertEqual(noGrad { block(Tensor.rand([2, 192, 7, 5])) }.shape, [2, 256, 7, 5])
        XCTAssertEqual(block.namedParameters().map(\.0).prefix(4),
                       ["p1_1.weight", "p1_1.bias", "p2_1.weight", "p2_1.bias"])
    }

    func testTheShapeTableReadsAsTheBooksAndLeavesTheModeAlone() {
        let net = Sequential { Conv2d(1, 2, kernelSize: 3); ReLU(); Dropout(0.5); Flatten() }
        net.train()
        XCTAssertEqual(net.shapeTable(for: Tensor.rand([1, 1, 4, 4])), [
            "Conv2d output shape:\t [1, 2, 2, 2]", "ReLU output shape:\t [1, 2, 2, 2]",
            "Dropout output shape:\t [1, 2, 2, 2]", "Flatten output shape:\t [1, 8]",
        ])
        XCTAssertTrue(net.isTraining, "walking the net restores training mode")
    }
}
