import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.4 Anchor boxes on the book's photo: the anchors of one pixel, IoU, labelling the five
/// anchors, and non-maximum suppression of four predictions, with the book's four figures.
struct Anchors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "§13.4 Anchor boxes: multibox_prior on catdog.jpg, IoU, multibox_target and multibox_detection (NMS).")

    @Option(help: "NMS threshold of multibox_detection (the book: 0.5).")
    var nmsThreshold: Float = 0.5

    func validate() throws {
        guard (0...1).contains(nmsThreshold) else {
            throw ValidationError("--nms-threshold must be between 0 and 1, got \(nmsThreshold)")
        }
    }

    func run() throws {
        printSection("13.4", "Anchor boxes")
        let img = try loadBookPhoto("catdog.jpg", BoundingBoxSection.loadCatDog)
        printSubsection("13.4.1", "Generating multiple anchor boxes")
        print("h, w = \(img.height), \(img.width)")
        let start = Date()
        let (Y, boxes) = AnchorBoxesSection.pixelAnchors(img)
        let elapsed = Date().timeIntervalSince(start)
        print("Y.shape = \(Y.shape)    (multibox_prior took \(String(format: "%.3f", elapsed)) s)")
        print("boxes[250, 250, 0, :] = \(boxes[250, 250, 0])    (book, 2 decimals: [0.06, 0.07, 0.63, 0.82])")

        printSubsection("13.4.2", "Intersection over union (IoU)")
        print("box_iou(anchors, ground_truth[:, 1:]), one row per anchor of §13.4.3 (not printed in the book):")
        print(boxIoU(AnchorBoxesSection.anchors, AnchorBoxesSection.groundTruth[..., 1...]))

        printSubsection("13.4.3", "Labeling anchor boxes in training data")
        let labels = AnchorBoxesSection.labels()
        print("labels[2] = \(labels.classLabels)")
        print("labels[1] = \(labels.bboxMask)")
        print("labels[0] = \(labels.bboxOffset)")

        printSubsection("13.4.4", "Predicting bounding boxes with non-maximum suppression")
        let output = AnchorBoxesSection.detection(nmsThreshold: nmsThreshold)
        print("nms(boxes, scores=[0.9, 0.8, 0.7, 0.9], \(nmsThreshold)) keeps",
              nms(AnchorBoxesSection.predictedAnchors, Tensor(shape: [4], values: [0.9, 0.8, 0.7, 0.9]),
                  iouThreshold: nmsThreshold))
        print("output = \(output)")

        writeFigure(AnchorBoxesSection.pixelFigure(img, boxes: boxes), "chapter13-anchors-250-250.png")
        writeFigure(AnchorBoxesSection.labellingFigure(img), "chapter13-anchors-labelling.png")
        writeFigure(AnchorBoxesSection.predictionsFigure(img), "chapter13-anchors-predictions.png")
        writeFigure(AnchorBoxesSection.detectionFigure(img, output: output), "chapter13-anchors-nms.png")
    }
}
