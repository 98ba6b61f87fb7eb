import D2L
import Foundation
import MLP
import TestSupport
import XCTest

/// §5.1–5.6: custom modules, parameter access, tied parameters, lazy layers, custom layers.
final class Chapter5SectionTests: XCTestCase {
    let g = RandomGenerator(seed: 5)

    func testCustomModulesRunAndListTheirParameters() {
        let X = Tensor.rand([2, 20], generator: g)
        let mlp = BuildersGuide.MLP(generator: g)
        XCTAssertEqual(mlp(X).shape, [2, 10])
        XCTAssertEqual(mlp.namedParameters().map(\.0), ["hidden.weight", "hidden.bias", "out.weight", "out.bias"])
        let mySequential = BuildersGuide.MySequential(Linear(20, 256, generator: g), ReLU(), Linear(256, 10, generator: g))
        XCTAssertEqual(mySequential(X).shape, [2, 10])
        XCTAssertEqual(mySequential.parameters().count, 4)
        let fixed = BuildersGuide.FixedHiddenMLP(generator: g)
        XCTAssertEqual(fixed.namedParameters().map(\.0), ["linear.weight", "linear.bias"], "the constant weight is not a parameter")
        XCTAssertLessThanOrEqual(abs(fixed(X).item()), 1)
        let chimera = Sequential { BuildersGuide.NestMLP(generator: g); Linear(16, 20, generator: g); BuildersGuide.FixedHiddenMLP(generator: g) }
        XCTAssertEqual(chimera(X).shape, [])
        XCTAssertTrue(chimera.namedParameters().map(\.0).contains("0.net.2.weight"))
    }

    func testTiedParametersShareValuesAndAddTheirGradients() {
        let (net, shared) = BuildersGuide.tiedNet(generator: g)
        XCTAssertTrue(net[2] === net[4])
        XCTAssertEqual(net.parameters().count, 6, "the shared layer is listed once")
        let X = Tensor.rand([3, 4], generator: g)
        net(X).sum().backward()
        // Compare with two separate copies of the shared layer: their gradients sum to the tied one.
        let copyA = Linear(8, 8), copyB = Linear(8, 8)
        noGrad {
            for copy in [copyA, copyB] { copy.weight.copy(from: shared.weight); copy.bias!.copy(from: shared.bias!) }
        }
        let first = net[0] as! Linear, last = net[6] as! Linear
        let untied = Sequential { first; ReLU(); copyA; ReLU(); copyB; ReLU(); last }
        untied(X).sum().backward()
        assertClose(shared.weight.grad!, (copyA.weight.grad! + copyB.weight.grad!), atol: 1e-5)
    }

    func testLazyLinearLearnsItsInputSize() {
        let net = Sequential { LazyLinear(256, generator: g); ReLU(); LazyLinear(10, generator: g) }
        XCTAssertEqual(net.parameters().count, 0)
        XCTAssertEqual(net(Tensor.rand([2, 20], generator: g)).shape, [2, 10])
        XCTAssertEqual(net.parameters().map(\.shape), [[256, 20], [256], [10, 256], [10]])
    }

    func testCustomLayersAndInitialisers() {
        XCTAssertEqual(BuildersGuide.CenteredLayer()(Tensor([1.0, 2, 3, 4, 5])).toArray(), [-2, -1, 0, 1, 2])
        let linear = BuildersGuide.MyLinear(5, 3, generator: g)
        XCTAssertEqual(linear.namedParameters().map(\.0), ["weight", "bias"])
        XCTAssertGreaterThanOrEqual(linear(Tensor.rand([2, 5], generator: g)).min().item(), 0)
        let w = Tensor.zeros([50, 50], requiresGrad: true)
        BuildersGuide.customInit(w, generator: g)
        let values = w.toArray()
        XCTAssertTrue(values.allSatisfy { $0 == 0 || (abs($0) >= 5 && abs($0) <= 10) })
        XCTAssertGreaterThan(values.filter { $0 != 0 }.count, 1000)
    }

    /// §5.6.3: code written for a GPU, which hands the parameters to the optimizer and then calls
    /// `net.to(tryGPU())`, must still train here. PyTorch moves a module in place, so a `to` that
    /// returned a copy (or fresh parameters) would leave the optimizer updating tensors the net
    /// no longer reads, and the loss would not move.
    func testAModuleMovedToTryGPUKeepsItsParametersAndTrains() {
        XCTAssertEqual("\(tryAllGPUs())", "[device(type='cpu')]", "the book's print(try_all_gpus()) on a CPU machine")
        let net = Linear(4, 1, generator: g)
        let parameters = net.parameters()
        let optimizer = SGD(parameters, lr: 0.1)
        let moved = net.to(tryGPU())
        XCTAssertTrue(moved === net, "to(device) moves the module in place")
        XCTAssertEqual(moved.parameters().count, parameters.count)
        XCTAssertTrue(zip(moved.parameters(), parameters).allSatisfy { $0 === $1 },
                      "the optimizer's tensors are still the module's parameters")
        let X = Tensor.rand([16, 4], generator: g), y = X.sum(axis: 1, keepDims: true)
        let lossBefore = squaredLoss(moved(X), y).mean().item()
        for _ in 0..<20 {
            optimizer.zeroGrad()
            squaredLoss(moved(X), y).mean().backward()
            optimizer.step()
        }
        let lossAfter = squaredLoss(net(X), y).mean().item()
        XCTAssertLessThan(lossAfter, lossBefore / 2, "steps taken through the moved module train the original")
    }
}
