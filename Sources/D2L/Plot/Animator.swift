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
    private var lineEnded = false

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

    /// Where `finish()` writes the figure.
    public var path: URL { figuresDirectory.appendingPathComponent(name) }

    /// Adds one point per curve at `x` (`nil` skips a curve) and updates the progress line,
    /// ending it with `suffix` (the training speed, say) when given.
    public func add(_ x: Double, _ ys: [Double?], suffix: String? = nil) {
        check(ys.count == legend.count, "Animator.add: \(ys.count) values for \(legend.count) curves")
        var parts: [String] = []
        for (i, y) in ys.enumerated() {
            guard let y else { continue }
            figure.series[i].x.append(x)
            figure.series[i].y.append(y)
            parts.append("\(legend[i]) \(formatMetric(y))")
        }
        if let suffix { parts.append(suffix) }
        let line = "epoch \(String(format: x.rounded() == x ? "%.0f" : "%.2f", x)): " + parts.joined(separator: ", ")
        lineEnded = false
        if interactive {
            print("\r\u{1B}[K" + line, terminator: "")
            fflush(stdout)
        } else {
            print(line)
        }
    }

    /// Moves off the progress line (on a terminal), so what is printed next starts a new line.
    public func endProgressLine() {
        if interactive && !lineEnded { print("") }
        lineEnded = true
    }

    /// Ends the progress line and writes the figure; returns where.
    /// - Throws: `FileNotWritten` when the figure cannot be written.
    @discardableResult
    public func finish() throws -> URL {
        endProgressLine()
        return try figure.save(to: path)
    }
}
