import Foundation

extension ChapterReport {
    /// The page: a header (machine, build, date, presets, the chapter's pass marks), then each
    /// section with the command that reruns it, its output with its figures where they were
    /// announced, its book comparisons and its wall time, then a footer with the total time.
    public func html() -> String {
        var body = "<header>\n<h1>\(escapeHTML(program)) · \(escapeHTML(title))</h1>\n<table>\n"
        let marks = summary
        for (name, value) in [("machine", header.machine), ("build", header.build), ("date", header.date),
                              ("run", header.quick ? "--quick: shortened sections, labelled below" : "the book's settings"),
                              ("sections", "\(marks.sectionsFinished) of \(marks.sections) finished"),
                              ("book values", "\(marks.valuesPassed) of \(marks.values) reproduced")] {
            body += "<tr><th>\(name)</th><td>\(escapeHTML(value))</td></tr>\n"
        }
        for preset in header.presets {
            body += "<tr><th>preset</th><td>\(escapeHTML(preset))</td></tr>\n"
        }
        body += "</table>\n" + contents() + "</header>\n"
        for (index, section) in sections.enumerated() {
            body += sectionHTML(section, index: index)
        }
        if !unmatched.isEmpty {
            body += "<h2>Book values no section printed</h2>\n" + comparisonList(unmatched)
        }
        body += "<footer>Total time \(duration(seconds)) for \(sections.count) sections · "
            + "<code>\(escapeHTML(rerunCommand(["report"] + (header.quick ? ["--quick"] : []))))</code></footer>"
        return htmlPage(title: "\(program) · \(title)", body: body)
    }

    /// The list of sections, each linked to its place on the page with its wall time and a mark:
    /// ✓ when it finished and reproduced every book value under it, ✗ otherwise.
    private func contents() -> String {
        "<ol class=\"contents\">\n" + sections.map { report in
            let good = report.run.ending == .finished && report.comparisons.allSatisfy(\.passed)
            let values = report.comparisons.isEmpty
                ? "" : ", \(report.comparisons.filter(\.passed).count)/\(report.comparisons.count) book values"
            return "<li><a href=\"#\(escapeHTML(anchor(report.section)))\">\(escapeHTML(title(of: report)))</a>"
                + " <span class=\"\(good ? "pass" : "fail")\">\(good ? "✓" : "✗")</span>"
                + " <span class=\"run\">\(duration(report.run.seconds))\(values)</span></li>\n"
        }.joined() + "</ol>\n"
    }

    /// The section's heading as it printed it, else its `--help` abstract.
    private func title(of report: SectionReport) -> String {
        report.heading.map { "§\($0.number) \($0.title)" } ?? report.section.abstract
    }

    /// The element id of a section: its command, `group-name` for a nested one.
    private func anchor(_ section: ReportSection) -> String {
        section.command.joined(separator: "-")
    }

    /// `swift run chapter3 softmax --epochs 2`.
    private func rerunCommand(_ arguments: [String]) -> String {
        (["swift", "run", program] + arguments).joined(separator: " ")
    }

    /// One section: heading, rerun command and time, output and figures, problem, comparisons.
    private func sectionHTML(_ report: SectionReport, index: Int) -> String {
        var html = "<section id=\"\(escapeHTML(anchor(report.section)))\">\n"
            + "<h2>\(escapeHTML(title(of: report)))</h2>\n"
            + "<p class=\"run\"><code>\(escapeHTML(rerunCommand(report.section.command + report.section.arguments)))</code>"
            + " · \(duration(report.run.seconds))"
        if let note = report.section.note { html += " · <span class=\"note\">\(escapeHTML(note))</span>" }
        html += "</p>\n" + outputHTML(report.run.output, figurePrefix: "s\(index)-")
        if let problem = report.run.ending.problem {
            html += "<p class=\"problem\">\(escapeHTML(problem))</p>\n"
        }
        if !report.comparisons.isEmpty {
            html += comparisonList(report.comparisons, shortened: report.section.note != nil)
        }
        return html + "</section>\n"
    }

    /// The output as preformatted text, cut after each line that names a figure to show the
    /// figure there, as a notebook shows a plot under the cell that drew it.
    private func outputHTML(_ output: String, figurePrefix: String) -> String {
        var html = "", pending: [Substring] = [], figures = 0
        func flush() {
            if !pending.isEmpty { html += "<pre>\(escapeHTML(pending.joined(separator: "\n")))</pre>\n" }
            pending = []
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.last == "" ? lines.dropLast() : lines[...] {
            pending.append(line)
            guard let path = figurePath(in: line),
                  let figure = inlineFigure(at: path, prefix: "\(figurePrefix)f\(figures)-") else { continue }
            flush()
            figures += 1
            html += "<figure>\n\(figure)\n<figcaption>\(escapeHTML(path))</figcaption>\n</figure>\n"
        }
        flush()
        return html
    }

    /// The comparison lines, green ✓ or red ✗; those of a shortened run say so, since fewer
    /// epochs are not expected to reach the book's values.
    private func comparisonList(_ comparisons: [BookComparison], shortened: Bool = false) -> String {
        let suffix = shortened ? " · shortened run" : ""
        return "<ul class=\"book\">\n" + comparisons.map {
            "<li class=\"\($0.passed ? "pass" : "fail")\">\(escapeHTML($0.line + suffix))</li>\n"
        }.joined() + "</ul>\n"
    }
}
