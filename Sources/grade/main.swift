// grade: runs the exercise graders and prints, per chapter, which exercises are attempted,
// passed and failed.
//
//   swift run grade              # every chapter with exercises
//   swift run grade chapter2     # one chapter
//
// A chapter without exercises (no Exercises/ChapterN folder) is reported with the list of the
// chapters that have them, before anything is built.
//
// It runs `swift test --filter ChapterNExerciseTests` and reads XCTest's per-test lines, so the
// graders stay ordinary tests in Tests/ChapterNTests. An answer that crashes the test process
// (a shape error stops with `Fatal error: …`) is graded FAILED with that message, and the tests
// run again without it until every exercise has been graded (GradeKit's `Grading`).
import Foundation
import GradeKit

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: swift run grade [chapterN ...]\n\nGrades the exercises in Exercises/ChapterN and prints a table per chapter.")
    exit(0)
}
var chapters: [String] = [], numbers: [Int] = []
for argument in arguments {
    guard argument.lowercased().hasPrefix("chapter"), let number = Int(argument.dropFirst(7)) else {
        print("grade: '\(argument)' is not a chapter; write e.g. chapter2")
        exit(2)
    }
    chapters.append("Chapter\(number)")
    numbers.append(number)
}
// A chapter without an Exercises/ChapterN folder has nothing to grade: say so before building.
// Without the folders (not run from the package) the tests run, and say what they find.
if let packageRoot = ExerciseChapters.packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
    let available = ExerciseChapters.available(inPackage: packageRoot)
    if let missing = numbers.first(where: { !available.contains($0) }) {
        print(ExerciseChapters.noExercises(in: missing, available: available))
        exit(2)
    }
}
let filter = chapters.isEmpty ? "ExerciseTests" : chapters.map { "\($0)ExerciseTests" }.joined(separator: "|")

/// Runs `swift test` on the exercise tests, skipping the tests that crashed before, and returns
/// everything it printed. Runs after the first reuse its build.
func runGraders(skipping crashed: [TestOutput.Crash]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "test"] + (crashed.isEmpty ? [] : ["--skip-build"]) + ["--filter", filter]
        + crashed.flatMap { ["--skip", $0.skipPattern] }
    // A crash's message is all grade reports; the runtime's backtrace would only slow it down.
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do {
        try process.run()
    } catch {
        print("grade: could not start `swift test`: \(error)")
        exit(1)
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

print("grading \(chapters.isEmpty ? "all chapters" : chapters.joined(separator: ", ")) (swift test --filter '\(filter)') ...")
let grading = Grading { crashed in
    if let crash = crashed.last { print("\(crash.testCase).\(crash.test) crashed the tests; grading the others ...") }
    return runGraders(skipping: crashed)
}
if grading.results.isEmpty {
    print(grading.lastOutput.split(separator: "\n").suffix(30).joined(separator: "\n"))
    print("grade: no exercise tests ran; see the output above")
    exit(1)
}
print(scoreTable(grading.results))
