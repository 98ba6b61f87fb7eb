import XCTest
import D2L
import TestSupport

/// Views share storage with their source; in-place operations keep the storage (§2.1.6).
final class ViewAndInPlaceTests: XCTestCase {
    func testReshapeSliceAndTransposeShareStorage() {
        let x = Tensor.arange(12, dtype: .float32)
        let X = x.reshape(3, 4)
        XCTAssertTrue(X.storage === x.storage)
        X[1, 1] = 100
        XCTAssertEqual(x[5].item(), 100)
        let row = X[2]
        row.fill(-1)
        XCTAssertEqual(x[8..<12].toArray(), [-1, -1, -1, -1])
        let T = X.T
        XCTAssertTrue(T.storage === x.storage)
        XCTAssertFalse(T.isContiguous)
        T[0, 1] = 7
        XCTAssertEqual(X[1, 0].item(), 7)
    }

    func testContiguousCopiesOnlyWhenNeeded() {
        let X = Tensor.arange(6, dtype: .float32).reshape(2, 3)
        XCTAssertTrue(X.contiguous() === X)
        let C = X.T.contiguous()
        XCTAssertFalse(C.storage === X.storage)
        XCTAssertTrue(C.isContiguous)
        XCTAssertEqual(C.toArray(), [0, 3, 1, 4, 2, 5])
        // reshape of a non-contiguous view has to copy, as in PyTorch
        XCTAssertEqual(X.T.reshape(-1).toArray(), [0, 3, 1, 4, 2, 5])
    }

    func testSqueezeUnsqueezeExpandPermuteAreViews() {
        let x = Tensor.arange(6, dtype: .float32).reshape(2, 1, 3)
        XCTAssertEqual(x.squeeze().shape, [2, 3])
        XCTAssertEqual(x.squeeze(1).shape, [2, 3])
        XCTAssertEqual(x.squeeze(0).shape, [2, 1, 3])
        XCTAssertEqual(x.unsqueeze(0).shape, [1, 2, 1, 3])
        XCTAssertEqual(x.unsqueeze(-1).shape, [2, 1, 3, 1])
        let e = x.expand(2, 4, 3)
        XCTAssertTrue(e.storage === x.storage)
        XCTAssertEqual(e[1, 3].toArray(), [3, 4, 5])
        let p = x.permute(2, 0, 1)
        XCTAssertEqual(p.shape, [3, 2, 1])
        XCTAssertEqual(p[2, 1, 0].item(), 5)
        XCTAssertEqual(x.flatten().shape, [6])
    }

    func testCompoundAssignmentOperatorsKeepStorage() {
        let x = Tensor([1.0, 2, 3, 4])
        let s = x.storage
        x += Tensor([1.0, 1, 1, 1]); x -= 0.5; x *= 2; x /= Tensor([1.0, 3, 5, 7])
        XCTAssertTrue(x.storage === s)
        assertClose(x, [3, 5.0 / 3, 7.0 / 5, 9.0 / 7])
        x.zero()
        XCTAssertEqual(x.toArray(), [0, 0, 0, 0])
        x.copy(from: Tensor([9.0]))
        XCTAssertEqual(x.toArray(), [9, 9, 9, 9])
    }

    func testInPlaceOnNonContiguousViewWritesTheRightElements() {
        let X = Tensor.zeros([3, 4])
        let column = X[..., 1]
        column += Tensor([1.0, 2, 3])
        XCTAssertEqual(X.toArray2D(), [[0, 1, 0, 0], [0, 2, 0, 0], [0, 3, 0, 0]])
        let T = X.T
        T *= 2
        XCTAssertEqual(X[..., 1].toArray(), [2, 4, 6])
    }

    func testAliasedInPlaceReadsOldValues() {
        let M = Tensor([[1.0, 2], [3, 4]])
        M += M.T
        XCTAssertEqual(M.toArray2D(), [[2, 5], [5, 8]])
        let v = Tensor.arange(5, dtype: .float32)
        v[1...] = v[..<4]
        XCTAssertEqual(v.toArray(), [0, 0, 1, 2, 3])
        let w = Tensor([1.0, 2])
        w += w
        XCTAssertEqual(w.toArray(), [2, 4])
    }

    func testCloneIsIndependent() {
        let a = Tensor([1.0, 2])
        let b = a.clone()
        b[0] = 5
        XCTAssertEqual(a.toArray(), [1, 2])
    }
}
