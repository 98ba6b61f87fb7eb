import D2L
import XCTest

/// Boxes and labels drawn into an image's pixels (§13.3 `bbox_to_rect`, §13.4 `show_bboxes`).
final class DetectionDrawingTests: XCTestCase {
    private func white(_ height: Int, _ width: Int, channels: Int = 3) -> Image {
        Image(pixels: [UInt8](repeating: 255, count: height * width * channels), height: height, width: width, channels: channels)
    }

    private func color(_ img: Image, _ row: Int, _ column: Int) -> RGB {
        RGB(img[row, column, 0], img[row, column, 1], img[row, column, 2])
    }

    func testBBoxToRectIsCornerPlusSize() {
        let rect = bboxToRect([60, 45, 378, 516], color: .blue)
        XCTAssertEqual(rect, BBoxRect(x: 60, y: 45, width: 318, height: 471, color: .blue, lineWidth: 2))
        XCTAssertEqual(RGB(matplotlib: "m"), .magenta)
        XCTAssertNil(RGB(matplotlib: "blue"))
    }

    func testAddPatchStrokesOnlyTheEdges() {
        var img = white(20, 30)
        img.addPatch(bboxToRect([5, 4, 25, 15], color: .red, lineWidth: 2))
        XCTAssertEqual(color(img, 4, 10), .red, "top edge")
        XCTAssertEqual(color(img, 15, 10), .red, "bottom edge")
        XCTAssertEqual(color(img, 10, 5), .red, "left edge")
        XCTAssertEqual(color(img, 10, 25), .red, "right edge")
        XCTAssertEqual(color(img, 3, 10), .red, "2-pixel line: one pixel each side of y = 4")
        XCTAssertEqual(color(img, 10, 15), .white, "inside")
        XCTAssertEqual(color(img, 1, 10), .white, "outside")
        // A box reaching past the image is clipped, not a crash.
        img.addPatch(bboxToRect([-50, -50, 1e9, 10], color: .blue))
        XCTAssertEqual(color(img, 10, 0), .blue)
    }

    func testShowBBoxesCyclesTheBookColorsAndDrawsLabels() {
        var img = white(60, 80)
        var corners: [Float] = []
        for i in 0..<6 { corners += [Float(10 + i), Float(10 + 2 * i), 70, 50] }
        let boxes = Tensor(shape: [6, 4], values: corners)
        showBBoxes(&img, boxes, lineWidth: 1)
        // Box i's top edge is at row 10 + 2i; the sixth box comes back to blue.
        XCTAssertEqual((0..<6).map { color(img, 10 + 2 * $0, 40) }, [.blue, .green, .red, .magenta, .cyan, .blue])
        var labelled = white(60, 80)
        showBBoxes(&labelled, Tensor(shape: [1, 4], values: [20, 20, 60, 50]), labels: ["dog"], colors: [.black])
        // The label box (black, 17 × 8 text padded by 2) is centred on the corner (20, 20), with
        // white text inside it.
        let region = (14..<26).flatMap { r in (10..<31).map { c in color(labelled, r, c) } }
        XCTAssert(region.contains(.white) && region.filter { $0 == .black }.count > region.count / 2, "label box")
        XCTAssertEqual(color(labelled, 40, 40), .white, "inside the box")
    }

    func testDrawTextStaysInItsCells() {
        let text = "s=0.75, r=1 dog cat AZ()%"
        let size = Image.textSize(text, scale: 2)
        XCTAssertEqual(size.width, (text.count * 6 - 1) * 2)
        XCTAssertEqual(size.height, 16)
        var img = white(20, size.width + 4)
        img.drawText(text, top: 2, left: 2, color: .black, scale: 2)
        var painted = 0
        for r in 0..<img.height {
            for c in 0..<img.width where color(img, r, c) == .black {
                painted += 1
                XCTAssert((2..<18).contains(r) && (2..<(2 + size.width)).contains(c), "pixel (\(r), \(c)) outside the text")
            }
        }
        XCTAssertGreaterThan(painted, text.count * 4 * 4, "every glyph paints some pixels")
        // Each letter and digit has its own glyph; a character without one is an empty box.
        var glyphs = Set<[UInt8]>()
        for ch in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            var cell = white(8, 5)
            cell.drawText(String(ch), top: 0, left: 0, color: .black)
            XCTAssert(glyphs.insert(cell.pixels).inserted, "\(ch) looks like another character")
        }
        var unknown = white(8, 5)
        unknown.drawText("€", top: 0, left: 0, color: .black)
        XCTAssertEqual(color(unknown, 0, 2), .black)
        XCTAssertEqual(color(unknown, 3, 2), .white)
    }

    func testDrawingOnGreyAndRGBAImages() {
        var grey = white(10, 10, channels: 1)
        grey.addPatch(bboxToRect([2, 2, 8, 8], color: .black))
        XCTAssertEqual(grey[2, 5, 0], 0)
        var rgba = white(10, 10, channels: 4)
        rgba.addPatch(bboxToRect([2, 2, 8, 8], color: .red))
        XCTAssertEqual([rgba[2, 5, 0], rgba[2, 5, 1], rgba[2, 5, 2], rgba[2, 5, 3]], [255, 0, 0, 255], "alpha kept")
    }
}
