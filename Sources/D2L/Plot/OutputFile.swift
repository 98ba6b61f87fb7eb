import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file a program writes for the reader (a figure, a submission) that could not be written:
/// where, why, and which setting chooses its folder.
///
/// Its description is the one line a program prints instead of a Foundation error dump:
/// `could not write figures/x.svg (permission denied); set D2L_FIGURES to a writable folder`.
public struct FileNotWritten: Error, CustomStringConvertible {
    /// The file that was to be written.
    public let url: URL
    /// The file system's reason, in a few words ("permission denied", "not a directory").
    public let reason: String
    /// What picks the folder, such as `D2L_FIGURES` or `D2L_DATA_DIR`.
    public let setting: String

    /// The one-line message.
    public var description: String {
        "could not write \(url.path) (\(reason)); set \(setting) to a writable folder"
    }
}

/// Writes `text` to `url` through a temporary file beside it and a rename, creating missing
/// folders first, so an interrupted run never leaves a half-written file under the final name.
///
/// Every figure of the library (`Figure.save`, `plot`, `showImages`, `Animator.finish`) is
/// written this way. The temporary file is removed when anything fails.
/// - Parameter setting: what the error message tells the reader to change, `D2L_FIGURES` for
///   figures.
/// - Throws: `FileNotWritten` naming the path and the reason.
public func writeOutput(_ text: String, to url: URL, setting: String = "D2L_FIGURES") throws {
    try writeOutput(Array(text.utf8), to: url, setting: setting)
}

/// Writes `bytes` to `url` the same way: a temporary file beside it, then a rename, so a PNG
/// image (§13.1's augmentation grids) is never seen half-written.
///
/// - Throws: `FileNotWritten` naming the path and the reason.
public func writeOutput(_ bytes: [UInt8], to url: URL, setting: String = "D2L_FIGURES") throws {
    func failure(_ code: Int32) -> FileNotWritten {
        FileNotWritten(url: url, reason: String(cString: strerror(code)).lowercased(), setting: setting)
    }
    let folder = url.deletingLastPathComponent()
    if let problem = makeFolders(folder) {
        throw FileNotWritten(url: url, reason: problem, setting: setting)
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw failure(errno) }
    var done = 0, code: Int32 = 0
    bytes.withUnsafeBytes { buffer in
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                code = errno
                return
            }
            done += n
        }
    }
    if close(fd) != 0 && code == 0 { code = errno }
    if code == 0 && rename(temporary, url.path) != 0 { code = errno }
    if code != 0 {
        unlink(temporary)
        throw failure(code)
    }
}

/// Creates `folder` and its missing parents; returns why it could not, or `nil`.
private func makeFolders(_ folder: URL) -> String? {
    var status = stat()
    if stat(folder.path, &status) == 0 {
        return (status.st_mode & S_IFMT) == S_IFDIR ? nil : "\(folder.path) is a file, not a folder"
    }
    let parent = folder.deletingLastPathComponent()
    if parent.path != folder.path, let problem = makeFolders(parent) { return problem }
    if mkdir(folder.path, 0o777) != 0 && errno != EEXIST {
        return String(cString: strerror(errno)).lowercased()
    }
    return nil
}

/// Runs `write`, which writes a figure (or another output file) and returns where, and prints
/// `label` followed by the path, e.g. `predictions written to figures/x.svg`.
///
/// A file that cannot be written costs one line naming the path and the setting to change
/// (`FileNotWritten`'s description), never the results printed before it, and the program goes
/// on: programs print their results first and then write their figures through this function.
/// Once a folder has failed, later files in it fail without another line, so a run that writes
/// several figures into a read-only folder says so once.
/// - Returns: where the file was written, or `nil` if it could not be.
@discardableResult
public func reportWritten(_ label: String, _ write: () throws -> URL) -> URL? {
    reportWritten(label, { [try write()] }).first
}

/// `reportWritten` for a call that writes several files: one line per file written, or one
/// line for the first that cannot be written (the rest are not attempted).
@discardableResult
public func reportWritten(_ label: String, _ write: () throws -> [URL]) -> [URL] {
    do {
        let urls = try write()
        for url in urls { print("\(label) \(url.path)") }
        return urls
    } catch let error as FileNotWritten {
        if UnwritableFolders.firstFailure(in: error.url.deletingLastPathComponent()) { print(error.description) }
    } catch {
        print("could not write the output (\(error))")
    }
    return []
}

/// The folders a file could not be written to in this run, so each is reported once.
enum UnwritableFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var reported: Set<String> = []

    /// True the first time `folder` is reported, false after.
    static func firstFailure(in folder: URL) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return reported.insert(folder.standardizedFileURL.path).inserted
    }
}
