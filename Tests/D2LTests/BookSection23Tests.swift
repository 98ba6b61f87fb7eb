import XCTest
import D2L
import TestSupport

/// The values §2.3 (linear algebra) prints: scalars, vectors, matrices, reductions, products and
/// norms, with `A = torch.arange(20, dtype=torch.float32).reshape(5, 4)`.
final class BookSection23Tests: XCTestCase {
    private func bookA() -> Tensor { Tensor.arange(0.0, 20.0).reshape(5, 4) }

    // MARK: §2.3.1–2.3.4 Scalars, vectors, matrices, tensors

    func testScalarArithmetic() {
        let x = Tensor(3.0), y = Tensor(2.0)
        XCTAssertEqual((x + y).description, "tensor(5.)")
        XCTAssertEqual((x * y).description, "tensor(6.)")
        XCTAssertEqual((x / y).description, "tensor(1.5000)")
        XCTAssertEqual((x ** y).description, "tensor(9.)")
    }

    func testVectorElementLengthAndShape() {
        let x = Tensor.arange(4)
        XCTAssertEqual(x.description, "tensor([0, 1, 2, 3])")
        XCTAssertEqual(x[3].description, "tensor(3)")
        XCTAssertEqual(x.length, 4)
        XCTAssertEqual(x.shape, [4])
    }

    func testMatrixTranspose() {
        let A = Tensor.arange(20).reshape(5, 4)
        XCTAssertEqual(A.T.shape, [4, 5])
        XCTAssertEqual(A.T.description, """
            tensor([[ 0,  4,  8, 12, 16],
                    [ 1,  5,  9, 13, 17],
                    [ 2,  6, 10, 14, 18],
                    [ 3,  7, 11, 15, 19]])
            """)
    }

    func testSymmetricMatrixEqualsItsTranspose() {
        let B = Tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
        let same = B == B.T
        XCTAssertEqual(same.description, """
            tensor([[True, True, True],
                    [True, True, True],
                    [True, True, True]])
            """)
        XCTAssertEqual(Tensor.arange(24).reshape(2, 3, 4).shape, [2, 3, 4])
    }

    // MARK: §2.3.5 Basic properties of tensor arithmetic

    func testCloneSumAndHadamardProduct() {
        let A = bookA()
        let B = A.clone()
        XCTAssertFalse(A.storage === B.storage)
        XCTAssertEqual((A + B).description, """
            tensor([[ 0.,  2.,  4.,  6.],
                    [ 8., 10., 12., 14.],
                    [16., 18., 20., 22.],
                    [24., 26., 28., 30.],
                    [32., 34., 36., 38.]])
            """)
        XCTAssertEqual((A * B).description, """
            tensor([[  0.,   1.,   4.,   9.],
                    [ 16.,  25.,  36.,  49.],
                    [ 64.,  81., 100., 121.],
                    [144., 169., 196., 225.],
                    [256., 289., 324., 361.]])
            """)
    }

    func testScalarPlusThreeAxisTensor() {
        let X = Tensor.arange(24).reshape(2, 3, 4)
        XCTAssertEqual((2 + X).description, """
            tensor([[[ 2,  3,  4,  5],
                     [ 6,  7,  8,  9],
                     [10, 11, 12, 13]],

                    [[14, 15, 16, 17],
                     [18, 19, 20, 21],
                     [22, 23, 24, 25]]])
            """)
        XCTAssertEqual((2 * X).shape, [2, 3, 4])
    }

    // MARK: §2.3.6 Reduction

    func testSumOfVectorAndMatrix() {
        let x = Tensor.arange(0.0, 4.0)
        XCTAssertEqual(x.description, "tensor([0., 1., 2., 3.])")
        XCTAssertEqual(x.sum().description, "tensor(6.)")
        XCTAssertEqual(bookA().shape, [5, 4])
        XCTAssertEqual(bookA().sum().description, "tensor(190.)")
    }

    func testSumAlongEachAxis() {
        let A = bookA()
        let s0 = A.sum(axis: 0), s1 = A.sum(axis: 1)
        XCTAssertEqual(s0.shape, [4])
        XCTAssertEqual(s0.description, "tensor([40., 45., 50., 55.])")
        XCTAssertEqual(s1.shape, [5])
        XCTAssertEqual(s1.description, "tensor([ 6., 22., 38., 54., 70.])")
        XCTAssertEqual(A.sum(axes: [0, 1]).description, "tensor(190.)")
    }

    func testMeanOverAllAndAlongAnAxis() {
        let A = bookA()
        XCTAssertEqual(A.mean().description, "tensor(9.5000)")
        XCTAssertEqual((A.sum() / Float(A.numel())).item(), 9.5)
        XCTAssertEqual(A.mean(axis: 0).description, "tensor([ 8.,  9., 10., 11.])")
        XCTAssertEqual((A.sum(axis: 0) / Float(A.shape[0])).toArray(), [8, 9, 10, 11])
    }

    func testSumKeepingDimensionsAndDividingByIt() {
        let A = bookA()
        let sumA = A.sum(axis: 1, keepDims: true)
        XCTAssertEqual(sumA.shape, [5, 1])
        XCTAssertEqual(sumA.description, """
            tensor([[ 6.],
                    [22.],
                    [38.],
                    [54.],
                    [70.]])
            """)
        XCTAssertEqual((A / sumA).description, """
            tensor([[0.0000, 0.1667, 0.3333, 0.5000],
                    [0.1818, 0.2273, 0.2727, 0.3182],
                    [0.2105, 0.2368, 0.2632, 0.2895],
                    [0.2222, 0.2407, 0.2593, 0.2778],
                    [0.2286, 0.2429, 0.2571, 0.2714]])
            """)
    }

    func testCumulativeSumDownTheRows() {
        XCTAssertEqual(bookA().cumsum(axis: 0).description, """
            tensor([[ 0.,  1.,  2.,  3.],
                    [ 4.,  6.,  8., 10.],
                    [12., 15., 18., 21.],
                    [24., 28., 32., 36.],
                    [40., 45., 50., 55.]])
            """)
    }

    // MARK: §2.3.7–2.3.9 Products

    func testDotProductWithOnes() {
        let x = Tensor.arange(0.0, 4.0), y = Tensor.ones([4])
        XCTAssertEqual(Tensor.dot(x, y).description, "tensor(6.)")
        XCTAssertEqual((x * y).sum().item(), 6)
    }

    func testMatrixVectorProduct() {
        let product = Tensor.mv(bookA(), Tensor.arange(0.0, 4.0))
        XCTAssertEqual(product.shape, [5])
        XCTAssertEqual(product.description, "tensor([ 14.,  38.,  62.,  86., 110.])")
    }

    func testMatrixMatrixProductWithOnes() {
        let product = Tensor.mm(bookA(), Tensor.ones([4, 3]))
        XCTAssertEqual(product.description, """
            tensor([[ 6.,  6.,  6.],
                    [22., 22., 22.],
                    [38., 38., 38.],
                    [54., 54., 54.],
                    [70., 70., 70.]])
            """)
    }

    // MARK: §2.3.10 Norms

    func testL2L1AndFrobeniusNorms() {
        let u = Tensor([3.0, -4.0])
        XCTAssertEqual(u.norm().description, "tensor(5.)")
        XCTAssertEqual(u.abs().sum().description, "tensor(7.)")
        XCTAssertEqual(u.norm(p: 1).item(), 7)
        XCTAssertEqual(Tensor.ones([4, 9]).norm().description, "tensor(6.)")
    }
}
