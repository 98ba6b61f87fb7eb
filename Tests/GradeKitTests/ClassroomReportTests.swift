import Foundation
import GradeKit
import XCTest

/// `grade --format classroom` on the recorded run: the result object GitHub Classroom's
/// autograding reporter decodes from base64 and adds up.
final class ClassroomReportTests: XCTestCase {
    func testACrashIsAFailedTestNotAnErrorOfTheRun() throws {
        let object = try jsonObject(ReportFormat.classroom.render(RecordedDeclarations.report()))
        XCTAssertEqual(object["version"] as? Int, 1)
        XCTAssertEqual(object["status"] as? String, "fail")
        XCTAssertEqual(object["max_score"] as? Int, 7)
        let tests = try jsonObjects(object, "tests")
        XCTAssertEqual(tests.map { $0["name"] as? String }, [
            "6.2.2 edges in the transposed image", "6.2.4 cross-correlation with a stride, from scratch",
            "6.3.1 the output-shape formula", "6.4.3 a 1×1 convolution is a matrix product",
            "6.5.1 average pooling with padding, from scratch", "6.6.1 a modern LeNet",
        ])
        XCTAssertEqual(tests.map { $0["status"] as? String }, ["fail", "fail", "pass", "fail", "fail", "fail"])
        XCTAssertEqual(tests.map { $0["score"] as? Int }, [0, 0, 1, 0, 0, 0])
        XCTAssertEqual(tests[3]["message"] as? String,
                       "crashed: matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)")
        XCTAssertEqual(tests[2]["message"] as? String, "")
        XCTAssertEqual(tests[0]["duration"] as? Double, 0.012)
        XCTAssertEqual(tests[3]["duration"] as? Double, 0)
    }

    func testBase64DecodesToTheSameResult() throws {
        let report = RecordedDeclarations.report()
        let encoded = ReportFormat.classroom.render(report, base64: true)
        XCTAssertFalse(encoded.contains("\n"), "a workflow output is one line")
        let data = try XCTUnwrap(Data(base64Encoded: encoded))
        XCTAssertEqual(try JSONDecoder().decode(ClassroomReport.self, from: data), ClassroomReport(report))
    }

    func testEveryExercisePassedIsAPass() {
        let graded = RecordedDeclarations.catalog.exercises.map {
            ExerciseResult(chapter: $0.chapterName, number: $0.id, name: $0.name, status: .passed)
        }
        let report = GradeReport(catalog: RecordedDeclarations.catalog, graded: graded)
        XCTAssertEqual(ClassroomReport(report).status, "pass")
        XCTAssertEqual(ClassroomReport(report).tests.map(\.score).reduce(0, +), 7)
    }

    func testABuildErrorIsAnErrorOfTheRun() {
        let result = ClassroomReport(RecordedDeclarations.buildFailure())
        XCTAssertEqual(result.status, "error")
        XCTAssertEqual(result.max_score, 7)
        XCTAssertEqual(result.tests[3].message,
                       "does not build: Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope")
    }
}
