import Foundation
import GradeKit
import XCTest

/// `grade --format json` on the recorded run: every exercise with its status, points, message,
/// hint and time, read back with `JSONDecoder` and field by field.
final class JSONReportTests: XCTestCase {
    func testEveryExerciseIsThereWithItsStatusAndPoints() throws {
        let text = ReportFormat.json.render(RecordedDeclarations.report())
        let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(text.utf8))
        XCTAssertEqual(decoded.version, 1)
        XCTAssertEqual(decoded.pointsEarned, 1)
        XCTAssertEqual(decoded.pointsPossible, 7)
        XCTAssertEqual(decoded.buildErrors, [])
        XCTAssertNil(decoded.problem)
        XCTAssertEqual(decoded.exercises.map(\.id), ["6.2.2", "6.2.4", "6.3.1", "6.4.3", "6.5.1", "6.6.1"])
        XCTAssertEqual(decoded.exercises.map(\.status), [.failed, .notAttempted, .passed, .crashed, .notAttempted, .notAttempted])
        XCTAssertEqual(decoded.exercises.map(\.pointsEarned), [0, 0, 1, 0, 0, 0])
        XCTAssertEqual(decoded.exercises.map(\.pointsPossible), [1, 1, 1, 2, 1, 1])
        XCTAssertEqual(decoded.exercises.map(\.chapter), [6, 6, 6, 6, 6, 6])
        XCTAssertEqual(decoded.exercises[0].title, "edges in the transposed image")
        XCTAssertEqual(decoded.exercises[0].message, "corr2d(X.T, K): expected shape [7, 6], got [8, 5]")
        XCTAssertEqual(decoded.exercises[0].hint, #"§6.2.3: transpose the "image", not the kernel"#)
        XCTAssertEqual(decoded.exercises[0].time, 0.012)
        XCTAssertEqual(decoded.exercises[3].message, "matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)")
        XCTAssertNil(decoded.exercises[3].time, "a crashed test has no time")
        XCTAssertEqual(decoded.exercises[2].message, "")
    }

    func testFieldNamesAndStatusWordsAreTheDocumentedOnes() throws {
        let object = try jsonObject(ReportFormat.json.render(RecordedDeclarations.report()))
        XCTAssertEqual(Set(object.keys), ["version", "pointsEarned", "pointsPossible", "time", "buildErrors", "exercises"])
        let exercises = try jsonObjects(object, "exercises")
        XCTAssertEqual(exercises.map { $0["status"] as? String },
                       ["failed", "not attempted", "passed", "crashed", "not attempted", "not attempted"])
        XCTAssertEqual(Set(exercises[0].keys),
                       ["id", "chapter", "title", "status", "pointsEarned", "pointsPossible", "message", "hint", "time"])
    }

    func testABuildErrorNamesTheFileAndLine() throws {
        let decoded = try JSONDecoder().decode(JSONReport.self,
                                               from: Data(ReportFormat.json.render(RecordedDeclarations.buildFailure()).utf8))
        XCTAssertEqual(decoded.buildErrors.map(\.file), ["Exercises/Chapter6/Chapter6.swift", "Tests/Chapter6Tests/Chapter6Exercises.swift"])
        XCTAssertEqual(decoded.buildErrors.map(\.line), [9, 3])
        XCTAssertEqual(decoded.buildErrors.map(\.column), [44, 5])
        XCTAssertEqual(decoded.buildErrors.map(\.message), ["cannot find 'W' in scope", "extra argument in call"])
        XCTAssertEqual(decoded.pointsEarned, 0)
        XCTAssertTrue(decoded.exercises.allSatisfy { $0.status == .failed })
        XCTAssertEqual(decoded.exercises[3].message,
                       "does not build: Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope")
        XCTAssertEqual(decoded.exercises[0].message,
                       "not graded: the code does not build (Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope)")
    }
}
