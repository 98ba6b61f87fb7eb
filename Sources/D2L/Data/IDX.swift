import Foundation

/// Reader for the IDX format of MNIST and Fashion-MNIST: a big-endian header (magic number,
/// then one 32-bit length per axis) followed by unsigned bytes.
public enum IDX {
    /// Images from an `idx3-ubyte` file (gzipped or plain): their count, height, width and
    /// pixels row by row, one byte (0–255) each.
    /// - Throws: `DataError` naming the file for a missing file, a wrong magic number, or fewer
    ///   pixels than the header promises.
    public static func readImages(_ url: URL) throws -> (count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
        try images(in: readMaybeGzipped(url), source: url)
    }

    /// Labels from an `idx1-ubyte` file (gzipped or plain), one byte each.
    /// - Throws: `DataError` as `readImages` does.
    public static func readLabels(_ url: URL) throws -> [UInt8] {
        try labels(in: readMaybeGzipped(url), source: url)
    }

    /// The images of the (decompressed) contents of an `idx3-ubyte` file; errors name `source`.
    static func images(in bytes: [UInt8], source url: URL) throws -> (count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
        let dims = try header(bytes, magic: 0x0000_0803, axes: 3, url: url)
        // Three 32-bit lengths can multiply past Int.max; such a header promises more than any file holds.
        let (plane, overflow1) = dims[1].multipliedReportingOverflow(by: dims[2])
        let (expected, overflow2) = dims[0].multipliedReportingOverflow(by: plane)
        guard !overflow1, !overflow2, bytes.count - 16 == expected else {
            let size = overflow1 || overflow2 ? "more than 2⁶³" : "\(expected)"
            throw DataError.malformed(url, "the header announces \(dims[0]) images of \(dims[1])×\(dims[2]) "
                + "(\(size) bytes) but the file holds \(bytes.count - 16); it is truncated or damaged, get it again")
        }
        return (dims[0], dims[1], dims[2], Array(bytes[16...]))
    }

    /// The labels of the (decompressed) contents of an `idx1-ubyte` file; errors name `source`.
    static func labels(in bytes: [UInt8], source url: URL) throws -> [UInt8] {
        let dims = try header(bytes, magic: 0x0000_0801, axes: 1, url: url)
        guard bytes.count - 8 == dims[0] else {
            throw DataError.malformed(url, "the header announces \(dims[0]) labels but the file holds "
                + "\(bytes.count - 8); it is truncated or damaged, get it again")
        }
        return Array(bytes[8...])
    }

    private static func header(_ bytes: [UInt8], magic: UInt32, axes: Int, url: URL) throws -> [Int] {
        func word(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        guard bytes.count >= 4 + 4 * axes else {
            throw DataError.malformed(url, "too short (\(bytes.count) bytes) to be an IDX file")
        }
        guard word(0) == magic else {
            throw DataError.malformed(url, "bad magic number 0x\(String(word(0), radix: 16)) (expected "
                + "0x\(String(magic, radix: 16))): not an IDX \(axes == 1 ? "label" : "image") file")
        }
        return (0..<axes).map { Int(word(4 + 4 * $0)) }
    }
}
