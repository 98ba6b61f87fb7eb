import XCTest
import D2L
import TestSupport

/// Subscripts: integers, negative positions, ranges, whole axes, steps and positional indexing.
final class IndexingTests: XCTestCase {
    let X = Tensor.arange(24, dtype: .float32).reshape(2, 3, 4)

    func testIntegersDropAxesAndNegativesCountFromTheEnd() {
        XCTAssertEqual(X[1].shape, [3, 4])
        XCTAssertEqual(X[1, 2].toArray(), [20, 21, 22, 23])
        XCTAssertEqual(X[-1, -1, -1].item(), 23)
        XCTAssertEqual(X[0, -3, 0].item(), 0)
        XCTAssertEqual(X[1, 2, 3].shape, [])
    }

    func testRangesKeepAxes() {
        XCTAssertEqual(X[0, 1..<3].shape, [2, 4])
        XCTAssertEqual(X[0, 1...2, 2].toArray(), [6, 10])
        XCTAssertEqual(X[0, ..<1, 3].toArray(), [3])
        XCTAssertEqual(X[0, 0, (-2)...].toArray(), [2, 3])
        XCTAssertEqual(X[0, 0, ...(-2)].toArray(), [0, 1, 2])
        XCTAssertEqual(X[0, 0, 1..<1].shape, [0])
    }

    func testWholeAxisEllipsisNewAxisAndStep() {
        // `...` is Swift's "whole range": one whole axis, Python's `:` (not NumPy's Ellipsis)
        XCTAssertEqual(X[..., 0].shape, [2, 4])
        XCTAssertEqual(X[1, ..., 0].toArray(), [12, 16, 20])
        XCTAssertEqual(X[TensorIndex.ellipsis, 0].shape, [2, 3])
        XCTAssertEqual(X[TensorIndex.ellipsis, 0][1].toArray(), [12, 16, 20])
        XCTAssertEqual(X[TensorIndex.newAxis].shape, [1, 2, 3, 4])
        XCTAssertEqual(X[0, 0, TensorIndex.stride(0..<4, by: 2)].toArray(), [0, 2])
    }

    func testPositionalIndexingPicksOnePerRow() {
        let yHat = Tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
        let y = Tensor([0, 2])
        XCTAssertEqual(yHat[[0, 1], y].toArray(), [0.1, 0.5])
        XCTAssertEqual(yHat[Tensor.arange(2), y].toArray(), [0.1, 0.5])
        XCTAssertEqual(yHat[[1, 1, 0]].shape, [3, 3])
        XCTAssertEqual(yHat[..., Tensor([2, 0])].toArray2D(), [[0.6, 0.1], [0.5, 0.3]])
        XCTAssertEqual(X[0, Tensor([[0, 2], [1, 1]])].shape, [2, 2, 4])
    }

    func testBoolMaskSelectsTrueEntries() {
        let v = Tensor([5.0, -1, 7, -3])
        XCTAssertEqual(v[v > 0].toArray(), [5, 7])
    }

    func testIndexAssignmentBroadcastsTheValue() {
        let M = Tensor.zeros([3, 4])
        M[1] = Tensor([1.0, 2, 3, 4])
        M[..., 0] = 7
        M[2, 1..<3] = Tensor([8.0, 9])
        XCTAssertEqual(M.toArray2D(), [[7, 0, 0, 0], [7, 2, 3, 4], [7, 8, 9, 0]])
        M[[0, 2], Tensor([3, 3])] = Tensor([-1.0, -2])
        XCTAssertEqual(M[..., 3].toArray(), [-1, 4, -2])
    }
}
