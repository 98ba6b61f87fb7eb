import Foundation

/// A Markdown document of the package, read as text, with the two things the tests look for:
/// `swift run chapterN SUB` commands and tables.
struct Document {
    /// Path from the package root: `Chapters/chapter8/README.md`.
    let path: String
    let text: String

    init(_ path: String) throws {
        self.path = path
        let url = packageRoot.appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw DocumentationError("cannot read \(url.path)")
        }
        self.text = text
    }

    /// The documents that name chapter programs: README.md, CONTRIBUTING.md, Chapters/README.md and
    /// each chapter's README.
    static func all() throws -> [Document] {
        try ["README.md", "CONTRIBUTING.md", "Chapters/README.md"].map(Document.init)
            + ChapterPrograms.chapters.map { try Document("Chapters/chapter\($0)/README.md") }
    }

    /// A `swift run chapterN SUB` in the text, with its line number.
    struct RunCommand {
        let chapter: Int
        let subcommand: String
        let line: Int
    }

    /// Every `swift run chapterN SUB` where SUB is a word in lower case (`--help`, a placeholder
    /// such as `NET` and a bare `swift run chapterN` are not subcommands).
    var runCommands: [RunCommand] {
        var found: [RunCommand] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let pattern = #/swift run (?:-c release )?chapter(\d+) ([a-z][a-z0-9-]*)/#
            for match in line.matches(of: pattern) {
                guard let chapter = Int(match.output.1) else { continue }
                found.append(RunCommand(chapter: chapter, subcommand: String(match.output.2), line: index + 1))
            }
        }
        return found
    }

    /// The rows of the first table whose header has a column named `column`, as cells keyed by
    /// the header's names, with the line of each row.
    func table(withColumn column: String) -> [(cells: [String: String], line: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func cells(_ line: String) -> [String] {
            var parts = line.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.first == "" { parts.removeFirst() }
            if parts.last == "" { parts.removeLast() }
            return parts
        }
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("|") && cells($0).contains(column) })
        else { return [] }
        let header = cells(lines[headerIndex])
        var rows: [(cells: [String: String], line: Int)] = []
        for index in (headerIndex + 2)..<lines.count {
            guard lines[index].hasPrefix("|") else { break }
            let values = cells(lines[index])
            var row: [String: String] = [:]
            for (name, value) in zip(header, values) { row[name] = value }
            rows.append((row, index + 1))
        }
        return rows
    }
}

/// The words in backticks of a table cell: "`swift run chapter4 dropout-scratch`, `dropout`"
/// gives `swift run chapter4 dropout-scratch` and `dropout`.
func backticked(_ cell: String) -> [String] {
    cell.matches(of: #/`([^`]+)`/#).map { String($0.output.1) }
}

/// The whole numbers in a text: "8, 9" and "8 and 9" both give [8, 9].
func numbers(in text: String) -> [Int] {
    text.matches(of: #/\d+/#).compactMap { Int($0.output) }
}
