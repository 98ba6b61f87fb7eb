import CZlib
import Foundation

/// Reads a whole file, decompressing it when it is gzip-compressed (plain files are read as
/// they are, so `train-images-idx3-ubyte` and `train-images-idx3-ubyte.gz` both work).
/// - Throws: `DataError` naming the file when it is missing or the gzip stream is damaged.
public func readMaybeGzipped(_ url: URL) throws -> [UInt8] {
    guard FileManager.default.isReadableFile(atPath: url.path) else {
        throw DataError.missingFile(url, hint: "the file does not exist or cannot be read")
    }
    guard let file = gzopen(url.path, "rb") else {
        throw DataError.malformed(url, "cannot open the file")
    }
    defer { gzclose(file) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        if n < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
            throw DataError.malformed(url, "the gzip data is damaged (\(message)); delete the file and get it again")
        }
        if n == 0 { break }
        result += chunk[0..<Int(n)]
    }
    // gzread stops quietly at a truncated stream; gzerror then reports it.
    var code: Int32 = 0
    _ = gzerror(file, &code)
    if code != Z_OK && code != Z_STREAM_END {
        throw DataError.malformed(url, "the gzip data is truncated or damaged; delete the file and get it again")
    }
    return result
}
