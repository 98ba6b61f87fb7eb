/// The intersection over union (Jaccard index) of every box of `boxes1` with every box of
/// `boxes2`, both in corner form.
///
/// d2l: `box_iou(boxes1, boxes2)` (§13.4). One pass over the `n × m` pairs: the overlap's width
/// and height are clamped at 0, so disjoint boxes give 0; two empty boxes (zero union) give 0
/// rather than NaN.
/// - Returns: `[n, m]`, entry `(i, j)` the IoU of `boxes1[i]` and `boxes2[j]`.
public func boxIoU(_ boxes1: Tensor, _ boxes2: Tensor) -> Tensor {
    check(boxes1.ndim == 2 && boxes2.ndim == 2,
          "boxIoU: expects boxes [N, 4] and [M, 4], got shapes \(boxes1.shape) and \(boxes2.shape)")
    let a = boxValues(boxes1, "boxIoU", name: "boxes1"), b = boxValues(boxes2, "boxIoU", name: "boxes2")
    let (n, m) = (a.count / 4, b.count / 4)
    let out = Tensor(uninitializedShape: [n, m])
    let dst = out.storage.pointer
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            Kernels.parallelRanges(n, workPerItem: m * 8) { start, end in
                for i in start..<end {
                    iouRow(a.baseAddress! + i * 4, b.baseAddress!, m, into: dst + i * m)
                }
            }
        }
    }
    return out
}

/// The IoU of the box at `box` with each of the `count` boxes at `others`, written to `dst`.
@inline(__always)
func iouRow(_ box: UnsafePointer<Float>, _ others: UnsafePointer<Float>, _ count: Int,
            into dst: UnsafeMutablePointer<Float>) {
    let area1 = (box[2] - box[0]) * (box[3] - box[1])
    for j in 0..<count {
        let o = others + j * 4
        let iw = Swift.max(Swift.min(box[2], o[2]) - Swift.max(box[0], o[0]), 0)
        let ih = Swift.max(Swift.min(box[3], o[3]) - Swift.max(box[1], o[1]), 0)
        let inter = iw * ih
        let union = area1 + (o[2] - o[0]) * (o[3] - o[1]) - inter
        dst[j] = union > 0 ? inter / union : 0
    }
}
