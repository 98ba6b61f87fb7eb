import XCTest
import Foundation
import D2L

/// The values §2.3 (linear algebra) prints.
final class BookSection23Tests: XCTestCase {
    let A = Tensor.arange(20, dtype: .float32).reshape(5, 4)

    func testTransposeOfMatrixAndSymmetricMatrix() {
        XCTAssertEqual(A.T.shape, [4, 5])
        XCTAssertEqual(A.T[0].toArray(), [0, 4, 8, 12, 16])
        let B = Tensor([[1.0, 2, 3], [2, 0, 4], [3, 4, 5]])
        XCTAssertEqual((B == B.T).sum().intItem(), 9)
    }

    func testThreeAxisTensorLengthAndHadamardProduct() {
        let X = Tensor.arange(24).reshape(2, 3, 4)
        XCTAssertEqual(X.length, 2)
        let B = A.clone()
        XCTAssertFalse(B.storage === A.storage)
        XCTAssertEqual((A * B)[1].toArray(), [16, 25, 36, 49])
        XCTAssertEqual((2 + X).shape, [2, 3, 4])
        XCTAssertEqual((X * 2)[1, 2].toIntArray(), [40, 42, 44, 46])
    }

    func testSumsAlongAxes() {
        XCTAssertEqual(A.sum(axis: 0).toArray(), [40, 45, 50, 55])
        XCTAssertEqual(A.sum(axis: 1).toArray(), [6, 22, 38, 54, 70])
        XCTAssertEqual(A.sum(axes: [0, 1]).item(), 190)
        XCTAssertEqual(A.sum().item(), 190)
        XCTAssertEqual(A.mean().item(), 9.5)
        XCTAssertEqual((A.sum() / Float(A.numel())).item(), 9.5)
        XCTAssertEqual(A.mean(axis: 0).toArray(), [8, 9, 10, 11])
    }

    func testSumWithKeepDimsBroadcastsBack() {
        let sumA = A.sum(axis: 1, keepDims: true)
        XCTAssertEqual(sumA.shape, [5, 1])
        XCTAssertEqual(sumA.toArray(), [6, 22, 38, 54, 70])
        let normalized = A / sumA
        assertClose(normalized.sum(axis: 1), [1, 1, 1, 1, 1], atol: 1e-6)
        assertClose(normalized[1], [4.0 / 22, 5.0 / 22, 6.0 / 22, 7.0 / 22])
    }

    func testCumulativeSumAlongRows() {
        XCTAssertEqual(A.cumsum(axis: 0).toArray2D(), [
            [0, 1, 2, 3], [4, 6, 8, 10], [12, 15, 18, 21], [24, 28, 32, 36], [40, 45, 50, 55],
        ])
        XCTAssertEqual(A.cumsum(axis: 1)[1].toArray(), [4, 9, 15, 22])
    }

    func testDotMatrixVectorAndMatrixMatrixProducts() {
        let x = Tensor.arange(4, dtype: .float32), y = Tensor.ones([4])
        XCTAssertEqual(Tensor.dot(x, y).item(), 6)
        XCTAssertEqual((x * y).sum().item(), 6)
        XCTAssertEqual(Tensor.mv(A, x).toArray(), [14, 38, 62, 86, 110])
        let product = Tensor.mm(A, Tensor.ones([4, 3]))
        XCTAssertEqual(product.shape, [5, 3])
        XCTAssertEqual(product.toArray2D(), [[6, 6, 6], [22, 22, 22], [38, 38, 38], [54, 54, 54], [70, 70, 70]])
    }

    func testNorms() {
        let u = Tensor([3.0, -4.0])
        XCTAssertEqual(u.norm().item(), 5)
        XCTAssertEqual(u.abs().sum().item(), 7)
        XCTAssertEqual(u.norm(p: 1).item(), 7)
        XCTAssertEqual(Tensor.ones([4, 9]).norm().item(), 6)
    }
}

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
