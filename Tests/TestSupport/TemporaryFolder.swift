import Foundation
import XCTest

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

extension TemporaryFolder {
    /// A path that exists, is a regular file and cannot be opened for reading by whoever runs the
    /// tests, for testing the readers' "permission denied" message.
    ///
    /// First a file `name` written into this folder with mode 000. Root reads that anyway (it
    /// passes over permission bits), so when it still opens, Linux's write-only sysctls
    /// (`/proc/sys/vm/drop_caches`, mode 0200) are tried: the kernel checks their mode bits for
    /// root too and refuses to open them for reading. Skips the test only when none of these
    /// refuses, which `.ci/run` reports as a skip that is not an exercise.
    public func unreadableFile(named name: String, contents: [UInt8]) throws -> URL {
        let local = appendingPathComponent(name)
        try Data(contents).write(to: local)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: local.path)
        let candidates = [local.path, "/proc/sys/vm/drop_caches", "/proc/sys/vm/compact_memory"]
        for path in candidates where Self.refusesReading(path) { return URL(fileURLWithPath: path) }
        throw XCTSkip("every candidate of an unreadable file opens for this user: \(candidates)")
    }

    /// Whether `path` is an existing regular file whose opening for reading fails with EACCES.
    private static func refusesReading(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        if fd >= 0 {
            close(fd)
            return false
        }
        return errno == EACCES
    }
}
