import D2L
import Foundation
import TestSupport
import XCTest

/// The CIFAR-10 binary reader on small files generated in the data set's format.
final class CIFAR10Tests: XCTestCase {
    /// `labels.count` records; pixel k of record r has value (r + 3k) mod 256.
    private func records(_ labels: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (r, label) in labels.enumerated() {
            bytes.append(label)
            bytes += (0..<3072).map { UInt8((r + 3 * $0) % 256) }
        }
        return bytes
    }

    func testRecordsBecomeLabelsAndChannelFirstImages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, labels) in zip(CIFAR10.trainFiles, [[3, 9], [0], [1], [2], [8, 7, 6]] as [[UInt8]]) {
            try Data(records(labels)).write(to: folder.appendingPathComponent(name))
        }
        try Data(records([5])).write(to: folder.appendingPathComponent(CIFAR10.testFile))
        let train = try CIFAR10.load(train: true, from: folder.url)
        XCTAssertEqual(train.labels.toIntArray(), [3, 9, 0, 1, 2, 8, 7, 6])
        XCTAssertEqual(train.images.shape, [8, 3, 32, 32])
        // The red plane comes first: pixel (row 1, column 2) of green is byte 1024 + 32 + 2.
        let second = train.images(1..<2)
        XCTAssertEqual(second[0, 1, 1, 2].item(), Float((1 + 3 * (1024 + 34)) % 256) / 255, accuracy: 1e-7)
        XCTAssertEqual(second[0, 0, 0, 0].item(), 1 / 255, accuracy: 1e-7)
        let test = try CIFAR10.load(train: false, from: folder.url)
        XCTAssertEqual(test.labels.toIntArray(), [5])
        XCTAssertEqual(CIFAR10.textLabels[3], "cat")
    }

    func testDamagedFilesGiveErrorsNamingThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func message(_ bytes: [UInt8], _ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            do {
                _ = try CIFAR10(files: [url])
                XCTFail("\(name) was read")
                return ""
            } catch let error as DataError {
                XCTAssert(error.description.contains(url.path), "\(error)")
                return error.description
            }
        }
        XCTAssert(try message(Array(records([1, 2]).dropLast(7)), "truncated.bin").contains("not a whole number"))
        XCTAssert(try message(records([4, 10]), "label.bin").contains("record 1 has label 10"))
        XCTAssert(try message([], "empty.bin").contains("empty"))
        XCTAssertThrowsError(try CIFAR10.load(train: false, from: folder.appendingPathComponent("none"))) { error in
            XCTAssert("\(error)".contains("test_batch.bin") && "\(error)".contains("cifar-10-binary.tar.gz"), "\(error)")
        }
    }
}
