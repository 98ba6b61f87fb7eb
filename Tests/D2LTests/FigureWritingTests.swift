import D2L
import Foundation
import TestSupport
import XCTest

/// Figures are written through a temporary file and a rename, and one that cannot be written
/// costs one line naming the path and `D2L_FIGURES`, printed after the results.
final class FigureWritingTests: XCTestCase {
    /// What `body` prints to standard output, one string per line.
    private func printedLines(_ body: () throws -> Void) rethrows -> [String] {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-stdout-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: capture) }
        let handle = try! FileHandle(forWritingTo: capture)
        fflush(stdout)
        let saved = dup(STDOUT_FILENO)
        dup2(handle.fileDescriptor, STDOUT_FILENO)
        defer {
            fflush(stdout)
            dup2(saved, STDOUT_FILENO)
            close(saved)
            try? handle.close()
        }
        try body()
        fflush(stdout)
        let text = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    /// A `D2L_FIGURES` under a regular file: no user, root included, can create that folder.
    private func blockedFigures(in folder: TemporaryFolder) throws -> URL {
        let file = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let figures = file.appendingPathComponent("figures")
        setenv("D2L_FIGURES", figures.path, 1)
        return figures
    }

    func testFigureIsWrittenWithMissingFoldersAndNoTemporaryFileLeft() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.appendingPathComponent("a/b/curve.svg")
        var figure = Figure()
        figure.series = [.init(x: [0, 1], y: [1, 2], label: "up", style: LineStyle(format: "-", index: 0))]
        XCTAssertEqual(try figure.save(to: target), target)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), figure.svg())
        // Writing again replaces the file whole.
        figure.series[0].label = "again"
        try figure.save(to: target)
        XCTAssertTrue(try String(contentsOf: target, encoding: .utf8).contains(">again<"))
        let names = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        XCTAssertEqual(names, ["curve.svg"], "no temporary file is left beside the figure")
    }

    func testFailedRenameLeavesNoPartialFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A folder where the figure should go: the data is written, the rename onto it fails.
        let target = folder.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        XCTAssertThrowsError(try writeOutput("<svg/>", to: target)) { error in
            guard let notWritten = error as? FileNotWritten else { return XCTFail("threw \(error)") }
            XCTAssertEqual(notWritten.url, target)
            XCTAssertEqual(notWritten.reason, "is a directory")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["taken.svg"])
    }

    func testUnwritableFigureIsOneLineNamingThePathAndTheSetting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove(); unsetenv("D2L_FIGURES") }
        let figures = try blockedFigures(in: folder)
        XCTAssertThrowsError(try plot([0, 1], [[0, 1]], name: "line.svg")) { error in
            XCTAssertEqual("\(error)", "could not write \(figures.path)/line.svg (\(folder.path)/not-a-folder is a file, "
                           + "not a folder); set D2L_FIGURES to a writable folder")
        }
        var result: URL?? = .none
        let lines = printedLines {
            result = reportWritten("figure written to") { try plot([0, 1], [[0, 1]], name: "line.svg") }
        }
        XCTAssertEqual(result, .some(nil), "the failure is reported, not thrown")
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("could not write \(figures.path)/line.svg"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("set D2L_FIGURES to a writable folder"), lines[0])

        // A second figure for the same folder (chapter 3 softmax writes two) adds no line.
        let again = printedLines {
            XCTAssertNil(reportWritten("figure written to") { try plot([0, 1], [[1, 0]], name: "other.svg") })
        }
        XCTAssertEqual(again, [])
    }

    func testReportWrittenPrintsWhereEachFileWent() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        var urls: [URL] = []
        let lines = printedLines {
            urls = reportWritten("image written to") {
                [try showImages(Tensor.zeros([2, 3, 3]), numRows: 1, numCols: 2, name: "grid.svg"),
                 try plot([0, 1], [[1, 0]], name: "down.svg")]
            }
        }
        XCTAssertEqual(urls.map(\.lastPathComponent), ["grid.svg", "down.svg"])
        XCTAssertEqual(lines, urls.map { "image written to \($0.path)" })
    }

    func testTrainingRunPrintsResultsBeforeTheFigureLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove(); unsetenv("D2L_FIGURES") }
        let figures = try blockedFigures(in: folder)
        let run = TrainingRun(numEpochs: 1, batchesPerEpoch: 1, legend: ["loss"], figureName: "run.svg")
        var written: URL?? = .none
        let lines = printedLines {
            run.startEpoch(0)
            try? run.step(batch: 0, size: 4, loss: 0.5)
            run.endEpoch()
            written = run.finish(["loss 0.500", "4.0 examples/sec on CPU"])
        }
        XCTAssertEqual(written, .some(nil))
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertEqual(Array(lines.prefix(2)), ["loss 0.500", "4.0 examples/sec on CPU"])
        XCTAssertTrue(lines[2].hasPrefix("could not write \(figures.path)/run.svg"), lines[2])
    }

    func testSubmissionSettingIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.appendingPathComponent("data")
        try Data().write(to: file)
        XCTAssertThrowsError(try writeOutput("Id\n", to: file.appendingPathComponent("out.csv"), setting: "D2L_DATA_DIR")) {
            XCTAssertTrue("\($0)".hasSuffix("set D2L_DATA_DIR to a writable folder"), "\($0)")
        }
    }

    /// `plot` with one x array per curve draws curves of different lengths in one figure, with the
    /// legend and formats of the shared-x form.
    func testPlotWithAnXPerCurveDrawsCurvesOfDifferentLengths() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let url = try plot([[1, 2, 3, 4], [2, 3]], [[1, 4, 9, 16], [5, 5]], legend: ["long", "short"],
                           name: "curves.svg")
        let svg = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(url.deletingLastPathComponent().path, folder.url.path, "written under D2L_FIGURES")
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2)
        XCTAssert(svg.contains(">long<") && svg.contains(">short<"), "both labels in the legend")
        XCTAssert(svg.contains("stroke-dasharray"), "the second curve takes the second format, m--")
    }
}
