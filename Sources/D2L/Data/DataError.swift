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

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .missingFile(let url, let hint):
            return "\(url.path): file not found; \(hint)"
        case .malformed(let url, let why):
            return "\(url.path): \(why)"
        case .notNumeric(let column, let hint):
            return "column \(column) is not all numbers; \(hint)"
        case .checksumMismatch(let url, let expected, let actual):
            return "\(url.path): SHA-1 is \(actual), expected \(expected); the file is damaged or a different "
                + "version: delete it and get it again"
        case .downloadFailed(let name, let url, let reason, let hint):
            return "could not download \(name) from \(url) (\(reason)); \(hint)"
        }
    }
}
