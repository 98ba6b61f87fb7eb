// grade: runs the exercise graders and reports, per exercise, passed, failed, crashed or not
// attempted, with its points: a table for a person, or a file for a course platform.
//
//   swift run grade                                   # every chapter with exercises, as a table
//   swift run grade chapter2 chapter3                 # some chapters
//   swift run grade --list chapter3                   # the exercises, their ids and points
//   swift run grade chapter3 --format gradescope --output results.json
//   swift run grade --format classroom --base64       # GitHub Classroom's runner output
//
// It runs `swift test --filter ChapterNExerciseTests` and reads XCTest's per-test lines, so the
// graders stay ordinary tests in Tests/ChapterNTests. An answer that crashes the test process
// (a shape error stops with `Fatal error: …`) is graded crashed with that message, and the tests
// run again without it until every exercise has been graded (GradeKit's `Grading`). Code that
// does not build is reported with the compiler's file and line.
import ArgumentParser
import Foundation
import GradeKit

extension ReportFormat: ExpressibleByArgument {}

/// The `grade` command: its options, checked before anything is built, and the grading.
@main
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grades the exercises in Exercises/ChapterN and reports the results.",
        discussion: """
            The table is for a person. The other formats are for a program and always exit 0, \
            the statuses carrying the result: json is this project's schema (CONTRIBUTING.md, \
            "Grading formats"), gradescope is the results.json of Gradescope's autograder, \
            classroom is the result of GitHub Classroom's autograding reporter.
            """
    )

    @Argument(help: "The chapters to grade, e.g. chapter3 (default: every chapter with exercises).")
    var chapters: [String] = []

    @Flag(help: "List the exercises with their ids, points and stubs instead of grading them.")
    var list = false

    @Option(help: "How to write the report: a table for a person, or json, gradescope or classroom for a program.")
    var format: ReportFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "With --format classroom: the result in base64, for a workflow step's output.")
    var base64 = false

    /// The chapter numbers asked for: 3 for "chapter3" (any case).
    var numbers: [Int] {
        chapters.compactMap { $0.lowercased().hasPrefix("chapter") ? Int($0.dropFirst(7)) : nil }
    }

    func validate() throws {
        if let wrong = chapters.first(where: { !$0.lowercased().hasPrefix("chapter") || Int($0.dropFirst(7)) == nil }) {
            throw ValidationError("'\(wrong)' is not a chapter; write e.g. chapter2")
        }
        if base64 && format != .classroom {
            throw ValidationError("--base64 is for --format classroom (the autograding reporter decodes it)")
        }
        if list && format != .table {
            throw ValidationError("--list prints a table; leave out --format")
        }
    }

    func run() throws {
        let root = ExerciseChapters.packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        // A chapter without an Exercises/ChapterN folder has nothing to grade: say so before
        // building. Without the folders (not run from the package) the tests run, and say what
        // they find.
        var graded = numbers
        if let root {
            let available = ExerciseChapters.available(inPackage: root)
            if let missing = numbers.first(where: { !available.contains($0) }) {
                throw failure(ExerciseChapters.noExercises(in: missing, available: available), code: 2)
            }
            if graded.isEmpty { graded = available }
        }
        let catalog = root.map { ExerciseCatalog.read(chapters: graded, inPackage: $0) } ?? ExerciseCatalog([])
        if list {
            guard root != nil else { throw failure("grade: --list reads Exercises/; run it inside the package", code: 2) }
            try write(exerciseList(catalog))
            return
        }
        let report = grade(catalog: catalog, root: root)
        try write(format.render(report, base64: base64))
        if !format.isMachineReadable && report.isError { throw ExitCode(1) }
    }

    /// Runs the graders of the chapters asked for and builds the report of `catalog`'s exercises.
    func grade(catalog: ExerciseCatalog, root: URL?) -> GradeReport {
        let filter = numbers.isEmpty ? "ExerciseTests" : numbers.map { "Chapter\($0)ExerciseTests" }.joined(separator: "|")
        let started = Date()
        var startFailure: String?
        note("grading \(numbers.isEmpty ? "all chapters" : chapters.joined(separator: ", ")) (swift test --filter '\(filter)') ...")
        let grading = Grading { crashed in
            if let crash = crashed.last { note("\(crash.testCase).\(crash.test) crashed the tests; grading the others ...") }
            do {
                return try runGraders(filter: filter, skipping: crashed)
            } catch {
                startFailure = "could not start `swift test`: \(error)"
                return ""
            }
        }
        var buildErrors: [BuildError] = [], problem = startFailure
        if grading.results.isEmpty && problem == nil {
            buildErrors = BuildError.parse(grading.lastOutput, packageRoot: root?.standardizedFileURL.path)
            if buildErrors.isEmpty {
                let tail = grading.lastOutput.split(separator: "\n").suffix(30).joined(separator: "\n")
                note(tail)
                problem = "`swift test --filter '\(filter)'` ran no exercise test (its output ends above)"
            }
        }
        return GradeReport(catalog: catalog, graded: grading.results, buildErrors: buildErrors, problem: problem,
                           time: Date().timeIntervalSince(started))
    }

    /// Writes `text` and a newline to `--output`, or to standard output.
    func write(_ text: String) throws {
        guard let output else {
            print(text)
            return
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw failure("grade: cannot write \(output): there is no folder \(folder)", code: 1)
        }
        do {
            try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw failure("grade: cannot write \(output): \(error.localizedDescription)", code: 1)
        }
        note("grade: wrote \(output)")
    }
}

/// Progress and diagnostics go to standard error, so standard output holds only the report.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Says `message` on standard error and returns the exit code to throw (2 for a wrong request,
/// 1 when grading could not finish).
func failure(_ message: String, code: Int32) -> ExitCode {
    note(message)
    return ExitCode(code)
}
