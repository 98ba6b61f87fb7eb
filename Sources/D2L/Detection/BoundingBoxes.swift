// Bounding boxes as four numbers (§13.3): corners (x1, y1, x2, y2), upper left and lower right,
// or centre and size (cx, cy, w, h). The detection functions take boxes as the rows of a
// tensor whose last axis has length 4, and work on their values (no gradients), as the book's
// labels and anchors never need any.

/// Converts boxes from corners (upper-left x, y, lower-right x, y) to centre (x, y), width and
/// height.
///
/// d2l: `box_corner_to_center` (§13.3). Takes any tensor whose last axis has length 4 (the book
/// passes `[N, 4]`) and returns a new tensor of the same shape.
public func boxCornerToCenter(_ boxes: Tensor) -> Tensor {
    mapBoxes(boxes, "boxCornerToCenter") { x1, y1, x2, y2 in
        ((x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1)
    }
}

/// Converts boxes from centre (x, y), width and height to corners (upper-left x, y,
/// lower-right x, y).
///
/// d2l: `box_center_to_corner` (§13.3), the inverse of `boxCornerToCenter`.
public func boxCenterToCorner(_ boxes: Tensor) -> Tensor {
    mapBoxes(boxes, "boxCenterToCorner") { cx, cy, w, h in
        (cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h)
    }
}

/// The values of `boxes` as a flat array of rows of 4, after checking that the last axis has
/// length 4; `operation` names the caller in the error.
func boxValues(_ boxes: Tensor, _ operation: String, name: String = "boxes") -> [Float] {
    check(boxes.ndim >= 1 && boxes.shape.last == 4,
          "\(operation): \(name) must have 4 numbers on the last axis ([N, 4]), got shape \(boxes.shape)")
    return boxes.detach().toArray()
}

/// A new `[N, 4]` tensor whose row `r` is `kernel` of row `r` of `first` and of `second`, both
/// `[N, 4]`; `names` name them in the error.
func pairBoxes(_ first: Tensor, _ second: Tensor, _ operation: String, names: (String, String),
               _ kernel: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> Tensor {
    check(first.ndim == 2 && first.shape == second.shape,
          "\(operation): \(names.0) and \(names.1) must both be [N, 4], got shapes \(first.shape) and \(second.shape)")
    let a = boxValues(first, operation, name: names.0), b = boxValues(second, operation, name: names.1)
    let out = Tensor(uninitializedShape: first.shape)
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            for r in 0..<(a.count / 4) {
                kernel(a.baseAddress! + r * 4, b.baseAddress! + r * 4, out.storage.pointer + r * 4)
            }
        }
    }
    return out
}

/// A new tensor of the shape of `boxes`, each row of 4 replaced by `transform` of it.
private func mapBoxes(_ boxes: Tensor, _ operation: String,
                      _ transform: (Float, Float, Float, Float) -> (Float, Float, Float, Float)) -> Tensor {
    let src = boxValues(boxes, operation)
    let out = Tensor(uninitializedShape: boxes.shape)
    let dst = out.storage.pointer
    for r in 0..<(src.count / 4) {
        let b = r * 4
        let (a0, a1, a2, a3) = transform(src[b], src[b + 1], src[b + 2], src[b + 3])
        dst[b] = a0; dst[b + 1] = a1; dst[b + 2] = a2; dst[b + 3] = a3
    }
    return out
}
