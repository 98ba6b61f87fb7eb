import Foundation
import GradeKit
import XCTest

/// `grade --format gradescope` on the recorded run: the fields Gradescope's autograder reads
/// from results.json.
final class GradescopeReportTests: XCTestCase {
    func testTestsCarryScoresStatusesAndMessages() throws {
        let object = try jsonObject(ReportFormat.gradescope.render(RecordedDeclarations.report()))
        XCTAssertEqual(object["score"] as? Int, 1)
        XCTAssertEqual(object["execution_time"] as? Int, 3, "whole seconds, rounded up")
        XCTAssertEqual(object["output"] as? String, "1 of 7 points: 1 of 6 exercises passed, 2 failed, 3 not attempted")
        let tests = try jsonObjects(object, "tests")
        XCTAssertEqual(tests.map { $0["number"] as? String }, ["6.2.2", "6.2.4", "6.3.1", "6.4.3", "6.5.1", "6.6.1"])
        XCTAssertEqual(tests.map { $0["status"] as? String }, ["failed", "failed", "passed", "failed", "failed", "failed"])
        XCTAssertEqual(tests.map { $0["score"] as? Int }, [0, 0, 1, 0, 0, 0])
        XCTAssertEqual(tests.map { $0["max_score"] as? Int }, [1, 1, 1, 2, 1, 1])
        XCTAssertEqual(tests.map { $0["visibility"] as? String }, Array(repeating: "visible", count: 6))
        XCTAssertEqual(tests[0]["name"] as? String, "6.2.2 edges in the transposed image")
        XCTAssertEqual(tests[0]["output"] as? String, """
            corr2d(X.T, K): expected shape [7, 6], got [8, 5]
            hint: §6.2.3: transpose the "image", not the kernel
            """)
        XCTAssertEqual(tests[1]["output"] as? String, "not attempted yet")
        XCTAssertEqual(tests[2]["output"] as? String, "passed")
        XCTAssertEqual(tests[3]["output"] as? String,
                       "crashed: matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)")
        XCTAssertEqual(tests[3]["tags"] as? [String], ["chapter6", "crashed"])
        XCTAssertEqual(tests.map { $0["score"] as? Int ?? -1 }.reduce(0, +), object["score"] as? Int)
    }

    func testItDecodesAsTheReportItCameFrom() throws {
        let report = GradescopeReport(RecordedDeclarations.report())
        XCTAssertEqual(try JSONDecoder().decode(GradescopeReport.self, from: Data(report.text.utf8)), report)
    }

    func testABuildErrorFailsEveryTestAndIsShownAboveThem() throws {
        let object = try jsonObject(ReportFormat.gradescope.render(RecordedDeclarations.buildFailure()))
        XCTAssertEqual(object["score"] as? Int, 0)
        XCTAssertEqual(object["output"] as? String, """
            0 of 7 points: 0 of 6 exercises passed, 6 failed, 0 not attempted
            the code does not build, so no exercise was graded:
              Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope
              Tests/Chapter6Tests/Chapter6Exercises.swift:3:5: error: extra argument in call
            """)
        let tests = try jsonObjects(object, "tests")
        XCTAssertEqual(Set(tests.map { $0["status"] as? String }), ["failed"])
        XCTAssertEqual(tests[3]["output"] as? String,
                       "does not build: Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope")
    }
}
