import Foundation
import ZIPFoundation

/// Returns the folder `folderName` of the data folder, first downloading the registry's zip
/// archive `name` and unpacking it when the folder is missing.
///
/// d2l: `download_extract(name, folder)` (§4.10), which the book uses for `fra-eng.zip` (§9.5)
/// and `hotdog.zip` (§13.2). The archive is checked against its SHA-1 by `download`, and
/// `extractZip` moves the unpacked folder into place only when it is complete.
/// - Throws: `DataError` from the download, or when the archive is unreadable or lacks the folder.
@discardableResult
public func downloadExtract(_ name: String, folderName: String, in folder: URL = dataDirectory) throws -> URL {
    let target = folder.appendingPathComponent(folderName)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return target
    }
    let archive = try download(name, folder: folder)
    try extractZip(archive, into: folder, folderName: folderName)
    return target
}

/// Unpacks the zip archive `archive`, whose top-level folder is `folderName`, into `destination`.
///
/// The entries are written to a hidden staging folder inside `destination`, and `folderName` is
/// moved out of it only once every entry is written, so an unreadable, truncated or wrong archive
/// leaves nothing behind (an older copy of the folder stays untouched). The reading itself is
/// ZIPFoundation's.
/// - Throws: `DataError.malformed` naming the archive when it cannot be unpacked or has no
///   `folderName/` at its top.
public func extractZip(_ archive: URL, into destination: URL, folderName: String) throws {
    let files = FileManager.default
    try files.createDirectory(at: destination, withIntermediateDirectories: true)
    let staging = destination.appendingPathComponent(".\(folderName).\(UUID().uuidString).partial")
    defer { try? files.removeItem(at: staging) }
    do {
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
        try files.unzipItem(at: archive, to: staging)
    } catch {
        throw DataError.malformed(archive, "could not be unpacked as a zip archive (\(error)); "
                                  + "delete it and run again to download it anew")
    }
    let unpacked = staging.appendingPathComponent(folderName)
    var isDirectory: ObjCBool = false
    guard files.fileExists(atPath: unpacked.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw DataError.malformed(archive, "has no folder \(folderName)/ at its top")
    }
    let target = destination.appendingPathComponent(folderName)
    if files.fileExists(atPath: target.path) { try files.removeItem(at: target) }
    try files.moveItem(at: unpacked, to: target)
}
