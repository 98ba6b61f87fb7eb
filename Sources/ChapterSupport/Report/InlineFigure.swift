import Foundation

/// The figure files a line of output names: a last word ending in `.svg` or `.png`, as in
/// `predictions written to figures/x.svg` (the lines `reportWritten` prints).
func figurePath(in line: Substring) -> String? {
    guard let word = line.split(separator: " ").last else { return nil }
    let lower = word.lowercased()
    return lower.hasSuffix(".svg") || lower.hasSuffix(".png") ? String(word) : nil
}

/// The markup that shows the figure at `path` inside the page: an SVG file's own markup, a PNG
/// as a base64 `data:` image; `nil` when the file cannot be read.
///
/// - Parameter prefix: put before every `id` of an SVG (and the references to it), so two
///   figures on one page never share an id (each chart names its clip path `plot-area`).
func inlineFigure(at path: String, prefix: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    if path.lowercased().hasSuffix(".png") {
        return "<img alt=\"\(escapeHTML(path))\" src=\"data:image/png;base64,\(data.base64EncodedString())\"/>"
    }
    let svg = String(decoding: data, as: UTF8.self)
    guard let start = svg.range(of: "<svg") else { return nil }
    return renamingIDs(in: String(svg[start.lowerBound...]), prefix: prefix)
}

/// `svg` with each `id="x"` renamed to `id="<prefix>x"`, and `url(#x)` and `href="#x"` with it.
private func renamingIDs(in svg: String, prefix: String) -> String {
    var out = svg
    for (pattern, template) in [(#"id="([^"]+)""#, "id=\"\(prefix)$1\""),
                                (##"url\(#([^)]+)\)"##, "url(#\(prefix)$1)"),
                                (##"href="#([^"]+)""##, "href=\"#\(prefix)$1\"")] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
        out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out),
                                             withTemplate: template)
    }
    return out
}
