import ArgumentParser
import D2L
import Foundation

/// A chapter program that can report on itself: its book values and its `--quick` runs.
///
/// The program's own command type adopts it (`extension Chapter3: ReportableChapter`) and lists
/// `ChapterReportCommand<Chapter3>.self` among its subcommands; the report then runs every other
/// subcommand, in the order the program lists them (the book's order).
public protocol ReportableChapter: ParsableCommand {
    /// The values the book prints for this chapter, each with its section and tolerance.
    static var bookResults: [BookResult] { get }
    /// The shortened runs `report --quick` makes, for the sections that have one.
    static var quickRuns: [QuickRun] { get }
    /// Settings every run of the chapter uses that differ from the book's, one line each, e.g.
    /// `CPU preset: 32 px, 1 epoch; the book: 224 px, 10 epochs`.
    static var presets: [String] { get }
    /// Sections that need arguments to run at all, run once per list in order: chapter 7's
    /// `shapes` once per net, as `shapes alexnet`, `shapes vgg`, ….
    static var sectionArguments: [String: [[String]]] { get }
}

extension ReportableChapter {
    /// No shortened runs: `--quick` runs every section as the book does.
    public static var quickRuns: [QuickRun] { [] }
    /// No settings beyond the book's.
    public static var presets: [String] { [] }
    /// Every section runs without arguments.
    public static var sectionArguments: [String: [[String]]] { [:] }
}

/// The shortened run of one section under `report --quick`: the arguments it adds and a label.
public struct QuickRun: Sendable {
    /// The subcommand, e.g. `"softmax"`.
    public let command: String
    /// What it adds, e.g. `["--epochs", "2"]`.
    public let arguments: [String]
    /// What is shortened, e.g. `2 epochs; the book: 10`.
    public let note: String

    /// A shortened run of `command`.
    public init(_ command: String, _ arguments: [String], note: String) {
        self.command = command
        self.arguments = arguments
        self.note = note
    }
}

/// `chapterN report [--quick] [--output DIR]`: runs every section of the chapter as a child
/// process of the same program and writes `DIR/chapterN.html` and `DIR/index.html`.
public struct ChapterReportCommand<Chapter: ReportableChapter>: ParsableCommand {
    /// `report`, with its help text.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "report",
            abstract: "Runs every section in the book's order and writes one HTML page with the output, figures and the book's values beside ours.")
    }

    /// Shortened runs of the long sections.
    @Flag(help: "Run the short version of long sections (fewer epochs), labelled so in the page.")
    var quick = false

    /// Where the pages go.
    @Option(help: "Folder for the chapter's page and index.html.")
    var output = "reports"

    /// The default options: a full report into `./reports`.
    public init() {}

    /// Runs the sections, printing one line per section, then writes the page and the index.
    public func run() throws {
        let program = Chapter._commandName
        let sections = reportSections(of: Chapter.self, quick: quick)
        let notes = quick ? Chapter.quickRuns.map { "\($0.command): \($0.note)" } : []
        let header = ReportHeader.current(quick: quick, presets: Chapter.presets + notes)
        let executable = currentExecutable()
        print("\(program) report: \(sections.count) sections, \(header.build) build\(quick ? ", --quick" : "")")
        let report = ChapterReport.make(
            program: program, title: chapterTitle(Chapter.configuration.abstract), header: header,
            sections: sections, bookResults: Chapter.bookResults,
            runner: { runChild(executable, $0) },
            progress: { number, done in
                let ending = done.run.ending.problem.map { " · \($0)" } ?? ""
                print("[\(number)/\(sections.count)] \(done.section.command.joined(separator: " ")) · \(duration(done.run.seconds))\(ending)")
                fflush(stdout)
            })
        for comparison in report.comparisons { print(comparison.line) }
        print("total \(duration(report.seconds))")
        reportWritten("report written to") { try report.write(to: URL(fileURLWithPath: output)) }
    }
}

/// The sections of `chapter` in the order its configuration lists them, leaves of nested command
/// groups included, without the `report` command itself, each once per list of its
/// `sectionArguments`; with `quick`, each carries the arguments and label of its `QuickRun`.
public func reportSections<Chapter: ReportableChapter>(of chapter: Chapter.Type, quick: Bool) -> [ReportSection] {
    var sections: [ReportSection] = []
    func walk(_ commands: [any ParsableCommand.Type], path: [String]) {
        for command in commands where !(command is ChapterReportCommand<Chapter>.Type) {
            let name = path + [command._commandName]
            let children = command.configuration.subcommands
            if !children.isEmpty {
                walk(children, path: name)
                continue
            }
            let key = name.joined(separator: " ")
            let preset = quick ? Chapter.quickRuns.first { $0.command == key } : nil
            for extra in Chapter.sectionArguments[key] ?? [[]] {
                sections.append(ReportSection(command: name + extra, arguments: preset?.arguments ?? [],
                                              abstract: command.configuration.abstract,
                                              note: preset.map { "quick: \($0.note)" }))
            }
        }
    }
    walk(chapter.configuration.subcommands, path: [])
    return sections
}

/// `Linear Neural Networks` from `Chapter 3 of Dive into Deep Learning: Linear Neural Networks.`
func chapterTitle(_ abstract: String) -> String {
    var title = abstract.split(separator: ":", maxSplits: 1).last.map(String.init) ?? abstract
    title = title.trimmingCharacters(in: .whitespaces)
    if title.hasSuffix(".") { title.removeLast() }
    return title
}
