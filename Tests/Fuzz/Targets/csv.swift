// Fuzz target: CSV files read into a DataTable (Sources/D2L/Data/DataTable.swift), then the
// operations §2.2 applies to what was read: printing, fillna, get_dummies and conversion to a
// tensor. The one-hot table is not printed: it has rows × categories cells, and formatting them
// took a third of a second for some 800-byte inputs, which starved the fuzzer.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors {
        let table = try DataTable.parseCSV(bytes, source: DataError.inMemory)
        _ = table.description
        _ = try? table.fillingMissingWithMean().oneHotEncoded(dummyNA: true).toTensor()
    }
    return 0
}
