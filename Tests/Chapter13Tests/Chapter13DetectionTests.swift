import D2L
import Foundation
import TestSupport
import Vision
import XCTest

/// §13.3–13.5 sections: the book's boxes on its cat-and-dog photo, the section's labelling and
/// detection examples, and the anchors of small feature maps drawn where they belong.
final class Chapter13DetectionTests: XCTestCase {
    private func white(_ height: Int, _ width: Int) -> Image {
        Image(pixels: [UInt8](repeating: 255, count: height * width * 3), height: height, width: width, channels: 3)
    }

    private func color(_ img: Image, _ row: Int, _ column: Int) -> RGB {
        RGB(img[row, column, 0], img[row, column, 1], img[row, column, 2])
    }

    func testBoundingBoxFigureDrawsDogBlueAndCatRed() throws {
        let img = try readImage(requireSharedImage("catdog.jpg"))
        XCTAssertEqual(img.shape, [561, 728, 3], "h, w = 561, 728 as the book prints")
        let figure = BoundingBoxSection.figure(img)
        XCTAssertEqual(color(figure, 45, 200), .blue, "the dog's top edge, y = 45")
        XCTAssertEqual(color(figure, 300, 655), .red, "the cat's right edge, x = 655")
        XCTAssertEqual(figure.pixels[(300 * 728 + 250) * 3..<(300 * 728 + 251) * 3], img.pixels[(300 * 728 + 250) * 3..<(300 * 728 + 251) * 3],
                       "inside the dog's box the photo is untouched")
        let round = boxCenterToCorner(boxCornerToCenter(BoundingBoxSection.boxes))
        XCTAssertEqual(round.toArray(), [60, 45, 378, 516, 400, 112, 655, 493])
    }

    func testAnchorSectionReproducesTheBookOutputs() {
        let (Y, boxes) = AnchorBoxesSection.pixelAnchors(white(561, 728))
        XCTAssertEqual(Y.shape, [1, 2_042_040, 4])
        XCTAssertEqual(boxes.shape, [561, 728, 5, 4])
        XCTAssertEqual(AnchorBoxesSection.labels().classLabels.toIntArray(), [0, 1, 2, 0, 2])
        let output = AnchorBoxesSection.detection()
        XCTAssertEqual(output[0, ..., 0].toArray(), [0, 1, -1, -1], "dog and cat kept, the other dogs suppressed")
        XCTAssertEqual(output[0, ..., 1].toArray(), [0.9, 0.9, 0.8, 0.7])
    }

    func testDetectionFigureLabelsOnlyTheKeptBoxes() {
        let img = white(100, 100)
        let figure = AnchorBoxesSection.detectionFigure(img, output: AnchorBoxesSection.detection())
        // Kept: the dog box (10, 8)–(52, 92) and the cat box (55, 20)–(90, 88), both blue.
        XCTAssertEqual(color(figure, 50, 52), .blue)
        XCTAssertEqual(color(figure, 50, 90), .blue)
        // Suppressed: box 2's right edge at x = 62 is not drawn.
        XCTAssertEqual(color(figure, 60, 62), .white)
    }

    func testDisplayAnchorsSpreadsAnchorsOverTheImage() {
        // A 4 × 4 map on a 100 × 100 image: pixel (0, 0)'s square anchor of size 0.15 spans
        // 12.5 ± 7.5, pixel (3, 3)'s spans 87.5 ± 7.5.
        let figure = MultiscaleSection.displayAnchors(white(100, 100), fmapW: 4, fmapH: 4, s: [0.15])
        XCTAssertEqual(color(figure, 12, 5), .blue)
        XCTAssertEqual(color(figure, 87, 95), .blue)
        XCTAssertEqual(color(figure, 50, 50), .white, "no anchor edge crosses the centre")
    }
}

/// §13.6's figure: ten banana images in a 2 × 5 grid, each with its box in white.
final class Chapter13BananaFigureTests: XCTestCase {
    func testFigureDrawsEachBoxInWhiteInItsCell() {
        // Ten black 32 × 32 images, image i boxed at x 4…(10 + i), y 8…20 (as fractions of 32).
        let images = Tensor.zeros([10, 3, 32, 32])
        var values: [Float] = []
        for i in 0..<10 { values += [0, 4 / 32, 8 / 32, Float(10 + i) / 32, 20 / 32] }
        let figure = BananaDataSection.figure(images, Tensor(shape: [10, 1, 5], values: values))
        // imageGrid's cells: 4 pixels of spacing, so cell (r, c) starts at 4 + 36·c, 4 + 36·r.
        XCTAssertEqual(figure.shape, [2 * 32 + 3 * 4, 5 * 32 + 6 * 4, 3])
        for i in 0..<10 {
            let (top, left) = (4 + 36 * (i / 5), 4 + 36 * (i % 5))
            XCTAssertEqual(figure[top + 8, left + 6, 0], 255, "image \(i): top edge white")
            XCTAssertEqual(figure[top + 14, left + 10 + i, 1], 255, "image \(i): right edge at x = \(10 + i)")
            XCTAssertEqual(figure[top + 14, left + 7, 2], 0, "image \(i): inside stays black")
        }
    }
}
