import XCTest
import D2L
import TestSupport

/// Subscripts (§2.1.4): integers, negative positions, ranges, whole axes, steps, new axes,
/// positional ("fancy") indexing and boolean masks, for reading and for writing.
final class IndexingTests: XCTestCase {
    private func cube() -> Tensor { Tensor.arange(0.0, 24.0).reshape(2, 3, 4) }

    func testIntegersDropAxesAndNegativesCountFromTheEnd() {
        let X = cube()
        XCTAssertEqual(X[1].shape, [3, 4])
        XCTAssertEqual(X[1, 2].toArray(), [20, 21, 22, 23])
        XCTAssertEqual(X[-1, -1, -1].item(), 23)
        XCTAssertEqual(X[0, -3, 0].item(), 0)
        XCTAssertEqual(X[-2].toArray(), X[0].toArray())
        XCTAssertEqual(X[1, 2, 3].shape, [])
    }

    func testRangesKeepAxes() {
        let X = cube()
        XCTAssertEqual(X[0, 1..<3].shape, [2, 4])
        XCTAssertEqual(X[0, 1...2, 2].toArray(), [6, 10])
        XCTAssertEqual(X[0, ..<1, 3].toArray(), [3])
        XCTAssertEqual(X[0, 0, 2...].toArray(), [2, 3])
        XCTAssertEqual(X[0, 0, (-2)...].toArray(), [2, 3])
        XCTAssertEqual(X[0, 0, ...(-2)].toArray(), [0, 1, 2])
        XCTAssertEqual(X[0, 0, ..<(-1)].toArray(), [0, 1, 2])
        XCTAssertEqual(X[0, 0, (-3)..<(-1)].toArray(), [1, 2])
        XCTAssertEqual(X[0, 0, 1..<1].shape, [0])
    }

    func testWholeAxisEllipsisAndNewAxis() {
        let X = cube()
        // Swift's `...` is one whole axis, Python's `:`; `.ellipsis` is Python's `...`.
        XCTAssertEqual(X[..., 0].shape, [2, 4])
        XCTAssertEqual(X[1, ..., 0].toArray(), [12, 16, 20])
        XCTAssertEqual(X[TensorIndex.all, 1].toArray2D(), [[4, 5, 6, 7], [16, 17, 18, 19]])
        XCTAssertEqual(X[TensorIndex.ellipsis, 0].shape, [2, 3])
        XCTAssertEqual(X[TensorIndex.ellipsis, 0][1].toArray(), [12, 16, 20])
        XCTAssertEqual(X[TensorIndex.newAxis].shape, [1, 2, 3, 4])
        XCTAssertEqual(X[0, TensorIndex.newAxis, 1].shape, [1, 4])
    }

    func testSteppedSlicesReadAndWrite() {
        let v = Tensor.arange(0.0, 10.0)
        XCTAssertEqual(v[TensorIndex.stride(1..<8, by: 3)].toArray(), [1, 4, 7])
        XCTAssertEqual(v[TensorIndex.stride(0..<10, by: 4)].toArray(), [0, 4, 8])
        XCTAssertEqual(v[TensorIndex.slice(start: nil, end: nil, step: 5)].toArray(), [0, 5])
        let M = Tensor.arange(0.0, 12.0).reshape(3, 4)
        XCTAssertEqual(M[TensorIndex.stride(0..<3, by: 2), TensorIndex.stride(1..<4, by: 2)].toArray2D(),
                       [[1, 3], [9, 11]])
        v[TensorIndex.stride(0..<10, by: 2)] = 0
        XCTAssertEqual(v.toArray(), [0, 1, 0, 3, 0, 5, 0, 7, 0, 9])
    }

    func testIndexingANonContiguousView() {
        let M = Tensor.arange(0.0, 12.0).reshape(3, 4)
        let T = M.T  // [4, 3]
        XCTAssertEqual(T[1].toArray(), [1, 5, 9])
        XCTAssertEqual(T[1..<3, 2].toArray(), [9, 10])
        XCTAssertEqual(T[Tensor([3, 0])].toArray2D(), [[3, 7, 11], [0, 4, 8]])
    }

    func testBasicIndicesGiveViewsAndPositionalIndicesGiveCopies() {
        let M = Tensor.arange(0.0, 6.0).reshape(2, 3)
        XCTAssertTrue(M[1, 0..<2].storage === M.storage)
        let gathered = M[[1, 0]]
        XCTAssertFalse(gathered.storage === M.storage)
        gathered.fill(-1)
        XCTAssertEqual(M.toArray(), [0, 1, 2, 3, 4, 5])
    }

    func testPositionalIndexingPicksOnePerRow() {
        let yHat = Tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
        let y = Tensor([0, 2])
        XCTAssertEqual(yHat[[0, 1], y].toArray(), [0.1, 0.5])
        XCTAssertEqual(yHat[Tensor.arange(2), y].toArray(), [0.1, 0.5])
        XCTAssertEqual(yHat[[1, 1, 0]].shape, [3, 3])
        XCTAssertEqual(yHat[[1, 1, 0]][1].toArray(), [0.3, 0.2, 0.5])
        XCTAssertEqual(yHat[..., Tensor([2, 0])].toArray2D(), [[0.6, 0.1], [0.5, 0.3]])
        XCTAssertEqual(yHat[Tensor([-1])].toArray2D(), [[0.3, 0.2, 0.5]], "negative positions count from the end")
        XCTAssertEqual(cube()[0, Tensor([[0, 2], [1, 1]])].shape, [2, 2, 4])
        XCTAssertEqual(cube()[1, Tensor([[0, 2], [1, 1]])][0, 1].toArray(), [20, 21, 22, 23])
    }

    func testBoolMaskSelectsAndAssignsTrueEntries() {
        let v = Tensor([5.0, -1, 7, -3])
        XCTAssertEqual(v[v > 0].toArray(), [5, 7])
        XCTAssertEqual(v[v > 100].shape, [0])
        v[v < 0] = 0
        XCTAssertEqual(v.toArray(), [5, 0, 7, 0])
        let M = Tensor.arange(0.0, 6.0).reshape(3, 2)
        XCTAssertEqual(M[Tensor([true, false, true])].toArray2D(), [[0, 1], [4, 5]])
    }

    func testIndexAssignmentBroadcastsTheValue() {
        let M = Tensor.zeros([3, 4])
        M[1] = Tensor([1.0, 2, 3, 4])
        M[..., 0] = 7
        M[2, 1..<3] = Tensor([8.0, 9])
        XCTAssertEqual(M.toArray2D(), [[7, 0, 0, 0], [7, 2, 3, 4], [7, 8, 9, 0]])
        M[[0, 2], Tensor([3, 3])] = Tensor([-1.0, -2])
        XCTAssertEqual(M[..., 3].toArray(), [-1, 4, -2])
        M[0..<2, ...] = Tensor([[10.0], [20]])
        XCTAssertEqual(M[..., 2].toArray(), [10, 20, 9])
        M[...] = 1
        XCTAssertEqual(M.sum().item(), 12)
    }
}
