// Drawing on an `Image` in place: rectangle outlines, filled rectangles and text, clipped to
// the image. What matplotlib's patches and `axes.text` do on the book's figures (§13.3–13.7),
// here straight into the pixels so the result can be written as a PNG file.

/// An 8-bit RGB color.
///
/// d2l: matplotlib's one-letter colors, which the book's `show_bboxes` cycles through.
public struct RGB: Equatable, Sendable {
    /// Red, green and blue, 0…255.
    public var red: UInt8, green: UInt8, blue: UInt8

    /// A color from its three bytes.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// matplotlib `'b'`: pure blue.
    public static let blue = RGB(0, 0, 255)
    /// matplotlib `'g'`: dark green (0, 0.5, 0).
    public static let green = RGB(0, 128, 0)
    /// matplotlib `'r'`: pure red.
    public static let red = RGB(255, 0, 0)
    /// matplotlib `'m'`: magenta (0.75, 0, 0.75).
    public static let magenta = RGB(191, 0, 191)
    /// matplotlib `'c'`: cyan (0, 0.75, 0.75).
    public static let cyan = RGB(0, 191, 191)
    /// matplotlib `'k'`: black.
    public static let black = RGB(0, 0, 0)
    /// matplotlib `'w'`: white.
    public static let white = RGB(255, 255, 255)

    /// A color from matplotlib's one-letter name (`b g r m c k w`), as the book writes them.
    public init?(matplotlib name: String) {
        let table: [String: RGB] = ["b": .blue, "g": .green, "r": .red, "m": .magenta, "c": .cyan, "k": .black, "w": .white]
        guard let color = table[name] else { return nil }
        self = color
    }
}

extension Image {
    /// Paints the pixel at `row`, `column` when it lies inside the image (RGB and RGBA images;
    /// alpha is left as it is; a grey image gets the color's mean brightness).
    @inline(__always)
    mutating func paint(row: Int, column: Int, _ color: RGB) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let p = (row * width + column) * channels
        if channels >= 3 {
            pixels[p] = color.red; pixels[p + 1] = color.green; pixels[p + 2] = color.blue
        } else {
            pixels[p] = UInt8((Int(color.red) + Int(color.green) + Int(color.blue)) / 3)
        }
    }

    /// Fills the rectangle of rows `top..<bottom` and columns `left..<right` (clipped).
    ///
    /// d2l: a filled `plt.Rectangle`, such as the background of a label in `show_bboxes`.
    public mutating func fillRectangle(top: Int, left: Int, bottom: Int, right: Int, color: RGB) {
        for r in Swift.max(top, 0)..<Swift.max(Swift.min(bottom, height), Swift.max(top, 0)) {
            for c in Swift.max(left, 0)..<Swift.max(Swift.min(right, width), Swift.max(left, 0)) {
                paint(row: r, column: c, color)
            }
        }
    }

    /// Draws the outline of the rectangle with corners (`x1`, `y1`) and (`x2`, `y2`) in pixels,
    /// `lineWidth` pixels thick and centred on the edges, clipped to the image.
    ///
    /// d2l: `plt.Rectangle(xy, width, height, fill=False, edgecolor=color, linewidth=2)` added to
    /// the axes, what `bbox_to_rect` makes (§13.3).
    public mutating func strokeRectangle(x1: Double, y1: Double, x2: Double, y2: Double,
                                         color: RGB, lineWidth: Int = 2) {
        check(lineWidth > 0, "strokeRectangle: lineWidth must be positive, got \(lineWidth)")
        check(x1.isFinite && y1.isFinite && x2.isFinite && y2.isFinite,
              "strokeRectangle: corners must be finite, got (\(x1), \(y1)), (\(x2), \(y2))")
        // Corners as pixel positions, far-away boxes clamped so the loops stay short.
        let clampX = { (v: Double) in Int(Swift.min(Swift.max(v, -1e6), 1e6).rounded()) }
        let (left, right) = (clampX(Swift.min(x1, x2)), clampX(Swift.max(x1, x2)))
        let (top, bottom) = (clampX(Swift.min(y1, y2)), clampX(Swift.max(y1, y2)))
        let before = lineWidth / 2, after = lineWidth - before
        fillRectangle(top: top - before, left: left - before, bottom: top + after, right: right + after, color: color)
        fillRectangle(top: bottom - before, left: left - before, bottom: bottom + after, right: right + after, color: color)
        fillRectangle(top: top - before, left: left - before, bottom: bottom + after, right: left + after, color: color)
        fillRectangle(top: top - before, left: right - before, bottom: bottom + after, right: right + after, color: color)
    }

    /// The size in pixels of `text` drawn by `drawText` at `scale`.
    public static func textSize(_ text: String, scale: Int = 1) -> (width: Int, height: Int) {
        (Swift.max(text.count * labelFontCell.width - 1, 0) * scale, labelFontCell.height * scale)
    }

    /// Draws `text` in the built-in 5 × 8 pixel font with its upper-left corner at `top`, `left`,
    /// each font pixel a `scale × scale` square, clipped to the image.
    ///
    /// d2l: `axes.text(x, y, label, color=...)` (§13.3 `show_bboxes`), without a font library.
    public mutating func drawText(_ text: String, top: Int, left: Int, color: RGB, scale: Int = 1) {
        check(scale > 0, "drawText: scale must be positive, got \(scale)")
        for (i, character) in text.enumerated() {
            let x = left + i * labelFontCell.width * scale
            for (r, c) in labelGlyph(character) {
                fillRectangle(top: top + r * scale, left: x + c * scale, bottom: top + (r + 1) * scale,
                              right: x + (c + 1) * scale, color: color)
            }
        }
    }
}
