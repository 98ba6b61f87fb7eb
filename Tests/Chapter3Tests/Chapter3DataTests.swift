import CSystemZlib
import D2L
import Foundation
import TestSupport
import XCTest

/// Writes small IDX files for tests, gzipped or plain, so no test needs the real data set.
enum IDXFixture {
    static func imageBytes(count: Int, rows: Int, columns: Int, magic: UInt32 = 0x0803, dropLast: Int = 0) -> [UInt8] {
        var bytes = header(magic, [count, rows, columns])
        bytes += (0..<(count * rows * columns)).map { UInt8($0 % 256) }
        return Array(bytes.dropLast(dropLast))
    }

    static func labelBytes(_ labels: [UInt8], magic: UInt32 = 0x0801) -> [UInt8] {
        header(magic, [labels.count]) + labels
    }

    static func header(_ magic: UInt32, _ dims: [Int]) -> [UInt8] {
        ([Int(magic)] + dims).flatMap { v in [24, 16, 8, 0].map { UInt8((v >> $0) & 0xFF) } }
    }

    /// Writes `bytes` to `url`, through gzip when `gzip` is set.
    static func write(_ bytes: [UInt8], to url: URL, gzip: Bool) throws {
        if gzip {
            let file = gzopen(url.path, "wb")!
            _ = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            gzclose(file)
        } else {
            try Data(bytes).write(to: url)
        }
    }
}

/// The IDX reader, Fashion-MNIST loading, and every kind of bad file.
final class Chapter3IDXTests: XCTestCase {
    var folder: TemporaryFolder!
    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDownWithError() throws { folder.remove() }

    func testReadsPlainAndGzippedFixtures() throws {
        for gzip in [false, true] {
            let images = folder.appendingPathComponent("img-\(gzip)"), labels = folder.appendingPathComponent("lab-\(gzip)")
            try IDXFixture.write(IDXFixture.imageBytes(count: 3, rows: 2, columns: 4), to: images, gzip: gzip)
            try IDXFixture.write(IDXFixture.labelBytes([7, 0, 9]), to: labels, gzip: gzip)
            let data = try FashionMNIST(imagesAt: images, labelsAt: labels)
            XCTAssertEqual(data.images.shape, [3, 1, 2, 4])
            XCTAssertEqual(data.labels.toIntArray(), [7, 0, 9])
            XCTAssertEqual(data.images[1, 0, 0].toArray(), [8, 9, 10, 11].map { Float($0) / 255 })
            XCTAssertEqual(data.images.max().item(), 23 / 255)
        }
    }

    func testResizeKeepsConstantImagesAndInterpolates() throws {
        let images = folder.appendingPathComponent("img"), labels = folder.appendingPathComponent("lab")
        try IDXFixture.write(IDXFixture.imageBytes(count: 1, rows: 2, columns: 2), to: images, gzip: true)
        try IDXFixture.write(IDXFixture.labelBytes([1]), to: labels, gzip: true)
        let data = try FashionMNIST(imagesAt: images, labelsAt: labels, resize: 4)
        XCTAssertEqual(data.images.shape, [1, 1, 4, 4])
        // Corners keep the corner pixels (0 and 3 / 255); the centre is their average.
        XCTAssertEqual(data.images[0, 0, 0, 0].item(), 0)
        XCTAssertEqual(data.images[0, 0, 3, 3].item(), 3 / 255, accuracy: 1e-6)
        XCTAssertEqual(data.images.mean().item(), 1.5 / 255, accuracy: 1e-6)
        let flat = resizeBilinear(Tensor.full([2, 3, 5, 5], 0.25), to: 9)
        XCTAssertEqual(flat.shape, [2, 3, 9, 9])
        XCTAssertEqual(flat.min().item(), 0.25, accuracy: 1e-6)
        XCTAssertEqual(flat.max().item(), 0.25, accuracy: 1e-6)
    }

    /// Asserts that reading fails with a message naming the file and containing `phrase`.
    private func assertFails(_ images: URL, _ labels: URL, mentioning phrase: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try FashionMNIST(imagesAt: images, labelsAt: labels), file: file, line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(phrase), "message lacks '\(phrase)': \(text)", file: file, line: line)
            XCTAssertTrue(text.contains(self.folder.path), "message does not name the file: \(text)", file: file, line: line)
        }
    }

    func testBadFilesGiveErrorsThatNameTheFileAndTheProblem() throws {
        let good = folder.appendingPathComponent("good-labels")
        try IDXFixture.write(IDXFixture.labelBytes([1, 2]), to: good, gzip: false)
        let goodImages = folder.appendingPathComponent("good-images")
        try IDXFixture.write(IDXFixture.imageBytes(count: 2, rows: 2, columns: 2), to: goodImages, gzip: false)

        assertFails(folder.appendingPathComponent("absent"), good, mentioning: "not found")

        let badMagic = folder.appendingPathComponent("bad-magic")
        try IDXFixture.write(IDXFixture.imageBytes(count: 2, rows: 2, columns: 2, magic: 0x0801), to: badMagic, gzip: true)
        assertFails(badMagic, good, mentioning: "magic")

        let short = folder.appendingPathComponent("short")
        try IDXFixture.write(IDXFixture.imageBytes(count: 2, rows: 2, columns: 2, dropLast: 3), to: short, gzip: false)
        assertFails(short, good, mentioning: "truncated")

        let threeLabels = folder.appendingPathComponent("three-labels")
        try IDXFixture.write(IDXFixture.labelBytes([1, 2, 3]), to: threeLabels, gzip: false)
        assertFails(goodImages, threeLabels, mentioning: "do not belong together")

        let brokenGzip = folder.appendingPathComponent("broken.gz")
        try IDXFixture.write(IDXFixture.imageBytes(count: 50, rows: 8, columns: 8), to: brokenGzip, gzip: true)
        let bytes = try Data(contentsOf: brokenGzip)
        try bytes.prefix(bytes.count / 2).write(to: brokenGzip)
        assertFails(brokenGzip, good, mentioning: "gzip")
    }
}

/// SHA-1 and the download registry.
final class Chapter3DownloadTests: XCTestCase {
    func testSHA1MatchesStandardVectors() {
        XCTAssertEqual(SHA1.hexDigest(of: []), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(SHA1.hexDigest(of: Array("abc".utf8)), "a9993e364706816aba3e25717850c26c9cd0d89d")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        XCTAssertEqual(SHA1.hexDigest(of: long), "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        var incremental = SHA1()
        for chunk in stride(from: 0, to: long.count, by: 7) { incremental.update(Array(long[chunk..<min(chunk + 7, long.count)])) }
        XCTAssertEqual(incremental.hexDigest(), "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    func testChecksumMismatchNamesTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.appendingPathComponent("data.txt")
        try Data("not the right contents".utf8).write(to: file)
        let entry = DataHubEntry(url: "http://127.0.0.1:9/data.txt", sha1: SHA1.hexDigest(of: Array("right".utf8)))
        XCTAssertThrowsError(try verify(file, against: entry)) { error in
            XCTAssertTrue("\(error)".contains("data.txt") && "\(error)".contains("SHA-1"), "\(error)")
        }
    }

    func testFailedDownloadSaysWhereToPutTheFileAndLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        DataHub.entries["test/unreachable.bin"] = DataHubEntry(url: "http://127.0.0.1:9/unreachable.bin", sha1: String(repeating: "0", count: 40))
        defer { DataHub.entries["test/unreachable.bin"] = nil }
        XCTAssertThrowsError(try download("test/unreachable.bin", folder: folder.url)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("127.0.0.1:9") && text.contains(folder.appendingPathComponent("test/unreachable.bin").path), text)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("test").path)
        XCTAssertEqual(left, [], "a failed download left files behind")
    }
}

/// The minibatch loader.
final class Chapter3DataLoaderTests: XCTestCase {
    func testEveryExampleOncePerEpochWithPartialLastBatch() {
        let features = Tensor.arange(10, dtype: .float32).reshape(10, 1) * Tensor([1.0, -1])
        let labels = Tensor.arange(10)
        let loader = loadArray(features, labels, batchSize: 4, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(loader.count, 3)
        var orders: [[Int]] = []
        for _ in 0..<2 {
            var seen: [Int] = []
            var sizes: [Int] = []
            for (X, y) in loader {
                sizes.append(y.count)
                XCTAssertEqual(X[..., 0].toArray(), y.toArray(), "features and labels stay paired")
                seen += y.toIntArray()
            }
            XCTAssertEqual(sizes, [4, 4, 2])
            XCTAssertEqual(seen.sorted(), Array(0..<10))
            orders.append(seen)
        }
        XCTAssertNotEqual(orders[0], orders[1], "each epoch is shuffled anew")
        let ordered = loadArray(features, labels, batchSize: 4, isTrain: false)
        XCTAssertEqual(ordered.flatMap { $0.1.toIntArray() }, Array(0..<10))
    }

    func testSameSeedGivesSameOrder() {
        let x = Tensor.arange(20, dtype: .float32).reshape(20, 1), y = Tensor.arange(20)
        let a = loadArray(x, y, batchSize: 5, generator: RandomGenerator(seed: 9)).flatMap { $0.1.toIntArray() }
        let b = loadArray(x, y, batchSize: 5, generator: RandomGenerator(seed: 9)).flatMap { $0.1.toIntArray() }
        XCTAssertEqual(a, b)
    }
}
