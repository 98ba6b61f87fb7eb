import CSystemZlib
import Foundation

/// Reads a whole file, decompressing it when it is gzip-compressed (plain files are read as
/// they are, so `train-images-idx3-ubyte` and `train-images-idx3-ubyte.gz` both work).
/// - Throws: `DataError` naming the file when it is missing, unreadable, or its gzip data is
///   truncated or damaged.
public func readMaybeGzipped(_ url: URL) throws -> [UInt8] {
    let bytes = try readFileBytes(url, missingHint: "the file does not exist; check the path or get it again")
    return try Gzip.decompressIfNeeded(bytes, source: url)
}

/// Gzip decompression in memory, over zlib's `inflate`.
enum Gzip {
    /// True when `bytes` start with the gzip magic number 1f 8b.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// `bytes` decompressed when they start with the gzip magic number, else `bytes` unchanged.
    /// Members written one after another (as `cat a.gz b.gz`) decompress to their concatenation;
    /// zero bytes after the last member (padding) are ignored, anything else is an error.
    /// `chunkSize` is how many bytes zlib writes per call; the fuzz target makes it small so
    /// short inputs cross many chunk boundaries.
    /// - Throws: `DataError.malformed` naming `source` for truncated or damaged data.
    static func decompressIfNeeded(_ bytes: [UInt8], source: URL, chunkSize: Int = 1 << 16) throws -> [UInt8] {
        guard isCompressed(bytes) else { return bytes }
        let again = "delete the file and get it again"
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer (CRC-32 and length) around the deflate data.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError.malformed(source, "zlib could not start decompressing (out of memory?)")
        }
        defer { inflateEnd(&stream) }
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var result: [UInt8] = []
        return try bytes.withUnsafeBufferPointer { input -> [UInt8] in
            let base = UnsafeMutablePointer(mutating: input.baseAddress!)
            // zlib counts input in 32-bit words, so a large file is fed to it in pieces.
            var fed = 0
            while true {
                if stream.avail_in == 0 && fed < input.count {
                    let n = Swift.min(input.count - fed, 1 << 30)
                    stream.next_in = base + fed
                    stream.avail_in = UInt32(n)
                    fed += n
                }
                stream.next_out = chunk
                stream.avail_out = UInt32(chunkSize)
                let status = inflate(&stream, Z_NO_FLUSH)
                let produced = chunkSize - Int(stream.avail_out)
                result.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
                let consumed = fed - Int(stream.avail_in)
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    let rest = input[consumed...]
                    if rest.allSatisfy({ $0 == 0 }) { return result }
                    guard rest.count >= 2, rest[consumed] == 0x1F, rest[consumed + 1] == 0x8B else {
                        throw DataError.malformed(source, "\(rest.count) bytes that are not gzip data follow the "
                            + "gzip stream at byte \(consumed); the file is damaged, \(again)")
                    }
                    inflateReset(&stream)
                case Z_BUF_ERROR where stream.avail_in == 0 && fed == input.count:
                    throw DataError.malformed(source, "the gzip data is truncated after \(input.count) bytes "
                        + "(\(result.count) bytes decompressed); \(again)")
                case Z_MEM_ERROR:
                    throw DataError.malformed(source, "out of memory while decompressing the gzip data")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    throw DataError.malformed(source, "the gzip data is damaged at byte \(consumed) (\(message)); \(again)")
                }
            }
        }
    }
}
