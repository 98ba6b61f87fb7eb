import Foundation

/// Shows training curves: a progress line in the terminal while training, and the curves
/// written as an SVG figure at the end.
///
/// d2l: `Animator` (§3.6). In a notebook the book redraws a figure after every epoch; in a
/// terminal a figure cannot be redrawn, so each `add` updates one progress line instead (in
/// place on a terminal, one line per call in a log) and `finish()` writes the figure.
public final class Animator {
    private var figure = Figure()
    private let legend: [String]
    private let name: String
    private let interactive = isatty(STDOUT_FILENO) != 0

    /// An animator for curves named by `legend`, saved as `name` under `figuresDirectory`.
    public init(xLabel: String? = nil, yLabel: String? = nil, legend: [String],
                xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
                yScale: AxisScale = .linear, formats: [String] = ["-", "m--", "g-.", "r:"], name: String) {
        self.legend = legend
        self.name = name
        figure.xLabel = xLabel
        figure.yLabel = yLabel
        figure.xLimits = xLimits
        figure.yLimits = yLimits
        figure.yScale = yScale
        figure.series = legend.enumerated().map { i, label in
            .init(x: [], y: [], label: label, style: LineStyle(format: formats[i % formats.count], index: i))
        }
    }

    /// Adds one point per curve at `x` (`nil` skips a curve) and updates the progress line.
    public func add(_ x: Double, _ ys: [Double?]) {
        check(ys.count == legend.count, "Animator.add: \(ys.count) values for \(legend.count) curves")
        var parts: [String] = []
        for (i, y) in ys.enumerated() {
            guard let y else { continue }
            figure.series[i].x.append(x)
            figure.series[i].y.append(y)
            parts.append("\(legend[i]) \(String(format: "%.3f", y))")
        }
        let line = "epoch \(String(format: x.rounded() == x ? "%.0f" : "%.2f", x)): " + parts.joined(separator: ", ")
        if interactive {
            print("\r\u{1B}[K" + line, terminator: "")
            fflush(stdout)
        } else {
            print(line)
        }
    }

    /// Ends the progress line and writes the figure; returns where.
    @discardableResult
    public func finish() throws -> URL {
        if interactive { print("") }
        return try figure.save(to: figuresDirectory.appendingPathComponent(name))
    }
}
