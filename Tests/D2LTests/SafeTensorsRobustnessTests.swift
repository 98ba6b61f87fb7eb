import D2L
import Foundation
import TestSupport
import XCTest

/// Damaged or hostile safetensors files are thrown errors naming the file and the problem, never
/// a trap (overflow, out-of-range slice) inside the reader.
final class SafeTensorsRobustnessTests: XCTestCase {
    private var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    /// A file of `header` (JSON text) and `data`, with a header length of `length` (default: the
    /// header's own).
    private func file(header: String, data: [UInt8] = [], length: UInt64? = nil, name: String = "t.safetensors") throws -> URL {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: (length ?? UInt64(header.utf8.count)).littleEndian) { bytes += $0 }
        bytes += Array(header.utf8) + data
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    private func assertLoadFails(_ url: URL, saying words: String..., line: UInt = #line) {
        XCTAssertThrowsError(try SafeTensors.load(url), line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(url.lastPathComponent), "no file name in: \(text)", line: line)
            for w in words { XCTAssertTrue(text.contains(w), "'\(w)' not in: \(text)", line: line) }
        }
    }

    func testHeaderLengthNearTwoToTheSixtyThreeIsTruncatedNotATrap() throws {
        assertLoadFails(try file(header: "{}", length: UInt64(Int64.max) - 3), saying: "truncated")
        assertLoadFails(try file(header: "{}", length: UInt64.max), saying: "truncated")
    }

    func testDataOffsetsNearTwoToTheSixtyThreeAreRejected() throws {
        let huge = Int64.max - 2
        assertLoadFails(try file(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[\#(huge),\#(Int64.max)]}}"#),
                        saying: "truncated", "w")
        assertLoadFails(try file(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}}"#, data: [0, 0, 0, 0]),
                        saying: "byte range")
    }

    func testHugeOrNegativeShapesAreRejected() throws {
        let two40 = 1 << 40
        assertLoadFails(try file(header: #"{"w":{"dtype":"F32","shape":[\#(two40),\#(two40)],"data_offsets":[0,4]}}"#,
                                 data: [0, 0, 0, 0]), saying: "shape")
        assertLoadFails(try file(header: #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]),
                        saying: "shape [-1]")
    }

    func testTruncatedFilesSayTruncated() throws {
        let t = Tensor([1.0, 2, 3])
        let good = folder.appendingPathComponent("good.safetensors")
        try SafeTensors.save(["x": t], to: good)
        let bytes = try Data(contentsOf: good)
        for cut in [4, 20, bytes.count - 2] {
            let url = folder.appendingPathComponent("cut\(cut).safetensors")
            try bytes.prefix(cut).write(to: url)
            assertLoadFails(url, saying: "truncated")
        }
    }

    func testHalfAndBFloat16AreReadAsFloat32() throws {
        // 1.0, -2.0, 65504 (largest half), 2⁻²⁴ (smallest subnormal), inf in F16;
        // 1.0, -2.5 and 3.140625 in BF16.
        let half: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00]
        let bf16: [UInt16] = [0x3F80, 0xC020, 0x4049]
        let data = (half + bf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let url = try file(header: #"{"h":{"dtype":"F16","shape":[5],"data_offsets":[0,10]},"#
                           + #""b":{"dtype":"BF16","shape":[3],"data_offsets":[10,16]}}"#, data: data)
        let loaded = try SafeTensors.load(url)
        XCTAssertEqual(loaded["h"]!.dtype, .float32)
        XCTAssertEqual(loaded["h"]!.toArray(), [1, -2, 65504, 0x1p-24, .infinity])
        XCTAssertEqual(loaded["b"]!.toArray(), [1, -2.5, 3.140625])
    }

    func testFolderAndMissingFileAreToldApart() throws {
        let dir = folder.appendingPathComponent("adir")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        assertLoadFails(dir, saying: "is a folder")
        assertLoadFails(folder.appendingPathComponent("absent.safetensors"), saying: "not found")
    }

    /// Runs as root too: `unreadableFile` falls back on a file the kernel refuses to root.
    func testUnreadableFileSaysPermissionDenied() throws {
        let header = Array("{}".utf8)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes += $0 }
        let url = try folder.unreadableFile(named: "locked.safetensors", contents: bytes + header)
        assertLoadFails(url, saying: url.path, "permission denied")
    }

    func testIntegersBeyondFloat32PrecisionAreAnErrorNotACrash() throws {
        let big = Int64(1) << 40
        let data = withUnsafeBytes(of: big.littleEndian) { Array($0) }
        assertLoadFails(try file(header: #"{"n":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}"#, data: data),
                        saying: "integers beyond")
    }
}
