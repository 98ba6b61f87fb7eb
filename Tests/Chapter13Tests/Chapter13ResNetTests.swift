import D2L
import Foundation
import TestSupport
import XCTest

/// The torchvision-layout ResNet-18 (§13.2's source model): its state dict has torchvision's
/// 122 keys with their shapes, it runs on 3-channel images, and it saves and reloads.
final class Chapter13ResNetTests: XCTestCase {
    /// `torchvision.models.resnet18().state_dict()`'s keys and shapes, written out from
    /// torchvision's definition: the stem, four stages of two BasicBlocks, the output layer.
    private func torchvisionKeys(numClasses: Int) -> [String: [Int]] {
        var keys: [String: [Int]] = ["conv1.weight": [64, 3, 7, 7], "fc.weight": [numClasses, 512], "fc.bias": [numClasses]]
        func batchNorm(_ prefix: String, _ c: Int) {
            for name in ["weight", "bias", "running_mean", "running_var"] { keys["\(prefix).\(name)"] = [c] }
            keys["\(prefix).num_batches_tracked"] = []
        }
        batchNorm("bn1", 64)
        var input = 64
        for (stage, channels) in [64, 128, 256, 512].enumerated() {
            for block in 0..<2 {
                let prefix = "layer\(stage + 1).\(block)"
                let blockInput = block == 0 ? input : channels
                keys["\(prefix).conv1.weight"] = [channels, blockInput, 3, 3]
                batchNorm("\(prefix).bn1", channels)
                keys["\(prefix).conv2.weight"] = [channels, channels, 3, 3]
                batchNorm("\(prefix).bn2", channels)
                if block == 0 && stage > 0 {
                    keys["\(prefix).downsample.0.weight"] = [channels, blockInput, 1, 1]
                    batchNorm("\(prefix).downsample.1", channels)
                }
            }
            input = channels
        }
        return keys
    }

    func testStateDictHasTorchvisionsKeysAndShapes() {
        let net = TorchvisionResNet(generator: RandomGenerator(seed: 1))
        let state = net.stateDict()
        XCTAssertEqual(state.count, 122)
        XCTAssertEqual(net.namedParameters().count, 62)
        XCTAssertEqual(net.namedBuffers().count, 60)
        let expected = torchvisionKeys(numClasses: 1000)
        XCTAssertEqual(expected.count, 122, "the written-out list itself")
        XCTAssertEqual(Set(state.keys), Set(expected.keys),
                       "missing: \(Set(expected.keys).subtracting(state.keys).sorted()), "
                       + "extra: \(Set(state.keys).subtracting(expected.keys).sorted())")
        for (key, shape) in expected { XCTAssertEqual(state[key]?.shape, shape, key) }
        // The order of torchvision's state dict: stem, stages, output layer; conv before its bn.
        let names = net.namedParameters().map(\.0)
        XCTAssertEqual(Array(names.prefix(6)), ["conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight",
                                                "layer1.0.bn1.weight", "layer1.0.bn1.bias"])
        XCTAssertEqual(Array(names.suffix(2)), ["fc.weight", "fc.bias"])
        // 11 689 512 parameters, torchvision's count for resnet18.
        XCTAssertEqual(net.parameters().reduce(0) { $0 + $1.count }, 11_689_512)
    }

    func testRunsOnRGBImagesAndReloadsItsState() throws {
        let net = TorchvisionResNet(numClasses: 10, generator: RandomGenerator(seed: 2))
        let x = Tensor.rand([2, 3, 16, 16], generator: RandomGenerator(seed: 3))
        net.train()
        _ = noGrad { net(x) }  // moves the running statistics away from their start
        net.eval()
        let y = noGrad { net(x) }
        XCTAssertEqual(y.shape, [2, 10])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.appendingPathComponent("resnet18.safetensors")
        try net.saveParameters(to: url)
        // Wipe every parameter and buffer, then load them back (one net: building ResNet-18 twice
        // would double the test's time).
        noGrad { for (_, tensor) in net.stateDict() { tensor.zero() } }
        XCTAssertNotEqual(noGrad { net(x) }.toArray(), y.toArray())
        XCTAssertTrue(try net.loadParameters(from: url).isComplete)
        assertClose(noGrad { net(x) }, y, atol: 1e-5, rtol: 1e-4)
    }
}
