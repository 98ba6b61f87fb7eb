import XCTest
import D2L
import TestSupport

/// Reductions over axes and matrix products checked against plain loops.
final class ReductionTests: XCTestCase {
    let M = Tensor([[3.0, -1, 4], [1, 5, -9], [2, 6, 5]])

    func testMaxMinArgmaxArgmin() {
        XCTAssertEqual(M.max().item(), 6)
        XCTAssertEqual(M.min().item(), -9)
        XCTAssertEqual(M.max(axis: 1).toArray(), [4, 5, 6])
        XCTAssertEqual(M.min(axis: 0).toArray(), [1, -1, -9])
        XCTAssertEqual(M.argmax().intItem(), 7)
        XCTAssertEqual(M.argmin().intItem(), 5)
        XCTAssertEqual(M.argmax(axis: 1).toIntArray(), [2, 1, 1])
        XCTAssertEqual(M.argmax(axis: 1).dtype, .int64)
        XCTAssertEqual(M.argmin(axis: 0, keepDims: true).shape, [1, 3])
        XCTAssertEqual(Tensor([1.0, 3, 3]).argmax().intItem(), 1, "first index wins on ties")
    }

    func testProdAndKeepDimsShapes() {
        XCTAssertEqual(M.prod(axis: 0).toArray(), [6, -30, -180])
        XCTAssertEqual(Tensor([1.0, 2, 3, 4]).prod().item(), 24)
        XCTAssertEqual(M.sum(axis: 0, keepDims: true).shape, [1, 3])
        XCTAssertEqual(Tensor.ones([2, 3, 4]).sum(axes: [0, 2], keepDims: true).shape, [1, 3, 1])
        XCTAssertEqual(Tensor.ones([2, 3, 4]).mean(axes: [-1, 0]).shape, [3])
        XCTAssertEqual(Tensor.ones([2, 3, 4]).sum(toShape: [3, 1]).toArray(), [8, 8, 8])
    }

    func testSumOverManyElementsIsAccurate() {
        let n = 1_000_003
        let x = Tensor.full([n], 0.1)
        XCTAssertEqual(x.sum().item(), Float(Double(n) * Double(Float(0.1))), accuracy: 0.05)
        let m = Tensor.ones([1000, 700])
        XCTAssertEqual(m.sum(axis: 0).toArray(), [Float](repeating: 1000, count: 700))
    }

    func testReductionsOfNonContiguousInputs() {
        XCTAssertEqual(M.T.sum(axis: 1).toArray(), [6, 10, 0])
        XCTAssertEqual(M.T.cumsum(axis: 1)[1].toArray(), [-1, 4, 10])
    }
}

final class LinearAlgebraTests: XCTestCase {
    /// The textbook triple loop over [m, k] × [k, n].
    private func naiveProduct(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
        let m = a.count, k = b.count, n = b[0].count
        var c = [[Float]](repeating: [Float](repeating: 0, count: n), count: m)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c[i][j] += a[i][p] * b[p][j] } } }
        return c
    }

    func testMatmulMatchesNaiveLoopForManyShapes() {
        for (m, k, n) in [(1, 1, 1), (3, 4, 5), (7, 1, 3), (16, 33, 9), (64, 65, 63)] {
            let a = sample([m, k], seed: UInt64(m)), b = sample([k, n], seed: UInt64(n + 100))
            let expected = naiveProduct(a.toArray2D(), b.toArray2D())
            assertClose(matmul(a, b), expected.flatMap { $0 }, shape: [m, n], atol: 1e-4)
        }
    }

    func testTransposedAndSlicedOperandsGoStraightToBLAS() {
        let a = sample([6, 5], seed: 1), b = sample([6, 4], seed: 2)
        let expected = naiveProduct(a.T.contiguous().toArray2D(), b.toArray2D())
        assertClose(matmul(a.T, b), expected.flatMap { $0 }, shape: [5, 4], atol: 1e-4)
        let big = sample([8, 10], seed: 3)
        let slice = big[1..<6, 2..<8]   // strided rows, not contiguous
        let right = sample([6, 3], seed: 4)
        let expectedSlice = naiveProduct(slice.contiguous().toArray2D(), right.toArray2D())
        assertClose(matmul(slice, right), expectedSlice.flatMap { $0 }, shape: [5, 3], atol: 1e-4)
        let stepped = big[TensorIndex.stride(0..<8, by: 2), TensorIndex.stride(0..<10, by: 3)]
        let expectedStep = naiveProduct(stepped.contiguous().toArray2D(), sample([4, 2], seed: 5).toArray2D())
        assertClose(matmul(stepped, sample([4, 2], seed: 5)), expectedStep.flatMap { $0 }, atol: 1e-4)
    }

    func testBatchedMatmulBroadcastsBatchAxes() {
        let a = sample([2, 3, 4], seed: 6), b = sample([4, 2], seed: 7), c = sample([2, 4, 2], seed: 8)
        let ab = matmul(a, b), ac = matmul(a, c)
        XCTAssertEqual(ab.shape, [2, 3, 2])
        for i in 0..<2 {
            assertClose(ab[i], naiveProduct(a[i].toArray2D(), b.toArray2D()).flatMap { $0 }, atol: 1e-5)
            assertClose(ac[i], naiveProduct(a[i].toArray2D(), c[i].toArray2D()).flatMap { $0 }, atol: 1e-5)
        }
        let d = sample([3, 1, 2, 4], seed: 9), e = sample([5, 4, 3], seed: 10)
        XCTAssertEqual(matmul(d, e).shape, [3, 5, 2, 3])
        assertClose(matmul(d, e)[2, 4], naiveProduct(d[2, 0].toArray2D(), e[4].toArray2D()).flatMap { $0 },
                    atol: 1e-5)
    }

    func testVectorCasesFollowPyTorch() {
        let A = Tensor.arange(6, dtype: .float32).reshape(2, 3), v = Tensor([1.0, 0, 2])
        XCTAssertEqual(matmul(A, v).toArray(), [4, 13])
        XCTAssertEqual(matmul(Tensor([1.0, 1]), A).toArray(), [3, 5, 7])
        XCTAssertEqual(matmul(v, v).shape, [])
        XCTAssertEqual(matmul(v, v).item(), 5)
    }
}

/// cat, stack, split and chunk.
final class JoiningTests: XCTestCase {
    func testStackAddsAnAxis() {
        let a = Tensor([1.0, 2]), b = Tensor([3.0, 4])
        XCTAssertEqual(Tensor.stack([a, b]).toArray2D(), [[1, 2], [3, 4]])
        XCTAssertEqual(Tensor.stack([a, b], dim: 1).toArray2D(), [[1, 3], [2, 4]])
    }

    func testSplitAndChunkAreViewsCoveringTheAxis() {
        let x = Tensor.arange(10, dtype: .float32)
        let parts = x.split(4)
        XCTAssertEqual(parts.map(\.shape), [[4], [4], [2]])
        XCTAssertTrue(parts[1].storage === x.storage)
        XCTAssertEqual(parts[2].toArray(), [8, 9])
        XCTAssertEqual(x.split(sizes: [3, 7]).map(\.count), [3, 7])
        XCTAssertEqual(x.chunk(3).map(\.count), [4, 4, 2])
        XCTAssertEqual(Tensor.cat(x.chunk(3)).toArray(), x.toArray())
    }

    func testCatOfMixedDtypesPromotes() {
        let c = Tensor.cat([Tensor([1, 2]), Tensor([0.5])])
        XCTAssertEqual(c.dtype, .float32)
        XCTAssertEqual(c.toArray(), [1, 2, 0.5])
    }
}
