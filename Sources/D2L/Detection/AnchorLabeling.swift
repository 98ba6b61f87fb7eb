import Foundation

// Labelling anchor boxes for training (§13.4.3): each anchor gets the ground-truth box it is
// closest to, or none (background); then a class label and the four offsets that move the
// anchor onto its box.

/// The ground-truth box assigned to each anchor, or −1 for none.
///
/// d2l: `assign_anchor_to_bbox(ground_truth, anchors, device, iou_threshold=0.5)` (§13.4.3.1).
/// First every anchor whose best IoU with any box reaches `iouThreshold` takes that box (the book
/// hard-codes 0.5 there; here the threshold is the argument). Then, as many times as there are
/// boxes, the largest IoU left in the anchor × box table assigns its anchor to its box, and that
/// anchor's row and that box's column are discarded; so every box gets at least one anchor, even
/// when no anchor overlaps it well (while anchors last).
/// - Parameters:
///   - groundTruth: `[nb, 4]` boxes in corner form.
///   - anchors: `[na, 4]` anchors in corner form.
/// - Returns: `[na]` `int64`, the box index of each anchor or −1.
public func assignAnchorToBBox(_ groundTruth: Tensor, _ anchors: Tensor, iouThreshold: Float = 0.5) -> Tensor {
    let jaccard = boxIoU(anchors, groundTruth)
    let (na, nb) = (jaccard.shape[0], jaccard.shape[1])
    let map = assignAnchors(jaccard: jaccard.toArray(), anchors: na, boxes: nb, iouThreshold: iouThreshold)
    return Tensor(shape: [na], values: map.map(Float.init), dtype: .int64)
}

/// `assignAnchorToBBox` on the `na × nb` IoU table, row by anchor; ties go to the first
/// position in row-major order, as `torch.max` and `torch.argmax` do.
func assignAnchors(jaccard: [Float], anchors na: Int, boxes nb: Int, iouThreshold: Float) -> [Int] {
    var table = jaccard
    var map = [Int](repeating: -1, count: na)
    if nb == 0 { return map }
    for i in 0..<na {
        var best = 0
        for j in 1..<nb where table[i * nb + j] > table[i * nb + best] { best = j }
        if table[i * nb + best] >= iouThreshold { map[i] = best }
    }
    // Discarded entries become −1, below every IoU; once all are discarded, anchors are used up.
    for _ in 0..<Swift.min(na, nb) {
        var best = 0
        for k in 1..<(na * nb) where table[k] > table[best] { best = k }
        let (anchor, box) = (best / nb, best % nb)
        map[anchor] = box
        for j in 0..<nb { table[anchor * nb + j] = -1 }
        for i in 0..<na { table[i * nb + box] = -1 }
    }
    return map
}

/// The offsets that move each anchor onto its assigned box: the centre shift in units of a
/// tenth of the anchor's width and height, and five times the log of the size ratios.
///
/// d2l: `offset_boxes(anchors, assigned_bb, eps=1e-6)` (§13.4.3.2), the book's transform with
/// μ = 0, σx = σy = 0.1 and σw = σh = 0.2; `eps` keeps the log finite for an empty box.
/// - Returns: `[n, 4]` offsets (x, y, w, h).
public func offsetBoxes(_ anchors: Tensor, _ assignedBB: Tensor, eps: Float = 1e-6) -> Tensor {
    pairBoxes(anchors, assignedBB, "offsetBoxes", names: ("anchors", "assigned boxes")) { a, b, out in
        boxOffset(anchor: a, box: b, eps: eps, into: out)
    }
}

/// `offsetBoxes` of one anchor and box, both in corner form.
@inline(__always)
func boxOffset(anchor a: UnsafePointer<Float>, box b: UnsafePointer<Float>, eps: Float,
               into dst: UnsafeMutablePointer<Float>) {
    let (aw, ah) = (a[2] - a[0], a[3] - a[1]), (bw, bh) = (b[2] - b[0], b[3] - b[1])
    dst[0] = 10 * ((b[0] + b[2]) / 2 - (a[0] + a[2]) / 2) / aw
    dst[1] = 10 * ((b[1] + b[3]) / 2 - (a[1] + a[3]) / 2) / ah
    dst[2] = 5 * log(eps + bw / aw)
    dst[3] = 5 * log(eps + bh / ah)
}

/// Labels the anchors of every image of a batch with their ground-truth boxes.
///
/// d2l: `multibox_target(anchors, labels)` (§13.4.3). Class 0 is background; an anchor assigned
/// to a box of class `c` gets label `c + 1` and that box's offsets (`offsetBoxes`); unassigned
/// anchors get offsets 0 and mask 0, so the masked L1 loss of §13.7 ignores them.
/// - Parameters:
///   - anchors: `[1, na, 4]` (as `multiboxPrior` makes them) or `[na, 4]`.
///   - labels: `[batch, nb, 5]`, each row (class, x1, y1, x2, y2) in the anchors' coordinates.
///   - iouThreshold: passed to `assignAnchorToBBox`.
/// - Returns: offsets `[batch, 4·na]`, mask `[batch, 4·na]` (1 for assigned anchors) and class
///   labels `[batch, na]` (`int64`).
public func multiboxTarget(_ anchors: Tensor, _ labels: Tensor, iouThreshold: Float = 0.5)
    -> (bboxOffset: Tensor, bboxMask: Tensor, classLabels: Tensor) {
    check((anchors.ndim == 3 && anchors.shape[0] == 1) || anchors.ndim == 2,
          "multiboxTarget: anchors must be [1, na, 4] or [na, 4], got shape \(anchors.shape)")
    check(labels.ndim == 3 && labels.shape[2] == 5,
          "multiboxTarget: labels must be [batch, boxes, 5] rows of (class, x1, y1, x2, y2), got shape \(labels.shape)")
    let anc = boxValues(anchors, "multiboxTarget", name: "anchors")
    let (batch, nb, na) = (labels.shape[0], labels.shape[1], anc.count / 4)
    let lab = labels.detach().toArray()
    let ancTensor = Tensor(shape: [na, 4], values: anc)
    let offsets = Tensor.zeros([batch, na * 4]), mask = Tensor.zeros([batch, na * 4])
    let classes = Tensor.zeros([batch, na], dtype: .int64)
    for i in 0..<batch {
        var gt = [Float](), cls = [Float]()
        for j in 0..<nb {
            let row = (i * nb + j) * 5
            check(lab[row].rounded() == lab[row],
                  "multiboxTarget: class \(lab[row]) of box \(j) of image \(i) is not an integer (labels shape \(labels.shape))")
            cls.append(lab[row])
            gt += lab[(row + 1)..<(row + 5)]
        }
        let jaccard = boxIoU(ancTensor, Tensor(shape: [nb, 4], values: gt)).toArray()
        let map = assignAnchors(jaccard: jaccard, anchors: na, boxes: nb, iouThreshold: iouThreshold)
        let (o, m, c) = (offsets.storage.pointer + i * na * 4, mask.storage.pointer + i * na * 4,
                         classes.storage.pointer + i * na)
        anc.withUnsafeBufferPointer { anc in
            gt.withUnsafeBufferPointer { gt in
                for k in 0..<na where map[k] >= 0 {
                    c[k] = cls[map[k]] + 1
                    for t in 0..<4 { m[k * 4 + t] = 1 }
                    boxOffset(anchor: anc.baseAddress! + k * 4, box: gt.baseAddress! + map[k] * 4, eps: 1e-6,
                              into: o + k * 4)
                }
            }
        }
    }
    return (offsets, mask, classes)
}
