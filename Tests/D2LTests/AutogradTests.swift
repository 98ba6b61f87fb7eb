import Foundation
import XCTest
import D2L
import TestSupport

/// The values §2.5 (automatic differentiation) prints, and the autograd rules behind them.
final class BookSection25Tests: XCTestCase {
    func testGradientOfTwiceDotProductIsFourX() {
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        XCTAssertNil(x.grad)
        let y = 2 * Tensor.dot(x, x)
        XCTAssertEqual(y.item(), 28)
        XCTAssertEqual(y.description, "tensor(28., grad_fn=<MulBackward0>)")
        y.backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 4, 8, 12])
        XCTAssertEqual((x.grad! == 4 * x).sum().intItem(), 4)
    }

    func testZeroingGradientThenSum() {
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        (2 * Tensor.dot(x, x)).backward()
        x.grad!.zero()
        x.sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [1, 1, 1, 1])
    }

    func testGradientsAccumulateUntilZeroed() {
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        x.sum().backward()
        x.sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [2, 2, 2, 2])
    }

    func testBackwardOfNonScalarWithGradient() {
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        let y = x * x
        y.backward(gradient: Tensor.onesLike(y))
        XCTAssertEqual(x.grad!.toArray(), [0, 2, 4, 6])
        x.grad!.zero()
        (x * x).backward(gradient: Tensor([1.0, 0, 2, 0]))
        XCTAssertEqual(x.grad!.toArray(), [0, 0, 8, 0])
    }

    func testDetachCutsTheGraph() {
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        let y = x * x
        let u = y.detach()
        XCTAssertFalse(u.requiresGrad)
        let z = u * x
        z.sum().backward()
        XCTAssertEqual(x.grad!.toArray(), u.toArray())
        x.grad!.zero()
        y.sum().backward()
        XCTAssertEqual(x.grad!.toArray(), (2 * x).toArray())
    }

    /// The book's f(a): doubling until the norm reaches 1000, then a sign-dependent branch.
    private func f(_ a: Tensor) -> Tensor {
        var b = a * 2
        while b.norm().item() < 1000 { b = b * 2 }
        return b.sum().item() > 0 ? b : 100 * b
    }

    func testGradientThroughPythonControlFlow() {
        for seed in [1, 2, 3] as [UInt64] {
            let a = Tensor.randn([], generator: RandomGenerator(seed: seed)).requiresGrad()
            let d = f(a)
            d.backward()
            assertClose(a.grad!, (d / a).detach(), rtol: 1e-5)
        }
    }

    func testValueUsedTwiceReceivesBothGradients() {
        let x = Tensor([1.0, -2, 3]).requiresGrad()
        (x * x).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [2, -4, 6])
        let w = Tensor([0.5, 1.5]).requiresGrad()
        // A diamond: h feeds two branches that meet again.
        let h = w * 3
        let out = (h * h + h.exp()).sum()
        out.backward()
        let expected = (w * 3).toArray().map { 3 * (2 * $0 + Foundation.exp($0)) }
        assertClose(w.grad!, expected, rtol: 1e-5)
    }

    func testNoGradScopeAndParameterUpdate() {
        let p = Tensor([1.0, 2]).requiresGrad()
        (p * p).sum().backward()
        let inside = noGrad { p * 2 }
        XCTAssertFalse(inside.requiresGrad)
        XCTAssertNil(inside.gradFn)
        let storage = p.storage
        noGrad {
            p -= 0.1 * p.grad!
            p.grad!.zero()
        }
        XCTAssertTrue(p.storage === storage)
        assertClose(p, [0.8, 1.6])
        XCTAssertEqual(p.grad!.toArray(), [0, 0])
        XCTAssertTrue(GradMode.isEnabled)
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
