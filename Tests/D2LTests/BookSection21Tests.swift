import XCTest
import D2L
import TestSupport

/// The values §2.1 (data manipulation) prints, in the book's order.
final class BookSection21Tests: XCTestCase {
    func testArangeShapeAndNumel() {
        let x = Tensor.arange(12)
        XCTAssertEqual(x.description, "tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11])")
        XCTAssertEqual(x.shape, [12])
        XCTAssertEqual(x.numel(), 12)
        XCTAssertEqual(x.dtype, .int64)
    }

    func testReshapeToThreeByFourAndInferredAxis() {
        let X = Tensor.arange(12).reshape(3, 4)
        XCTAssertEqual(X.description, """
            tensor([[ 0,  1,  2,  3],
                    [ 4,  5,  6,  7],
                    [ 8,  9, 10, 11]])
            """)
        XCTAssertEqual(Tensor.arange(12).reshape(-1, 4).shape, [3, 4])
        XCTAssertEqual(Tensor.arange(12).reshape(3, -1).shape, [3, 4])
    }

    func testZerosOnesAndRandnShapes() {
        let z = Tensor.zeros([2, 3, 4])
        XCTAssertEqual(z.shape, [2, 3, 4])
        XCTAssertEqual(z.toArray(), [Float](repeating: 0, count: 24))
        XCTAssertEqual(Tensor.ones([2, 3, 4]).sum().item(), 24)
        XCTAssertEqual(Tensor.randn([3, 4]).shape, [3, 4])
    }

    func testTensorFromNestedLiterals() {
        let t = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        XCTAssertEqual(t.shape, [3, 4])
        XCTAssertEqual(t.toArray2D(), [[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        XCTAssertEqual(t.dtype, .float32)
    }

    func testElementwiseOperationsOnBookVectors() {
        let x = Tensor([1.0, 2, 4, 8]), y = Tensor([2.0, 2, 2, 2])
        XCTAssertEqual((x + y).toArray(), [3, 4, 6, 10])
        XCTAssertEqual((x - y).toArray(), [-1, 0, 2, 6])
        XCTAssertEqual((x * y).toArray(), [2, 4, 8, 16])
        XCTAssertEqual((x / y).toArray(), [0.5, 1, 2, 4])
        XCTAssertEqual((x ** y).toArray(), [1, 4, 16, 64])
        XCTAssertEqual((x + y).description, "tensor([ 3.,  4.,  6., 10.])")
        XCTAssertEqual((x / y).description, "tensor([0.5000, 1.0000, 2.0000, 4.0000])")
        assertClose(x.exp(), [2.7183, 7.3891, 54.5982, 2980.9580], rtol: 1e-4)
    }

    func testCatAlongBothAxes() {
        let X = Tensor.arange(12, dtype: .float32).reshape(3, 4)
        let Y = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        let rows = Tensor.cat([X, Y], dim: 0)
        XCTAssertEqual(rows.shape, [6, 4])
        XCTAssertEqual(rows.toArray2D()[3...].map { $0 }, [[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        let columns = Tensor.cat([X, Y], dim: 1)
        XCTAssertEqual(columns.description, """
            tensor([[ 0.,  1.,  2.,  3.,  2.,  1.,  4.,  3.],
                    [ 4.,  5.,  6.,  7.,  1.,  2.,  3.,  4.],
                    [ 8.,  9., 10., 11.,  4.,  3.,  2.,  1.]])
            """)
    }

    func testEqualityGivesBoolTensor() {
        let X = Tensor.arange(12, dtype: .float32).reshape(3, 4)
        let Y = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        let eq = X == Y
        XCTAssertEqual(eq.dtype, .bool)
        XCTAssertEqual(eq.description, """
            tensor([[False,  True, False,  True],
                    [False, False, False, False],
                    [False, False, False, False]])
            """)
        XCTAssertEqual(X.sum().description, "tensor(66.)")
    }

    func testBroadcastingExample() {
        let a = Tensor.arange(3).reshape(3, 1), b = Tensor.arange(2).reshape(1, 2)
        XCTAssertEqual((a + b).toIntArray(), [0, 1, 1, 2, 2, 3])
        XCTAssertEqual((a + b).shape, [3, 2])
    }

    func testIndexingAndSlicing() {
        let X = Tensor.arange(12, dtype: .float32).reshape(3, 4)
        XCTAssertEqual(X[-1].toArray(), [8, 9, 10, 11])
        XCTAssertEqual(X[1..<3].toArray2D(), [[4, 5, 6, 7], [8, 9, 10, 11]])
        X[1, 2] = 9
        XCTAssertEqual(X.toArray2D(), [[0, 1, 2, 3], [4, 5, 9, 7], [8, 9, 10, 11]])
        X[0..<2, ...] = 12
        XCTAssertEqual(X.description, """
            tensor([[12., 12., 12., 12.],
                    [12., 12., 12., 12.],
                    [ 8.,  9., 10., 11.]])
            """)
    }

    func testInPlaceUpdatesKeepStorage() {
        let X = Tensor.arange(12, dtype: .float32).reshape(3, 4)
        let Y = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        let before = X.storage
        X += Y
        XCTAssertTrue(X.storage === before)
        XCTAssertEqual(X[0].toArray(), [2, 2, 6, 6])
        let Z = Tensor.zerosLike(Y)
        let zStorage = Z.storage
        Z[...] = X + Y
        XCTAssertTrue(Z.storage === zStorage)
        XCTAssertEqual(Z[0].toArray(), [4, 3, 10, 9])
        // Y = Y + X allocates a new result, as `id(Y)` changes in the book.
        let rebound = Y + X
        XCTAssertFalse(rebound.storage === Y.storage)
    }

    func testConversionToSwiftValues() {
        let a = Tensor([3.5])
        XCTAssertEqual(a.item(), 3.5)
        XCTAssertEqual(Float(a.item()), 3.5)
        XCTAssertEqual(Int(a.item()), 3)
        let X = Tensor.arange(6, dtype: .float32).reshape(2, 3)
        XCTAssertEqual([Float](X), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(Tensor.arange(4).toIntArray(), [0, 1, 2, 3])
    }
}
