import Foundation

/// Problems with data files. Each message names the file and says what to do about it.
public enum DataError: Error, CustomStringConvertible, Equatable {
    /// The file is not there (or not readable); `hint` says how to get it.
    case missingFile(URL, hint: String)
    /// The file is there but its contents are wrong: `why` says how.
    case malformed(URL, String)
    /// A table column holds text or missing values where numbers are needed.
    case notNumeric(column: String, hint: String)
    /// A file's contents do not have the SHA-1 digest the registry expects.
    case checksumMismatch(URL, expected: String, actual: String)
    /// A download failed, usually for lack of network; `hint` says where to put the file instead.
    case downloadFailed(name: String, url: String, reason: String, hint: String)

    /// The source named by the errors of the readers that parse bytes already in memory (the
    /// fuzz targets and the tests): messages call it `<bytes>` instead of a path.
    static let inMemory = URL(string: "d2l-memory:bytes")!

    /// A file's path, or `<bytes>` for `inMemory`.
    static func name(of url: URL) -> String { url == inMemory ? "<bytes>" : url.path }

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .missingFile(let url, let hint):
            return "\(Self.name(of: url)): file not found; \(hint)"
        case .malformed(let url, let why):
            return "\(Self.name(of: url)): \(why)"
        case .notNumeric(let column, let hint):
            return "column \(column) is not all numbers; \(hint)"
        case .checksumMismatch(let url, let expected, let actual):
            return "\(Self.name(of: url)): SHA-1 is \(actual), expected \(expected); the file is damaged or a different "
                + "version: delete it and get it again"
        case .downloadFailed(let name, let url, let reason, let hint):
            return "could not download \(name) from \(url) (\(reason)); \(hint)"
        }
    }
}

/// The bytes of the file at `url`, or a `DataError` that tells a missing file (with `hint`, how
/// to get it) from a folder and from a file that exists but cannot be read.
func readFileBytes(_ url: URL, missingHint hint: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw DataError.missingFile(url, hint: hint)
    }
    guard !isDirectory.boolValue else { throw DataError.malformed(url, "is a folder, not a file") }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw DataError.malformed(url, "permission denied: the file exists but cannot be read; check its permissions")
    }
    return [UInt8](data)
}
