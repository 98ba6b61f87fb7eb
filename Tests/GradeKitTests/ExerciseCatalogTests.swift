import Foundation
@testable import GradeKit
import XCTest

/// `grade --list`: exercises read from the stubs, tests and graders, and the package's own
/// exercises checked against the book's numbering.
final class ExerciseCatalogTests: XCTestCase {
    func testIdsTitlesPointsAndHintsAreReadFromTheirDeclarations() {
        let exercises = RecordedDeclarations.catalog.exercises
        XCTAssertEqual(exercises.map(\.id), ["6.2.2", "6.2.4", "6.3.1", "6.4.3", "6.5.1", "6.6.1"])
        XCTAssertEqual(exercises.map(\.points), [1, 1, 1, 2, 1, 1], "6.4.3's grader spans two lines and sets 2 points")
        XCTAssertEqual(exercises[0].hint, #"§6.2.3: transpose the "image", not the kernel"#)
        XCTAssertEqual(exercises[1].hint, nil)
        XCTAssertEqual(exercises[1].title, "cross-correlation with a stride, from scratch")
        XCTAssertEqual(exercises[5].name, "LeNetWithMaxPoolingAndReLU")
        XCTAssertEqual(exercises[3].file, "Exercises/Chapter6/Chapter6.swift")
        XCTAssertEqual(exercises[3].line, 8)
    }

    func testASectionExerciseSortsBeforeItsSubsectionsAndTheNoteIsDropped() {
        let stubs = """
            /// Exercise 3.10.1 — late.
            /// Exercise 3.1.2 — the analytic solution.
            /// Exercise 3.1 (vectorization) — all pairwise squared distances without loops.
            """
        let catalog = ExerciseCatalog(chapter: 3, stubs: [("Exercises/Chapter3/A.swift", stubs)], tests: [])
        XCTAssertEqual(catalog.exercises.map(\.id), ["3.1", "3.1.2", "3.10.1"])
        XCTAssertEqual(catalog.exercises[0].title, "all pairwise squared distances without loops")
        XCTAssertEqual(catalog.exercises.map(\.points), [1, 1, 1])
        XCTAssertEqual(catalog.exercises.map(\.name), ["", "", ""], "no test grades them")
    }

    func testTheListShowsIdsPointsTitlesAndStubs() {
        XCTAssertEqual(exerciseList(RecordedDeclarations.catalog).split(separator: "\n").prefix(5).joined(separator: "\n"), """
            Chapter6
              6.2.2  1 point   edges in the transposed image  (Exercises/Chapter6/Chapter6.swift:2)
              6.2.4  1 point   cross-correlation with a stride, from scratch  (Exercises/Chapter6/Chapter6.swift:4)
              6.3.1  1 point   the output-shape formula  (Exercises/Chapter6/Chapter6.swift:6)
              6.4.3  2 points  a 1×1 convolution is a matrix product  (Exercises/Chapter6/Chapter6.swift:8)
            """)
        XCTAssertTrue(exerciseList(RecordedDeclarations.catalog).hasSuffix("  6 exercises, 7 points"))
    }

    /// The package's own exercises: ids unique, in the book's numbering of their chapter, each
    /// stub graded by a test of the same number, and each exercise test backed by a stub.
    func testThePackagesExercisesMatchTheirStubsAndTests() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let chapters = ExerciseChapters.available(inPackage: root)
        XCTAssertFalse(chapters.isEmpty)
        let catalog = ExerciseCatalog.read(chapters: chapters, inPackage: root)
        let ids = catalog.exercises.map { "\($0.chapter):\($0.id)" }
        XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        for exercise in catalog.exercises {
            XCTAssertEqual(exercise.idParts.first, exercise.chapter, "\(exercise.id) is not numbered in chapter \(exercise.chapter)")
            XCTAssertGreaterThanOrEqual(exercise.idParts.count, 2, "\(exercise.id): a section or subsection number")
            XCTAssertFalse(exercise.name.isEmpty, "\(exercise.id) (\(exercise.file):\(exercise.line)) has no testExercise… test")
            XCTAssertFalse(exercise.title.isEmpty, "\(exercise.id) has no title")
            XCTAssertGreaterThan(exercise.points, 0, "\(exercise.id)")
            if let hint = exercise.hint {
                XCTAssertTrue(hint.hasPrefix("§"), "\(exercise.id)'s hint should point at the book's section: \(hint)")
            }
        }
        let chapter3 = catalog.exercises.filter { $0.chapter == 3 }
        XCTAssertEqual(chapter3.filter { $0.hint == nil }.map(\.id), [], "chapter 3's graders each have a hint")
        XCTAssertTrue(chapter3.first { $0.id == "3.6.1" }?.hint?.contains("row's maximum") == true, "quotes inside hints are read")
        for chapter in chapters {
            let tests = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/Chapter\(chapter)Tests").path)
                .filter { $0.hasSuffix(".swift") }
                .map { try String(contentsOf: root.appendingPathComponent("Tests/Chapter\(chapter)Tests/\($0)"), encoding: .utf8) }
                .joined(separator: "\n")
            let tested = Set(tests.matches(of: #/func testExercise(\d+(?:_\d+)+)[A-Z]/#).map { String($0.output.1).replacing("_", with: ".") })
            let declared = Set(catalog.exercises.filter { $0.chapter == chapter }.map(\.id))
            XCTAssertEqual(tested, declared, "chapter \(chapter): exercise tests and stubs differ")
            // A grader whose points or hint are not literals would be missed, and silently worth 1.
            XCTAssertEqual(ExerciseCatalog.graders(in: tests).count, tests.matches(of: #/= Grader</#).count,
                           "chapter \(chapter): a Grader declaration grade cannot read (points and hint must be literals)")
        }
    }
}
