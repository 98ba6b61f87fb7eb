import D2L
import Foundation
import TestSupport
import XCTest

/// Activation layers, dropout, Xavier initialisation, Adam and parameter groups.
final class LayersAndOptimizersTests: XCTestCase {
    func testActivationLayersMatchTheirFunctionsAndGradients() {
        let x = Tensor([-1.5, -0.2, 0.3, 2.0])
        XCTAssertEqual(ReLU()(x).toArray(), [0, 0, 0.3, 2])
        assertClose(Sigmoid()(x), x.sigmoid())
        assertClose(Tanh()(x), x.tanh())
        assertGradientsMatch([x]) { Sequential { Tanh(); Sigmoid() }($0[0]).sum() }
    }

    func testDropoutKeepsTheMeanAndObeysEvalMode() {
        let g = RandomGenerator(seed: 4)
        let X = Tensor.ones([200, 50])
        let dropped = dropoutLayer(X, 0.5, generator: g)
        let zeros = (dropped == 0).sum().item() / Float(X.count)
        XCTAssertEqual(zeros, 0.5, accuracy: 0.03)
        XCTAssertEqual(Set(dropped.toArray()), [0, 2])
        XCTAssertEqual(dropped.mean().item(), 1, accuracy: 0.06)
        XCTAssertEqual(dropoutLayer(X, 0).toArray(), X.toArray())
        XCTAssertEqual(dropoutLayer(X, 1).sum().item(), 0)
        let layer = Dropout(0.5, generator: g)
        layer.eval()
        XCTAssertTrue(layer(X) === X)
        layer.train()
        XCTAssertGreaterThan((layer(X) == 0).sum().item(), 0)
    }

    func testXavierUniformStaysWithinItsBound() {
        let w = Tensor.zeros([300, 200], requiresGrad: true)
        Init.xavierUniform(w, generator: RandomGenerator(seed: 1))
        let bound = (6.0 / 500).squareRoot()
        XCTAssertLessThanOrEqual(w.abs().max().item(), Float(bound))
        XCTAssertEqual(w.mean().item(), 0, accuracy: 0.005)
        // U(−a, a) has variance a²/3 = 2 / (fanIn + fanOut).
        XCTAssertEqual((w * w).mean().item(), 2.0 / 500, accuracy: 2e-4)
        XCTAssertTrue(w.requiresGrad)
    }

    func testAdamFirstStepsMatchTheFormula() {
        let p = Tensor([1.0, -2]).requiresGrad()
        let adam = Adam([p], lr: 0.1)
        (p * p).sum().backward()
        adam.step()
        // With bias correction the first step is lr · g / (|g| + ε): each weight moves by 0.1.
        assertClose(p, [0.9, -1.9], atol: 1e-5)
        adam.zeroGrad(setToNone: false)
        XCTAssertEqual(p.grad!.toArray(), [0, 0])
        adam.zeroGrad()
        XCTAssertNil(p.grad, "zero_grad() sets gradients to None by default, as PyTorch 2")
        (p * p).sum().backward()
        assertClose(p.grad!, [1.8, -3.8], atol: 1e-5)
        let q = Tensor([3.0]).requiresGrad()
        let opt = Adam([q], lr: 0.05)
        for _ in 0..<200 {
            opt.zeroGrad()
            ((q - 1) * (q - 1)).sum().backward()
            opt.step()
        }
        XCTAssertEqual(q.item(), 1, accuracy: 0.05)
    }

    func testParameterGroupsDecayOnlyTheirOwnTensors() {
        let w = Tensor([1.0]).requiresGrad(), b = Tensor([1.0]).requiresGrad()
        let opt = SGD(groups: [ParameterGroup([w], weightDecay: 1), ParameterGroup([b])], lr: 0.1)
        (w * 0 + b * 0).sum().backward()  // zero gradients: only decay moves anything
        opt.step()
        XCTAssertEqual(w.item(), 0.9, accuracy: 1e-6)
        XCTAssertEqual(b.item(), 1)
    }

    func testEvaluateLossAveragesOverExamples() {
        let X = Tensor.arange(6, dtype: .float32).reshape(6, 1), y = Tensor.zeros([6])
        let loader = loadArray(X, y, batchSize: 4, isTrain: false)
        let mean = evaluateLoss({ $0 }, loader, loss: { MSELoss(reduction: .none)($0, $1) })
        XCTAssertEqual(mean, (0 + 1 + 4 + 9 + 16 + 25) / 6.0, accuracy: 1e-6)
    }
}

/// Saving and loading tensors and parameters in the safetensors format (§5.5).
final class SafeTensorsTests: XCTestCase {
    var folder: TemporaryFolder!
    override func setUpWithError() throws {
        folder = try TemporaryFolder()
    }
    override func tearDownWithError() throws { folder.remove() }

    func testTensorsListsAndDictionariesRoundTripWithTheirTypes() throws {
        let x = Tensor.arange(4, dtype: .float32), labels = Tensor([3, 1, 4]), mask = Tensor([true, false])
        try save(x, to: folder.appendingPathComponent("x-file"))
        XCTAssertEqual(try loadTensor(from: folder.appendingPathComponent("x-file")).toArray(), [0, 1, 2, 3])
        try save([x, labels], to: folder.appendingPathComponent("x-files"))
        let list = try loadTensors(from: folder.appendingPathComponent("x-files"))
        XCTAssertEqual(list.map(\.dtype), [.float32, .int64])
        XCTAssertEqual(list[1].toIntArray(), [3, 1, 4])
        try save(["x": x.reshape(2, 2), "mask": mask], to: folder.appendingPathComponent("mydict"))
        let dict = try SafeTensors.load(folder.appendingPathComponent("mydict"))
        XCTAssertEqual(dict["x"]!.shape, [2, 2])
        XCTAssertEqual(dict["mask"]!.dtype, .bool)
        // The header is 8-byte aligned and names the dtypes the Python package expects.
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("mydict")))
        let n = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        XCTAssertEqual((8 + n) % 8, 0)
        let header = String(decoding: bytes[8..<(8 + n)], as: UTF8.self)
        XCTAssertTrue(header.contains("\"F32\"") && header.contains("\"BOOL\""), header)
    }

    func testSavedModelPredictsIdenticallyAfterLoading() throws {
        let g = RandomGenerator(seed: 7)
        let net = Sequential { Linear(20, 256, generator: g); ReLU(); Linear(256, 10, generator: g) }
        let X = Tensor.randn([2, 20], generator: g)
        let url = folder.appendingPathComponent("mlp.params")
        try net.saveParameters(to: url)
        let clone = Sequential { Linear(20, 256); ReLU(); Linear(256, 10) }
        try clone.loadParameters(from: url)
        XCTAssertEqual(clone(X).toArray(), net(X).toArray())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["mlp.params"],
                       "no temporary files are left behind")
    }

    func testLoadingIntoAnotherShapeFailsNamingTheParameters() throws {
        let url = folder.appendingPathComponent("small.params")
        try Sequential { Linear(4, 3) }.saveParameters(to: url)
        let other = Sequential { Linear(5, 3); Linear(3, 1) }
        let before = (other[0] as! Linear).weight.toArray()
        XCTAssertThrowsError(try other.loadParameters(from: url)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("0.weight") && text.contains("[3, 5]") && text.contains("[3, 4]"), text)
            XCTAssertTrue(text.contains("1.weight: missing"), text)
        }
        XCTAssertEqual((other[0] as! Linear).weight.toArray(), before, "a failed load changes nothing")
    }

    func testCorruptFilesGiveErrorsNamingTheFile() throws {
        let url = folder.appendingPathComponent("broken.safetensors")
        try Data([200, 0, 0, 0, 0, 0, 0, 0, 123]).write(to: url)
        XCTAssertThrowsError(try SafeTensors.load(url)) { error in
            XCTAssertTrue("\(error)".contains("broken.safetensors"), "\(error)")
        }
        XCTAssertThrowsError(try SafeTensors.load(folder.appendingPathComponent("absent"))) { error in
            XCTAssertTrue("\(error)".contains("absent"), "\(error)")
        }
    }
}
