@testable import D2L
import Foundation
import XCTest

/// Inputs that once crashed or fooled a reader, found by the fuzz targets in `Tests/Fuzz/` (or, where
/// said, by reading the code and confirmed with the fuzz binary). Each must now be a thrown
/// `DataError` that names `<bytes>` and the problem.
final class FuzzRegressionTests: XCTestCase {
    private func assertRejected(_ parse: () throws -> Void, saying words: String..., line: UInt = #line) {
        XCTAssertThrowsError(try parse(), line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(error is DataError, "not a DataError: \(text)", line: line)
            XCTAssertTrue(text.hasPrefix("<bytes>: "), "the source is not named: \(text)", line: line)
            for w in words { XCTAssertTrue(text.contains(w), "'\(w)' not in: \(text)", line: line) }
        }
    }

    /// A safetensors file of `header` (JSON text) followed by `data`.
    private func safetensors(_ header: String, _ data: [UInt8] = []) -> [UInt8] {
        withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { Array($0) } + Array(header.utf8) + data
    }

    /// fuzz target idx, within 14 executions: 1 181 511 521 images of 1 946 681 628 × 28 pixels
    /// overflowed Int when the reader multiplied the header's sizes (a trap, not an error).
    func testIDXHeaderWhoseSizesOverflowIsAnError() {
        let crash: [UInt8] = [0x00, 0x00, 0x08, 0x03, 0x46, 0x6C, 0x6F, 0x61, 0x74, 0x08, 0x01, 0x1C, 0x00, 0x00, 0x00, 0x1C]
        assertRejected({ _ = try IDX.images(in: crash, source: DataError.inMemory) },
                       saying: "1181511521 images of 1946681628×28", "more than 2⁶³ bytes", "truncated")
        let largest: [UInt8] = [0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12)
        assertRejected({ _ = try IDX.images(in: largest, source: DataError.inMemory) }, saying: "4294967295 images")
    }

    /// Found by reading the code, then by the safetensors target's field mode within 1 706
    /// executions of the unfixed reader: a shape with a zero holds no values, so the element
    /// count passed, but the tensor's strides (which count a zero-length axis as 1) overflowed Int.
    func testSafeTensorsEmptyShapeWithHugeAxesIsAnError() {
        let bytes = safetensors(#"{"w":{"dtype":"F32","shape":[0,4611686018427387904,4],"data_offsets":[0,0]}}"#)
        assertRejected({ _ = try SafeTensors.load(bytes: bytes, source: DataError.inMemory) },
                       saying: "entry w", "shape [0, 4611686018427387904, 4]")
        let found = safetensors(#"{"t":{"dtype":"U8","shape":[0, 3978704004140053817, 17974, 0],"data_offsets":[0, 0]}}"#)
        assertRejected({ _ = try SafeTensors.load(bytes: found, source: DataError.inMemory) },
                       saying: "entry t", "the non-zero ones at most 2⁴⁸")
        // A zero-length axis beside ordinary ones is still an empty tensor.
        let empty = safetensors(#"{"e":{"dtype":"F32","shape":[0,1000,3],"data_offsets":[0,0]}}"#)
        XCTAssertEqual(try SafeTensors.load(bytes: empty, source: DataError.inMemory)["e"]?.shape, [0, 1000, 3])
    }

    /// Found by reading the code: an I64 of 2²⁴ + 1 became the Float 2²⁴ before the range check,
    /// which then passed, so the tensor silently held 16 777 216.
    func testSafeTensorsIntegerJustPastFloat32PrecisionIsAnError() {
        for value: Int64 in [16_777_217, -16_777_217] {
            let bytes = safetensors(#"{"n":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#,
                                    withUnsafeBytes(of: value.littleEndian) { Array($0) })
            assertRejected({ _ = try SafeTensors.load(bytes: bytes, source: DataError.inMemory) },
                           saying: "entry n", "integers beyond")
        }
        let exact = safetensors(#"{"n":{"dtype":"I32","shape":[2],"data_offsets":[0,8]}}"#,
                                [0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFF])  // 2²⁴ and -2²⁴
        XCTAssertEqual(try SafeTensors.load(bytes: exact, source: DataError.inMemory)["n"]?.toArray(),
                       [16_777_216, -16_777_216])
    }
}
