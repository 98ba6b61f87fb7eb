import Foundation

/// Where figures go unless a path is given: `$D2L_FIGURES`, else `./figures`.
public var figuresDirectory: URL {
    if let custom = ProcessInfo.processInfo.environment["D2L_FIGURES"], !custom.isEmpty {
        return URL(fileURLWithPath: custom, isDirectory: true)
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        .appendingPathComponent("figures", isDirectory: true)
}

/// Plots one or more curves over `x` and writes the figure to an SVG file.
///
/// d2l: `plot` (§2.4), with the book's arguments: axis labels, legend, limits, linear or log
/// scales, matplotlib format strings (`"-"`, `"m--"`, `"g-."`, `"r:"`) and `figsize` in inches
/// (drawn at 120 pixels per inch). The legend goes where it hides the fewest points, as
/// matplotlib's `loc='best'` that the book relies on. Unlike the book it
/// does not show a window; it writes `name` (an `.svg` file) under `figuresDirectory` and
/// returns its location, for the caller to print.
/// - Parameters:
///   - x: the shared horizontal values.
///   - ys: one array of vertical values per curve, each as long as `x`.
@discardableResult
public func plot(_ x: [Float], _ ys: [[Float]], xLabel: String? = nil, yLabel: String? = nil,
                 legend: [String] = [], xLimits: ClosedRange<Double>? = nil,
                 yLimits: ClosedRange<Double>? = nil, xScale: AxisScale = .linear,
                 yScale: AxisScale = .linear, formats: [String] = ["-", "m--", "g-.", "r:"],
                 figsize: (Double, Double) = (3.5, 2.5), title: String? = nil, name: String) throws -> URL {
    try plot(Array(repeating: x, count: ys.count), ys, xLabel: xLabel, yLabel: yLabel, legend: legend,
             xLimits: xLimits, yLimits: yLimits, xScale: xScale, yScale: yScale, formats: formats,
             figsize: figsize, title: title, name: name)
}

/// Plots curves that each have their own horizontal values, `xs[i]` for `ys[i]`, and writes the
/// figure to an SVG file: several curves of different lengths in one figure.
///
/// d2l: `plot` (§2.4) given a list of `X`s, as §8.1 draws `[time, time[tau:], …]` against
/// `[x, onestep_preds, …]` and §8.3 the word, bigram and trigram frequencies over their ranks.
/// The other arguments are those of `plot(_:_:…)` with one shared `x`.
@discardableResult
public func plot(_ xs: [[Float]], _ ys: [[Float]], xLabel: String? = nil, yLabel: String? = nil,
                 legend: [String] = [], xLimits: ClosedRange<Double>? = nil,
                 yLimits: ClosedRange<Double>? = nil, xScale: AxisScale = .linear,
                 yScale: AxisScale = .linear, formats: [String] = ["-", "m--", "g-.", "r:"],
                 figsize: (Double, Double) = (3.5, 2.5), title: String? = nil, name: String) throws -> URL {
    check(xs.count == ys.count, "plot: \(xs.count) x arrays for \(ys.count) curves")
    var figure = Figure()
    figure.size = (figsize.0 * 120, figsize.1 * 120)
    figure.xLabel = xLabel
    figure.yLabel = yLabel
    figure.title = title
    figure.xLimits = xLimits
    figure.yLimits = yLimits
    figure.xScale = xScale
    figure.yScale = yScale
    for (i, (x, y)) in zip(xs, ys).enumerated() {
        check(y.count == x.count, "plot: curve \(i) has \(y.count) values but x has \(x.count)")
        let format = formats.isEmpty ? "-" : formats[i % formats.count]
        figure.series.append(.init(x: x.map(Double.init), y: y.map(Double.init),
                                   label: i < legend.count ? legend[i] : nil,
                                   style: LineStyle(format: format, index: i)))
    }
    return try figure.save(to: figuresDirectory.appendingPathComponent(name))
}

/// Tensor form of `plot`: `x` is 1-d and each of `ys` has as many elements.
@discardableResult
public func plot(_ x: Tensor, _ ys: [Tensor], xLabel: String? = nil, yLabel: String? = nil,
                 legend: [String] = [], xLimits: ClosedRange<Double>? = nil,
                 yLimits: ClosedRange<Double>? = nil, xScale: AxisScale = .linear,
                 yScale: AxisScale = .linear, formats: [String] = ["-", "m--", "g-.", "r:"],
                 figsize: (Double, Double) = (3.5, 2.5), title: String? = nil, name: String) throws -> URL {
    try plot(x.detach().toArray(), ys.map { $0.detach().toArray() }, xLabel: xLabel, yLabel: yLabel,
             legend: legend, xLimits: xLimits, yLimits: yLimits, xScale: xScale, yScale: yScale,
             formats: formats, figsize: figsize, title: title, name: name)
}
