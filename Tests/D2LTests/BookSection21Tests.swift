import XCTest
import D2L
import TestSupport

/// The values §2.1 (data manipulation) prints, in the book's order, compared with the book's
/// own output text where it shows one.
final class BookSection21Tests: XCTestCase {
    /// The book's `X` as reals (`torch.arange(12, dtype=torch.float32).reshape((3, 4))`).
    private func bookX() -> Tensor { Tensor.arange(0.0, 12.0).reshape(3, 4) }
    /// The book's `Y`.
    private func bookY() -> Tensor { Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]) }

    // MARK: §2.1.1 Getting started

    func testArangePrintsIntegersWithShapeAndNumel() {
        let x = Tensor.arange(12)
        XCTAssertEqual(x.description, "tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11])")
        XCTAssertEqual(x.shape, [12])
        XCTAssertEqual(x.numel(), 12)
        XCTAssertEqual(x.dtype, .int64)
    }

    func testReshapeToThreeByFourAndInferredAxis() {
        let X = Tensor.arange(12).reshape(3, 4)
        XCTAssertEqual(X.shape, [3, 4])
        XCTAssertEqual(X.description, """
            tensor([[ 0,  1,  2,  3],
                    [ 4,  5,  6,  7],
                    [ 8,  9, 10, 11]])
            """)
        XCTAssertEqual(Tensor.arange(12).reshape(-1, 4).shape, [3, 4])
        XCTAssertEqual(Tensor.arange(12).reshape(3, -1).shape, [3, 4])
    }

    func testZerosPrintAsTwoBlocksOfThreeByFour() {
        let z = Tensor.zeros([2, 3, 4])
        XCTAssertEqual(z.shape, [2, 3, 4])
        XCTAssertEqual(z.toArray(), [Float](repeating: 0, count: 24))
        XCTAssertEqual(z.description, """
            tensor([[[0., 0., 0., 0.],
                     [0., 0., 0., 0.],
                     [0., 0., 0., 0.]],

                    [[0., 0., 0., 0.],
                     [0., 0., 0., 0.],
                     [0., 0., 0., 0.]]])
            """)
    }

    func testOnesAndRandnHaveTheRequestedShape() {
        let o = Tensor.ones([2, 3, 4])
        XCTAssertEqual(o.shape, [2, 3, 4])
        XCTAssertEqual(o.toArray(), [Float](repeating: 1, count: 24))
        let r = Tensor.randn([3, 4], generator: RandomGenerator(seed: 0))
        XCTAssertEqual(r.shape, [3, 4])
        XCTAssertEqual(r.dtype, .float32)
        XCTAssertEqual(Set(r.toArray()).count, 12, "twelve distinct draws")
    }

    func testTensorFromNestedLiterals() {
        let t = bookY()
        XCTAssertEqual(t.shape, [3, 4])
        XCTAssertEqual(t.dtype, .float32)
        XCTAssertEqual(t.toArray2D(), [[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        XCTAssertEqual(t.description, """
            tensor([[2., 1., 4., 3.],
                    [1., 2., 3., 4.],
                    [4., 3., 2., 1.]])
            """)
    }

    // MARK: §2.1.2 Operations

    func testElementwiseOperationsOnTheBookVectors() {
        let x = Tensor([1.0, 2, 4, 8]), y = Tensor([2.0, 2, 2, 2])
        XCTAssertEqual((x + y).toArray(), [3, 4, 6, 10])
        XCTAssertEqual((x - y).toArray(), [-1, 0, 2, 6])
        XCTAssertEqual((x * y).toArray(), [2, 4, 8, 16])
        XCTAssertEqual((x / y).toArray(), [0.5, 1, 2, 4])
        XCTAssertEqual((x ** y).toArray(), [1, 4, 16, 64])
        XCTAssertEqual((x + y).description, "tensor([ 3.,  4.,  6., 10.])")
        XCTAssertEqual((x - y).description, "tensor([-1.,  0.,  2.,  6.])")
        XCTAssertEqual((x * y).description, "tensor([ 2.,  4.,  8., 16.])")
        XCTAssertEqual((x / y).description, "tensor([0.5000, 1.0000, 2.0000, 4.0000])")
        XCTAssertEqual((x ** y).description, "tensor([ 1.,  4., 16., 64.])")
    }

    func testExpPrintsInScientificNotationAsTheBookShows() {
        let e = Tensor([1.0, 2, 4, 8]).exp()
        assertClose(e, [2.7183, 7.3891, 54.5982, 2980.9580], shape: [4], atol: 0, rtol: 1e-4)
        XCTAssertEqual(e.description, "tensor([2.7183e+00, 7.3891e+00, 5.4598e+01, 2.9810e+03])")
    }

    func testCatAlongRowsAndColumns() {
        let X = bookX(), Y = bookY()
        let rows = Tensor.cat([X, Y], dim: 0)
        XCTAssertEqual(rows.shape, [6, 4])
        XCTAssertEqual(rows.description, """
            tensor([[ 0.,  1.,  2.,  3.],
                    [ 4.,  5.,  6.,  7.],
                    [ 8.,  9., 10., 11.],
                    [ 2.,  1.,  4.,  3.],
                    [ 1.,  2.,  3.,  4.],
                    [ 4.,  3.,  2.,  1.]])
            """)
        let columns = Tensor.cat([X, Y], dim: 1)
        XCTAssertEqual(columns.shape, [3, 8])
        XCTAssertEqual(columns.description, """
            tensor([[ 0.,  1.,  2.,  3.,  2.,  1.,  4.,  3.],
                    [ 4.,  5.,  6.,  7.,  1.,  2.,  3.,  4.],
                    [ 8.,  9., 10., 11.,  4.,  3.,  2.,  1.]])
            """)
    }

    func testEqualityGivesABoolTensor() {
        let eq = bookX() == bookY()
        XCTAssertEqual(eq.dtype, .bool)
        XCTAssertEqual(eq.toIntArray(), [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(eq.description, """
            tensor([[False,  True, False,  True],
                    [False, False, False, False],
                    [False, False, False, False]])
            """)
    }

    func testSumOfAllElementsIsSixtySix() {
        let s = bookX().sum()
        XCTAssertEqual(s.shape, [])
        XCTAssertEqual(s.item(), 66)
        XCTAssertEqual(s.description, "tensor(66.)")
    }

    // MARK: §2.1.3 Broadcasting

    func testBroadcastingThreeByOneWithOneByTwo() {
        let a = Tensor.arange(3).reshape(3, 1), b = Tensor.arange(2).reshape(1, 2)
        XCTAssertEqual(a.description, "tensor([[0],\n        [1],\n        [2]])")
        XCTAssertEqual(b.description, "tensor([[0, 1]])")
        let c = a + b
        XCTAssertEqual(c.shape, [3, 2])
        XCTAssertEqual(c.toIntArray(), [0, 1, 1, 2, 2, 3])
        XCTAssertEqual(c.description, "tensor([[0, 1],\n        [1, 2],\n        [2, 3]])")
    }

    // MARK: §2.1.4 Indexing and slicing

    func testLastRowAndRowRange() {
        let X = bookX()
        XCTAssertEqual(X[-1].description, "tensor([ 8.,  9., 10., 11.])")
        XCTAssertEqual(X[1..<3].description, """
            tensor([[ 4.,  5.,  6.,  7.],
                    [ 8.,  9., 10., 11.]])
            """)
    }

    func testWritingOneElementAndABlock() {
        let X = bookX()
        X[1, 2] = 9
        XCTAssertEqual(X.toArray2D(), [[0, 1, 2, 3], [4, 5, 9, 7], [8, 9, 10, 11]])
        X[0..<2, ...] = 12
        XCTAssertEqual(X.description, """
            tensor([[12., 12., 12., 12.],
                    [12., 12., 12., 12.],
                    [ 8.,  9., 10., 11.]])
            """)
    }

    // MARK: §2.1.5 Saving memory

    func testRebindingAllocatesButInPlaceUpdatesKeepStorage() {
        let X = bookX()
        var Y = bookY()
        let before = Y.storage
        Y = Y + X  // `id(Y)` changes in the book
        XCTAssertFalse(Y.storage === before)
        let Z = Tensor.zerosLike(Y)
        let zStorage = Z.storage
        Z[...] = X + Y
        XCTAssertTrue(Z.storage === zStorage)
        XCTAssertEqual(Z[0].toArray(), [2, 3, 8, 9])
        let xStorage = X.storage
        X += Y
        XCTAssertTrue(X.storage === xStorage)
        XCTAssertEqual(X[0].toArray(), [2, 3, 8, 9])
    }

    // MARK: §2.1.6 Conversion to other Python objects

    func testConversionToSwiftValues() {
        let a = Tensor([3.5])
        XCTAssertEqual(a.description, "tensor([3.5000])")
        XCTAssertEqual(a.item(), 3.5)
        XCTAssertEqual(Int(a.item()), 3)
        let X = bookX()
        let A = [Float](X)
        XCTAssertEqual(A, (0..<12).map(Float.init))
        let B = Tensor(shape: X.shape, values: A)
        XCTAssertEqual(B.toArray2D(), X.toArray2D())
        XCTAssertFalse(B.storage === X.storage, "converting back makes a new tensor")
    }
}
