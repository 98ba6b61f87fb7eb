import D2L
import Foundation
import TestSupport
import XCTest

/// The banana-detection data of §13.6 on small sets generated here: the generator is
/// deterministic and its boxes are tight around the banana, and the reader, dataset and loaders
/// give the book's shapes and clear errors.
final class BananaDetectionTests: XCTestCase {
    /// Pure yellow, so a pixel the banana covers by a fraction `a` has blue `(1 − a)·200` on the
    /// backgrounds below, whose blue is 200 everywhere.
    private let parts: BananaParts = {
        var cutout = [UInt8](repeating: 0, count: 24 * 10 * 4)
        for y in 2..<22 {
            for x in 2..<8 { cutout.replaceSubrange(((y * 10 + x) * 4)..<((y * 10 + x) * 4 + 4), with: [255, 255, 0, 255]) }
        }
        let background = { (h: Int, w: Int) -> Image in
            var pixels: [UInt8] = []
            for y in 0..<h { for x in 0..<w { pixels += [UInt8(x * 255 / w), UInt8(y * 255 / h), 200] } }
            return Image(pixels: pixels, height: h, width: w, channels: 3)
        }
        return BananaParts(cutout: Image(pixels: cutout, height: 24, width: 10, channels: 4),
                           backgrounds: [background(60, 80), background(90, 50)])
    }()

    private func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for split in ["bananas_train", "bananas_val"] {
            let dir = folder.appendingPathComponent(split)
            out["\(split)/label.csv"] = try Data(contentsOf: dir.appendingPathComponent("label.csv"))
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("images").path) {
                out["\(split)/images/\(name)"] = try Data(contentsOf: dir.appendingPathComponent("images/\(name)"))
            }
        }
        return out
    }

    func testGeneratedSetIsTheSameForTheSameSeed() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let a = try generateBananaDetection(parts: parts, in: tmp.appendingPathComponent("a"), seed: 3, trainCount: 6, valCount: 2, size: 64)
        let b = try generateBananaDetection(parts: parts, in: tmp.appendingPathComponent("b"), seed: 3, trainCount: 6, valCount: 2, size: 64)
        let c = try generateBananaDetection(parts: parts, in: tmp.appendingPathComponent("c"), seed: 4, trainCount: 6, valCount: 2, size: 64)
        let (fa, fb, fc) = try (files(a), files(b), files(c))
        XCTAssertEqual(fa.count, 2 + 6 + 2)
        XCTAssertEqual(fa, fb, "same parts and seed, same bytes")
        XCTAssertNotEqual(fa["bananas_train/label.csv"], fc["bananas_train/label.csv"], "another seed, other boxes")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.appendingPathComponent("a").path), ["banana-detection"],
                       "no staging folder left behind")
    }

    func testEveryBoxIsInsideItsImageAndTightAroundTheBanana() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let dir = try generateBananaDetection(parts: parts, in: tmp.url, seed: 1, trainCount: 20, valCount: 3, size: 64)
        let (images, labels) = try readDataBananas(isTrain: true, dataDir: dir)
        XCTAssertEqual(images.count, 20)
        XCTAssertEqual(labels.shape, [20, 1, 5])
        for (image, row) in zip(images, labels.reshape(20, 5).toArray2D()) {
            XCTAssertEqual(image.shape, [64, 64, 3])
            XCTAssertEqual(row[0], 0, "class 0, banana")
            let box = row[1...].map { Int(($0 * 64).rounded()) }
            XCTAssert(box[0] >= 0 && box[1] >= 0 && box[0] < box[2] && box[1] < box[3] && box[2] <= 64 && box[3] <= 64, "\(box)")
            // Pixels covered over half (blue < 100) lie inside; the box touches them on every side.
            var (x0, y0, x1, y1) = (64, 64, 0, 0)
            for y in 0..<64 {
                for x in 0..<64 where image[y, x, 2] < 99 {
                    (x0, y0, x1, y1) = (min(x0, x), min(y0, y), max(x1, x + 1), max(y1, y + 1))
                }
            }
            XCTAssert(box[0] <= x0 && box[1] <= y0 && box[2] >= x1 && box[3] >= y1, "banana \([x0, y0, x1, y1]) outside box \(box)")
            XCTAssert(abs(box[0] - x0) <= 1 && abs(box[1] - y0) <= 1 && abs(box[2] - x1) <= 1 && abs(box[3] - y1) <= 1,
                      "box \(box) is not tight around \([x0, y0, x1, y1])")
        }
    }

    func testLoadDataBananasGivesTheBookShapes() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let dir = try generateBananaDetection(parts: parts, in: tmp.url, seed: 2, trainCount: 10, valCount: 5, size: 64)
        let (train, val) = try loadDataBananas(batchSize: 4, dataDir: dir, generator: RandomGenerator(seed: 0))
        XCTAssertEqual(train.exampleCount, 10)
        XCTAssertEqual(val.exampleCount, 5)
        var batches = train.makeIterator()
        let (X, Y) = try XCTUnwrap(batches.next())
        XCTAssertEqual(X.shape, [4, 3, 64, 64])
        XCTAssertEqual(Y.shape, [4, 1, 5])
        XCTAssert(X.toArray().allSatisfy { $0 >= 0 && $0 <= 1 })
        XCTAssertEqual(Array(val).map { $0.0.shape[0] }, [4, 1], "the last partial batch is kept")
    }

    func testReaderRejectsABadHeaderAndABoxOutsideTheImage() throws {
        let tmp = try TemporaryFolder()
        defer { tmp.remove() }
        let split = tmp.appendingPathComponent("bananas_train")
        try FileManager.default.createDirectory(at: split.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Image(pixels: [UInt8](repeating: 9, count: 8 * 8 * 3), height: 8, width: 8, channels: 3)
            .writePNG(to: split.appendingPathComponent("images/0.png"))
        let csv = split.appendingPathComponent("label.csv")
        try writeAtomically("name,label\n0.png,0\n", to: csv)
        XCTAssertThrowsError(try readDataBananas(dataDir: tmp.url)) { error in
            XCTAssert("\(error)".contains("img_name,label,xmin,ymin,xmax,ymax") && "\(error)".contains("label.csv"), "\(error)")
        }
        try writeAtomically("img_name,label,xmin,ymin,xmax,ymax\n0.png,0,2,2,9,5\n", to: csv)
        XCTAssertThrowsError(try readDataBananas(dataDir: tmp.url)) { error in
            XCTAssert("\(error)".contains("not inside its 8×8 image"), "\(error)")
        }
        try writeAtomically("img_name,label,xmin,ymin,xmax,ymax\n0.png,0,2,2,6,4\n", to: csv)
        let (_, labels) = try readDataBananas(dataDir: tmp.url)
        assertClose(labels, [0, 0.25, 0.25, 0.75, 0.5], shape: [1, 1, 5])
    }
}
