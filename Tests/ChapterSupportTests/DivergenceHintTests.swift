import ArgumentParser
import ChapterSupport
import D2L
import XCTest

/// Made-up book settings for the hint.
private enum HintBook: BookTrainingDefaults {
    static let epochs = 3, lr: Float = 0.9, batchSize = 16
}

private struct Unrelated: Error, Equatable {}

final class DivergenceHintTests: XCTestCase {
    /// A `TrainingDiverged` as a loop throws it: the loss turned NaN on the third batch.
    private func diverge() throws -> Int {
        var check = DivergenceCheck(learningRate: 1000)
        try check.check(2.3, epoch: 0, batch: 0, of: 235)
        try check.check(.nan, epoch: 0, batch: 2, of: 235)
        return 0
    }

    func testDivergedRunNamesTheBooksLearningRateAndFails() throws {
        let options = try TrainingOptions<HintBook>.parse(["--lr", "1000"])
        XCTAssertThrowsError(try options.explainingDivergence { try diverge() }) { error in
            XCTAssertEqual(TrainingOptions<HintBook>.exitCode(for: error), .failure)
            XCTAssertEqual(TrainingOptions<HintBook>.message(for: error),
                           "training diverged in epoch 1, batch 3 of 235: loss is nan with lr 1000; "
                           + "try a smaller learning rate; the book uses --lr 0.9 for this section")
        }
        XCTAssertThrowsError(try explainingDivergence(bookLR: 0.003, option: "lr") { try diverge() }) { error in
            XCTAssertTrue("\(error)".hasSuffix("; the book uses lr 0.003 for this section"), "\(error)")
        }
    }

    func testOtherErrorsAndResultsPassThrough() throws {
        let options = try TrainingOptions<HintBook>.parse([])
        XCTAssertEqual(options.explainingDivergence { 42 }, 42)
        XCTAssertThrowsError(try options.explainingDivergence { () throws -> Int in throw Unrelated() }) { error in
            XCTAssertEqual(error as? Unrelated, Unrelated())
        }
    }
}
