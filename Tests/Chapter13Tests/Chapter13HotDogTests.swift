import XCTest
import D2L
import TestSupport
@testable import Vision

/// §13.2.1's hot-dog loader on a tiny data set in the book's layout (`train/hotdog`,
/// `train/not-hotdog`, `test/…`) of photos of different sizes, written as PNG files here.
final class Chapter13HotDogTests: XCTestCase {
    /// One photo of `height × width` whose red, green and blue bytes are `rgb` everywhere.
    private func writePhoto(_ url: URL, height: Int, width: Int, rgb: [UInt8]) throws {
        let pixels = (0..<(height * width)).flatMap { _ in rgb }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Image(pixels: pixels, height: height, width: width, channels: 3).writePNG(to: url)
    }

    /// train: 2 hot dogs and 1 other photo; test: 1 of each, all uniform colours.
    private func makeHotdogFolder(_ folder: TemporaryFolder) throws -> URL {
        let root = folder.appendingPathComponent("hotdog")
        try writePhoto(root.appendingPathComponent("train/hotdog/1.png"), height: 300, width: 400, rgb: [255, 0, 0])
        try writePhoto(root.appendingPathComponent("train/hotdog/2.png"), height: 120, width: 90, rgb: [255, 0, 0])
        try writePhoto(root.appendingPathComponent("train/not-hotdog/3.png"), height: 256, width: 256, rgb: [0, 0, 255])
        try writePhoto(root.appendingPathComponent("test/hotdog/4.png"), height: 500, width: 333, rgb: [255, 0, 0])
        try writePhoto(root.appendingPathComponent("test/not-hotdog/5.png"), height: 64, width: 640, rgb: [0, 0, 255])
        return root
    }

    func testLoadHotdogResizesCropsAndNormalisesWithImageNetStatistics() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try makeHotdogFolder(folder)
        let (train, test, classes) = try HotDogSection.loadHotdog(batchSize: 8, root: root,
                                                                   generator: RandomGenerator(seed: 0))
        XCTAssertEqual(classes, ["hotdog", "not-hotdog"])
        XCTAssertEqual(train.exampleCount, 3)
        XCTAssertEqual(test.exampleCount, 2)
        var testBatches = test.makeIterator()
        let (X, y) = try XCTUnwrap(testBatches.next())
        XCTAssertEqual(X.shape, [2, 3, 224, 224])
        XCTAssertEqual(y.toArray(), [0, 1])
        // A pure red photo: (1 − 0.485)/0.229 in the red plane, (0 − 0.456)/0.224 in the green one.
        XCTAssertEqual(X[0, 0, 100, 100].item(), (1 - 0.485) / 0.229, accuracy: 1e-4)
        XCTAssertEqual(X[0, 1, 100, 100].item(), -0.456 / 0.224, accuracy: 1e-4)
        XCTAssertEqual(X[1, 2, 0, 0].item(), (1 - 0.406) / 0.225, accuracy: 1e-4)
        var trainBatches = train.makeIterator()
        let (trainX, _) = try XCTUnwrap(trainBatches.next())
        XCTAssertEqual(trainX.shape, [3, 3, 256, 256])
        let augmented = HotDogSection.trainAugs(trainX, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(augmented.shape, [3, 3, 224, 224])
    }

    func testACorruptPhotoIsNamedInTheError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = try makeHotdogFolder(folder)
        let broken = root.appendingPathComponent("test/hotdog/6.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00]).write(to: broken)
        XCTAssertThrowsError(try HotDogSection.loadHotdog(batchSize: 8, root: root)) { error in
            XCTAssertTrue("\(error)".contains("6.jpg"), "the error should name the file: \(error)")
        }
    }

    func testAMissingDataSetSaysWhatToDo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        XCTAssertThrowsError(try HotDogSection.loadHotdog(batchSize: 8, root: folder.appendingPathComponent("hotdog"))) { error in
            XCTAssertTrue("\(error)".contains("hotdog"), "\(error)")
        }
    }

    func testChannelsFirstReordersPixelsIntoPlanes() {
        let image = Image(pixels: [1, 2, 3, 4, 5, 6], height: 1, width: 2, channels: 3)
        XCTAssertEqual(HotDogSection.channelsFirst(image), [1, 4, 2, 5, 3, 6])
    }

    func testByteImagesNormaliseEachChannel() {
        let images = ByteImages(pixels: [0, 255, 51, 102], count: 1, channels: 2, height: 1, width: 2,
                                normalization: (mean: [0.5, 0.2], std: [0.5, 0.1]))
        assertClose(images.batch([0]), [-1, 1, 0, 2], shape: [1, 2, 1, 2])
    }
}
