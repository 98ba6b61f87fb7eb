import D2L
import Foundation
import XCTest

/// Skips the calling test when *The Time Machine* is in none of `TimeMachine.searchFolders`:
/// tests read the book's file but never download it.
public func requireTimeMachine() throws {
    let present = TimeMachine.searchFolders.contains {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent(TimeMachine.fileName).path)
    }
    try XCTSkipUnless(present, "\(TimeMachine.fileName) is not in \(TimeMachine.searchFolders.map(\.path)); "
                      + "copy the book's file to ./data to run this test")
}
