// grade: runs the exercise graders and prints, per chapter, which exercises are attempted,
// passed and failed.
//
//   swift run grade              # every chapter with exercises
//   swift run grade chapter2     # one chapter
//
// It runs `swift test --filter ChapterNExerciseTests` and reads XCTest's per-test lines, so the
// graders stay ordinary tests in Tests/ChapterNTests.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: swift run grade [chapterN ...]\n\nGrades the exercises in Exercises/ChapterN and prints a table per chapter.")
    exit(0)
}
var chapters: [String] = []
for argument in arguments {
    guard argument.lowercased().hasPrefix("chapter"), Int(argument.dropFirst(7)) != nil else {
        print("grade: '\(argument)' is not a chapter; write e.g. chapter2")
        exit(2)
    }
    chapters.append("Chapter" + argument.dropFirst(7))
}
let filter = chapters.isEmpty ? "ExerciseTests" : chapters.map { "\($0)ExerciseTests" }.joined(separator: "|")

/// Runs `swift test` on the exercise tests and returns everything it printed.
func runGraders() -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "test", "--filter", filter]
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
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

/// One graded exercise, read from the test's name (testExercise2_3_1Transpose).
struct Result {
    let chapter: String
    let number: String
    let name: String
    var status: String
    var message = ""
}

print("grading \(chapters.isEmpty ? "all chapters" : chapters.joined(separator: ", ")) (swift test --filter '\(filter)') ...")
let (output, status) = runGraders()
var results: [String: Result] = [:]
var order: [String] = []
// Test names carry the exercise number: testExercise2_3_1Transpose is 2.3.1, and
// testExercise3_1PairwiseSquaredDistances (an exercise of a section, unnumbered) is 3.1.
let caseLine = try! NSRegularExpression(pattern: #"Test Case '(Chapter\d+)ExerciseTests\.testExercise(\d+(?:_\d+)+)([A-Z]\w*)' (passed|failed|skipped)"#)
let failureLine = try! NSRegularExpression(pattern: #"error: (Chapter\d+)ExerciseTests\.testExercise(\d+(?:_\d+)+)[A-Z]\w* : .*? - (.*)$"#)
for line in output.split(separator: "\n").map(String.init) {
    let range = NSRange(line.startIndex..., in: line)
    if let m = caseLine.firstMatch(in: line, range: range) {
        func group(_ i: Int) -> String { String(line[Range(m.range(at: i), in: line)!]) }
        let key = "\(group(1)).\(group(2))"
        let status = ["passed": "passed", "failed": "FAILED", "skipped": "not attempted"][group(4)]!
        if results[key] == nil { order.append(key) }
        results[key] = Result(chapter: group(1), number: group(2).replacingOccurrences(of: "_", with: "."),
                              name: group(3), status: status, message: results[key]?.message ?? "")
    } else if let m = failureLine.firstMatch(in: line, range: range) {
        func group(_ i: Int) -> String { String(line[Range(m.range(at: i), in: line)!]) }
        let key = "\(group(1)).\(group(2))"
        // Drop the "2.3.1 transpose: " prefix the grader puts before its message.
        let message = group(3).replacingOccurrences(of: #"^[\d.]+ \w+: "#, with: "", options: .regularExpression)
        if results[key] == nil {
            order.append(key)
            results[key] = Result(chapter: "", number: "", name: "", status: "FAILED", message: message)
        } else if results[key]!.message.isEmpty {
            results[key]!.message = message
        }
    }
}

if order.isEmpty {
    print(output.split(separator: "\n").suffix(30).joined(separator: "\n"))
    print("grade: no exercise tests ran (swift test exited \(status)); see the output above")
    exit(1)
}
for chapter in Set(results.values.map(\.chapter)).filter({ !$0.isEmpty }).sorted() {
    let rows = order.compactMap { results[$0] }.filter { $0.chapter == chapter }
    print("\n\(chapter)")
    let width = rows.map { $0.number.count + 1 + $0.name.count }.max() ?? 10
    for r in rows {
        let label = "\(r.number) \(r.name)"
        let note = r.message.isEmpty ? "" : "  \(r.message)"
        print("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + r.status + note)
    }
    let attempted = rows.filter { $0.status != "not attempted" }.count
    let passed = rows.filter { $0.status == "passed" }.count
    print("  attempted \(attempted) of \(rows.count), passed \(passed), failed \(attempted - passed)")
}
