import D2L
import Foundation
import XCTest
import ZIPFoundation

/// `extractZip` (behind `downloadExtract`, the book's `download_extract`): a good archive gives
/// its folder, and a corrupt, truncated or wrong one throws an error naming it and leaves the
/// destination as it was.
final class ZipExtractTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zip-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A zip of `fra-eng/fra.txt` (a few pairs, as the book's archive holds) made with ZIPFoundation.
    private func makeArchive(folder: String = "fra-eng") throws -> URL {
        let source = root.appendingPathComponent("source")
        let content = source.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("Go.\tVa !\nHi.\tSalut !\n".utf8).write(to: content.appendingPathComponent("fra.txt"))
        let archive = root.appendingPathComponent("fra-eng.zip")
        try FileManager.default.zipItem(at: content, to: archive)
        return archive
    }

    private func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testAGoodArchiveUnpacksItsFolder() throws {
        let archive = try makeArchive()
        let data = root.appendingPathComponent("data")
        try extractZip(archive, into: data, folderName: "fra-eng")
        XCTAssertEqual(try contents(of: data), ["fra-eng"], "only the folder, no staging folder left")
        let text = try String(contentsOf: data.appendingPathComponent("fra-eng/fra.txt"), encoding: .utf8)
        XCTAssertEqual(text, "Go.\tVa !\nHi.\tSalut !\n")
        XCTAssertEqual(try readDataNMT(from: data.appendingPathComponent("fra-eng/fra.txt")), text)
    }

    func testACorruptArchiveLeavesNothing() throws {
        let archive = root.appendingPathComponent("fra-eng.zip")
        try Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: archive)
        try assertRejected(archive, containing: "could not be unpacked")
    }

    func testATruncatedArchiveLeavesNothing() throws {
        let archive = try makeArchive()
        let bytes = try Data(contentsOf: archive)
        try bytes.prefix(bytes.count / 2).write(to: archive)
        try assertRejected(archive, containing: "could not be unpacked")
    }

    func testAnArchiveWithoutTheFolderLeavesNothing() throws {
        let archive = try makeArchive(folder: "something-else")
        try assertRejected(archive, containing: "has no folder fra-eng/")
    }

    /// `extractZip` throws a `DataError` naming the archive, and the data folder stays empty.
    private func assertRejected(_ archive: URL, containing reason: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let data = root.appendingPathComponent("data")
        XCTAssertThrowsError(try extractZip(archive, into: data, folderName: "fra-eng"), file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(error is DataError, "\(type(of: error))", file: file, line: line)
            XCTAssertTrue(message.contains(archive.lastPathComponent) && message.contains(reason), message,
                          file: file, line: line)
        }
        XCTAssertEqual(try contents(of: data), [], "nothing may be left in the data folder", file: file, line: line)
    }
}
