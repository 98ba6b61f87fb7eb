import D2L
import Foundation
import XCTest

/// Makes the English–French pairs (`fra-eng/fra.txt`) readable for the calling test, or skips it,
/// exactly as `requireTimeMachine` does for *The Time Machine*: the data folder first, else
/// `../shared/data` (present on the development machines and in CI) for the length of the test.
public func requireFraEng(_ testCase: XCTestCase) throws {
    func holdsPairs(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(FraEng.relativePath).path)
    }
    if holdsPairs(dataDirectory) { return }
    guard let shared = sharedDataFolders.first(where: holdsPairs) else {
        throw XCTSkip("\(FraEng.relativePath) is not in \(dataDirectory.path) nor in \(sharedDataFolders.map(\.path)); "
                      + "unzip the book's fra-eng.zip into ./data to run this test")
    }
    pointDataDirectory(at: shared, for: testCase)
}
