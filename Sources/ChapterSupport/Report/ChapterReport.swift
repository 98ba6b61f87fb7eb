import Foundation

/// One section a report runs: the subcommand path and the extra arguments of its `--quick` run.
public struct ReportSection: Sendable, Equatable {
    /// The subcommand, e.g. `["softmax"]`.
    public let command: [String]
    /// What `--quick` adds, e.g. `["--epochs", "2"]`; empty for a full run.
    public let arguments: [String]
    /// What the section says about itself (`--help`'s abstract), shown until its heading is known.
    public let abstract: String
    /// A label for a shortened run, e.g. `quick: 2 epochs (the book: 10)`; `nil` for the book's run.
    public let note: String?

    /// A section to run.
    public init(command: [String], arguments: [String] = [], abstract: String = "", note: String? = nil) {
        self.command = command
        self.arguments = arguments
        self.abstract = abstract
        self.note = note
    }
}

/// A section as run: its plan, its run, and the book values compared under it.
public struct SectionReport: Sendable {
    /// What was run.
    public let section: ReportSection
    /// What it printed and how it ended.
    public let run: SectionRun
    /// The book's values found under this section's headings.
    public let comparisons: [BookComparison]

    /// The first heading the section printed (`== §3.7 Concise …`), as `("3.7", "Concise …")`.
    public var heading: (number: String, title: String)? { headings(in: run.output).first }
}

/// An executed chapter: each section's output, figures and book comparisons, in book order.
///
/// Built by `ChapterReport.make`, which runs the sections one after another through a
/// `SectionRunner` (child processes of the chapter program), and written as one HTML page by
/// `html()`.
public struct ChapterReport: Sendable {
    /// The program, e.g. `chapter3`.
    public let program: String
    /// The chapter's title, e.g. `Linear Neural Networks`.
    public let title: String
    /// Machine, build, date and presets.
    public let header: ReportHeader
    /// The sections in the order they ran.
    public let sections: [SectionReport]
    /// Book values that no section printed a heading for: shown at the end, each marked ✗.
    public let unmatched: [BookComparison]
    /// Wall time of the whole report in seconds.
    public let seconds: Double

    /// Runs `sections` in order with `runner` and compares the output with `bookResults`.
    /// - Parameter progress: called after each section (the command prints one line per section).
    public static func make(program: String, title: String, header: ReportHeader, sections: [ReportSection],
                            bookResults: [BookResult], runner: SectionRunner,
                            progress: (Int, SectionReport) -> Void = { _, _ in }) -> ChapterReport {
        let start = Date()
        var runs: [(ReportSection, SectionRun)] = []
        for section in sections {
            let run = runner(section.command + section.arguments)
            runs.append((section, run))
            progress(runs.count, SectionReport(section: section, run: run, comparisons: []))
        }
        var found = Array(repeating: [BookComparison](), count: runs.count)
        var unmatched: [BookComparison] = []
        for result in bookResults {
            // The first section that printed the heading and has no value of this name yet, so two
            // commands under one heading (§9.1's GRU from scratch, then concise) take one each.
            let texts = runs.indices.map { index in
                found[index].contains { $0.result.name == result.name }
                    ? nil : text(of: result.section, in: runs[index].1.output)
            }
            if let index = texts.firstIndex(where: { $0 != nil }), let text = texts[index] {
                found[index].append(result.compare(with: text))
            } else {
                unmatched.append(BookComparison(result: result, here: nil))
            }
        }
        let reports = runs.indices.map { SectionReport(section: runs[$0].0, run: runs[$0].1, comparisons: found[$0]) }
        return ChapterReport(program: program, title: title, header: header, sections: reports,
                             unmatched: unmatched, seconds: Date().timeIntervalSince(start))
    }

    /// Every comparison of the report, matched or not.
    public var comparisons: [BookComparison] { sections.flatMap(\.comparisons) + unmatched }

    /// The page's summary: sections finished and book values reproduced.
    public var summary: ReportSummary {
        ReportSummary(program: program, title: title,
                      sectionsFinished: sections.filter { $0.run.ending == .finished }.count,
                      sections: sections.count,
                      valuesPassed: comparisons.filter(\.passed).count, values: comparisons.count,
                      quick: header.quick, date: header.date, seconds: seconds)
    }
}

/// The headings a section printed (`== §2.4.1 Derivatives …`), as number and title.
func headings(in output: String) -> [(number: String, title: String)] {
    output.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
        guard line.hasPrefix("== §") else { return nil }
        let rest = line.dropFirst(4)
        let number = rest.prefix { $0 != " " }
        return (String(number), String(rest.dropFirst(number.count).drops(" ")))
    }
}

/// The part of `output` under the heading of `section` and its subsections (`§3.7`, `§3.7.2`),
/// up to the next other heading; `nil` when the output has no such heading.
func text(of section: String, in output: String) -> String? {
    var inside = false, seen = false
    var lines: [Substring] = []
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("== §") {
            let number = line.dropFirst(4).prefix { $0 != " " }
            inside = number == section || number.hasPrefix(section + ".")
            seen = seen || inside
        }
        if inside { lines.append(line) }
    }
    return seen ? lines.joined(separator: "\n") : nil
}

private extension Substring {
    /// The text without leading `character`s.
    func drops(_ character: Character) -> Substring { drop { $0 == character } }
}
