import Foundation

// Predicting boxes (§13.4.4): anchors moved by predicted offsets, then non-maximum suppression
// keeps the most confident of each group of overlapping boxes.

/// The boxes that `offsetPreds` make of `anchors`: the inverse of `offsetBoxes`.
///
/// d2l: `offset_inverse(anchors, offset_preds)` (§13.4.4).
/// - Parameters:
///   - anchors: `[n, 4]` in corner form.
///   - offsetPreds: `[n, 4]` offsets (x, y, w, h).
/// - Returns: `[n, 4]` predicted boxes in corner form.
public func offsetInverse(_ anchors: Tensor, _ offsetPreds: Tensor) -> Tensor {
    pairBoxes(anchors, offsetPreds, "offsetInverse", names: ("anchors", "offsets")) { a, o, out in
        predictedBox(anchor: a, offset: o, into: out)
    }
}

/// `offsetInverse` of one anchor (corner form) and offset; writes the box in corner form.
@inline(__always)
func predictedBox(anchor a: UnsafePointer<Float>, offset o: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>) {
    let (aw, ah) = (a[2] - a[0], a[3] - a[1])
    let cx = o[0] * aw / 10 + (a[0] + a[2]) / 2, cy = o[1] * ah / 10 + (a[1] + a[3]) / 2
    let w = exp(o[2] / 5) * aw, h = exp(o[3] / 5) * ah
    dst[0] = cx - 0.5 * w; dst[1] = cy - 0.5 * h; dst[2] = cx + 0.5 * w; dst[3] = cy + 0.5 * h
}

/// Non-maximum suppression: the indices of the boxes kept, most confident first.
///
/// d2l: `nms(boxes, scores, iou_threshold)` (§13.4.4.1). Boxes are visited by decreasing score
/// (equal scores in index order); each box not yet removed is kept and removes every later box
/// whose IoU with it is above `iouThreshold`. Boxes of all classes compete, as in the book.
/// - Parameters:
///   - boxes: `[n, 4]` in corner form.
///   - scores: `[n]` confidences.
/// - Returns: `int64` indices into `boxes`.
public func nms(_ boxes: Tensor, _ scores: Tensor, iouThreshold: Float) -> Tensor {
    check(boxes.ndim == 2 && scores.ndim == 1 && scores.shape[0] == boxes.shape[0],
          "nms: expects boxes [N, 4] and scores [N], got shapes \(boxes.shape) and \(scores.shape)")
    let keep = nmsKeep(boxValues(boxes, "nms"), scores: scores, iouThreshold: iouThreshold)
    return Tensor(shape: [keep.count], values: keep.map(Float.init), dtype: .int64)
}

/// `nms` on the flat corner values of the boxes; returns the kept indices.
func nmsKeep(_ boxes: [Float], scores: Tensor, iouThreshold: Float) -> [Int] {
    let order = scores.detach().argsort(descending: true).toIntArray()
    var removed = [Bool](repeating: false, count: order.count), keep: [Int] = []
    var iou: Float = 0
    boxes.withUnsafeBufferPointer { b in
        for (rank, i) in order.enumerated() where !removed[rank] {
            keep.append(i)
            for later in (rank + 1)..<order.count where !removed[later] {
                iouRow(b.baseAddress! + i * 4, b.baseAddress! + order[later] * 4, 1, into: &iou)
                if iou > iouThreshold { removed[later] = true }
            }
        }
    }
    return keep
}

/// Predicted boxes for each image: the anchors moved by their predicted offsets, each labelled
/// with its most likely non-background class, after non-maximum suppression.
///
/// d2l: `multibox_detection(cls_probs, offset_preds, anchors, nms_threshold=0.5,
/// pos_threshold=0.009999999)` (§13.4.4). Each output row is (class, confidence, x1, y1, x2,
/// y2), classes counted from 0 without the background. Boxes kept by `nms` come first, most
/// confident first; the rest follow in anchor order with class −1. A kept box whose confidence
/// is below `posThreshold` also gets class −1, and confidence 1 − p (the background's).
/// - Parameters:
///   - clsProbs: `[batch, 1 + classes, na]` probabilities, row 0 the background.
///   - offsetPreds: `[batch, 4·na]` predicted offsets.
///   - anchors: `[1, na, 4]` or `[na, 4]`.
/// - Returns: `[batch, na, 6]`.
public func multiboxDetection(_ clsProbs: Tensor, _ offsetPreds: Tensor, _ anchors: Tensor,
                              nmsThreshold: Float = 0.5, posThreshold: Float = 0.009999999) -> Tensor {
    check((anchors.ndim == 3 && anchors.shape[0] == 1) || anchors.ndim == 2,
          "multiboxDetection: anchors must be [1, na, 4] or [na, 4], got shape \(anchors.shape)")
    let anc = boxValues(anchors, "multiboxDetection", name: "anchors")
    let na = anc.count / 4
    check(clsProbs.ndim == 3 && clsProbs.shape[1] >= 2 && clsProbs.shape[2] == na,
          "multiboxDetection: class probabilities must be [batch, 1 + classes, \(na)] for \(na) anchors, got shape \(clsProbs.shape)")
    let batch = clsProbs.shape[0], rows = clsProbs.shape[1]
    check(offsetPreds.ndim == 2 && offsetPreds.shape == [batch, 4 * na],
          "multiboxDetection: offsets must be [\(batch), \(4 * na)] for \(na) anchors, got shape \(offsetPreds.shape)")
    let probs = clsProbs.detach().toArray(), offsets = offsetPreds.detach().toArray()
    let out = Tensor(uninitializedShape: [batch, na, 6])
    var boxes = [Float](repeating: 0, count: na * 4)
    for i in 0..<batch {
        // The most likely class other than the background, and its probability, per anchor.
        var conf = [Float](repeating: 0, count: na), classID = [Int](repeating: 0, count: na)
        for k in 0..<na {
            for c in 1..<rows {
                let p = probs[(i * rows + c) * na + k]
                if c == 1 || p > conf[k] { (conf[k], classID[k]) = (p, c - 1) }
            }
        }
        anc.withUnsafeBufferPointer { a in
            offsets.withUnsafeBufferPointer { o in
                boxes.withUnsafeMutableBufferPointer { b in
                    for k in 0..<na {
                        predictedBox(anchor: a.baseAddress! + k * 4, offset: o.baseAddress! + (i * na + k) * 4,
                                     into: b.baseAddress! + k * 4)
                    }
                }
            }
        }
        let keep = nmsKeep(boxes, scores: Tensor(shape: [na], values: conf), iouThreshold: nmsThreshold)
        var kept = [Bool](repeating: false, count: na)
        for k in keep { kept[k] = true }
        let order = keep + (0..<na).filter { !kept[$0] }
        var row = out.storage.pointer + i * na * 6
        for k in order {
            var (c, p) = (kept[k] ? Float(classID[k]) : -1, conf[k])
            if p < posThreshold { (c, p) = (-1, 1 - p) }
            row[0] = c; row[1] = p
            for t in 0..<4 { row[2 + t] = boxes[k * 4 + t] }
            row += 6
        }
    }
    return out
}
