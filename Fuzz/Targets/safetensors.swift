// Fuzz target: the safetensors reader (Sources/D2L/IO/SafeTensors.swift): header length, JSON
// header, dtypes, shapes and byte ranges, and the tensors built from them.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors {
        for (_, tensor) in try SafeTensors.load(bytes: bytes, source: DataError.inMemory) {
            _ = tensor.description
        }
    }
    return 0
}
