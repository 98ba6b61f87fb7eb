import Foundation

/// `value` as JSON text for a file a program reads and a person may open: keys sorted (so the
/// output of the same grading is the same bytes), indented, slashes as written.
func jsonText<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // The printers encode plain structs of strings and numbers, which cannot fail to encode.
    let data = try! encoder.encode(value)
    return String(decoding: data, as: UTF8.self)
}
