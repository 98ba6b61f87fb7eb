@testable import D2L
import Foundation
import TestSupport
import XCTest

/// The readers the fuzz targets cover, through their file API: gzip decompressed in memory and
/// CSV read as bytes, with errors that name the file and tell missing, unreadable and damaged apart.
final class FuzzedReadersTests: XCTestCase {
    private var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    /// `gzip -n` of "ab\n" and of "cd\n".
    private let ab: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4B, 0x4C, 0xE2, 0x02,
                               0x00, 0x3E, 0x98, 0x4A, 0x01, 0x03, 0x00, 0x00, 0x00]
    private let cd: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4B, 0x4E, 0xE1, 0x02,
                               0x00, 0xD6, 0xEB, 0x94, 0x54, 0x03, 0x00, 0x00, 0x00]

    private func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    private func assertFails(_ body: () throws -> Void, saying words: String..., line: UInt = #line) {
        XCTAssertThrowsError(try body(), line: line) { error in
            XCTAssertTrue(error is DataError, "not a DataError: \(error)", line: line)
            for w in words { XCTAssertTrue("\(error)".contains(w), "'\(w)' not in: \(error)", line: line) }
        }
    }

    func testGzipMembersConcatenateAndPlainFilesPassThrough() throws {
        XCTAssertEqual(try readMaybeGzipped(write(ab, "one.gz")), Array("ab\n".utf8))
        XCTAssertEqual(try readMaybeGzipped(write(ab + cd, "two.gz")), Array("ab\ncd\n".utf8))
        XCTAssertEqual(try readMaybeGzipped(write(ab + [0, 0, 0], "padded.gz")), Array("ab\n".utf8))
        XCTAssertEqual(try readMaybeGzipped(write([0x1F, 0x8A, 1], "plain")), [0x1F, 0x8A, 1])
    }

    func testGzipOutputLongerThanOneChunkComesBackWhole() throws {
        let seed = FuzzCorpusTests.corpus.appendingPathComponent("gzip/valid-zeros-200k.gz")
        let bytes = try readMaybeGzipped(seed)
        XCTAssertEqual(bytes.count, 200_000)
        XCTAssertTrue(bytes.allSatisfy { $0 == 0 })
    }

    func testDamagedGzipSaysWhatAndNamesTheFile() throws {
        assertFails({ _ = try readMaybeGzipped(write(Array(ab.prefix(12)), "cut.gz")) }, saying: "cut.gz", "truncated")
        var crc = ab
        crc[15] ^= 0xFF
        assertFails({ _ = try readMaybeGzipped(write(crc, "crc.gz")) }, saying: "crc.gz", "damaged", "incorrect data check")
        assertFails({ _ = try readMaybeGzipped(write(ab + Array("junk".utf8), "junk.gz")) },
                    saying: "junk.gz", "4 bytes that are not gzip data follow the gzip stream at byte 23")
        assertFails({ _ = try readMaybeGzipped(self.folder.appendingPathComponent("absent.gz")) },
                    saying: "absent.gz", "not found")
        assertFails({ _ = try readMaybeGzipped(self.folder.url) }, saying: "is a folder")
    }

    func testCSVThatIsNotUTF8SaysWhereAndCSVWithABOMReadsItsHeader() throws {
        let latin1: [UInt8] = Array("name\nJos".utf8) + [0xE9] + [0x0A]
        assertFails({ _ = try DataTable.readCSV(write(latin1, "latin1.csv")) },
                    saying: "latin1.csv", "is not UTF-8 text (byte 8 is 0xe9)")
        let table = try DataTable.readCSV(write([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8), "bom.csv"))
        XCTAssertEqual(table.columnNames, ["a", "b"])
        assertFails({ _ = try DataTable.readCSV(self.folder.appendingPathComponent("absent.csv")) },
                    saying: "absent.csv", "not found")
        assertFails({ _ = try DataTable.readCSV(self.folder.url) }, saying: "is a folder")
    }

    /// Runs as root too: `unreadableFile` falls back on a file the kernel refuses to root.
    func testUnreadableCSVSaysPermissionDenied() throws {
        let url = try folder.unreadableFile(named: "locked.csv", contents: Array("a\n1\n".utf8))
        assertFails({ _ = try DataTable.readCSV(url) }, saying: url.path, "permission denied")
        assertFails({ _ = try readMaybeGzipped(url) }, saying: url.path, "permission denied")
    }

    func testInMemorySourceIsCalledBytes() {
        XCTAssertEqual(DataError.malformed(DataError.inMemory, "too short").description, "<bytes>: too short")
    }
}
