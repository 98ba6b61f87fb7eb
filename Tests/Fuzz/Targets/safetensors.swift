// Fuzz target: the safetensors reader (Sources/D2L/IO/SafeTensors.swift): header length, JSON
// header, dtypes, shapes and byte ranges, and the tensors built from them.
// Foundation's JSON parser is not instrumented, so mutated bytes rarely reach the numeric checks
// with interesting numbers; the target therefore also reads each input as the fields of one
// entry (dtype, shape, data_offsets, data), writes them as a well-formed file and loads that.
@testable import D2L

/// A safetensors file of one entry whose fields are taken from `bytes`: a dtype, up to 4
/// dimensions and 2 offsets, each either small (0–7) or a raw 64-bit value, then the data.
private func fileFromFields(_ bytes: [UInt8]) -> [UInt8] {
    var rest = bytes[...]
    func byte() -> UInt8 { rest.popFirst() ?? 0 }
    func number() -> Int64 {
        let flag = byte()
        guard flag & 1 == 1 else { return Int64(flag >> 1) % 8 }
        var raw: UInt64 = 0
        for k in 0..<8 { raw |= UInt64(byte()) << (8 * UInt64(k)) }
        return Int64(bitPattern: raw)
    }
    let dtypes = ["F32", "F16", "BF16", "F64", "I64", "I32", "I16", "I8", "U8", "BOOL"]
    let dtype = dtypes[Int(byte()) % dtypes.count]
    let shape = (0..<Int(byte() % 5)).map { _ in number() }
    let offsets = [number(), number()]
    let header = #"{"t":{"dtype":"\#(dtype)","shape":\#(shape),"data_offsets":\#(offsets)}}"#
    return withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { Array($0) } + Array(header.utf8) + Array(rest)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    for file in [bytes, fileFromFields(bytes)] {
        expectOnlyDataErrors {
            for (_, tensor) in try SafeTensors.load(bytes: file, source: DataError.inMemory) {
                _ = tensor.description
            }
        }
    }
    return 0
}
