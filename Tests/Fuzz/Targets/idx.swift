// Fuzz target: the IDX reader of MNIST / Fashion-MNIST (Sources/D2L/Data/IDX.swift), given the
// file's bytes after decompression. The magic number's last byte picks images (3) or labels.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors {
        if bytes.count >= 4 && bytes[3] == 3 {
            _ = try IDX.images(in: bytes, source: DataError.inMemory)
        } else {
            _ = try IDX.labels(in: bytes, source: DataError.inMemory)
        }
    }
    return 0
}
