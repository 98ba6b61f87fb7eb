import Foundation

/// A line chart written as an SVG file: the terminal-friendly stand-in for matplotlib.
///
/// d2l: the figure behind `d2l.plot` and `d2l.Animator` (§2.4, §3.6). Build one with `plot(...)`
/// or fill in `series` yourself, then call `save(to:)`; open the SVG in any browser.
public struct Figure {
    /// One curve: matching x and y values, a legend label and a line style.
    public struct Series {
        /// Horizontal coordinates.
        public var x: [Double]
        /// Vertical coordinates, one per x.
        public var y: [Double]
        /// Legend text; series without one are left out of the legend.
        public var label: String?
        /// Color and dashes.
        public var style: LineStyle

        /// A curve from its points.
        public init(x: [Double], y: [Double], label: String? = nil, style: LineStyle) {
            check(x.count == y.count, "Figure.Series: \(x.count) x values but \(y.count) y values")
            self.x = x
            self.y = y
            self.label = label
            self.style = style
        }
    }

    /// The curves, drawn in order.
    public var series: [Series] = []
    /// Text under the horizontal axis.
    public var xLabel: String?
    /// Text beside the vertical axis.
    public var yLabel: String?
    /// Text above the plot.
    public var title: String?
    /// Fixed horizontal range; `nil` fits the data.
    public var xLimits: ClosedRange<Double>?
    /// Fixed vertical range; `nil` fits the data.
    public var yLimits: ClosedRange<Double>?
    /// Linear or logarithmic horizontal axis.
    public var xScale: AxisScale = .linear
    /// Linear or logarithmic vertical axis.
    public var yScale: AxisScale = .linear
    /// Size in pixels; the book's default figsize (3.5, 2.5) inches at 120 dpi. A legend
    /// `.outside` the axes widens the SVG by its own width.
    public var size: (width: Double, height: Double) = (420, 300)
    /// Whether to draw light grid lines at the ticks.
    public var grid = true

    /// Where the legend goes; `.best` (the book's) picks the corner that hides the fewest points.
    public var legendLocation: LegendLocation = .best

    /// An empty figure.
    public init() {}

    /// The figure as SVG text.
    public func svg() -> String {
        let layout = layout()
        let h = size.height, w = layout.width
        let (left, top, plotW, plotH) = (layout.plot.x, layout.plot.y, layout.plot.width, layout.plot.height)
        let (xAxis, yAxis) = (layout.xAxis, layout.yAxis)
        func px(_ v: Double) -> Double { left + xAxis.fraction(v) * plotW }
        func py(_ v: Double) -> Double { top + (1 - yAxis.fraction(v)) * plotH }
        func num(_ v: Double) -> String { String(format: "%.2f", v) }

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" \
        viewBox="0 0 \(Int(w)) \(Int(h))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>

        """
        if let title {
            out += "<text x=\"\(num(left + plotW / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">\(escape(title))</text>\n"
        }
        for (value, label) in xAxis.ticks() {
            let x = px(value)
            if grid {
                out += "<line x1=\"\(num(x))\" y1=\"\(num(top))\" x2=\"\(num(x))\" y2=\"\(num(top + plotH))\" stroke=\"#e0e0e0\"/>\n"
            }
            out += "<line x1=\"\(num(x))\" y1=\"\(num(top + plotH))\" x2=\"\(num(x))\" y2=\"\(num(top + plotH + 4))\" stroke=\"black\"/>\n"
            out += "<text x=\"\(num(x))\" y=\"\(num(top + plotH + 16))\" text-anchor=\"middle\">\(label)</text>\n"
        }
        for (value, label) in yAxis.ticks() {
            let y = py(value)
            if grid {
                out += "<line x1=\"\(num(left))\" y1=\"\(num(y))\" x2=\"\(num(left + plotW))\" y2=\"\(num(y))\" stroke=\"#e0e0e0\"/>\n"
            }
            out += "<line x1=\"\(num(left - 4))\" y1=\"\(num(y))\" x2=\"\(num(left))\" y2=\"\(num(y))\" stroke=\"black\"/>\n"
            out += "<text x=\"\(num(left - 7))\" y=\"\(num(y + 4))\" text-anchor=\"end\">\(label)</text>\n"
        }
        out += "<clipPath id=\"plot-area\"><rect x=\"\(num(left))\" y=\"\(num(top))\" width=\"\(num(plotW))\" height=\"\(num(plotH))\"/></clipPath>\n"
        for (s, points) in zip(series, layout.curves) where !points.isEmpty {
            let coordinates = points.map { "\(num($0.x)),\(num($0.y))" }
            let dash = s.style.dashes.isEmpty ? "" : " stroke-dasharray=\"\(s.style.dashes)\""
            out += "<polyline clip-path=\"url(#plot-area)\" fill=\"none\" stroke=\"\(s.style.color)\" stroke-width=\"1.5\"\(dash) points=\"\(coordinates.joined(separator: " "))\"/>\n"
        }
        out += "<rect x=\"\(num(left))\" y=\"\(num(top))\" width=\"\(num(plotW))\" height=\"\(num(plotH))\" fill=\"none\" stroke=\"black\"/>\n"
        if let xLabel {
            out += "<text x=\"\(num(left + plotW / 2))\" y=\"\(num(h - 8))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel))</text>\n"
        }
        if let yLabel {
            out += "<text transform=\"translate(14,\(num(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(escape(yLabel))</text>\n"
        }
        if let legend = layout.legend { out += self.legend(in: legend.box) }
        return out + "</svg>\n"
    }

    /// The legend drawn in `box`, one row per labelled series.
    private func legend(in box: PixelRect) -> String {
        let labelled = series.filter { $0.label != nil }
        let (left, top) = (box.x, box.y)
        var out = String(format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>\n",
                         left, top, box.width, box.height)
        for (i, s) in labelled.enumerated() {
            let y = top + 12 + 15 * Double(i)
            let dash = s.style.dashes.isEmpty ? "" : " stroke-dasharray=\"\(s.style.dashes)\""
            out += String(format: "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%@\" stroke-width=\"1.5\"%@/>\n",
                          left + 5, y - 4, left + 27, y - 4, s.style.color, dash)
            out += String(format: "<text x=\"%.2f\" y=\"%.2f\">%@</text>\n", left + 31, y, escape(s.label!))
        }
        return out
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Writes the SVG to `url` through a temporary file and a rename (a partly written figure is
    /// never left behind) and returns `url`.
    /// - Throws: `FileNotWritten` naming the path and the reason; print it with `reportWritten`.
    @discardableResult
    public func save(to url: URL) throws -> URL {
        try writeOutput(svg(), to: url)
        return url
    }
}
