/// Color and dash pattern of one plotted series, parsed from a matplotlib format string.
///
/// d2l: the `fmts=('-', 'm--', 'g-.', 'r:')` argument of `d2l.plot` (§2.4). A format is an
/// optional color letter (`b g r c m y k`) followed by a line style: `-` solid, `--` dashed,
/// `-.` dash-dot, `:` dotted. Without a letter the series takes the next color of matplotlib's
/// default cycle, so figures look like the book's.
public struct LineStyle: Equatable, Sendable {
    /// An SVG color, such as `#1f77b4`.
    public var color: String
    /// The SVG `stroke-dasharray`, empty for a solid line.
    public var dashes: String

    /// matplotlib's default color cycle ("tab10").
    public static let cycle = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                               "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// A style from its parts.
    public init(color: String, dashes: String = "") {
        self.color = color
        self.dashes = dashes
    }

    /// Parses a format such as `"m--"`; `index` picks the default color when none is given.
    public init(format: String, index: Int) {
        let colors: [Character: String] = [
            "b": "#1f77b4", "g": "#2ca02c", "r": "#d62728", "c": "#17becf",
            "m": "#bf00bf", "y": "#bcbd22", "k": "#000000",
        ]
        var rest = Substring(format)
        if let first = rest.first, let named = colors[first] {
            color = named
            rest = rest.dropFirst()
        } else {
            color = LineStyle.cycle[index % LineStyle.cycle.count]
        }
        switch rest {
        case "--": dashes = "6,3"
        case "-.": dashes = "6,3,1.5,3"
        case ":": dashes = "1.5,3"
        default: dashes = ""
        }
    }
}
