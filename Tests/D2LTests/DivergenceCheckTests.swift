import D2L
import XCTest

/// The divergence check that book-style loops call themselves (§3.2, §4.10, §6.2.4).
final class DivergenceCheckTests: XCTestCase {
    func testGrowthOverAHundredfoldStopsWithWhereAndTheRate() throws {
        var check = DivergenceCheck(learningRate: Double(Float(0.9)))
        try check.check(2.0, epoch: 0, batch: 0, of: 10)
        try check.check(199.0, epoch: 0, batch: 1, of: 10)
        XCTAssertEqual(check.firstLoss, 2.0)
        XCTAssertThrowsError(try check.check(201.0, epoch: 1, batch: 4, of: 10)) { error in
            XCTAssertEqual("\(error)", "training diverged in epoch 2, batch 5 of 10: loss 201.000 is over 100× the "
                           + "first batch's 2.000 with lr 0.9; try a smaller learning rate")
        }
    }

    func testTensorLossIsCheckedByItsMeanAndInfinityIsNamed() throws {
        var check = DivergenceCheck()
        try check.check(Tensor([1.0, 3.0]), epoch: 0, batch: 0, of: 1)
        XCTAssertEqual(check.firstLoss, 2.0)
        XCTAssertThrowsError(try check.check(Tensor([1.0, Float.infinity]), epoch: 0, batch: 0, of: 1)) { error in
            XCTAssertTrue("\(error)".contains("batch 1 of 1: loss is inf; try"), "\(error)")
        }
        var first = DivergenceCheck(learningRate: 1e38)
        XCTAssertThrowsError(try first.check(-Double.nan, epoch: 0, batch: 0, of: 3)) { error in
            guard var diverged = error as? TrainingDiverged else { return XCTFail("threw \(error)") }
            diverged.hint = "the book uses --lr 0.1 for this section"
            XCTAssertEqual("\(diverged)", "training diverged in epoch 1, batch 1 of 3: loss is nan with lr 1e+38; "
                           + "try a smaller learning rate; the book uses --lr 0.1 for this section")
        }
    }
}
