import XCTest
import D2L
import TestSupport

/// Integer and boolean tensors: exact values, PyTorch's result types, and the promise that an
/// `int64` or `bool` tensor only ever holds whole numbers.
final class DTypeTests: XCTestCase {
    func testArangeIsInt64AndPrintsWithoutDecimalPoints() {
        let x = Tensor.arange(12)
        XCTAssertEqual(x.dtype, .int64)
        XCTAssertFalse(x.description.contains("."))
        XCTAssertEqual(Tensor([-3, 10]).description, "tensor([-3, 10])")
    }

    func testIntegerArithmeticStaysIntegerAndTrueDivisionIsReal() {
        let i = Tensor.arange(4)
        XCTAssertEqual((i + i).dtype, .int64)
        XCTAssertEqual((i - 1).dtype, .int64)
        XCTAssertEqual((i * 2).dtype, .int64)
        XCTAssertEqual((i * 2).description, "tensor([0, 2, 4, 6])")
        XCTAssertEqual((-i).dtype, .int64)
        XCTAssertEqual((i ** 2).dtype, .int64)
        XCTAssertEqual((i ** 2).toIntArray(), [0, 1, 4, 9])
        XCTAssertEqual((i / 2).dtype, .float32)
        XCTAssertEqual((i / 2).toArray(), [0, 0.5, 1, 1.5])
        XCTAssertEqual((i / Tensor([4, 3, 2, 1])).dtype, .float32)
        XCTAssertEqual((i + 0.5).dtype, .float32)
        XCTAssertEqual((i.float() + i).dtype, .float32)
        XCTAssertEqual(i.sum().dtype, .int64)
        XCTAssertEqual(i.abs().dtype, .int64)
    }

    func testComparisonsGiveBoolsPrintedTrueFalse() {
        let x = Tensor([1.0, -2, 3, 0])
        let positive = x > 0
        XCTAssertEqual(positive.dtype, .bool)
        XCTAssertEqual(positive.description, "tensor([ True, False,  True, False])")
        XCTAssertEqual((x == x).toIntArray(), [1, 1, 1, 1])
        XCTAssertEqual((x != 3).toIntArray(), [1, 1, 0, 1])
        XCTAssertEqual((x <= 0).toIntArray(), [0, 1, 0, 1])
        XCTAssertEqual((x >= 1).toIntArray(), [1, 0, 1, 0])
        XCTAssertEqual((x < -1).toIntArray(), [0, 1, 0, 0])
        let threshold: Float = 0.5
        XCTAssertEqual((x > threshold).toIntArray(), [1, 0, 1, 0])
    }

    func testSumOfBoolsIsAnInt64Count() {
        let mask = Tensor([1.0, -2, 3, 0]) > 0
        XCTAssertEqual(mask.sum().dtype, .int64)
        XCTAssertEqual(mask.sum().intItem(), 2)
        XCTAssertEqual(mask.sum().description, "tensor(2)")
        XCTAssertEqual((mask + mask).dtype, .int64)
    }

    func testIntegerTensorWorksAsAnIndex() {
        let X = Tensor.arange(0.0, 12.0).reshape(3, 4)
        let rows = Tensor([0, 2])
        XCTAssertEqual(X[rows].toArray2D(), [[0, 1, 2, 3], [8, 9, 10, 11]])
        XCTAssertEqual(X[Tensor.arange(3), Tensor([1, 1, 3])].toArray(), [1, 5, 11])
    }

    func testIntegerInPlaceUpdatesStayInteger() {
        let i = Tensor.arange(3)
        i += 1
        i *= 2
        XCTAssertEqual(i.dtype, .int64)
        XCTAssertEqual(i.toIntArray(), [2, 4, 6])
        i.fill(5)
        XCTAssertEqual(i.toIntArray(), [5, 5, 5])
    }

    func testOnlyRealTensorsRecordGradients() {
        let x = Tensor([1.0, 2]).requiresGrad()
        XCTAssertTrue((x * 2).requiresGrad)
        XCTAssertTrue((x * Tensor.arange(2)).requiresGrad)
        XCTAssertFalse((x > 1).requiresGrad)
        XCTAssertFalse(x.argmax().requiresGrad)
        XCTAssertFalse(x.to(.int64).requiresGrad)
    }

    // MARK: The whole-number promise: integer tensors never hold fractions

    /// PyTorch truncates a real written into an integer tensor: `i[0] = 2.5` stores 2.
    func testWritingARealIntoAnIntegerTensorKeepsItWhole() {
        let i = Tensor.arange(3)
        i[0] = 2.5
        assertWholeNumbers(i, "i[0] = 2.5")
        XCTAssertEqual(i.toArray(), [2, 1, 2])
        let j = Tensor.arange(3)
        j.copy(from: Tensor([0.5, 1.5, 2.5]))
        assertWholeNumbers(j, "copy(from:)")
        XCTAssertEqual(j.toArray(), [0, 1, 2])
    }

    /// `torch.clamp` of an integer tensor with a real bound is a real tensor; it must not be an
    /// `int64` tensor holding 0.5.
    func testClampOfAnIntegerTensorWithARealBoundHoldsNoFractionsAsInt64() {
        assertWholeNumbers(Tensor.arange(4).clamp(min: 0.5), "clamp(min: 0.5)")
        assertWholeNumbers(Tensor.arange(4).clamp(max: 1.5), "clamp(max: 1.5)")
    }
}
