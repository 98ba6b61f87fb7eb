import XCTest
import D2L
import TestSupport

/// The values §2.3 (linear algebra) prints, computed with the D2L core.
final class Chapter2LinearAlgebraTests: XCTestCase {
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
