import Foundation
import XCTest
import D2L
import TestSupport

/// The values §2.5 (automatic differentiation) prints, in the book's order.
final class BookSection25Tests: XCTestCase {
    func testGradientOfTwiceDotProductIsFourX() {
        let x = Tensor.arange(0.0, 4.0).requiresGrad()
        XCTAssertNil(x.grad)
        let y = 2 * Tensor.dot(x, x)
        XCTAssertEqual(y.item(), 28)
        XCTAssertEqual(y.description, "tensor(28., grad_fn=<MulBackward0>)")
        y.backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 4, 8, 12])
        XCTAssertEqual(x.grad!.description, "tensor([ 0.,  4.,  8., 12.])")
        XCTAssertEqual((x.grad! == 4 * x).description, "tensor([True, True, True, True])")
    }

    func testZeroingTheGradientThenSumGivesOnes() {
        let x = Tensor.arange(0.0, 4.0).requiresGrad()
        (2 * Tensor.dot(x, x)).backward()
        x.grad!.zero()
        let y = x.sum()
        y.backward()
        XCTAssertEqual(x.grad!.description, "tensor([1., 1., 1., 1.])")
    }

    func testBackwardOfANonScalarThroughSumOrAGradientVector() {
        // §2.5.2: y = x * x; y.sum().backward() (equivalently y.backward(torch.ones(len(x)))).
        let x = Tensor.arange(0.0, 4.0).requiresGrad()
        (x * x).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 2, 4, 6])
        x.grad!.zero()
        let y = x * x
        y.backward(gradient: Tensor.onesLike(y))
        XCTAssertEqual(x.grad!.toArray(), [0, 2, 4, 6])
        x.grad!.zero()
        (x * x).backward(gradient: Tensor([1.0, 0, 2, 0]))
        XCTAssertEqual(x.grad!.toArray(), [0, 0, 8, 0], "the vector-Jacobian product vᵀJ")
    }

    func testDetachingComputationCutsTheGraph() {
        let x = Tensor.arange(0.0, 4.0).requiresGrad()
        let y = x * x
        let u = y.detach()
        XCTAssertFalse(u.requiresGrad)
        XCTAssertNil(u.gradFn)
        let z = u * x
        z.sum().backward()
        XCTAssertEqual((x.grad! == u).toIntArray(), [1, 1, 1, 1])
        x.grad!.zero()
        y.sum().backward()
        XCTAssertEqual((x.grad! == 2 * x).toIntArray(), [1, 1, 1, 1])
    }

    /// The book's f(a): doubling until the norm reaches 1000, then a sign-dependent branch.
    private func f(_ a: Tensor) -> Tensor {
        var b = a * 2
        while b.norm().item() < 1000 { b = b * 2 }
        let c: Tensor
        if b.sum().item() > 0 { c = b } else { c = 100 * b }
        return c
    }

    func testGradientThroughPythonControlFlow() {
        for seed in [1, 2, 3, 4] as [UInt64] {
            let a = Tensor.randn([], generator: RandomGenerator(seed: seed), requiresGrad: true)
            let d = f(a)
            d.backward()
            XCTAssertNotEqual(a.grad!.item(), 0)
            assertClose(a.grad!, (d / a).detach().toArray(), shape: [], atol: 0, rtol: 1e-5)
        }
    }
}

/// The rules behind §2.5: topological order, accumulation, leaves, `noGrad`.
final class AutogradTests: XCTestCase {
    func testAValueUsedTwiceReceivesBothGradients() {
        let x = Tensor([1.0, -2, 3]).requiresGrad()
        (x * x).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [2, -4, 6])
        x.grad!.zero()
        (x + x).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [2, 2, 2])
        x.grad!.zero()
        Tensor.cat([x, x, x[1..<3]]).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [2, 3, 3])
    }

    func testDiamondGraphsSumBothPaths() {
        let w = Tensor([0.5, 1.5]).requiresGrad()
        // h feeds two branches that meet again.
        let h = w * 3
        (h * h + h.exp()).sum().backward()
        func derivative(_ w: Float) -> Float {  // d/dw (h² + eʰ) with h = 3w
            let h: Float = 3 * w
            return 3 * (2 * h + Foundation.exp(h))
        }
        let expected = [derivative(0.5), derivative(1.5)]
        assertClose(w.grad!, expected, shape: [2], atol: 0, rtol: 1e-5)
        // A deeper diamond: a → (b, c) → d, with b also feeding d directly.
        let a = Tensor(2.0).requiresGrad()
        let b = a * a, c = b + a
        let d = b * c
        d.backward()  // d = a²(a² + a) = a⁴ + a³, d' = 4a³ + 3a² = 44
        XCTAssertEqual(a.grad!.item(), 44)
    }

    func testGradientsAccumulateUntilZeroedInTheSameStorage() {
        let x = Tensor.arange(0.0, 4.0).requiresGrad()
        x.sum().backward()
        let grad = x.grad!
        (2 * x).sum().backward()
        XCTAssertTrue(x.grad! === grad, "backward adds into the existing grad tensor")
        XCTAssertEqual(x.grad!.toArray(), [3, 3, 3, 3])
        x.grad!.zero()
        x.sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [1, 1, 1, 1])
    }

    func testOnlyLeavesKeepGradients() {
        let x = Tensor([1.0, 2]).requiresGrad()
        let y = x * 2
        XCTAssertTrue(x.isLeaf)
        XCTAssertFalse(y.isLeaf)
        XCTAssertTrue(y.requiresGrad)
        XCTAssertNotNil(y.gradFn)
        (y * y).sum().backward()
        XCTAssertNil(y.grad)
        XCTAssertEqual(x.grad!.toArray(), [8, 16])
        let constant = Tensor([3.0, 4])
        (x * constant).sum().backward()
        XCTAssertNil(constant.grad, "tensors that do not require grad get none")
        XCTAssertFalse((constant * 2).requiresGrad)
    }

    func testGradientsFlowThroughViewsAndIndexing() {
        let x = Tensor.arange(0.0, 6.0).requiresGrad()
        let M = x.reshape(2, 3)
        (M.T[1..<3] * Tensor([[1.0, 10], [100, 1000]])).sum().backward()
        // M.T[1..<3] = [[x1, x4], [x2, x5]]
        XCTAssertEqual(x.grad!.toArray(), [0, 1, 100, 0, 10, 1000])
    }

    func testNoGradResultsDoNotRequireGrad() {
        let x = Tensor([1.0, 2]).requiresGrad()
        XCTAssertTrue(GradMode.isEnabled)
        let inside = noGrad { () -> Tensor in
            XCTAssertFalse(GradMode.isEnabled)
            return (x * 2).sum()
        }
        XCTAssertFalse(inside.requiresGrad)
        XCTAssertNil(inside.gradFn)
        XCTAssertTrue(GradMode.isEnabled)
        noGrad {
            noGrad { _ = x * 3 }
            XCTAssertFalse(GradMode.isEnabled, "an inner scope restores the outer one")
        }
        XCTAssertTrue(GradMode.isEnabled)
    }

    func testNoGradRestoresRecordingWhenItsBodyThrows() {
        struct Failure: Error {}
        XCTAssertThrowsError(try noGrad { throw Failure() })
        XCTAssertTrue(GradMode.isEnabled)
    }

    func testSGDUpdateInsideNoGradKeepsTheParameter() {
        let p = Tensor([1.0, 2]).requiresGrad()
        (p * p).sum().backward()
        let storage = p.storage
        let lr: Float = 0.1
        noGrad {
            p -= lr * p.grad!
            p.grad!.zero()
        }
        XCTAssertTrue(p.storage === storage)
        XCTAssertTrue(p.requiresGrad)
        XCTAssertTrue(p.isLeaf)
        assertClose(p, [0.8, 1.6], shape: [2], atol: 1e-6, rtol: 0)
        XCTAssertEqual(p.grad!.toArray(), [0, 0])
        (p * p).sum().backward()
        assertClose(p.grad!, [1.6, 3.2], shape: [2], atol: 1e-6, rtol: 0)
        noGrad { p[0] = 5 }
        XCTAssertEqual(p.toArray(), [5, 1.6])
    }

    func testLongChainsBackpropagateWithoutRecursion() {
        let x = Tensor([1.0]).requiresGrad()
        var y = x
        for _ in 0..<5000 { y = y * 1.0001 }
        y.sum().backward()
        XCTAssertEqual(x.grad!.item(), Float(Foundation.pow(1.0001, 5000.0)), accuracy: 1e-3)
    }

    /// A gradient given as an integer tensor is still a real gradient: x.grad is float32, and
    /// later real gradients can be added to it.
    func testAnIntegerGradientVectorStillGivesARealGrad() {
        let x = Tensor([1.0, 2, 3]).requiresGrad()
        (x + 1).backward(gradient: Tensor([1, 1, 1]))
        XCTAssertEqual(x.grad!.dtype, .float32)
        XCTAssertEqual(x.grad!.toArray(), [1, 1, 1])
    }
}

/// The recorded graph must not keep tensors alive after the last reference goes.
final class GraphMemoryTests: XCTestCase {
    func testRecordedOutputsAreFreedWithTheirLastReference() {
        let x = Tensor([0.5, 1.5, 2.5]).requiresGrad()
        let operations: [(String, (Tensor) -> Tensor)] = [
            ("exp", { $0.exp() }), ("sqrt", { $0.sqrt() }), ("tanh", { $0.tanh() }),
            ("sigmoid", { $0.sigmoid() }), ("div", { 1 / $0 }), ("pow", { $0 ** $0 }),
            ("max", { $0.max() }), ("sum", { $0.sum() }), ("matmul", { matmul($0, $0) }),
            ("index", { $0[[0, 0]] }), ("cat", { Tensor.cat([$0, $0]) }), ("prod", { $0.prod() }),
        ]
        for (name, op) in operations {
            weak var weakOutput: Tensor?
            do {
                let y = op(x)
                weakOutput = y
                y.sum().backward()
            }
            XCTAssertNil(weakOutput, "\(name): the output is kept alive by its own graph node")
        }
    }
}
