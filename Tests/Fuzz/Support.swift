// Compiled into every fuzz target: the input as bytes, and the one rule a reader of outside
// bytes must keep, whatever the bytes: it returns, or throws a `DataError` that names its source.
@testable import D2L

/// The fuzzer's input as an array of bytes.
func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Runs `parse`. Any error other than a `DataError` whose message begins with `<bytes>: ` is a
/// finding: the process stops, and libFuzzer saves the input as a crash file.
func expectOnlyDataErrors(_ parse: () throws -> Void) {
    do {
        try parse()
    } catch let error as DataError {
        let text = error.description
        if !text.hasPrefix("<bytes>: ") { fatalError("a DataError that does not name its source: \(text)") }
    } catch {
        fatalError("an error that is not a DataError: \(error)")
    }
}
