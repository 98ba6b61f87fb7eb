import XCTest
import D2L
import TestSupport

/// flip along one or several axes, and clamp with broadcast tensor bounds, against hand values
/// and PyTorch, with finite-difference gradients.
final class FlipClampTests: XCTestCase {
    func testFlipReversesTheChosenAxes() {
        let m = Tensor.arange(0.0, 6.0).reshape(2, 3)
        XCTAssertEqual(m.flip(1).toArray2D(), [[2, 1, 0], [5, 4, 3]])
        XCTAssertEqual(m.flip(0).toArray2D(), [[3, 4, 5], [0, 1, 2]])
        XCTAssertEqual(m.flip([0, -1]).toArray2D(), [[5, 4, 3], [2, 1, 0]])
        XCTAssertEqual(m.T.flip(0).toArray2D(), [[2, 5], [1, 4], [0, 3]], "a strided input")
        let flipped = m.flip(1)
        XCTAssertFalse(flipped.storage === m.storage, "flip copies, as torch.flip")
        XCTAssertTrue(flipped.isContiguous)
        // An image batch [N, C, H, W] flipped left to right (§13.1).
        let images = Tensor.arange(0.0, 16.0).reshape(1, 2, 2, 4)
        XCTAssertEqual(images.flip(-1)[0, 1].toArray2D(), [[11, 10, 9, 8], [15, 14, 13, 12]])
        XCTAssertEqual(Tensor.arange(3).flip(0).toIntArray(), [2, 1, 0])
        XCTAssertEqual(Tensor.zeros([0, 3]).flip(0, 1).shape, [0, 3])
    }

    func testFlipGradient() {
        let x = sample([2, 3, 4], seed: 61)
        assertGradientsMatch([x]) { weigh($0[0].flip(2)) }
        assertGradientsMatch([x]) { weigh($0[0].flip(0, 1)) }
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 2).flip(1)) }
    }

    func testClampWithTensorBoundsMatchesPyTorch() {
        let x = Tensor([-2, 0.5, 3, 1]).requiresGrad(true)
        let lo = Tensor([-1, -1, 2, 1.5]).requiresGrad(true)
        let hi = Tensor([1, 1, 2.5, 1.2]).requiresGrad(true)
        let y = x.clamp(min: lo, max: hi)
        // torch.clamp(x, lo, hi) = [-1, 0.5, 2.5, 1.2]; where lo > hi the result is hi.
        XCTAssertEqual(y.toArray(), [-1, 0.5, 2.5, 1.2])
        y.backward(gradient: Tensor([1, 2, 3, 4]))
        // x.grad, lo.grad, hi.grad as PyTorch prints them.
        XCTAssertEqual(x.grad?.toArray(), [0, 2, 0, 0])
        XCTAssertEqual(lo.grad?.toArray(), [1, 0, 0, 0])
        XCTAssertEqual(hi.grad?.toArray(), [0, 0, 3, 4])
    }

    func testClampWithBroadcastBoundsAndOneSide() {
        let m = Tensor([[-3.0, 0, 3], [5, -5, 1]])
        let column = Tensor([[-1.0], [0]]), row = Tensor([2.0, 1, 0])
        XCTAssertEqual(m.clamp(min: column).toArray2D(), [[-1, 0, 3], [5, 0, 1]])
        XCTAssertEqual(m.clamp(max: row).toArray2D(), [[-3, 0, 0], [2, -5, 0]])
        XCTAssertEqual(m.clamp(min: column, max: row).toArray2D(), [[-1, 0, 0], [2, 0, 0]])
        XCTAssertEqual(Tensor([1.0]).clamp(min: row).shape, [3], "the bounds can widen the result")
        XCTAssertTrue(Tensor([Float.nan, 1]).clamp(min: Tensor([0.0, 2])).toArray()[0].isNaN)
        XCTAssertEqual(Tensor([1, 5]).clamp(max: Tensor([3])).dtype, .int64)
        // The Float family is unchanged: a literal still picks clamp(min: Float).
        XCTAssertEqual(m.clamp(min: 0).toArray2D(), [[0, 0, 3], [5, 0, 1]])
        XCTAssertEqual(m.clamp(min: 0).toArray2D(), m.clamp(min: Tensor(0.0)).toArray2D())
    }

    func testClampGradients() {
        let x = Tensor([[-1.5, -0.7, 0.4], [1.2, -2.0, 0.9]])
        let low = Tensor([[-1.0], [0.1]]), high = Tensor([0.3, 0.8, 1.1])
        assertGradientsMatch([x, low, high]) { weigh($0[0].clamp(min: $0[1], max: $0[2])) }
        assertGradientsMatch([x, low]) { weigh($0[0].clamp(min: $0[1])) }
        assertGradientsMatch([x, high]) { weigh($0[0].clamp(max: $0[1])) }
    }
}
