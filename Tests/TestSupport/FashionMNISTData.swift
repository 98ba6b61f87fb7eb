import D2L
import Foundation
import XCTest

/// Skips the calling test when the Fashion-MNIST files of a split are in none of
/// `FashionMNIST.searchFolders` (plain or `.gz`): tests never download it. When the files are
/// there, the test loads them itself, so a truncated or corrupt file fails the test instead of
/// skipping it.
public func requireFashionMNIST(train: Bool = true) throws {
    let prefix = train ? "train" : "t10k"
    let missing = ["\(prefix)-images-idx3-ubyte", "\(prefix)-labels-idx1-ubyte"].filter { name in
        !FashionMNIST.searchFolders.contains { folder in
            [name, name + ".gz"].contains {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
            }
        }
    }
    try XCTSkipUnless(missing.isEmpty, "Fashion-MNIST \(missing.joined(separator: " and ")) not in "
                      + "\(FashionMNIST.searchFolders.map(\.path)); bash .ci/setup installs it")
}
