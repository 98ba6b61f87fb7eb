import XCTest
import D2L
import TestSupport

/// sort, argsort and topk: stable tie order, NaN as the largest value, ±0 as ties, values that
/// PyTorch prints, other axes, and gradients flowing to the picked positions.
final class SortingTests: XCTestCase {
    /// torch.tensor([3., 1, 2, 1, nan, 3, 0., -0.])
    let x = Tensor([3, 1, 2, 1, .nan, 3, 0, -0.0])

    func testStableAscendingSortPutsNaNLast() {
        let (values, indices) = x.sort()
        // torch.sort(x, stable=True).indices
        XCTAssertEqual(indices.toIntArray(), [6, 7, 1, 3, 2, 0, 5, 4])
        XCTAssertEqual(indices.dtype, .int64)
        XCTAssertEqual(Array(values.toArray().prefix(7)), [0, 0, 1, 1, 2, 3, 3])
        XCTAssertTrue(values.toArray()[7].isNaN)
        XCTAssertEqual(x.argsort().toIntArray(), [6, 7, 1, 3, 2, 0, 5, 4])
    }

    func testStableDescendingSortPutsNaNFirstAndKeepsTieOrder() {
        let (values, indices) = x.sort(descending: true)
        // torch.sort(x, descending=True, stable=True).indices
        XCTAssertEqual(indices.toIntArray(), [4, 0, 5, 2, 1, 3, 6, 7])
        XCTAssertTrue(values.toArray()[0].isNaN)
        XCTAssertEqual(Array(values.toArray().dropFirst()), [3, 3, 2, 1, 1, 0, 0])
        XCTAssertEqual(x.argsort(descending: true).toIntArray(), [4, 0, 5, 2, 1, 3, 6, 7])
    }

    func testTopkLargestAndSmallest() {
        let (values, indices) = x.topk(3)
        // torch.topk(x, 3): values [nan, 3, 3], indices [4, 0, 5].
        XCTAssertEqual(indices.toIntArray(), [4, 0, 5])
        XCTAssertTrue(values.toArray()[0].isNaN)
        XCTAssertEqual(Array(values.toArray().dropFirst()), [3, 3])
        // Ties in index order: 0 (index 6) before −0 (index 7).
        XCTAssertEqual(x.topk(3, largest: false).indices.toIntArray(), [6, 7, 1])
        XCTAssertEqual(Tensor([-.infinity, 5, .infinity, -1]).topk(2).values.toArray(), [.infinity, 5])
        XCTAssertEqual(x.topk(0).values.shape, [0])
    }

    func testAlongOtherAxes() {
        let m = Tensor([[3.0, 1, 2], [0, 5, 4], [3, 1, 9]])
        let columns = m.sort(axis: 0)
        XCTAssertEqual(columns.values.toArray2D(), [[0, 1, 2], [3, 1, 4], [3, 5, 9]])
        XCTAssertEqual(columns.indices.toArray2D(), [[1, 0, 0], [0, 2, 1], [2, 1, 2]])
        let top = m.topk(2, axis: 1)
        XCTAssertEqual(top.values.toArray2D(), [[3, 2], [5, 4], [9, 3]])
        XCTAssertEqual(top.indices.toArray2D(), [[0, 2], [1, 2], [2, 0]])
        XCTAssertEqual(m.T.argsort(axis: 1, descending: true).toArray2D(), [[0, 2, 1], [1, 0, 2], [2, 1, 0]])
        let cube = sample([3, 4, 5], seed: 51)
        let sorted = cube.sort(axis: 1).values
        for i in 0..<3 {
            for k in 0..<5 {
                let column = sorted[i, ..., k].toArray()
                XCTAssertEqual(column, column.sorted(), "column \(i), \(k)")
            }
        }
        XCTAssertEqual(Tensor.arange(4).sort(descending: true).values.dtype, .int64)
    }

    func testGradientsFlowToThePickedPositions() {
        let v = Tensor([0.5, -1, 2, 0.25]).requiresGrad(true)
        let (top, _) = v.topk(2)
        (top * Tensor([10.0, 1])).sum().backward()
        XCTAssertEqual(v.grad?.toArray(), [1, 0, 10, 0])
        // Values at least 0.37 apart, so the finite-difference steps never reorder them.
        let m = Tensor(shape: [3, 4], values: [7, 2, 11, 0, 5, 9, 3, 10, 1, 8, 6, 4].map { Float($0) * 0.37 - 2 })
        assertGradientsMatch([m]) { weigh($0[0].sort(axis: 1).values) }
        assertGradientsMatch([m]) { weigh($0[0].sort(axis: 0, descending: true).values) }
        assertGradientsMatch([m]) { weigh($0[0].topk(2, axis: 1).values) }
        assertGradientsMatch([m]) { weigh($0[0].topk(2, axis: 0, largest: false).values) }
    }
}
