import D2L
import Foundation
import TestSupport
import XCTest

/// A grader's message names the input and the element, so a student sees which case is wrong.
final class GraderMessageTests: XCTestCase {
    func testHuberMessageNamesSigmaTheResidualAndTheElement() throws {
        // Forgets to divide the quadratic part by σ: right for σ = 1, wrong for σ = 0.5.
        let forgetsSigma: (Tensor, Tensor, Float) throws -> Tensor = { yHat, y, sigma in
            let d = (yHat - y).abs()
            return Tensor.where(d > sigma, d - sigma / 2, d * d / 2)
        }
        let failures = try Chapter3Graders.huberLoss.check(forgetsSigma)
        XCTAssertEqual(failures, ["σ = 0.5, d = 0.5: at [1] should be 0.25, got 0.125 (2 of 5 elements wrong)"])
    }

    func testMismatchGivesTheMultiDimensionalIndexAndTheInput() throws {
        let expected = Tensor([[1.0, 2, 3], [4, 5, 6]])
        let actual = Tensor([[1.0, 2, 3], [4, 5, 7]])
        let message = mismatch(actual, expected, context: "A of shape [2, 3]", inputs: [("A", expected - 1)])
        XCTAssertEqual(message, "A of shape [2, 3], A = 5.0: at [1, 2] should be 6.0, got 7.0 (1 of 6 elements wrong)")
        XCTAssertNil(mismatch(expected, expected, context: "same"))
        XCTAssertEqual(mismatch(Tensor(1.0), Tensor(2.0), context: "a scalar"), "a scalar: should be 2.0, got 1.0")
        XCTAssertEqual(mismatch(Tensor([Float.nan]), Tensor([0.0]), context: "x"), "x: at [0] should be 0.0, got nan")
        XCTAssertEqual(mismatch(Tensor([1.0]), expected, context: "x"), "x: expected shape [2, 3], got [1]")
    }

    func testMultiIndexIsRowMajor() {
        XCTAssertEqual(multiIndex(5, shape: [2, 3]), [1, 2])
        XCTAssertEqual(multiIndex(0, shape: [2, 3]), [0, 0])
        XCTAssertEqual(multiIndex(23, shape: [2, 3, 4]), [1, 2, 3])
        XCTAssertEqual(multiIndex(0, shape: []), [])
    }
}
