import CSystemZlib
import Foundation

/// Encodes a grey image as PNG bytes: 8-bit greyscale, rows stored unfiltered and deflated by zlib.
///
/// - Parameter pixels: `height × width` values in [0, 1], row by row (clamped).
func encodeGreyPNG(_ pixels: [Float], width: Int, height: Int) -> [UInt8] {
    check(pixels.count == width * height, "encodeGreyPNG: \(pixels.count) pixels for \(width)×\(height)")
    var raw = [UInt8]()
    raw.reserveCapacity((width + 1) * height)
    for r in 0..<height {
        raw.append(0)  // filter type 0: the row as is
        for c in 0..<width {
            raw.append(UInt8((Swift.min(Swift.max(pixels[r * width + c], 0), 1) * 255).rounded()))
        }
    }
    var compressedLength = compressBound(uLong(raw.count))
    var compressed = [UInt8](repeating: 0, count: Int(compressedLength))
    let status = compress2(&compressed, &compressedLength, raw, uLong(raw.count), Z_BEST_COMPRESSION)
    check(status == Z_OK, "encodeGreyPNG: zlib compress2 failed with code \(status)")
    compressed.removeSubrange(Int(compressedLength)...)

    func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = UInt32(crc32(0, body, uInt(body.count)))
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc)
    }
    let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 0, 0, 0, 0]  // 8-bit grey
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
        + chunk("IDAT", compressed) + chunk("IEND", [])
}

/// Draws images in a grid with a title over each and writes it as an SVG file (the images are
/// embedded PNGs) through a temporary file and a rename, returning its location.
///
/// d2l: `show_images(imgs, num_rows, num_cols, titles, scale)` (§3.5). Titles may have several
/// lines separated by "\n", as `predict_ch3` uses for true and predicted labels.
/// - Parameter images: [n, h, w] or [n, 1, h, w], values in [0, 1].
/// - Throws: `FileNotWritten` when the figure cannot be written; print it with `reportWritten`.
@discardableResult
public func showImages(_ images: Tensor, numRows: Int, numCols: Int, titles: [String] = [],
                       scale: Double = 1.5, name: String) throws -> URL {
    let grey = images.ndim == 4 ? images.reshape(images.shape[0], images.shape[2], images.shape[3]) : images
    check(grey.ndim == 3, "showImages: expects [n, h, w] or [n, 1, h, w] images, got shape \(images.shape)")
    let (h, w) = (grey.shape[1], grey.shape[2])
    let count = Swift.min(grey.shape[0], numRows * numCols)
    let cell = 64 * scale, lines = titles.map { $0.split(separator: "\n").count }.max() ?? 0
    let titleHeight = Double(lines) * 13 + (lines > 0 ? 4 : 0)
    let width = Double(numCols) * (cell + 8) + 8, height = Double(numRows) * (cell + titleHeight + 8) + 8
    var svg = """
    <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11">
    <rect width="100%" height="100%" fill="white"/>

    """
    let values = grey.detach().contiguous().toArray()
    for i in 0..<count {
        let x = 8 + Double(i % numCols) * (cell + 8)
        let y = 8 + Double(i / numCols) * (cell + titleHeight + 8)
        if i < titles.count {
            for (k, line) in titles[i].split(separator: "\n").enumerated() {
                let escaped = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%@</text>\n",
                              x + cell / 2, y + 11 + 13 * Double(k), escaped)
            }
        }
        let png = encodeGreyPNG(Array(values[(i * h * w)..<((i + 1) * h * w)]), width: w, height: h)
        svg += String(format: "<image x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,%@\"/>\n",
                      x, y + titleHeight, cell, cell, Data(png).base64EncodedString())
    }
    svg += "</svg>\n"
    let url = figuresDirectory.appendingPathComponent(name)
    try writeOutput(svg, to: url)
    return url
}
