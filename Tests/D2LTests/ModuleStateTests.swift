import D2L
import Foundation
import TestSupport
import XCTest

/// A layer with a batch-norm-like buffer: it tracks the mean of its inputs but never trains it.
private final class RunningMeanLayer: Module, Layer {
    @Parameter var weight = Tensor.ones([3])
    @Buffer(key: "running_mean") var runningMean = Tensor.zeros([3])
    @Buffer(key: "num_batches_tracked") var numBatchesTracked = Tensor.zeros([], dtype: .int64)

    func forward(_ x: Tensor) -> Tensor {
        if isTraining {
            noGrad {
                runningMean *= 0.9
                runningMean += 0.1 * x.mean(axis: 0).detach()
                numBatchesTracked += 1
            }
        }
        return x * weight
    }
}

/// Two arrays of modules, which PyTorch names `blks.0…` and `heads.0…`.
private final class TwoArrays: Module, Layer {
    let blks: [any Layer] = [Linear(2, 2), Linear(2, 2)]
    let heads: [Linear] = [Linear(2, 1)]
    let skip: Linear? = nil
    func forward(_ x: Tensor) -> Tensor { heads[0](blks[1](blks[0](x))) }
}

/// A layer that keeps its last output for inspection: a computed tensor, not state.
private final class RemembersOutput: Module, Layer {
    let linear = Linear(2, 2)
    var lastOutput: Tensor?
    let scale = Tensor.full([2], 3)  // a constant
    func forward(_ x: Tensor) -> Tensor {
        lastOutput = linear(x) * scale
        return lastOutput!
    }
}

/// Parameters kept as a list, as the scratch RNN's `params`.
private final class ListOfParameters: Module {
    @Parameter var params: [Tensor] = [Tensor.zeros([2]), Tensor.ones([3])]
}

final class ModuleStateTests: XCTestCase {
    private func makeNet() -> Sequential {
        Sequential { Linear(3, 3, generator: RandomGenerator(seed: 1)); RunningMeanLayer(); Linear(3, 2, generator: RandomGenerator(seed: 2)) }
    }

    func testBuffersAreSavedButNeverTrained() {
        let net = makeNet()
        XCTAssertEqual(net.namedParameters().map(\.0), ["0.weight", "0.bias", "1.weight", "2.weight", "2.bias"])
        XCTAssertEqual(net.namedBuffers().map(\.0), ["1.running_mean", "1.num_batches_tracked"])
        XCTAssertFalse(net.buffers().contains { $0.requiresGrad })
        XCTAssertEqual(Set(net.stateDict().keys), Set(net.namedParameters().map(\.0) + net.namedBuffers().map(\.0)))
        XCTAssertFalse(net.parameters().contains { p in net.buffers().contains { $0 === p } })
    }

    func testFrozenLayerIsNotTrainableButStillSaved() {
        let net = makeNet()
        net.freeze(["0"])
        XCTAssertEqual(net.trainableParameters().count, 3)
        XCTAssertFalse((net[0] as! Linear).weight.requiresGrad)
        XCTAssertNotNil(net.stateDict()["0.weight"], "a frozen parameter is still part of the state")
        // Training updates the others and leaves the frozen layer alone.
        let before = (net[0] as! Linear).weight.toArray(), headBefore = (net[2] as! Linear).weight.toArray()
        let optimizer = SGD(net.trainableParameters(), lr: 0.1)
        net(Tensor.ones([4, 3])).sum().backward()
        optimizer.step()
        XCTAssertEqual((net[0] as! Linear).weight.toArray(), before)
        XCTAssertNotEqual((net[2] as! Linear).weight.toArray(), headBefore)
        net.unfreeze()
        XCTAssertEqual(net.trainableParameters().count, 5)
        net.freeze()
        XCTAssertTrue(net.trainableParameters().isEmpty)
    }

    func testStateWithBufferAndFrozenLayerRoundTripsThroughSafetensors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let net = makeNet()
        net.freeze(["0"])
        _ = net(Tensor.arange(12).reshape(4, 3).float())  // moves the running mean off zero
        let url = folder.appendingPathComponent("bn.safetensors")
        try net.saveParameters(to: url)
        let names = try SafeTensors.load(url).keys.sorted()
        XCTAssertEqual(names, ["0.bias", "0.weight", "1.num_batches_tracked", "1.running_mean", "1.weight", "2.bias", "2.weight"])

        let copy = Sequential { Linear(3, 3); RunningMeanLayer(); Linear(3, 2) }
        try copy.loadParameters(from: url)
        for (name, tensor) in net.stateDict() {
            XCTAssertEqual(copy.stateDict()[name]!.toArray(), tensor.toArray(), name)
            XCTAssertEqual(copy.stateDict()[name]!.dtype, tensor.dtype, name)
        }
        XCTAssertEqual(copy.stateDict()["1.num_batches_tracked"]!.item(), 1)
        XCTAssertNotEqual(copy.stateDict()["1.running_mean"]!.toArray(), [0, 0, 0])
    }

    func testTwoModuleArraysGetTheirPropertyNames() throws {
        let net = TwoArrays()
        XCTAssertEqual(net.namedParameters().map(\.0),
                       ["blks.0.weight", "blks.0.bias", "blks.1.weight", "blks.1.bias", "heads.0.weight", "heads.0.bias"])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try net.saveParameters(to: folder.appendingPathComponent("arrays.safetensors"))
        XCTAssertEqual(try SafeTensors.load(folder.appendingPathComponent("arrays.safetensors")).count, 6)
    }

    func testListOfParametersIsNamedByIndex() {
        let net = ListOfParameters()
        XCTAssertEqual(net.namedParameters().map(\.0), ["params.0", "params.1"])
        XCTAssertTrue(net.parameters().allSatisfy(\.requiresGrad), "@Parameter makes its tensors trainable")
    }

    func testCachedOutputsAndConstantsAreNotState() {
        let net = RemembersOutput()
        XCTAssertEqual(net.namedParameters().map(\.0), ["linear.weight", "linear.bias"])
        _ = net(Tensor.ones([1, 2]))
        XCTAssertTrue(net.lastOutput!.requiresGrad)
        XCTAssertEqual(net.stateDict().keys.sorted(), ["linear.bias", "linear.weight"])
    }

    func testNonStrictLoadSkipsTheNewHeadAndReportsIt() throws {
        let pretrained = Sequential { Linear(3, 3); Linear(3, 10) }
        let fineTuned = Sequential { Linear(3, 3); Linear(3, 2) }
        let report = try fineTuned.loadStateDict(pretrained.stateDict(), strict: false)
        XCTAssertEqual(report.mismatchedKeys, ["1.bias", "1.weight"])
        XCTAssertTrue(report.missingKeys.isEmpty && report.unexpectedKeys.isEmpty)
        XCTAssertEqual((fineTuned[0] as! Linear).weight.toArray(), (pretrained[0] as! Linear).weight.toArray())
        XCTAssertEqual((fineTuned[1] as! Linear).weight.shape, [2, 3])
    }

    func testStrictLoadListsEveryProblemAndChangesNothing() {
        let net = Sequential { Linear(3, 3); Linear(3, 2) }
        let before = (net[0] as! Linear).weight.toArray()
        var dict = Sequential { Linear(3, 3); Linear(3, 4) }.stateDict()
        dict["0.bias"] = nil
        dict["extra"] = Tensor.zeros([1])
        XCTAssertThrowsError(try net.loadStateDict(dict)) { error in
            let text = "\(error)"
            for part in ["0.bias: missing", "1.weight: the model has shape [2, 3], the loaded tensor has [4, 3]", "extra: not a"] {
                XCTAssertTrue(text.contains(part), "\(part) not in \(text)")
            }
        }
        XCTAssertEqual((net[0] as! Linear).weight.toArray(), before)
    }

    func testTiedLayerIsListedOnceInModulesAndParameters() {
        let shared = Linear(2, 2)
        let net = Sequential { shared; ReLU(); shared }
        XCTAssertEqual(net.namedParameters().map(\.0), ["0.weight", "0.bias"])
        XCTAssertEqual(net.namedModules().map(\.0), ["", "0", "1"])
    }

    func testEvalReachesEveryModuleInArrays() {
        let net = TwoArrays()
        net.eval()
        XCTAssertFalse(net.blks.contains { $0.isTraining } || net.heads[0].isTraining)
        net.train()
        XCTAssertTrue(net.blks.allSatisfy(\.isTraining))
    }

    func testLayerBuilderTakesLoopsAndConditions() {
        let widths = [4, 8, 8]
        let withDropout = false
        let net = Sequential {
            for (i, w) in widths.dropLast().enumerated() {
                Linear(w, widths[i + 1]); ReLU()
            }
            if withDropout { Dropout(0.5) }
            Linear(8, 1)
        }
        XCTAssertEqual(net.count, 5)
        XCTAssertEqual(net(Tensor.ones([2, 4])).shape, [2, 1])
        XCTAssertEqual(net.namedParameters().map(\.0).last, "4.bias")
    }
}
