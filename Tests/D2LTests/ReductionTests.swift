import XCTest
import D2L
import TestSupport

/// Reductions over all elements or chosen axes (§2.3.6): values, result dtypes and shapes,
/// checked against plain loops where the answer is not obvious.
final class ReductionTests: XCTestCase {
    private let M = Tensor([[3.0, -1, 4], [1, 5, -9], [2, 6, 5]])

    func testSumAndMeanAlongAxesMatchLoops() {
        let X = sample([2, 3, 4], seed: 31)
        let v = X.toArray()
        var overMiddle = [Float](repeating: 0, count: 8)
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { overMiddle[i * 4 + k] += v[i * 12 + j * 4 + k] } } }
        assertClose(X.sum(axis: 1), overMiddle, shape: [2, 4], atol: 1e-6, rtol: 1e-6)
        assertClose(X.mean(axis: 1), overMiddle.map { $0 / 3 }, shape: [2, 4], atol: 1e-6, rtol: 1e-6)
        var overOuter = [Float](repeating: 0, count: 3)
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { overOuter[j] += v[i * 12 + j * 4 + k] } } }
        assertClose(X.sum(axes: [0, 2]), overOuter, shape: [3], atol: 1e-5, rtol: 1e-6)
        XCTAssertEqual(X.sum(axis: -1).shape, [2, 3])
        XCTAssertEqual(X.sum(axes: nil).shape, [])
    }

    func testKeepDimsShapes() {
        let X = Tensor.ones([2, 3, 4])
        XCTAssertEqual(X.sum(axis: 0, keepDims: true).shape, [1, 3, 4])
        XCTAssertEqual(X.sum(axes: [0, 2], keepDims: true).shape, [1, 3, 1])
        XCTAssertEqual(X.sum(axes: nil, keepDims: true).shape, [1, 1, 1])
        XCTAssertEqual(X.mean(axis: 1, keepDims: true).shape, [2, 1, 4])
        XCTAssertEqual(X.mean(axes: [-1, 0]).shape, [3])
        XCTAssertEqual(X.max(axis: 2, keepDims: true).shape, [2, 3, 1])
        XCTAssertEqual(X.argmax(axis: 1, keepDims: true).shape, [2, 1, 4])
        XCTAssertEqual(X.prod(axis: 0, keepDims: true).shape, [1, 3, 4])
    }

    func testResultDtypes() {
        let i = Tensor.arange(4)
        XCTAssertEqual(i.sum().dtype, .int64)
        XCTAssertEqual(i.sum().description, "tensor(6)")
        XCTAssertEqual(i.mean().dtype, .float32, "mean of integers is real")
        XCTAssertEqual(i.mean().item(), 1.5)
        XCTAssertEqual(i.prod().dtype, .int64)
        XCTAssertEqual(i.max().dtype, .int64)
        XCTAssertEqual(i.cumsum(axis: 0).dtype, .int64)
        XCTAssertEqual(i.norm().dtype, .float32)
        let mask = Tensor([true, true, false])
        XCTAssertEqual(mask.sum().dtype, .int64)
        XCTAssertEqual(mask.sum().intItem(), 2)
        XCTAssertEqual(mask.cumsum(axis: 0).toIntArray(), [1, 2, 2])
    }

    func testMaxMinArgmaxArgmin() {
        XCTAssertEqual(M.max().item(), 6)
        XCTAssertEqual(M.min().item(), -9)
        XCTAssertEqual(M.max(axis: 1).toArray(), [4, 5, 6])
        XCTAssertEqual(M.min(axis: 0).toArray(), [1, -1, -9])
        XCTAssertEqual(M.max(axis: -1, keepDims: true).toArray2D(), [[4], [5], [6]])
        XCTAssertEqual(M.argmax().intItem(), 7)
        XCTAssertEqual(M.argmax().dtype, .int64)
        XCTAssertEqual(M.argmax().shape, [])
        XCTAssertEqual(M.argmin().intItem(), 5)
        XCTAssertEqual(M.argmax(axis: 1).toIntArray(), [2, 1, 1])
        XCTAssertEqual(M.argmax(axis: 1).dtype, .int64)
        XCTAssertEqual(M.argmin(axis: 0).toIntArray(), [1, 0, 1])
        XCTAssertEqual(M.argmin(axis: 0, keepDims: true).shape, [1, 3])
        XCTAssertEqual(Tensor([1.0, 3, 3]).argmax().intItem(), 1, "first index wins on ties")
        XCTAssertEqual(Tensor([2.0, 1, 1]).argmin().intItem(), 1, "first index wins on ties")
    }

    func testProdIncludingZerosAndAxes() {
        XCTAssertEqual(M.prod(axis: 0).toArray(), [6, -30, -180])
        XCTAssertEqual(M.prod(axis: 1).toArray(), [-12, -45, 60])
        XCTAssertEqual(Tensor([1.0, 2, 3, 4]).prod().item(), 24)
        XCTAssertEqual(Tensor([1.0, 0, 3]).prod().item(), 0)
        XCTAssertEqual(Tensor.arange(1, 5).prod().intItem(), 24)
    }

    func testCumsumAlongEachAxisOfACube() {
        let X = Tensor.arange(0.0, 24.0).reshape(2, 3, 4)
        let v = X.toArray()
        var expected = v
        for i in 0..<2 { for k in 0..<4 { for j in 1..<3 { expected[i * 12 + j * 4 + k] += expected[i * 12 + (j - 1) * 4 + k] } } }
        XCTAssertEqual(X.cumsum(axis: 1).toArray(), expected)
        XCTAssertEqual(X.cumsum(axis: -1)[1, 2].toArray(), [20, 41, 63, 86])
        XCTAssertEqual(X.cumsum(axis: 0)[1, 0].toArray(), [12, 14, 16, 18])
    }

    func testNorms() {
        XCTAssertEqual(Tensor([3.0, -4]).norm().item(), 5)
        XCTAssertEqual(Tensor([3.0, -4]).norm(p: 1).item(), 7)
        XCTAssertEqual(Tensor.ones([4, 9]).norm().item(), 6)
        XCTAssertEqual(Tensor([3, -4]).norm().item(), 5, "integer vectors have real norms")
        let x = sample([5, 7], seed: 32)
        let squares = x.toArray().map { Double($0) * Double($0) }.reduce(0, +)
        XCTAssertEqual(x.norm().item(), Float(squares.squareRoot()), accuracy: 1e-5)
    }

    func testSumOfManyElementsIsAccurate() {
        let n = 1_000_003
        let x = Tensor.full([n], 0.1)
        XCTAssertEqual(x.sum().item(), Float(Double(n) * Double(Float(0.1))), accuracy: 0.05)
        let m = Tensor.ones([1000, 700])
        XCTAssertEqual(m.sum(axis: 0).toArray(), [Float](repeating: 1000, count: 700))
        XCTAssertEqual(m.sum(axis: 1).toArray(), [Float](repeating: 700, count: 1000))
    }

    func testReductionsOfNonContiguousInputs() {
        XCTAssertEqual(M.T.sum(axis: 1).toArray(), [6, 10, 0])
        XCTAssertEqual(M.T.max(axis: 0).toArray(), [4, 5, 6])
        XCTAssertEqual(M.T.argmax(axis: 0).toIntArray(), [2, 1, 1])
        XCTAssertEqual(M.T.cumsum(axis: 1)[1].toArray(), [-1, 4, 10])
        XCTAssertEqual(M[..., 1..<3].prod(axis: 1).toArray(), [-4, -45, 30])
    }

    func testSumToShapeUndoesBroadcasting() {
        let g = Tensor.ones([2, 3, 4])
        XCTAssertEqual(g.sum(toShape: [3, 1]).toArray(), [8, 8, 8])
        XCTAssertEqual(g.sum(toShape: [1, 4]).toArray(), [6, 6, 6, 6])
        XCTAssertEqual(g.sum(toShape: []).item(), 24)
        XCTAssertTrue(g.sum(toShape: [2, 3, 4]) === g)
    }
}
