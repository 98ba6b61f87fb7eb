import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.5 Anchors of 4 × 4, 2 × 2 and 1 × 1 feature maps spread over the book's photo.
struct Multiscale: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "§13.5 Multiscale anchor boxes: display_anchors on 4×4, 2×2 and 1×1 feature maps of catdog.jpg.")

    func run() throws {
        printSection("13.5", "Multiscale object detection")
        let img = try loadBookPhoto("catdog.jpg", BoundingBoxSection.loadCatDog)
        print("h, w = \(img.height), \(img.width)")
        var figures: [(Image, String)] = []
        for map in MultiscaleSection.maps {
            let boxes = map.fmapW * map.fmapH * (map.s.count + 2)
            print("display_anchors(fmap_w=\(map.fmapW), fmap_h=\(map.fmapH), s=\(map.s)): \(boxes) anchors")
            figures.append((MultiscaleSection.displayAnchors(img, fmapW: map.fmapW, fmapH: map.fmapH, s: map.s),
                            "chapter13-multiscale-\(map.fmapW)x\(map.fmapH).png"))
        }
        for (figure, name) in figures { writeFigure(figure, name) }
    }
}
