// Fuzz target: the CIFAR-10 binary reader (Sources/D2L/Data/CIFAR10.swift), given one file's bytes.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors {
        var pixels: [UInt8] = [], labels: [Float] = []
        try CIFAR10.parse(bytes, source: DataError.inMemory, pixels: &pixels, labels: &labels)
    }
    return 0
}
