// Fuzz target: CSV files read into a DataTable (Sources/D2L/Data/DataTable.swift), then the
// operations §2.2 applies to what was read: printing, fillna, get_dummies and conversion to a tensor.
@testable import D2L

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    expectOnlyDataErrors {
        let table = try DataTable.parseCSV(bytes, source: DataError.inMemory)
        _ = table.description
        let filled = table.fillingMissingWithMean().oneHotEncoded(dummyNA: true)
        _ = filled.description
        _ = try? filled.toTensor()
    }
    return 0
}
