import Foundation
import GradeKit
import XCTest

/// The grading documentation stays true: CONTRIBUTING's JSON example decodes as the schema, and
/// the example course set-ups in docs/grading/ ask `grade` for formats it has.
final class GradingDocumentationTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func testTheDocumentedJSONExampleIsTheSchema() throws {
        let contributing = try text("CONTRIBUTING.md")
        let section = try XCTUnwrap(contributing.range(of: "**`json`**"), "CONTRIBUTING.md documents the json format")
        let block = try XCTUnwrap(contributing[section.upperBound...].firstMatch(of: #/```json\n([\s\S]*?)```/#))
        let example = try JSONDecoder().decode(JSONReport.self, from: Data(block.output.1.utf8))
        XCTAssertEqual(example.version, 1)
        XCTAssertEqual(example.exercises.first?.status, .failed)
        for status in ExerciseResult.Status.allCases {
            XCTAssertTrue(contributing.contains("| `\(status.rawValue)` |"), "CONTRIBUTING.md's status table lacks \(status.rawValue)")
        }
    }

    func testTheExampleSetUpsUseRealFormats() throws {
        let examples = ["docs/grading/classroom-autograding.yml": ReportFormat.classroom,
                        "docs/grading/run_autograder": ReportFormat.gradescope]
        for (path, format) in examples {
            let commands = try text(path).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
                .compactMap { $0.firstMatch(of: #/grade\b.*--format (\w+)(.*)/#) }
            XCTAssertEqual(commands.count, 1, "\(path) runs grade once, outside its comments")
            for command in commands {
                XCTAssertEqual(ReportFormat(rawValue: String(command.output.1)), format, path)
                XCTAssertTrue(command.output.2.contains("--output "), "\(path) writes the report to a file")
            }
        }
        XCTAssertTrue(try text("docs/grading/classroom-autograding.yml").contains("--base64"),
                      "the reporter decodes the result from base64")
    }
}
