import XCTest
import D2L
import TestSupport

/// NumPy broadcasting in every binary operation, and the matching sum-to-shape in backward.
final class BroadcastingTests: XCTestCase {
    func testShapesAlignFromTheRight() {
        let a = Tensor.ones([2, 1, 4]), b = Tensor.arange(3, dtype: .float32).reshape(3, 1)
        let c = a + b
        XCTAssertEqual(c.shape, [2, 3, 4])
        XCTAssertEqual(c[1, 2].toArray(), [3, 3, 3, 3])
        XCTAssertEqual((b * Tensor.ones([4])).shape, [3, 4])
    }

    func testScalarAndZeroDimensionalOperands() {
        let x = Tensor([1.0, 2, 3])
        XCTAssertEqual((x + 1).toArray(), [2, 3, 4])
        XCTAssertEqual((10 - x).toArray(), [9, 8, 7])
        XCTAssertEqual((x * Tensor(2.0)).toArray(), [2, 4, 6])
        let lr: Float = 0.5
        XCTAssertEqual((x * lr).toArray(), [0.5, 1, 1.5])
        XCTAssertEqual((Tensor(2.0) + Tensor(3.0)).shape, [])
    }

    func testNonContiguousOperandsBroadcast() {
        let m = Tensor.arange(6, dtype: .float32).reshape(2, 3)
        let sum = m.T + Tensor([10.0, 20])
        XCTAssertEqual(sum.toArray2D(), [[10, 23], [11, 24], [12, 25]])
        let stepped = Tensor.arange(8, dtype: .float32)[TensorIndex.stride(0..<8, by: 2)]
        XCTAssertEqual((stepped * stepped).toArray(), [0, 4, 16, 36])
    }

    func testGradientsOfBroadcastInputsHaveTheirOwnShape() {
        let a = Tensor.ones([2, 3], requiresGrad: true)
        let b = Tensor.ones([3], requiresGrad: true)
        let c = Tensor.ones([2, 1], requiresGrad: true)
        ((a * b) + c).sum().backward()
        XCTAssertEqual(a.grad!.shape, [2, 3])
        XCTAssertEqual(b.grad!.toArray(), [2, 2, 2])
        XCTAssertEqual(c.grad!.toArray(), [3, 3])
    }

    func testLargeBroadcastSplitAcrossThreadsMatchesSmallLoop() {
        // Above the parallel threshold the work is split; every row must still be right.
        let rows = 600, cols = 300
        let m = Tensor.arange(rows * cols, dtype: .float32).reshape(rows, cols)
        let v = Tensor.arange(cols, dtype: .float32)
        let out = (m.T.contiguous().T + v).toArray()
        for r in [0, 1, 299, 300, 599] {
            for c in [0, 7, 299] {
                XCTAssertEqual(out[r * cols + c], Float(r * cols + c + c))
            }
        }
    }
}

/// Integer and boolean tensors: exact values, PyTorch's result types.
final class DTypeTests: XCTestCase {
    func testIntegerArithmeticStaysIntegerAndDivisionIsReal() {
        let i = Tensor.arange(4)
        XCTAssertEqual((i + i).dtype, .int64)
        XCTAssertEqual((i * 2).dtype, .int64)
        XCTAssertEqual((i / 2).dtype, .float32)
        XCTAssertEqual((i / 2).toArray(), [0, 0.5, 1, 1.5])
        XCTAssertEqual((i + 0.5).dtype, .float32)
        XCTAssertEqual((i.float() + i).dtype, .float32)
    }

    func testComparisonsGiveBoolsThatSumToIntegers() {
        let x = Tensor([1.0, -2, 3, 0])
        let positive = x > 0
        XCTAssertEqual(positive.dtype, .bool)
        XCTAssertEqual(positive.description, "tensor([ True, False,  True, False])")
        XCTAssertEqual(positive.sum().dtype, .int64)
        XCTAssertEqual(positive.sum().intItem(), 2)
        XCTAssertEqual((x == x).toIntArray(), [1, 1, 1, 1])
    }

    func testIntegerTensorsRejectFractions() {
        XCTAssertEqual(Tensor([3, 1, 2]).toIntArray(), [3, 1, 2])
        XCTAssertEqual(Tensor([2.7, -1.2]).long().toIntArray(), [2, -1])
        XCTAssertEqual(Tensor([0.0, 3]).to(.bool).toIntArray(), [0, 1])
        XCTAssertEqual(Tensor.randint(0, 10, shape: [100]).dtype, .int64)
    }

    func testOnlyRealTensorsRecordGradients() {
        let x = Tensor([1.0, 2]).requiresGrad()
        XCTAssertTrue((x * 2).requiresGrad)
        XCTAssertFalse((x > 1).requiresGrad)
        XCTAssertFalse(x.argmax().requiresGrad)
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
