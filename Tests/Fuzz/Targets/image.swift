// Fuzz target: the JPEG and PNG decoder (Sources/D2L/Image/ImageCodecs.swift and the C layer in
// Sources/CImageCodecs over libjpeg-turbo and libpng), given a file's bytes.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors {
        _ = try decodeImage(bytes, color: .unchanged)
    }
    return 0
}
