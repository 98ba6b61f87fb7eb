import XCTest
import D2L
import TestSupport

/// dot, mv, mm and matmul (§2.3.7–2.3.9) against the textbook triple loop, for contiguous,
/// transposed, sliced and stepped operands, stacks of matrices and PyTorch's vector rules.
final class LinearAlgebraTests: XCTestCase {
    /// Compares `matmul(a, b)` of two matrices with the triple loop over their values.
    private func assertMatchesLoop(_ a: Tensor, _ b: Tensor,
                                   file: StaticString = #filePath, line: UInt = #line) {
        let expected = naiveProduct(a.toArray2D(), b.toArray2D())
        assertClose(matmul(a, b), expected, shape: [a.shape[0], b.shape[1]], atol: 1e-5, rtol: 1e-4,
                    file: file, line: line)
    }

    func testDotMvAndMmOnSmallExamples() {
        let d = Tensor.dot(Tensor([1.0, 2, 3]), Tensor([4.0, -5, 6]))
        XCTAssertEqual(d.item(), 12)
        XCTAssertEqual(d.shape, [])
        let A = Tensor([[1.0, 2], [3, 4], [5, 6]])
        XCTAssertEqual(Tensor.mv(A, Tensor([1.0, -1])).toArray(), [-1, -1, -1])
        XCTAssertEqual(Tensor.mm(A, Tensor([[1.0, 0, 2], [0, 1, 3]])).toArray2D(),
                       [[1, 2, 8], [3, 4, 18], [5, 6, 28]])
    }

    func testMatmulMatchesNaiveLoopForManyShapes() {
        for (m, k, n) in [(1, 1, 1), (3, 4, 5), (7, 1, 3), (1, 6, 1), (16, 33, 9), (64, 65, 63)] {
            assertMatchesLoop(sample([m, k], seed: UInt64(m * 100 + k)), sample([k, n], seed: UInt64(n + 7)))
        }
    }

    func testTransposedOperands() {
        let a = sample([6, 5], seed: 1), b = sample([6, 4], seed: 2), c = sample([3, 5], seed: 3)
        assertMatchesLoop(a.T, b)      // Aᵀ B
        assertMatchesLoop(a, c.T)      // A Cᵀ
        assertMatchesLoop(b.T, a)      // Bᵀ A
        assertMatchesLoop(c, a.T)      // C Aᵀ: [3, 5] × [5, 6]
        assertMatchesLoop(a.T.T, c.T)  // a view of a view
    }

    func testSlicedSteppedAndBroadcastOperands() {
        let big = sample([8, 10], seed: 3)
        let slice = big[1..<6, 2..<8]                                   // rows with a gap
        assertMatchesLoop(slice, sample([6, 3], seed: 4))
        assertMatchesLoop(sample([2, 5], seed: 5), slice)
        let stepped = big[TensorIndex.stride(0..<8, by: 2), TensorIndex.stride(0..<10, by: 3)]  // [4, 4]
        assertMatchesLoop(stepped, sample([4, 2], seed: 5))
        assertMatchesLoop(stepped.T, stepped)
        assertMatchesLoop(big[..., 3..<4], sample([1, 5], seed: 6))     // a column times a row
        assertMatchesLoop(big[2..<3, ...], sample([10, 2], seed: 7))    // a row of a bigger matrix
        assertMatchesLoop(Tensor([1.0, 2, 3]).expand(4, 3), sample([3, 2], seed: 8))  // zero row stride
    }

    func testLargerProductAgainstTheLoop() {
        assertMatchesLoop(sample([96, 130], seed: 9), sample([130, 70], seed: 10).T.contiguous().T)
    }

    /// Products of at least twice `BLAS.parallelThreshold` multiply–adds are cut into blocks of rows (when
    /// the result is tall) or columns (when wide), one per core. Each block must read the right
    /// part of a transposed operand too: compare with the same product taken one row at a time,
    /// which is too small to split.
    func testProductsSplitOverTheCoresMatchRowByRowProducts() {
        for (m, k, n) in [(480, 100, 100), (100, 100, 480)] {
            let a = sample([m, k], seed: 11), b = sample([k, n], seed: 12)
            let aT = sample([k, m], seed: 13), bT = sample([n, k], seed: 14)
            for (left, right) in [(a, b), (aT.T, b), (a, bT.T), (aT.T, bT.T)] {
                let rows = (0..<m).map { matmul(left[$0..<($0 + 1), ...], right) }
                assertClose(matmul(left, right), Tensor.cat(rows), atol: 1e-4, rtol: 1e-4)
            }
        }
    }

    func testBatchedMatmulOfStacks() {
        let a = sample([2, 3, 4], seed: 6), b = sample([4, 2], seed: 7), c = sample([2, 4, 2], seed: 8)
        let ab = matmul(a, b), ac = matmul(a, c)
        XCTAssertEqual(ab.shape, [2, 3, 2])
        XCTAssertEqual(ac.shape, [2, 3, 2])
        for i in 0..<2 {
            assertClose(ab[i], naiveProduct(a[i].toArray2D(), b.toArray2D()), shape: [3, 2], atol: 1e-5, rtol: 1e-4)
            assertClose(ac[i], naiveProduct(a[i].toArray2D(), c[i].toArray2D()), shape: [3, 2], atol: 1e-5, rtol: 1e-4)
        }
    }

    func testBatchedMatmulWithTransposedAndStridedStacks() {
        let a = sample([2, 4, 3], seed: 11), c = sample([2, 2, 4], seed: 12), w = sample([4, 5], seed: 13)
        let aT = a.transpose(1, 2)                  // [2, 3, 4], not contiguous
        let product = matmul(aT, c.transpose(1, 2)) // [2, 3, 2]
        let stackTimesMatrix = matmul(aT, w)        // a non-contiguous stack times one matrix
        for i in 0..<2 {
            assertClose(product[i], naiveProduct(aT[i].toArray2D(), c[i].T.toArray2D()), shape: [3, 2],
                        atol: 1e-5, rtol: 1e-4)
            assertClose(stackTimesMatrix[i], naiveProduct(aT[i].toArray2D(), w.toArray2D()), shape: [3, 5],
                        atol: 1e-5, rtol: 1e-4)
        }
        let every2nd = sample([4, 3, 4], seed: 14)[TensorIndex.stride(0..<4, by: 2)]  // [2, 3, 4]
        let stepped = matmul(every2nd, w)
        assertClose(stepped[1], naiveProduct(every2nd[1].toArray2D(), w.toArray2D()), shape: [3, 5],
                    atol: 1e-5, rtol: 1e-4)
    }

    func testBatchAxesBroadcast() {
        let d = sample([3, 1, 2, 4], seed: 9), e = sample([5, 4, 3], seed: 10)
        let de = matmul(d, e)
        XCTAssertEqual(de.shape, [3, 5, 2, 3])
        for (i, j) in [(0, 0), (2, 4), (1, 3)] {
            assertClose(de[i, j], naiveProduct(d[i, 0].toArray2D(), e[j].toArray2D()), shape: [2, 3],
                        atol: 1e-5, rtol: 1e-4)
        }
        let m = sample([3, 4], seed: 15), stack = sample([2, 4, 5], seed: 16)
        let left = matmul(m, stack)                 // one matrix times a stack
        XCTAssertEqual(left.shape, [2, 3, 5])
        assertClose(left[1], naiveProduct(m.toArray2D(), stack[1].toArray2D()), shape: [3, 5],
                    atol: 1e-5, rtol: 1e-4)
    }

    func testVectorCasesFollowPyTorch() {
        let A = Tensor.arange(0.0, 6.0).reshape(2, 3), v = Tensor([1.0, 0, 2])
        XCTAssertEqual(matmul(A, v).shape, [2])
        XCTAssertEqual(matmul(A, v).toArray(), [4, 13])
        XCTAssertEqual(matmul(Tensor([1.0, 1]), A).toArray(), [3, 5, 7])
        XCTAssertEqual(matmul(v, v).shape, [])
        XCTAssertEqual(matmul(v, v).item(), 5)
        let stack = Tensor.arange(0.0, 12.0).reshape(2, 2, 3)
        XCTAssertEqual(matmul(stack, v).toArray2D(), [[4, 13], [22, 31]])   // [2, 2, 3] × [3]
        XCTAssertEqual(matmul(Tensor([1.0, -1]), stack).toArray2D(), [[-3, -3, -3], [-3, -3, -3]])
    }

    func testProductsWithAnEmptyInnerAxisAreZeros() {
        XCTAssertEqual(matmul(Tensor.zeros([2, 0]), Tensor.zeros([0, 3])).toArray(), [0, 0, 0, 0, 0, 0])
        XCTAssertEqual(matmul(Tensor.zeros([2, 3]), Tensor.zeros([3, 0])).shape, [2, 0])
        // A contiguous stack times a matrix is folded into one tall product; with k = 0 the
        // result must still own storage for all its [2, 3, 4] elements.
        let folded = matmul(Tensor.zeros([2, 3, 0]), Tensor.zeros([0, 4]))
        XCTAssertEqual(folded.shape, [2, 3, 4])
        XCTAssertGreaterThanOrEqual(folded.storage.count, folded.count,
                                    "the result reads past the end of its storage")
    }

    func testIntegerProductsKeepTheIntegerDtypeAsDotDoes() {
        let A = Tensor.arange(6).reshape(2, 3), x = Tensor.arange(3)
        XCTAssertEqual(Tensor.dot(x, x).dtype, .int64)
        XCTAssertEqual(Tensor.mv(A, x).dtype, Tensor.dot(x, x).dtype, "torch.mv of int64 tensors is int64")
        XCTAssertEqual(Tensor.mv(A, x).toArray(), [5, 14])
    }
}
