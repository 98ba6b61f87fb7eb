import GradeKit
import XCTest

/// The one model the printers share: every declared exercise, completed from its declaration.
final class GradeReportTests: XCTestCase {
    func testResultsTakeTitlesPointsAndHintsFromTheCatalog() {
        let report = RecordedDeclarations.report()
        XCTAssertEqual(report.results.map(\.number), ["6.2.2", "6.2.4", "6.3.1", "6.4.3", "6.5.1", "6.6.1"])
        XCTAssertEqual(report.results[3].points, 2)
        XCTAssertEqual(report.results[3].status, .crashed)
        XCTAssertEqual(report.score, 1)
        XCTAssertEqual(report.maxScore, 7)
        XCTAssertFalse(report.isError)
        XCTAssertEqual(report.results[0].feedback(), """
            corr2d(X.T, K): expected shape [7, 6], got [8, 5]
            hint: §6.2.3: transpose the "image", not the kernel
            """)
    }

    func testAnExerciseTheRunNeverReachedFailsWithTheReason() {
        let graded = [ExerciseResult(chapter: "Chapter6", number: "6.3.1", name: "OutputLength", status: .passed),
                      ExerciseResult(chapter: "Chapter6", number: "6.9", name: "Undeclared", status: .passed)]
        let report = GradeReport(catalog: RecordedDeclarations.catalog, graded: graded, problem: "swift test stopped")
        XCTAssertEqual(report.results.count, 7, "the undeclared exercise is kept, after the declared ones")
        XCTAssertEqual(report.results[0].status, .failed)
        XCTAssertEqual(report.results[0].message, "not graded: its test did not run (swift test stopped)")
        XCTAssertEqual(report.results[6].title, "Undeclared")
        XCTAssertEqual(report.score, 2)
    }

    func testTheTableShowsPointsHintsAndBuildErrors() {
        let table = scoreTable(RecordedDeclarations.report())
        XCTAssertTrue(table.contains("""
              6.2.2 TransposedEdgeKernel        0/1  FAILED  corr2d(X.T, K): expected shape [7, 6], got [8, 5]  \
            hint: §6.2.3: transpose the "image", not the kernel
            """), table)
        XCTAssertTrue(table.contains("  6.4.3 Conv1x1                     0/2  FAILED  crashed: matmul"), table)
        XCTAssertTrue(table.hasSuffix("attempted 3 of 6, passed 1, failed 2; 1 of 7 points"), table)
        XCTAssertTrue(scoreTable(RecordedDeclarations.buildFailure()).hasPrefix("""
            the code does not build, so no exercise was graded:
              Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope
            """))
    }
}
