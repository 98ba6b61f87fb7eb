@testable import ChapterSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `chapter2 report --output DIR`, run as the reader runs it: the built program beside the tests.
final class Chapter2ReportTests: XCTestCase {
    func testChapter2ReportShowsEverySectionInOrderWithFiguresAndTheBooksValues() throws {
        // `swift build --build-tests` and `swift test` build the chapter programs into the same
        // folder as the test bundle.
        let program = currentExecutable().deletingLastPathComponent().appendingPathComponent("chapter2")
        guard FileManager.default.isExecutableFile(atPath: program.path) else {
            return XCTFail("\(program.path) is missing: run `swift build --build-tests` first")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chapter2-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = runChild(program, ["report", "--output", folder.path])
        XCTAssertEqual(run.ending, .finished, run.output)

        let html = try String(contentsOf: folder.appendingPathComponent("chapter2.html"), encoding: .utf8)
        let headings = ["§2.1 Data manipulation", "§2.2 Data preprocessing", "§2.3 Linear algebra",
                        "§2.4 Calculus", "§2.5 Automatic differentiation", "§2.6 Probability"]
        let positions = headings.compactMap { html.range(of: "<h2>\($0)</h2>")?.lowerBound }
        XCTAssertEqual(positions.count, headings.count, "every section has its heading")
        XCTAssertEqual(positions, positions.sorted(), "in the book's order")
        XCTAssertTrue(html.contains("tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11])"), "§2.1's output")
        XCTAssertTrue(html.contains("<svg"), "§2.4's tangent plot is inline")
        XCTAssertTrue(html.contains("✓"))
        XCTAssertFalse(html.contains("✗"), "chapter 2 reproduces all of its book values")
        XCTAssertNoThrow(try XMLDocument(data: Data(html.utf8), options: []))
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"chapter2.html\""))
    }
}
