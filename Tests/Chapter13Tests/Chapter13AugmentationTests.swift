import D2L
import Foundation
import TestSupport
import Vision
import XCTest

/// §13.1 augmentations on tiny generated images: what each does to the pixels, that every draw
/// comes from the seeded generator, and the book's grids for the cat photo.
final class Chapter13AugmentationTests: XCTestCase {
    /// A batch [n, 3, h, w] of distinct values in [0, 1).
    private func images(_ n: Int, _ h: Int, _ w: Int, seed: UInt64 = 3) -> Tensor {
        Tensor.uniform(low: 0, high: 1, shape: [n, 3, h, w], generator: RandomGenerator(seed: seed))
    }

    func testFlipsMirrorTheImageAndTwiceIsIdentity() {
        let x = images(2, 3, 4)
        let always = RandomHorizontalFlip(p: 1), never = RandomHorizontalFlip(p: 0)
        XCTAssertEqual(always(x).toArray(), x.flip(-1).toArray(), "p = 1 flips left to right")
        XCTAssertEqual(never(x).toArray(), x.toArray(), "p = 0 changes nothing")
        XCTAssertEqual(RandomVerticalFlip(p: 1)(x).toArray(), x.flip(-2).toArray(), "p = 1 flips upside down")
        XCTAssertEqual(always(always(x)).toArray(), x.toArray())
        XCTAssertEqual(RandomVerticalFlip(p: 1)(RandomVerticalFlip(p: 1)(x[0])).toArray(), x[0].toArray(), "one image [C, H, W]")
        // With p = 0.5 the same seed makes the same choices, so flipping twice undoes the first.
        let batch = images(16, 2, 5)
        let once = RandomHorizontalFlip()(batch, generator: RandomGenerator(seed: 9))
        let twice = RandomHorizontalFlip()(once, generator: RandomGenerator(seed: 9))
        XCTAssertEqual(twice.toArray(), batch.toArray())
        XCTAssertEqual(Compose([RandomHorizontalFlip(p: 1), RandomHorizontalFlip(p: 1)])(batch).toArray(), batch.toArray())
    }

    func testEachImageOfABatchGetsItsOwnSeededDraw() {
        let one = images(1, 2, 3)
        let batch = one.expand(64, 3, 2, 3).contiguous()
        let flipped = RandomHorizontalFlip()(batch, generator: RandomGenerator(seed: 1))
        let mirrored = one.flip(-1).toArray()
        let count = (0..<64).filter { flipped[$0].toArray() == mirrored }.count
        XCTAssert((16...48).contains(count), "\(count) of 64 images flipped with p = 0.5")
        let again = RandomHorizontalFlip()(batch, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(again.toArray(), flipped.toArray(), "the same seed gives the same flips")
        let other = RandomHorizontalFlip()(batch, generator: RandomGenerator(seed: 2))
        XCTAssertNotEqual(other.toArray(), flipped.toArray(), "another seed gives other flips")
        let jitter = ColorJitter(brightness: 0.5, contrast: 0.5, saturation: 0.5, hue: 0.5)
        XCTAssertEqual(jitter(batch, generator: RandomGenerator(seed: 4)).toArray(),
                       jitter(batch, generator: RandomGenerator(seed: 4)).toArray())
        let crop = RandomResizedCrop((4, 4), scale: (0.1, 1), ratio: (0.5, 2))
        XCTAssertEqual(crop(batch, generator: RandomGenerator(seed: 5)).toArray(),
                       crop(batch, generator: RandomGenerator(seed: 5)).toArray())
    }

    func testCropBoxForGivenDraws() throws {
        // A quarter of a 400 × 500 image with ratio 1 is a square of side √50 000 ≈ 223.6 → 224.
        let first = try XCTUnwrap(RandomResizedCrop.cropBox(imageHeight: 400, imageWidth: 500, areaFraction: 0.25,
                                                            aspectRatio: 1, position: (0, 0)))
        XCTAssert(first == (0, 0, 224, 224), "\(first)")
        let last = try XCTUnwrap(RandomResizedCrop.cropBox(imageHeight: 400, imageWidth: 500, areaFraction: 0.25,
                                                           aspectRatio: 1, position: (0.9999, 0.9999)))
        XCTAssert(last == (176, 276, 224, 224), "\(last)")
        // Ratio 2 (twice as wide as high) on the whole area does not fit: width √400 000 ≈ 632.
        XCTAssertNil(RandomResizedCrop.cropBox(imageHeight: 400, imageWidth: 500, areaFraction: 1, aspectRatio: 2,
                                               position: (0.5, 0.5)))
    }

    func testCropsLieInsideTheImageWithTheRequestedShape() {
        let aug = RandomResizedCrop((200, 200), scale: (0.1, 1), ratio: (0.5, 2))
        let generator = RandomGenerator(seed: 11)
        for _ in 0..<500 {
            let box = aug.drawBox(imageHeight: 400, imageWidth: 500, generator: generator)
            XCTAssert(box.top >= 0 && box.left >= 0 && box.top + box.height <= 400 && box.left + box.width <= 500, "\(box)")
            let ratio = Double(box.width) / Double(box.height), area = Double(box.width * box.height) / 200_000
            XCTAssert(ratio >= 0.5 * 0.99 && ratio <= 2 * 1.01, "ratio \(ratio) of \(box)")
            XCTAssert(area >= 0.1 * 0.99 && area <= 1.01, "area fraction \(area) of \(box)")
        }
        // A 1 × 8 strip cannot hold a box of ratio ≤ 2 and area ≥ 90 %: the central fallback.
        let strip = RandomResizedCrop((2, 2), scale: (0.9, 1), ratio: (0.5, 2))
        let box = strip.drawBox(imageHeight: 1, imageWidth: 8, generator: generator)
        XCTAssert(box == (0, 3, 1, 2), "\(box)")
        // The whole image at its own ratio comes out unchanged.
        let x = images(3, 4, 6)
        let whole = RandomResizedCrop((4, 6), scale: (1, 1), ratio: (1.5, 1.5))
        assertClose(whole(x), x)
        let out = RandomResizedCrop((5, 7), scale: (0.1, 1), ratio: (0.5, 2))(images(2, 20, 30))
        XCTAssertEqual(out.shape, [2, 3, 5, 7])
    }

    func testBrightnessScalesEachImageAndStaysInRange() {
        let x = images(32, 4, 4) * 0.6  // values in [0, 0.6): a factor up to 1.5 never clips
        let y = ColorJitter(brightness: 0.5)(x, generator: RandomGenerator(seed: 2))
        var factors: [Float] = []
        for i in 0..<32 {
            let ratio = (y[i] / (x[i] + 1e-6)).toArray()
            let f = ratio.reduce(0, +) / Float(ratio.count)
            for r in ratio { XCTAssertEqual(r, f, accuracy: 1e-3, "image \(i) is scaled by one factor") }
            factors.append(f)
        }
        XCTAssert(factors.allSatisfy { $0 >= 0.5 - 1e-3 && $0 <= 1.5 + 1e-3 }, "\(factors)")
        XCTAssert(factors.min()! < 0.8 && factors.max()! > 1.2, "factors spread over [0.5, 1.5]: \(factors)")
        let bright = ColorJitter(brightness: 0.5)(images(8, 4, 4) + 0.5, generator: RandomGenerator(seed: 3))
        XCTAssertEqual(bright.max().item(), 1, accuracy: 1e-6, "bright images clip at 1")
        XCTAssertGreaterThanOrEqual(bright.min().item(), 0)
    }

    func testColorChangesOfGivenDraws() {
        // Pure red, green, grey and black pixels.
        let x = Tensor(shape: [3, 1, 4], values: [1, 0, 0.5, 0, 0, 1, 0.5, 0, 0, 0, 0.5, 0])
        let shifted = ColorJitter.apply(.init(hue: 1.0 / 3), to: x)
        assertClose(shifted, [0, 0, 0.5, 0, 1, 0, 0.5, 0, 0, 1, 0.5, 0], shape: [3, 1, 4], atol: 1e-5)
        assertClose(ColorJitter.apply(.init(hue: 0), to: x), x)
        let grey = ColorJitter.apply(.init(saturation: 0), to: x)
        assertClose(grey[0], grey[1])
        assertClose(grey[1], grey[2])
        XCTAssertEqual(grey[0, 0, 0].item(), 0.2989, accuracy: 1e-5, "red's grey")
        let flat = ColorJitter.apply(.init(contrast: 0), to: x)
        let mean: Float = (0.2989 + 0.587 + 0.5) / 4
        assertClose(flat, Tensor.full([3, 1, 4], mean), atol: 1e-5)
        assertClose(ColorJitter.apply(.init(brightness: 2), to: x), (x * 2).clamp(min: 0, max: 1))
        let both = ColorJitter.apply(.init(order: [0, 1, 2, 3], brightness: 0.5, contrast: 0), to: x)
        assertClose(both, Tensor.full([3, 1, 4], mean * 0.5), atol: 1e-5, rtol: 1e-4)
    }

    func testApplyLaysOutEightDrawsOfTheCat() throws {
        let cat = try readImage(requireSharedImage("cat1.jpg")).toTensor()
        let grid = ImageAugmentationSection.apply(cat, ImageAugmentationSection.shapeAug, generator: RandomGenerator(seed: 0))
        XCTAssertEqual(grid.shape, [2 * 200 + 3 * 4, 4 * 200 + 5 * 4, 3])
        let flips = ImageAugmentationSection.apply(cat, RandomHorizontalFlip(), generator: RandomGenerator(seed: 0))
        XCTAssertEqual(flips.shape, [2 * 400 + 3 * 4, 4 * 500 + 5 * 4, 3])
        // Each cell is the cat or its mirror image.
        let original = Image(cat), mirrored = Image(cat.flip(-1))
        for cell in 0..<8 {
            let top = 4 + (cell / 4) * 404, left = 4 + (cell % 4) * 504
            let piece = flips.crop(top: top, left: left, height: 400, width: 500)
            XCTAssert(piece == original || piece == mirrored, "cell \(cell) is neither the cat nor its mirror image")
        }
        XCTAssertEqual(ImageAugmentationSection.figures.count, 7, "the book's seven figures of §13.1.1")
    }
}
