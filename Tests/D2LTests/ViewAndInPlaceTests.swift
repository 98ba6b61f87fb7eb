import XCTest
import D2L
import TestSupport

/// Views share storage with their source, so writing through one changes the other; in-place
/// operations keep the storage (§2.1.5 "saving memory").
final class ViewAndInPlaceTests: XCTestCase {
    // MARK: Views share storage

    func testReshapeSliceAndTransposeWriteThroughToTheOriginal() {
        let x = Tensor.arange(0.0, 12.0)
        let X = x.reshape(3, 4)
        XCTAssertTrue(X.storage === x.storage)
        X[1, 1] = 100
        XCTAssertEqual(x[5].item(), 100)
        let row = X[2]
        XCTAssertTrue(row.storage === x.storage)
        row.fill(-1)
        XCTAssertEqual(x[8..<12].toArray(), [-1, -1, -1, -1])
        let T = X.T
        XCTAssertTrue(T.storage === x.storage)
        XCTAssertFalse(T.isContiguous)
        XCTAssertEqual(T.strides, [1, 4])
        T[0, 1] = 7
        XCTAssertEqual(X[1, 0].item(), 7)
    }

    func testOtherViewsShareStorageToo() {
        let x = Tensor.arange(0.0, 6.0).reshape(2, 1, 3)
        let views: [(String, Tensor)] = [
            ("flatten", x.flatten()), ("squeeze", x.squeeze()), ("unsqueeze", x.unsqueeze(0)),
            ("permute", x.permute(2, 0, 1)), ("transpose", x.transpose(0, 2)), ("expand", x.expand(2, 4, 3)),
            ("narrow", x.narrow(2, start: 1, length: 2)), ("split", x.split(1, dim: 0)[1]),
            ("chunk", x.chunk(3, dim: 2)[2]), ("column", x[..., 0, 1]), ("detach", x.detach()),
            ("stride", x[0, 0, TensorIndex.stride(0..<3, by: 2)]), ("reshape(as:)", x.reshape(as: Tensor.zeros([3, 2]))),
        ]
        for (name, view) in views {
            XCTAssertTrue(view.storage === x.storage, "\(name) should be a view")
        }
        x.narrow(2, start: 1, length: 2).fill(9)
        XCTAssertEqual(x.toArray(), [0, 9, 9, 3, 9, 9])
        x.detach()[0, 0, 0] = 5
        XCTAssertEqual(x[0, 0, 0].item(), 5, "a detached tensor shares its values, as in PyTorch")
    }

    func testSqueezeUnsqueezeExpandPermuteShapes() {
        let x = Tensor.arange(0.0, 6.0).reshape(2, 1, 3)
        XCTAssertEqual(x.squeeze().shape, [2, 3])
        XCTAssertEqual(x.squeeze(1).shape, [2, 3])
        XCTAssertEqual(x.squeeze(0).shape, [2, 1, 3], "an axis longer than 1 stays")
        XCTAssertEqual(x.unsqueeze(0).shape, [1, 2, 1, 3])
        XCTAssertEqual(x.unsqueeze(-1).shape, [2, 1, 3, 1])
        let e = x.expand(2, 4, 3)
        XCTAssertEqual(e[1, 3].toArray(), [3, 4, 5])
        XCTAssertEqual(Tensor([1.0, 2]).expand(3, 2).toArray2D(), [[1, 2], [1, 2], [1, 2]])
        let p = x.permute(2, 0, 1)
        XCTAssertEqual(p.shape, [3, 2, 1])
        XCTAssertEqual(p[2, 1, 0].item(), 5)
        XCTAssertEqual(x.flatten().shape, [6])
        XCTAssertEqual(x.flatten(startDim: 1).shape, [2, 3])
        XCTAssertEqual(Tensor.zeros([2, 3, 4, 5]).flatten(startDim: 1, endDim: 2).shape, [2, 12, 5])
        XCTAssertEqual(Tensor(2.0).flatten().shape, [1])
    }

    // MARK: Copies

    func testContiguousCopiesOnlyWhenNeeded() {
        let X = Tensor.arange(0.0, 6.0).reshape(2, 3)
        XCTAssertTrue(X.contiguous() === X)
        let C = X.T.contiguous()
        XCTAssertFalse(C.storage === X.storage)
        XCTAssertTrue(C.isContiguous)
        XCTAssertEqual(C.toArray(), [0, 3, 1, 4, 2, 5])
        C[0, 0] = 100
        XCTAssertEqual(X[0, 0].item(), 0, "the copy is independent")
    }

    func testReshapeOfANonContiguousViewCopies() {
        let X = Tensor.arange(0.0, 6.0).reshape(2, 3)
        let flat = X.T.reshape(-1)
        XCTAssertEqual(flat.toArray(), [0, 3, 1, 4, 2, 5])
        XCTAssertFalse(flat.storage === X.storage)
    }

    func testCloneIsIndependent() {
        let a = Tensor([1.0, 2])
        let b = a.clone()
        XCTAssertFalse(a.storage === b.storage)
        b[0] = 5
        XCTAssertEqual(a.toArray(), [1, 2])
    }

    // MARK: In-place updates keep storage

    func testCompoundAssignmentOperatorsKeepStorage() {
        let x = Tensor([1.0, 2, 3, 4])
        let s = x.storage
        x += Tensor([1.0, 1, 1, 1]); x -= 0.5; x *= 2; x /= Tensor([1.0, 3, 5, 7])
        XCTAssertTrue(x.storage === s)
        assertClose(x, [3, 5.0 / 3, 7.0 / 5, 9.0 / 7], shape: [4], atol: 0, rtol: 1e-6)
    }

    func testSliceAssignmentCopyAndZeroKeepStorage() {
        let X = Tensor.arange(0.0, 4.0), Y = Tensor.ones([4])
        let Z = Tensor.zerosLike(Y)
        let zStorage = Z.storage
        Z[...] = X + Y
        XCTAssertTrue(Z.storage === zStorage)
        XCTAssertEqual(Z.toArray(), [1, 2, 3, 4])
        Z.copy(from: X * 2)
        XCTAssertTrue(Z.storage === zStorage)
        XCTAssertEqual(Z.toArray(), [0, 2, 4, 6])
        Z.copy(from: Tensor(9.0))
        XCTAssertEqual(Z.toArray(), [9, 9, 9, 9], "copy(from:) broadcasts its source")
        Z.zero()
        XCTAssertTrue(Z.storage === zStorage)
        XCTAssertEqual(Z.toArray(), [0, 0, 0, 0])
    }

    func testZeroOfAViewClearsOnlyTheView() {
        let X = Tensor.ones([3, 4])
        X[..., 1].zero()
        X[TensorIndex.stride(0..<3, by: 2), 3].zero()
        XCTAssertEqual(X.toArray2D(), [[1, 0, 1, 0], [1, 0, 1, 1], [1, 0, 1, 0]])
    }

    func testInPlaceOnNonContiguousViewWritesTheRightElements() {
        let X = Tensor.zeros([3, 4])
        let column = X[..., 1]
        column += Tensor([1.0, 2, 3])
        XCTAssertEqual(X.toArray2D(), [[0, 1, 0, 0], [0, 2, 0, 0], [0, 3, 0, 0]])
        let T = X.T
        T *= 2
        XCTAssertEqual(X[..., 1].toArray(), [2, 4, 6])
        let v = Tensor.arange(0.0, 8.0)
        v[TensorIndex.stride(0..<8, by: 2)] += 10
        XCTAssertEqual(v.toArray(), [10, 1, 12, 3, 14, 5, 16, 7])
        X[0] += 1
        XCTAssertEqual(X[0].toArray(), [1, 3, 1, 1])
    }

    func testAliasedInPlaceReadsOldValues() {
        let M = Tensor([[1.0, 2], [3, 4]])
        M += M.T
        XCTAssertEqual(M.toArray2D(), [[2, 5], [5, 8]])
        let N = Tensor([[1.0, 2], [3, 4]])
        N.T.copy(from: N)
        XCTAssertEqual(N.toArray2D(), [[1, 3], [2, 4]], "the transpose is read before it is overwritten")
        let v = Tensor.arange(0.0, 5.0)
        v[1...] = v[..<4]
        XCTAssertEqual(v.toArray(), [0, 0, 1, 2, 3])
        let w = Tensor([1.0, 2])
        w += w
        XCTAssertEqual(w.toArray(), [2, 4])
        let r = Tensor([1.0, 2, 3])
        r *= r[0]
        XCTAssertEqual(r.toArray(), [1, 2, 3])
        let q = Tensor([2.0, 2, 3])
        q /= q[0]
        XCTAssertEqual(q.toArray(), [1, 1, 1.5], "the divisor is read before the first element changes")
    }
}
