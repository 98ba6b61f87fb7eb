import D2L
import Foundation

extension ChapterReport {
    /// Writes `DIR/<program>.html`, its summary `DIR/<program>.summary.json`, and `DIR/index.html`
    /// rebuilt from every summary in `DIR`, each through a temporary file and a rename.
    /// - Returns: the page and the index.
    /// - Throws: `FileNotWritten` naming the file and `--output`.
    public func write(to directory: URL) throws -> [URL] {
        let page = directory.appendingPathComponent("\(program).html")
        try writeOutput(html(), to: page, setting: "--output")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = try encoder.encode(summary)
        try writeOutput(Array(json), to: directory.appendingPathComponent("\(program).summary.json"), setting: "--output")
        let index = directory.appendingPathComponent("index.html")
        try writeOutput(indexHTML(reportSummaries(in: directory)), to: index, setting: "--output")
        return [page, index]
    }
}

/// The summaries of the reports already in `directory`, in chapter order (chapter2 before chapter13).
func reportSummaries(in directory: URL) -> [ReportSummary] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".summary.json") }
        .compactMap { name in
            FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
                .flatMap { try? JSONDecoder().decode(ReportSummary.self, from: $0) }
        }
        .sorted { ($0.program.count, $0.program) < ($1.program.count, $1.program) }
}

/// The index page: one row per chapter reported, with its pass marks, date and time.
func indexHTML(_ summaries: [ReportSummary]) -> String {
    var body = "<h1>Dive into Deep Learning in Swift · executed chapters</h1>\n"
        + "<p>Each page runs every section of one chapter program and sets the book's results beside ours.</p>\n"
        + "<table>\n<tr><th>chapter</th><th>sections finished</th><th>book values reproduced</th>"
        + "<th>run</th><th>date</th><th>time</th></tr>\n"
    for s in summaries {
        let mark = { (good: Int, all: Int) in good == all ? "pass" : "fail" }
        body += "<tr><td><a href=\"\(escapeHTML(s.program)).html\">\(escapeHTML(s.program))</a> · \(escapeHTML(s.title))</td>"
            + "<td class=\"\(mark(s.sectionsFinished, s.sections))\">\(s.sectionsFinished) / \(s.sections)</td>"
            + "<td class=\"\(mark(s.valuesPassed, s.values))\">\(s.valuesPassed) / \(s.values)</td>"
            + "<td>\(s.quick ? "--quick" : "full")</td><td>\(escapeHTML(s.date))</td><td>\(duration(s.seconds))</td></tr>\n"
    }
    body += "</table>\n"
    return htmlPage(title: "d2l-swift chapter reports", body: body)
}
