// Fuzz target: in-memory gzip decompression over zlib (Sources/D2L/Data/Gzip.swift), which
// every `.gz` data file goes through.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors { _ = try Gzip.decompressIfNeeded(bytes, source: DataError.inMemory) }
    return 0
}
