import Foundation
import XCTest

/// `text` parsed as a JSON object, failing the test when it is not one.
func jsonObject(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try XCTUnwrap(value as? [String: Any], "not a JSON object: \(text.prefix(200))", file: file, line: line)
}

/// The objects of the array `key` of `object`.
func jsonObjects(_ object: [String: Any], _ key: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
    try XCTUnwrap(object[key] as? [[String: Any]], "\(key) is not an array of objects", file: file, line: line)
}
