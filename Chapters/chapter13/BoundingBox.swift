import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.3 The dog and cat boxes on the book's photo: corner ↔ centre conversion and the figure.
struct BoundingBox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bounding-box",
        abstract: "§13.3 Bounding boxes: corner ↔ centre round trip of the dog and cat boxes, drawn on catdog.jpg.")

    func run() throws {
        printSection("13.3", "Object detection and bounding boxes")
        let img = try loadBookPhoto("catdog.jpg", BoundingBoxSection.loadCatDog)
        print("img: \(img.width)×\(img.height) pixels (shape [H, W, C] = \(img.shape))")
        let boxes = BoundingBoxSection.boxes
        print("dog_bbox, cat_bbox = \(BoundingBoxSection.dogBBox), \(BoundingBoxSection.catBBox)")
        print("box_corner_to_center(boxes) = \(boxCornerToCenter(boxes))")
        print("box_center_to_corner(box_corner_to_center(boxes)) == boxes")
        print(boxCenterToCorner(boxCornerToCenter(boxes)) == boxes)
        writeFigure(BoundingBoxSection.figure(img), "chapter13-bounding-box.png")
    }
}
