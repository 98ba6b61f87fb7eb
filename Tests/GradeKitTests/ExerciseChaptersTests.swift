import Foundation
import GradeKit
import XCTest

/// `grade chapter9` names the chapters that have exercises, found from the package's folders.
final class ExerciseChaptersTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("grade-\(UUID().uuidString)")
        let files = FileManager.default
        try files.createDirectory(at: root.appendingPathComponent("Sources/grade"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        for (chapter, file) in [(3, "Chapter3.swift"), (10, "Chapter10.swift"), (2, "Chapter2.swift"), (7, "README.md")] {
            let folder = root.appendingPathComponent("Exercises/Chapter\(chapter)")
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: folder.appendingPathComponent(file))
        }
        try Data().write(to: root.appendingPathComponent("Exercises/Exercises.swift"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testChaptersAreTheExerciseFoldersWithSwiftFilesInNumericOrder() {
        XCTAssertEqual(ExerciseChapters.available(inPackage: root), [2, 3, 10], "Chapter7 holds no Swift file")
    }

    func testPackageRootIsFoundFromASubfolder() throws {
        let found = try XCTUnwrap(ExerciseChapters.packageRoot(from: root.appendingPathComponent("Sources/grade")))
        XCTAssertEqual(found.standardizedFileURL.path, root.standardizedFileURL.path)
        XCTAssertNil(ExerciseChapters.packageRoot(from: URL(fileURLWithPath: "/")))
    }

    func testMessageListsTheChaptersWithExercises() {
        XCTAssertEqual(ExerciseChapters.noExercises(in: 9, available: [2, 3, 10]),
                       "grade: chapter9 has no exercises; chapters with exercises: chapter2, chapter3, chapter10 (e.g. swift run grade chapter2)")
        XCTAssertEqual(ExerciseChapters.noExercises(in: 9, available: []),
                       "grade: chapter9 has no exercises, and no chapter has any yet")
    }
}
