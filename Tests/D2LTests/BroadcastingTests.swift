import XCTest
import D2L
import TestSupport

/// NumPy broadcasting in every binary operation (§2.1.3), and the matching sum-to-shape in
/// backward so that each input's gradient has the input's own shape.
final class BroadcastingTests: XCTestCase {
    func testBookExampleThreeByOnePlusOneByTwo() {
        let a = Tensor.arange(3).reshape(3, 1), b = Tensor.arange(2).reshape(1, 2)
        let c = a + b
        XCTAssertEqual(c.shape, [3, 2])
        XCTAssertEqual(c.dtype, .int64)
        XCTAssertEqual(c.toIntArray(), [0, 1, 1, 2, 2, 3])
    }

    func testShapesAlignFromTheRight() {
        // [2, 1, 4] + [3, 1] -> [2, 3, 4], with c[i, j, k] = a[i, 0, k] + b[j, 0].
        let a = Tensor.arange(0.0, 8.0).reshape(2, 1, 4)
        let b = Tensor([[0.0], [10], [20]])
        let c = a + b
        XCTAssertEqual(c.shape, [2, 3, 4])
        var expected: [Float] = []
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 { expected.append(Float(i * 4 + k + 10 * j)) } } }
        XCTAssertEqual(c.toArray(), expected)
        XCTAssertEqual((b * Tensor.ones([4])).shape, [3, 4])
        XCTAssertEqual((Tensor.ones([5, 1, 1]) - Tensor.ones([2, 1])).shape, [5, 2, 1])
    }

    func testEveryBinaryOperationBroadcasts() {
        let column = Tensor([[1.0], [2], [4]]), row = Tensor([1.0, 2])
        XCTAssertEqual((column - row).toArray2D(), [[0, -1], [1, 0], [3, 2]])
        XCTAssertEqual((column * row).toArray2D(), [[1, 2], [2, 4], [4, 8]])
        XCTAssertEqual((column / row).toArray2D(), [[1, 0.5], [2, 1], [4, 2]])
        XCTAssertEqual((column ** row).toArray2D(), [[1, 1], [2, 4], [4, 16]])
        XCTAssertEqual((column == row).toIntArray(), [1, 0, 0, 1, 0, 0])
        XCTAssertEqual(Tensor.maximum(column, row).toArray2D(), [[1, 2], [2, 2], [4, 4]])
        XCTAssertEqual(Tensor.minimum(column, row).toArray2D(), [[1, 1], [1, 2], [1, 2]])
        let picked = Tensor.where(Tensor([true, false]), column, Tensor(-1.0))
        XCTAssertEqual(picked.toArray2D(), [[1, -1], [2, -1], [4, -1]])
    }

    func testScalarAndZeroDimensionalOperands() {
        let x = Tensor([1.0, 2, 3])
        XCTAssertEqual((x + 1).toArray(), [2, 3, 4])
        XCTAssertEqual((1 + x).toArray(), [2, 3, 4])
        XCTAssertEqual((10 - x).toArray(), [9, 8, 7])
        XCTAssertEqual((x * Tensor(2.0)).toArray(), [2, 4, 6])
        XCTAssertEqual((6 / x).toArray(), [6, 3, 2])
        let lr: Float = 0.5
        XCTAssertEqual((x * lr).toArray(), [0.5, 1, 1.5])
        XCTAssertEqual((lr * x).toArray(), [0.5, 1, 1.5])
        XCTAssertEqual((x - lr).toArray(), [0.5, 1.5, 2.5])
        XCTAssertEqual((x + 1).dtype, .float32, "an integer literal does not turn reals into integers")
        XCTAssertEqual((Tensor(2.0) + Tensor(3.0)).shape, [])
    }

    func testNonContiguousOperandsBroadcast() {
        let m = Tensor.arange(0.0, 6.0).reshape(2, 3)
        XCTAssertEqual((m.T + Tensor([10.0, 20])).toArray2D(), [[10, 23], [11, 24], [12, 25]])
        let stepped = Tensor.arange(0.0, 8.0)[TensorIndex.stride(0..<8, by: 2)]
        XCTAssertEqual((stepped * stepped).toArray(), [0, 4, 16, 36])
        XCTAssertEqual((m[..., 1..<3] + m[0, 1..<3]).toArray2D(), [[2, 4], [5, 7]])
    }

    func testInPlaceUpdateBroadcastsARow() {
        let X = Tensor.zeros([3, 4])
        X += Tensor([1.0, 2, 3, 4])
        X *= Tensor([[1.0], [0], [2]])
        XCTAssertEqual(X.toArray2D(), [[1, 2, 3, 4], [0, 0, 0, 0], [2, 4, 6, 8]])
    }

    func testGradientsOfBroadcastInputsHaveTheirOwnShape() {
        let a = Tensor.full([2, 3], 2, requiresGrad: true)
        let b = Tensor([1.0, 2, 4], requiresGrad: true)
        let c = Tensor.ones([2, 1], requiresGrad: true)
        let s = Tensor(3.0, requiresGrad: true)
        ((a * b) + c - s).sum().backward()
        XCTAssertEqual(a.grad!.shape, [2, 3])
        XCTAssertEqual(a.grad!.toArray(), [1, 2, 4, 1, 2, 4])
        XCTAssertEqual(b.grad!.shape, [3])
        XCTAssertEqual(b.grad!.toArray(), [4, 4, 4], "each b[j] meets both rows of a, each 2")
        XCTAssertEqual(c.grad!.shape, [2, 1])
        XCTAssertEqual(c.grad!.toArray(), [3, 3])
        XCTAssertEqual(s.grad!.shape, [])
        XCTAssertEqual(s.grad!.item(), -6)
    }

    func testDivisionGradientOfABroadcastDenominatorIsSummed() {
        let a = Tensor([[1.0, 2], [3, 4]], requiresGrad: true)
        let d = Tensor([[2.0], [4]], requiresGrad: true)
        (a / d).sum().backward()
        XCTAssertEqual(d.grad!.shape, [2, 1])
        // d/dd Σⱼ a[i][j] / d[i] = −Σⱼ a[i][j] / d[i]²
        assertClose(d.grad!, [-3.0 / 4, -7.0 / 16], shape: [2, 1], atol: 1e-6, rtol: 1e-6)
        assertClose(a.grad!, [0.5, 0.5, 0.25, 0.25], shape: [2, 2], atol: 1e-6, rtol: 0)
    }

    func testLargeBroadcastSplitAcrossThreadsMatchesSmallLoop() {
        // Above the parallel threshold the work is split; every row must still be right.
        let rows = 1000, cols = 300  // 300 000 elements: over Kernels.parallelThreshold
        let m = Tensor.arange(rows * cols, dtype: .float32).reshape(rows, cols)
        let v = Tensor.arange(cols, dtype: .float32)
        let out = (m.T.contiguous().T + v).toArray()
        for r in [0, 1, 499, 500, 999] {
            for c in [0, 7, 299] {
                XCTAssertEqual(out[r * cols + c], Float(r * cols + c + c))
            }
        }
    }
}

/// Swift numbers meet tensors without ambiguity: literals become 0-d tensors, `Float`
/// variables use the disfavored `Float` overloads, and plain Swift arithmetic is unaffected.
final class ScalarOperandTests: XCTestCase {
    func testLiteralsAndFloatVariablesBothWork() {
        let x = Tensor([1.0, 2, 3])
        let scale: Float = 2, threshold: Float = 1.5
        x *= scale
        x -= 1
        XCTAssertEqual(x.toArray(), [1, 3, 5])
        XCTAssertEqual((x > threshold).toIntArray(), [0, 1, 1])
        XCTAssertEqual((x ** scale).toArray(), [1, 9, 25])
        XCTAssertEqual((x == 3).toIntArray(), [0, 1, 0])
        XCTAssertEqual((Tensor.arange(3) * 2).dtype, .int64)
        let values: [Float] = [1, 2, 3]
        XCTAssertEqual(values.reduce(0, +), 6)
    }
}
