import D2L
import Foundation
import TestSupport
import XCTest

/// JPEG and PNG through libjpeg-turbo and libpng, the image tensors of §13.1 (ToTensor, resize,
/// crop, normalise), the image folder reader, and the errors a damaged file gives.
final class ImageTests: XCTestCase {
    /// A small generated image whose bytes differ from pixel to pixel and channel to channel.
    private func pattern(height: Int, width: Int, channels: Int, seed: UInt64 = 7) -> Image {
        let generator = RandomGenerator(seed: seed)
        let bytes = (0..<(height * width * channels)).map { _ in UInt8(generator.nextInt(in: 0..<256)) }
        return Image(pixels: bytes, height: height, width: width, channels: channels)
    }

    func testCatPhotoDecodesTo400RowsOf500Pixels() throws {
        let url = try requireSharedImage("cat1.jpg")
        let cat = try readImage(url)
        // The file is 500 pixels wide and 400 high: [H, W, C] = [400, 500, 3].
        XCTAssertEqual(cat.shape, [400, 500, 3])
        let mean = Double(cat.pixels.reduce(0) { $0 + Int($1) }) / Double(cat.pixels.count)
        XCTAssert((40...220).contains(mean), "mean byte \(mean) is not that of a photo")
        XCTAssertNotEqual(cat[200, 250, 0], cat[0, 0, 0], "a photo is not one colour")
        XCTAssertEqual(try readImage(url, color: .grey).shape, [400, 500, 1])
        XCTAssertEqual(try readImage(url, color: .unchanged).shape, [400, 500, 3])
        let x = cat.toTensor()
        XCTAssertEqual(x.shape, [3, 400, 500])
        XCTAssertEqual(x[1, 200, 250].item(), Float(cat[200, 250, 1]) / 255, accuracy: 1e-7)
        XCTAssertEqual(Image(x), cat, "ToTensor and back gives the same bytes")
        XCTAssertEqual(cat.tensor().shape, [400, 500, 3])
        XCTAssertEqual(cat.tensor()[10, 20, 2].intItem(), Int(cat[10, 20, 2]))
    }

    func testPNGWrittenAndReadBackIsEqual() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for channels in 1...4 {
            let image = pattern(height: 7, width: 5, channels: channels, seed: UInt64(channels))
            XCTAssertEqual(try decodeImage(image.pngData(), color: .unchanged), image, "\(channels) channels in memory")
            let url = folder.appendingPathComponent("pattern-\(channels).png")
            try image.writePNG(to: url)
            XCTAssertEqual(try readImage(url, color: .unchanged), image, "\(channels) channels through a file")
        }
        // Asked for RGB, a grey PNG repeats its channel.
        let grey = pattern(height: 3, width: 4, channels: 1)
        let rgb = try decodeImage(grey.pngData(), color: .rgb)
        XCTAssertEqual(rgb.shape, [3, 4, 3])
        XCTAssertEqual([rgb[2, 1, 0], rgb[2, 1, 1], rgb[2, 1, 2]], [grey[2, 1, 0], grey[2, 1, 0], grey[2, 1, 0]])
    }

    /// The message of the `DataError` that reading `bytes`, written to a file `name`, throws.
    private func readingError(_ bytes: [UInt8], name: String, in folder: TemporaryFolder) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        do {
            let image = try readImage(url)
            XCTFail("\(name) decoded to an image of shape \(image.shape)")
            return ""
        } catch let error as DataError {
            XCTAssert(error.description.contains(url.path), "\(error) does not name \(url.path)")
            return error.description
        }
    }

    func testTruncatedOrCorruptJPEGGivesAnErrorNamingTheFile() throws {
        let cat = try [UInt8](Data(contentsOf: requireSharedImage("cat1.jpg")))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let truncated = try readingError(Array(cat.prefix(cat.count / 2)), name: "truncated.jpg", in: folder)
        XCTAssert(truncated.contains("corrupt or truncated JPEG"), truncated)
        XCTAssert(truncated.contains("Premature end"), truncated)
        // The header alone, cut before any pixel data.
        let header = try readingError(Array(cat.prefix(300)), name: "header.jpg", in: folder)
        XCTAssert(header.contains("JPEG"), header)
        // The start of a JPEG followed by garbage.
        var garbage = cat
        for i in 20..<garbage.count { garbage[i] = UInt8(truncatingIfNeeded: i &* 31) }
        XCTAssert(try readingError(garbage, name: "garbage.jpg", in: folder).contains("JPEG"))
        // Damage inside the entropy-coded data.
        var damaged = cat
        for i in stride(from: cat.count / 3, to: cat.count / 3 + 400, by: 3) { damaged[i] = 0xFF }
        XCTAssert(try readingError(damaged, name: "damaged.jpg", in: folder).contains("JPEG"))
    }

    func testTruncatedOrCorruptPNGGivesAnErrorNamingTheFile() throws {
        let png = pattern(height: 40, width: 30, channels: 3).pngData()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let truncated = try readingError(Array(png.prefix(png.count / 2)), name: "truncated.png", in: folder)
        XCTAssert(truncated.contains("corrupt or truncated PNG"), truncated)
        var flipped = png
        flipped[png.count / 2] ^= 0x55  // inside IDAT: its CRC no longer matches
        XCTAssert(try readingError(flipped, name: "flipped.png", in: folder).contains("PNG"))
        XCTAssert(try readingError(Array(png.prefix(8)), name: "signature.png", in: folder).contains("PNG"))
        let text = try readingError(Array("hello, world\n".utf8), name: "text.png", in: folder)
        XCTAssert(text.contains("not a JPEG or PNG image"), text)
        XCTAssert(try readingError([], name: "empty.jpg", in: folder).contains("empty"))
        XCTAssertThrowsError(try readImage(folder.appendingPathComponent("missing.png"))) { error in
            XCTAssert("\(error)".contains("missing.png") && "\(error)".contains("not found"), "\(error)")
        }
    }

    func testCropAndResizeOfTensors() {
        let x = Tensor.arange(0.0, 24.0).reshape(2, 3, 4)
        let box = crop(x, top: 1, left: 1, height: 2, width: 2)
        XCTAssertEqual(box.shape, [2, 2, 2])
        XCTAssertEqual(box.toArray(), [5, 6, 9, 10, 17, 18, 21, 22])
        XCTAssertEqual(crop(x.reshape(1, 2, 3, 4), top: 0, left: 3, height: 3, width: 1).toArray(), [3, 7, 11, 15, 19, 23])
        // Bilinear with align_corners=False: doubling [0, 1] along a row gives [0, .25, .75, 1].
        let row = Tensor(shape: [1, 1, 2], values: [0, 1])
        assertClose(resizeBilinear(row, height: 1, width: 4), [0, 0.25, 0.75, 1], shape: [1, 1, 4])
        let constant = Tensor.full([2, 3, 5, 7], 0.25)
        assertClose(resizeBilinear(constant, height: 4, width: 9), Tensor.full([2, 3, 4, 9], 0.25))
        let image = pattern(height: 6, width: 8, channels: 3)
        XCTAssertEqual(image.crop(top: 2, left: 3, height: 3, width: 4), Image(crop(image.toTensor(), top: 2, left: 3, height: 3, width: 4)))
        XCTAssertEqual(image.resized(height: 6, width: 8), image)
        XCTAssertEqual(image.resized(height: 3, width: 5).shape, [3, 5, 3])
    }

    func testNormalizeAndGrid() {
        let x = Tensor.full([2, 3, 2, 2], 0.5)
        let y = normalize(x, mean: [0.5, 0.25, 0], std: [1, 0.5, 0.25])
        assertClose(y[1, 1], Tensor.full([2, 2], 0.5))
        assertClose(y[0, 2], Tensor.full([2, 2], 2))
        let grid = imageGrid(Tensor.zeros([3, 3, 4, 5]), numRows: 2, numCols: 2, spacing: 1)
        XCTAssertEqual(grid.shape, [2 * 4 + 3, 2 * 5 + 3, 3])
        XCTAssertEqual(grid[0, 0, 0], 255, "the background is white")
        XCTAssertEqual(grid[1, 1, 0], 0, "the first image starts after one pixel of spacing")
        XCTAssertEqual(grid[6, 7, 2], 255, "the fourth cell is empty")
    }

    func testImageFolderListsClassesInOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let root = folder.url
        let fileManager = FileManager.default
        for name in ["not-hotdog", "hotdog"] {
            try fileManager.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let a = pattern(height: 4, width: 3, channels: 3, seed: 1), b = pattern(height: 2, width: 5, channels: 3, seed: 2)
        try a.writePNG(to: root.appendingPathComponent("hotdog/1.png"))
        try b.writePNG(to: root.appendingPathComponent("not-hotdog/7.PNG"))
        try a.writePNG(to: root.appendingPathComponent("not-hotdog/0.png"))
        try Data("notes".utf8).write(to: root.appendingPathComponent("not-hotdog/readme.txt"))
        try Data("x".utf8).write(to: root.appendingPathComponent("not-hotdog/.hidden.png"))
        let data = try ImageFolder(root: root)
        XCTAssertEqual(data.classes, ["hotdog", "not-hotdog"])
        XCTAssertEqual(data.classToIndex, ["hotdog": 0, "not-hotdog": 1])
        XCTAssertEqual(data.count, 3)
        XCTAssertEqual(data.samples.map(\.label), [0, 1, 1])
        XCTAssertEqual(data.samples.map(\.url.lastPathComponent), ["1.png", "0.png", "7.PNG"])
        let (image, label) = try data.image(at: 2)
        XCTAssertEqual(image, b)
        XCTAssertEqual(label, 1)

        XCTAssertThrowsError(try ImageFolder(root: root.appendingPathComponent("hotdog"))) { error in
            XCTAssert("\(error)".contains("no class subfolders"), "\(error)")
        }
        XCTAssertThrowsError(try ImageFolder(root: root.appendingPathComponent("nothing"))) { error in
            XCTAssert("\(error)".contains("nothing") && "\(error)".contains("not found"), "\(error)")
        }
    }
}
