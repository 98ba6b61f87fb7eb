// Drawing bounding boxes with labels on a photo (§13.3–13.7), into its pixels, to be written as
// a PNG file with `Image.writePNG`.

/// A rectangle outline to draw: its upper-left corner, size (pixels), color and line width.
///
/// d2l: the `plt.Rectangle` patch that `bbox_to_rect` returns (§13.3).
public struct BBoxRect: Equatable, Sendable {
    /// Upper-left corner (`rect.xy` in matplotlib), in pixels.
    public var x: Double, y: Double
    /// Size in pixels.
    public var width: Double, height: Double
    /// Edge color.
    public var color: RGB
    /// Edge width in pixels (matplotlib: `linewidth`).
    public var lineWidth: Int

    /// A rectangle at (`x`, `y`) of size `width × height`, its edges `lineWidth` pixels wide.
    public init(x: Double, y: Double, width: Double, height: Double, color: RGB, lineWidth: Int = 2) {
        (self.x, self.y, self.width, self.height, self.color, self.lineWidth) = (x, y, width, height, color, lineWidth)
    }
}

/// The rectangle outline of `bbox` (x1, y1, x2, y2 in pixels) in `color`.
///
/// d2l: `bbox_to_rect(bbox, color)` (§13.3), which turns the book's corner format into
/// matplotlib's ((upper-left x, y), width, height) with `fill=False, linewidth=2`.
public func bboxToRect(_ bbox: [Float], color: RGB, lineWidth: Int = 2) -> BBoxRect {
    check(bbox.count == 4, "bboxToRect: a box is 4 numbers (x1, y1, x2, y2), got \(bbox.count): \(bbox)")
    return BBoxRect(x: Double(bbox[0]), y: Double(bbox[1]), width: Double(bbox[2] - bbox[0]),
                    height: Double(bbox[3] - bbox[1]), color: color, lineWidth: lineWidth)
}

extension Image {
    /// Draws `rect`'s outline (clipped to the image).
    ///
    /// d2l: `axes.add_patch(rect)` (§13.3).
    public mutating func addPatch(_ rect: BBoxRect) {
        strokeRectangle(x1: rect.x, y1: rect.y, x2: rect.x + rect.width, y2: rect.y + rect.height,
                        color: rect.color, lineWidth: rect.lineWidth)
    }
}

/// The edge width `showBBoxes` uses on `image` unless told: 2 pixels, growing with the image's
/// shorter side (3 on the 728 × 561 photo), so boxes look alike at any size.
public func bboxLineWidth(for image: Image) -> Int {
    Swift.max(2, Swift.min(image.width, image.height) / 150)
}

/// The colors `showBBoxes` cycles through: matplotlib's `'b', 'g', 'r', 'm', 'c'`, as in the book.
public let bboxColors: [RGB] = [.blue, .green, .red, .magenta, .cyan]

/// Draws each box of `bboxes` (`[n, 4]`, corners in pixels) on `image`, box `i` in color
/// `colors[i % colors.count]`, with `labels[i]` (when given) centred on its upper-left corner (moved
/// inside the image where it would stick out), in white on the box's color (black on white).
///
/// d2l: `show_bboxes(axes, bboxes, labels=None, colors=None)` (§13.4). The line width and the
/// font's pixel size grow with the image (2 and 1 below 300 pixels, about 3 and 2 on the
/// 728 × 561 photo), so a figure looks the same at any size; pass them to override.
public func showBBoxes(_ image: inout Image, _ bboxes: Tensor, labels: [String] = [], colors: [RGB] = bboxColors,
                       lineWidth: Int? = nil, fontScale: Int? = nil) {
    check(bboxes.ndim == 2 && bboxes.shape[1] == 4,
          "showBBoxes: bboxes must be [n, 4] corners in pixels, got shape \(bboxes.shape)")
    check(!colors.isEmpty, "showBBoxes: needs at least one color")
    let width = lineWidth ?? bboxLineWidth(for: image)
    let scale = fontScale ?? Swift.max(1, Swift.min(image.width, image.height) / 280)
    let rows = bboxes.detach().toArray2D()
    for (i, bbox) in rows.enumerated() {
        let color = colors[i % colors.count]
        let rect = bboxToRect(bbox, color: color, lineWidth: width)
        image.addPatch(rect)
        guard i < labels.count, !labels[i].isEmpty else { continue }
        // The label's box, centred on the rectangle's upper-left corner, padded by 2 font pixels.
        let (tw, th) = Image.textSize(labels[i], scale: scale), pad = 2 * scale
        // Moved inside the image where it would stick out (matplotlib draws it in the margin).
        let left = Swift.max(pad, Swift.min(Int(rect.x.rounded()) - tw / 2, image.width - tw - pad))
        let top = Swift.max(pad, Swift.min(Int(rect.y.rounded()) - th / 2, image.height - th - pad))
        image.fillRectangle(top: top - pad, left: left - pad, bottom: top + th + pad, right: left + tw + pad, color: color)
        image.drawText(labels[i], top: top, left: left, color: color == .white ? .black : .white, scale: scale)
    }
}
