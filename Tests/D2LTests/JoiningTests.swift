import XCTest
import D2L
import TestSupport

/// cat and stack (§2.1.2), and their inverses split, chunk and narrow.
final class JoiningTests: XCTestCase {
    func testCatAlongEachAxisOfACube() {
        let a = Tensor.arange(0.0, 12.0).reshape(2, 3, 2), b = Tensor.full([2, 1, 2], -1)
        let middle = Tensor.cat([a, b], dim: 1)
        XCTAssertEqual(middle.shape, [2, 4, 2])
        XCTAssertEqual(middle[0].toArray2D(), [[0, 1], [2, 3], [4, 5], [-1, -1]])
        XCTAssertEqual(middle[1, 3].toArray(), [-1, -1])
        let last = Tensor.cat([a, a, a], dim: -1)
        XCTAssertEqual(last.shape, [2, 3, 6])
        XCTAssertEqual(last[1, 2].toArray(), [10, 11, 10, 11, 10, 11])
        XCTAssertEqual(Tensor.cat([a, a]).shape, [4, 3, 2], "dim 0 by default")
    }

    func testCatOfNonContiguousInputs() {
        let M = Tensor.arange(0.0, 6.0).reshape(2, 3)
        let joined = Tensor.cat([M.T, M[..., 1..<3].T], dim: 0)
        XCTAssertEqual(joined.toArray2D(), [[0, 3], [1, 4], [2, 5], [1, 4], [2, 5]])
    }

    func testCatOfMixedDtypesPromotes() {
        let c = Tensor.cat([Tensor([1, 2]), Tensor([0.5])])
        XCTAssertEqual(c.dtype, .float32)
        XCTAssertEqual(c.toArray(), [1, 2, 0.5])
        XCTAssertEqual(Tensor.cat([Tensor([1, 2]), Tensor([3])]).dtype, .int64)
    }

    func testStackAddsAnAxis() {
        let a = Tensor([1.0, 2]), b = Tensor([3.0, 4])
        XCTAssertEqual(Tensor.stack([a, b]).toArray2D(), [[1, 2], [3, 4]])
        XCTAssertEqual(Tensor.stack([a, b], dim: 1).toArray2D(), [[1, 3], [2, 4]])
        XCTAssertEqual(Tensor.stack([a, b], dim: -1).shape, [2, 2])
        let m = Tensor.zeros([3, 4])
        XCTAssertEqual(Tensor.stack([m, m, m, m, m]).shape, [5, 3, 4])
        XCTAssertEqual(Tensor.stack([m, m], dim: 2).shape, [3, 4, 2])
    }

    func testSplitAndChunkAreViewsCoveringTheAxis() {
        let x = Tensor.arange(0.0, 10.0)
        let parts = x.split(4)
        XCTAssertEqual(parts.map(\.shape), [[4], [4], [2]])
        XCTAssertTrue(parts[1].storage === x.storage)
        XCTAssertEqual(parts[2].toArray(), [8, 9])
        XCTAssertEqual(x.split(sizes: [3, 7]).map(\.count), [3, 7])
        XCTAssertEqual(x.chunk(3).map(\.count), [4, 4, 2])
        XCTAssertEqual(x.chunk(5).map(\.count), [2, 2, 2, 2, 2])
        XCTAssertEqual(Tensor.cat(x.chunk(3)).toArray(), x.toArray())
    }

    func testSplitAlongASecondAxis() {
        let M = Tensor.arange(0.0, 12.0).reshape(3, 4)
        let halves = M.chunk(2, dim: 1)
        XCTAssertEqual(halves.map(\.shape), [[3, 2], [3, 2]])
        XCTAssertEqual(halves[1].toArray2D(), [[2, 3], [6, 7], [10, 11]])
        let uneven = M.split(sizes: [1, 3], dim: -1)
        XCTAssertEqual(uneven[0].toArray(), [0, 4, 8])
        XCTAssertEqual(Tensor.cat(uneven, dim: 1).toArray(), M.toArray())
    }

    func testNarrowIsAWritableView() {
        let M = Tensor.arange(0.0, 12.0).reshape(3, 4)
        let middle = M.narrow(1, start: 1, length: 2)
        XCTAssertEqual(middle.toArray2D(), [[1, 2], [5, 6], [9, 10]])
        middle.zero()
        XCTAssertEqual(M[0].toArray(), [0, 0, 0, 3])
        XCTAssertEqual(M.narrow(0, start: 2, length: 1).shape, [1, 4])
        XCTAssertEqual(M.narrow(-1, start: 0, length: 0).shape, [3, 0])
    }
}
