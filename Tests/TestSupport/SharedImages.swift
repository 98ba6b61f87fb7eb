import Foundation
import XCTest

/// The book's photo `name` (`cat1.jpg`, `catdog.jpg`, …) from `../shared/data/img`, or a skip when
/// that folder is not beside the package: tests read the photos but never download them.
public func requireSharedImage(_ name: String) throws -> URL {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [packageRoot.appendingPathComponent("../shared/data/img").standardizedFileURL,
                      URL(fileURLWithPath: "../shared/data/img", isDirectory: true).standardizedFileURL]
    for folder in candidates {
        let url = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) { return url }
    }
    throw XCTSkip("the book's \(name) is not in \(candidates.map(\.path)); put the shared data folder beside the package")
}
