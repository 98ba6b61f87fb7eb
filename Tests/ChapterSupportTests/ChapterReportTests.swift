import ArgumentParser
@testable import ChapterSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Reports of made-up sections: order, outputs, inline figures, comparisons, failures, the page's form.
final class ChapterReportTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A chart with a clip path, as `Figure` writes it, and the output lines of three sections.
    private func fakeRunner() throws -> SectionRunner {
        let svg = folder.appendingPathComponent("curve.svg")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><clipPath id="plot-area"><rect x="0" y="0" width="10" height="10"/></clipPath><path d="M0 0 L10 10" clip-path="url(#plot-area)"/></svg>
        """.write(to: svg, atomically: true, encoding: .utf8)
        let outputs: [String: SectionRun] = [
            "first": SectionRun(output: "== §1.1 First steps\nx < y & y > z\ncurve written to \(svg.path)\nafter the figure\n",
                                ending: .finished, seconds: 0.5),
            "broken": SectionRun(output: "== §1.2 A broken section\nstarting\nError: the data file is truncated\n",
                                 ending: .failed(status: 1), seconds: 0.1),
            "train": SectionRun(output: "== §1.3 Training\nloss 0.447, train acc 0.849, test acc 0.831\n",
                                ending: .finished, seconds: 2),
        ]
        return { arguments in outputs[arguments[0]] ?? SectionRun(output: "", ending: .notStarted(reason: "unknown"), seconds: 0) }
    }

    private func makeReport(_ results: [BookResult]) throws -> ChapterReport {
        let header = ReportHeader(machine: "test CPU · 2 cores", build: "debug", date: "2026-01-01 00:00 UTC",
                                  quick: true, presets: ["train: 1 epoch; the book: 10"])
        return ChapterReport.make(program: "chapter1", title: "Made up", header: header,
                                  sections: ["first", "broken", "train"].map { ReportSection(command: [$0]) },
                                  bookResults: results, runner: try fakeRunner())
    }

    func testSectionsAppearInOrderWithOutputFiguresAndEscapedText() throws {
        let html = try makeReport([]).html()
        let positions = ["§1.1 First steps", "§1.2 A broken section", "§1.3 Training"].map {
            html.range(of: $0)?.lowerBound
        }
        XCTAssertFalse(positions.contains(nil), "every section has its heading")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(html.contains("x &lt; y &amp; y &gt; z"), "output is escaped")
        XCTAssertTrue(html.contains("<svg xmlns"), "the figure is inline")
        XCTAssertFalse(html.contains("<?xml"), "the figure's XML declaration is left out")
        XCTAssertTrue(html.contains("id=\"s0-f0-plot-area\"") && html.contains("url(#s0-f0-plot-area)"))
        let figure = try XCTUnwrap(html.range(of: "<figure>")), after = try XCTUnwrap(html.range(of: "after the figure"))
        XCTAssertLessThan(figure.lowerBound, after.lowerBound, "the figure sits where it was announced")
        XCTAssertTrue(html.contains("swift run chapter1 train"))
        try assertWellFormed(html)
    }

    func testAThrowingSectionShowsItsErrorAndTheNextSectionStillRuns() throws {
        let report = try makeReport([])
        let html = report.html()
        XCTAssertTrue(html.contains("Error: the data file is truncated"))
        XCTAssertTrue(html.contains("the section failed (exit status 1)"))
        XCTAssertTrue(html.contains("test acc 0.831"), "the section after the failure ran")
        XCTAssertEqual(report.summary.sectionsFinished, 2)
        XCTAssertEqual(report.summary.sections, 3)
    }

    func testBookValuesAreMarkedWithinToleranceOrWithTheDifference() throws {
        let good = BookResult(section: "1.3", name: "test acc", book: 0.828, tolerance: 0.02)
        let doctored = BookResult(section: "1.3", name: "train acc", book: 0.95, tolerance: 0.02)
        let missing = BookResult(section: "1.9", name: "perplexity", book: 1.1, tolerance: 0.1)
        let report = try makeReport([good, doctored, missing])
        XCTAssertEqual(report.sections[2].comparisons.map(\.line), [
            "test acc (§1.3, zh-v2): book 0.828 · here 0.831 ✓ (within ±0.02)",
            "train acc (§1.3, zh-v2): book 0.95 · here 0.849 ✗ (off by -0.101, tolerance ±0.02)",
        ])
        XCTAssertEqual(report.unmatched.map(\.line), ["perplexity (§1.9, zh-v2): book 1.1 · here: not printed ✗"])
        XCTAssertEqual(report.summary.valuesPassed, 1)
        XCTAssertEqual(report.summary.values, 3)
        let html = report.html()
        XCTAssertTrue(html.contains("<li class=\"pass\">test acc"))
        XCTAssertTrue(html.contains("<li class=\"fail\">train acc"))
        try assertWellFormed(html)
    }

    func testTwoSectionsUnderOneHeadingTakeOneValueEach() {
        let runs: [String: SectionRun] = [
            "scratch": SectionRun(output: "== §9.1 GRU, from scratch\nperplexity 1.1\n", ending: .finished, seconds: 1),
            "concise": SectionRun(output: "== §9.1 GRU, concise\nperplexity 1.0\n", ending: .finished, seconds: 1),
        ]
        let header = ReportHeader(machine: "m", build: "debug", date: "d", quick: false, presets: [])
        let report = ChapterReport.make(
            program: "chapter9", title: "t", header: header,
            sections: ["scratch", "concise"].map { ReportSection(command: [$0]) },
            bookResults: [BookResult(section: "9.1", name: "perplexity", book: 1.1, tolerance: 0.05),
                          BookResult(section: "9.1", name: "perplexity", book: 1.0, tolerance: 0.05)],
            runner: { runs[$0[0]]! })
        XCTAssertEqual(report.sections.map { $0.comparisons.map(\.here) }, [[1.1], [1.0]])
        XCTAssertTrue(report.unmatched.isEmpty)
    }

    func testNumbersArePrintedShortButWholeNumbersInFull() {
        XCTAssertEqual([0.828, 2.00003, 1e-5, 190, 2_042_040, -0.101, 0].map(formatted),
                       ["0.828", "2.00003", "1e-05", "190", "2042040", "-0.101", "0"])
    }

    func testValuesAreReadAfterTheirLabelInTheirSectionOnly() {
        let output = "== §2.1 A\nloss 9.0\n== §2.2 B\nloss: 0.5\nloss = 0.25\n== §2.2.1 B, part\n>>> y\ntensor(28., grad)\n== §2.3 C\nloss 7\n"
        XCTAssertEqual(BookResult(section: "2.2", name: "loss", book: 0, tolerance: 0).value(in: text(of: "2.2", in: output)!), 0.25)
        XCTAssertEqual(BookResult(section: "2.2.1", name: "y", book: 28, tolerance: 0, printedAs: ">>> y\ntensor(")
                        .value(in: text(of: "2.2.1", in: output)!), 28)
        XCTAssertNil(text(of: "2.4", in: output))
        XCTAssertEqual(BookResult(section: "2.1", name: "acc", book: 0, tolerance: 0).value(in: output), nil)
    }

    func testWritingAddsThePageAndTheChapterToTheIndex() throws {
        let urls = try makeReport([]).write(to: folder)
        XCTAssertEqual(urls.map(\.lastPathComponent), ["chapter1.html", "index.html"])
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"chapter1.html\""))
        XCTAssertTrue(index.contains("2 / 3"))
        try assertWellFormed(index)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files stay behind")
    }

    func testChildProcessesKeepTheirOutputAndHowTheyEnded() {
        let shell = URL(fileURLWithPath: "/bin/sh")
        let failed = runChild(shell, ["-c", "echo out; echo 'Error: boom' >&2; exit 3"])
        XCTAssertEqual(failed.output, "out\nError: boom\n")
        XCTAssertEqual(failed.ending, .failed(status: 3))
        let crashed = runChild(shell, ["-c", "echo before; kill -SEGV $$"])
        XCTAssertEqual(crashed.output, "before\n")
        XCTAssertEqual(crashed.ending, .crashed(signal: SIGSEGV))
        XCTAssertEqual(runChild(shell, ["-c", "true"]).ending, .finished)
        guard case .notStarted = runChild(folder.appendingPathComponent("missing"), []).ending else {
            return XCTFail("a missing program is reported as not started")
        }
    }

    func testSectionsAreTheLeavesOfTheCommandTreeWithoutTheReport() {
        let plain = reportSections(of: FakeChapter.self, quick: false)
        XCTAssertEqual(plain.map(\.command), [["alpha"], ["group", "beta"], ["gamma"]])
        XCTAssertEqual(plain.map(\.arguments), [[], [], []])
        let quick = reportSections(of: FakeChapter.self, quick: true)
        XCTAssertEqual(quick[2].arguments, ["--epochs", "1"])
        XCTAssertEqual(quick[2].note, "quick: 1 epoch; the book: 10")
        XCTAssertEqual(quick[0].abstract, "§9.1 Alpha.")
        let withArguments = reportSections(of: FakeChapterWithArguments.self, quick: true)
        XCTAssertEqual(withArguments.map(\.command), [["alpha", "x"], ["alpha", "y"], ["gamma"]])
        XCTAssertEqual(withArguments.map(\.arguments), [["--fast"], ["--fast"], []])
    }

    /// Parses `html` as XML: every element closed, attributes quoted, only XML's entities.
    func assertWellFormed(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertNoThrow(try XMLDocument(data: Data(html.utf8), options: []), file: file, line: line)
    }
}

private struct Alpha: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alpha", abstract: "§9.1 Alpha.")
}

private struct Beta: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "beta")
}

private struct Group: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "group", subcommands: [Beta.self])
}

private struct Gamma: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gamma")
}

private struct FakeChapter: ReportableChapter {
    static let configuration = CommandConfiguration(
        commandName: "chapter9", abstract: "Chapter 9: Fakes.",
        subcommands: [Alpha.self, Group.self, ChapterReportCommand<FakeChapter>.self, Gamma.self])
    static let bookResults: [BookResult] = []
    static let quickRuns = [QuickRun("gamma", ["--epochs", "1"], note: "1 epoch; the book: 10")]
}

private struct FakeChapterWithArguments: ReportableChapter {
    static let configuration = CommandConfiguration(
        commandName: "chapter8", abstract: "Chapter 8: More fakes.", subcommands: [Alpha.self, Gamma.self])
    static let bookResults: [BookResult] = []
    static let quickRuns = [QuickRun("alpha", ["--fast"], note: "fast")]
    static let sectionArguments = ["alpha": [["x"], ["y"]]]
}
