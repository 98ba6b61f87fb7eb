// Fuzz target: in-memory gzip decompression over zlib (Sources/D2L/Data/Gzip.swift), which
// every `.gz` data file goes through. zlib itself is not instrumented, so the fuzzer sees only
// our wrapper's branches. So the target also checks a round trip that crosses the wrapper's
// chunk and member boundaries: the input, compressed by zlib into a gzip member and written
// twice, must decompress to itself twice when zlib writes 1 to 64 bytes per call.
import CSystemZlib
@testable import D2L

/// `data` as one gzip member, compressed by zlib.
private func gzipped(_ data: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    guard deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                        ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { fatalError("deflateInit2") }
    defer { deflateEnd(&stream) }
    var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))))
    var input = data
    let status = input.withUnsafeMutableBufferPointer { i in
        out.withUnsafeMutableBufferPointer { o -> Int32 in
            stream.next_in = i.baseAddress
            stream.avail_in = UInt32(i.count)
            stream.next_out = o.baseAddress
            stream.avail_out = UInt32(o.count)
            return deflate(&stream, Z_FINISH)
        }
    }
    guard status == Z_STREAM_END else { fatalError("deflate: \(status)") }
    return Array(out.prefix(Int(stream.total_out)))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors { _ = try Gzip.decompressIfNeeded(bytes, source: DataError.inMemory) }

    let member = gzipped(bytes)
    let chunkSize = 1 + Int(bytes.first ?? 0) % 64
    guard let back = try? Gzip.decompressIfNeeded(member + member, source: DataError.inMemory, chunkSize: chunkSize),
          back == bytes + bytes else {
        fatalError("round trip: \(bytes.count) bytes, gzipped to \(member.count) twice, did not come back "
                   + "with \(chunkSize)-byte chunks")
    }
    return 0
}
