import Foundation

/// The folder data sets are read from and downloaded to: `$D2L_DATA_DIR` when set, else
/// `./data`, the book's `../data` moved next to where you run the programs.
public var dataDirectory: URL {
    if let custom = ProcessInfo.processInfo.environment["D2L_DATA_DIR"], !custom.isEmpty {
        return URL(fileURLWithPath: custom, isDirectory: true)
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        .appendingPathComponent("data", isDirectory: true)
}

/// Writes `text` to `url` through a temporary file and a rename, creating the folder first, so
/// that readers never see a half-written file.
public func writeAtomically(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                            withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}
