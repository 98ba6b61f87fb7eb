import Foundation

/// Every exercise the package declares, read from its sources without building anything, in the
/// book's order: chapter, then number.
///
/// Three kinds of file are read (see `Exercise` for what each holds): the stubs in
/// `Exercises/ChapterN/*.swift`, and in `Tests/ChapterNTests/*.swift` the exercise tests
/// (`func testExercise3_6_1StableSoftmax`) and the graders (`Grader<…>("3.6.1 stableSoftmax",
/// points: 2, hint: "…")`). An exercise is one stub; its test and grader are found by the id.
public struct ExerciseCatalog: Equatable, Sendable {
    /// A source file: its path from the package root and its text.
    public typealias Source = (path: String, text: String)

    /// The exercises, sorted by chapter and number.
    public let exercises: [Exercise]

    /// The catalog of `stubs` (files of `Exercises/ChapterN/`) graded by the tests and graders in
    /// `tests` (files of `Tests/ChapterNTests/`), all of chapter `chapter`'s.
    public init(chapter: Int, stubs: [Source], tests: [Source]) {
        var names: [String: String] = [:], graders: [String: (points: Int, hint: String?)] = [:]
        for file in tests {
            for (id, name) in Self.testNames(in: file.text) { names[id] = name }
            for grader in Self.graders(in: file.text) { graders[grader.id] = (grader.points, grader.hint) }
        }
        exercises = stubs.flatMap { file in
            Self.stubs(in: file.text).map { stub in
                Exercise(chapter: chapter, id: stub.id, title: stub.title, name: names[stub.id] ?? "",
                         points: graders[stub.id]?.points ?? 1, hint: graders[stub.id]?.hint,
                         file: file.path, line: stub.line)
            }
        }.sorted { $0.idParts.lexicographicallyPrecedes($1.idParts) }
    }

    /// The catalog of several chapters' catalogs, in the order given.
    public init(_ chapters: [ExerciseCatalog]) {
        exercises = chapters.flatMap(\.exercises)
    }

    /// Reads chapter `chapter`'s stubs and tests from the package at `root`; a chapter without an
    /// `Exercises/ChapterN` folder has no exercises.
    public static func read(chapter: Int, inPackage root: URL) -> ExerciseCatalog {
        ExerciseCatalog(chapter: chapter,
                        stubs: swiftFiles(in: "Exercises/Chapter\(chapter)", root: root),
                        tests: swiftFiles(in: "Tests/Chapter\(chapter)Tests", root: root))
    }

    /// Reads the catalog of `chapters` from the package at `root`, in chapter order.
    public static func read(chapters: [Int], inPackage root: URL) -> ExerciseCatalog {
        ExerciseCatalog(Set(chapters).sorted().map { read(chapter: $0, inPackage: root) })
    }

    /// The exercise of chapter `chapter` (as in a result: "Chapter3") numbered `id`, if declared.
    public func exercise(chapter: String, id: String) -> Exercise? {
        exercises.first { $0.chapterName == chapter && $0.id == id }
    }

    /// The `.swift` files in `folder` (relative to `root`), sorted by name, with their text.
    static func swiftFiles(in folder: String, root: URL) -> [Source] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().compactMap { name in
            guard let text = try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return ("\(folder)/\(name)", text)
        }
    }

    /// The stubs' doc-comment headlines `/// Exercise 3.1 (vectorization) — all pairwise …` in
    /// `text`: the id, the title without its final full stop, and the 1-based line.
    static func stubs(in text: String) -> [(id: String, title: String, line: Int)] {
        let headline = #/^\s*///\s*Exercise (\d+(?:\.\d+)+)(?: \([^)]*\))? — (.+?)\.?\s*$/#
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard let m = line.firstMatch(of: headline) else { return nil }
            return (String(m.output.1), String(m.output.2), index + 1)
        }
    }

    /// The exercise tests `func testExercise3_6_1StableSoftmax(` in `text`, as id and name.
    static func testNames(in text: String) -> [(id: String, name: String)] {
        text.matches(of: #/func testExercise(\d+(?:_\d+)+)([A-Z]\w*)\s*\(/#).map {
            (String($0.output.1).replacing("_", with: "."), String($0.output.2))
        }
    }

    /// The graders `Grader<…>("3.6.1 stableSoftmax", points: 2, hint: "…")` in `text`: the id,
    /// the points (1 when not given) and the hint (a string literal, its escapes undone).
    static func graders(in text: String) -> [(id: String, points: Int, hint: String?)] {
        let declaration = #/Grader<[^{}]*?>\(\s*"(\d+(?:\.\d+)+)[^"]*"((?:\s*,\s*\w+:\s*(?:\d+|"(?:[^"\\]|\\.)*"))*)\s*\)/#
        return text.matches(of: declaration).map { m in
            let arguments = String(m.output.2)
            let points = arguments.firstMatch(of: #/points:\s*(\d+)/#).flatMap { Int($0.output.1) } ?? 1
            let hint = arguments.firstMatch(of: #/hint:\s*"((?:[^"\\]|\\.)*)"/#).map { unescape(String($0.output.1)) }
            return (String(m.output.1), points, hint)
        }
    }

    /// A Swift string literal's body with its simple escapes (`\"`, `\\`, `\n`, `\t`) undone.
    static func unescape(_ literal: String) -> String {
        var result = "", escaped = false
        for character in literal {
            if escaped {
                result.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
