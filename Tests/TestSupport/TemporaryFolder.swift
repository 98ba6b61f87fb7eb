import Foundation

/// A fresh, empty folder under the system's temporary directory, for tests that write files.
/// Call `remove()` (usually in a `defer`) to delete it.
public struct TemporaryFolder {
    /// The folder's location.
    public let url: URL
    private let isFiguresDirectory: Bool

    /// Creates the folder; with `holdingFigures`, also points `D2L_FIGURES` at it so the
    /// library's SVG files land there instead of `./figures`.
    public init(holdingFigures: Bool = false) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        isFiguresDirectory = holdingFigures
        if holdingFigures { setenv("D2L_FIGURES", url.path, 1) }
    }

    /// `url.path`.
    public var path: String { url.path }

    /// The location of `name` inside the folder.
    public func appendingPathComponent(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Deletes the folder and, if it held figures, unsets `D2L_FIGURES`.
    public func remove() {
        if isFiguresDirectory { unsetenv("D2L_FIGURES") }
        try? FileManager.default.removeItem(at: url)
    }
}
