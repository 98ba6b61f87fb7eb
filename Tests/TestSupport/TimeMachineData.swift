import D2L
import Foundation
import XCTest

/// Makes *The Time Machine* readable for the calling test, or skips it: tests read the book's
/// file but never download it.
///
/// The library looks only in the data folder (`$D2L_DATA_DIR`, else `./data`). When the file is
/// not there but a shared copy is (`../shared/data` beside the package, as on the project's
/// development machines and in CI), `D2L_DATA_DIR` points there for the length of `testCase`
/// and is restored by a teardown block.
public func requireTimeMachine(_ testCase: XCTestCase) throws {
    let name = TimeMachine.fileName
    func holdsText(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }
    if TimeMachine.searchFolders.contains(where: holdsText) { return }
    guard let shared = sharedDataFolders.first(where: holdsText) else {
        throw XCTSkip("\(name) is not in \(TimeMachine.searchFolders.map(\.path)) nor in "
                      + "\(sharedDataFolders.map(\.path)); copy the book's file to ./data to run this test")
    }
    pointDataDirectory(at: shared, for: testCase)
}

/// Points `D2L_DATA_DIR` at `folder` for the length of `testCase`; a teardown block restores it.
func pointDataDirectory(at folder: URL, for testCase: XCTestCase) {
    let previous = ProcessInfo.processInfo.environment["D2L_DATA_DIR"]
    setenv("D2L_DATA_DIR", folder.path, 1)
    testCase.addTeardownBlock {
        if let previous { setenv("D2L_DATA_DIR", previous, 1) } else { unsetenv("D2L_DATA_DIR") }
    }
}

/// `../shared/data` beside the package (found from this file's path) and beside the working folder.
var sharedDataFolders: [URL] {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return [packageRoot.appendingPathComponent("../shared/data").standardizedFileURL,
            URL(fileURLWithPath: "../shared/data", isDirectory: true).standardizedFileURL]
}
