import ArgumentParser
import ChapterSupport
import XCTest

/// Made-up book settings, distinct from every section's, so a test sees whose defaults it got.
private enum SmallBook: BookTrainingDefaults {
    static let epochs = 7, lr: Float = 0.25, batchSize = 32
}

final class TrainingOptionsTests: XCTestCase {
    /// Parses `arguments` and returns the usage message ArgumentParser would print, or fails.
    private func rejection(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let options = try TrainingOptions<SmallBook>.parse(arguments)
            XCTFail("\(arguments) was accepted: epochs \(options.epochs), lr \(options.lr)", file: file, line: line)
            return ""
        } catch {
            XCTAssertEqual(TrainingOptions<SmallBook>.exitCode(for: error), .validationFailure,
                           "\(arguments) should be a usage error", file: file, line: line)
            return TrainingOptions<SmallBook>.message(for: error)
        }
    }

    func testDefaultsAreTheSectionsOwn() throws {
        let options = try TrainingOptions<SmallBook>.parse([])
        XCTAssertEqual(options.epochs, 7)
        XCTAssertEqual(options.lr, 0.25)
        XCTAssertEqual(options.batchSize, 32)
        XCTAssertEqual(options.seed, 0)
    }

    func testHelpShowsTheSectionsDefaults() {
        let help = TrainingOptions<SmallBook>.helpMessage()
        XCTAssertTrue(help.contains("(default: 7)"), help)
        XCTAssertTrue(help.contains("(default: 0.25)"), help)
        XCTAssertTrue(help.contains("(default: 32)"), help)
    }

    func testGoodValuesAreAccepted() throws {
        let options = try TrainingOptions<SmallBook>.parse(["--epochs", "1", "--lr", "1e-3", "--batch-size", "1", "--seed", "42"])
        XCTAssertEqual(options.epochs, 1)
        XCTAssertEqual(options.lr, 1e-3)
        XCTAssertEqual(options.batchSize, 1)
        XCTAssertEqual(options.seed, 42)
    }

    func testNonPositiveEpochsAreRejectedByName() {
        XCTAssertEqual(rejection(["--epochs", "-1"]), "--epochs must be at least 1, got -1")
        XCTAssertEqual(rejection(["--epochs", "0"]), "--epochs must be at least 1, got 0")
    }

    func testLearningRateMustBePositiveAndFinite() {
        XCTAssertEqual(rejection(["--lr", "-1"]), "--lr must be a positive finite number, got -1.0")
        XCTAssertEqual(rejection(["--lr", "0"]), "--lr must be a positive finite number, got 0.0")
        XCTAssertEqual(rejection(["--lr", "nan"]), "--lr must be a positive finite number, got nan")
        XCTAssertEqual(rejection(["--lr", "inf"]), "--lr must be a positive finite number, got inf")
        XCTAssertEqual(rejection(["--lr=-inf"]), "--lr must be a positive finite number, got -inf")
    }

    func testEmptyBatchesAreRejectedByName() {
        XCTAssertEqual(rejection(["--batch-size", "0"]), "--batch-size must be at least 1, got 0")
    }

    func testANumberThatIsNotOneIsStillAParseError() {
        XCTAssertTrue(rejection(["--epochs", "ten"]).contains("--epochs"))
    }
}

final class OptionChecksTests: XCTestCase {
    func testAtLeastAcceptsTheMinimumAndRejectsBelowIt() throws {
        XCTAssertNoThrow(try OptionChecks.atLeast(2, 2, option: "--k"))
        XCTAssertThrowsError(try OptionChecks.atLeast(2, 1, option: "--k")) { error in
            XCTAssertEqual((error as? ValidationError)?.message, "--k must be at least 2, got 1")
        }
    }

    func testNonNegativeFiniteAcceptsZeroButNotNegativeOrInfinite() {
        XCTAssertNoThrow(try OptionChecks.nonNegativeFinite(0, option: "--weight-decay"))
        XCTAssertThrowsError(try OptionChecks.nonNegativeFinite(-0.5, option: "--weight-decay")) { error in
            XCTAssertEqual((error as? ValidationError)?.message, "--weight-decay must be a finite number of at least 0, got -0.5")
        }
        XCTAssertThrowsError(try OptionChecks.nonNegativeFinite(.infinity, option: "--weight-decay"))
        XCTAssertThrowsError(try OptionChecks.nonNegativeFinite(.nan, option: "--weight-decay"))
    }
}
