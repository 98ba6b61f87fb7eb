import D2L
import Foundation

/// §9.5 Machine translation and the dataset: what the `nmt-data` section shows of the
/// English–French pairs beyond the core's `readDataNMT` … `loadDataNMT`.
public enum MachineTranslation {
    /// The number of tokens of each source and each target sentence, counted in 10 equal bins
    /// spanning both lists (matplotlib's default for `plt.hist([xs, ys])`): the bin edges and the
    /// two count lists.
    ///
    /// d2l: the counting inside `show_list_len_pair_hist` (§9.5.2).
    public static func lengthHistogram(_ source: [[String]], _ target: [[String]], bins: Int = 10)
        -> (edges: [Double], sourceCounts: [Int], targetCounts: [Int]) {
        let xs = source.map(\.count), ys = target.map(\.count)
        let all = xs + ys
        let low = Double(all.min() ?? 0), high = Double(all.max() ?? 1)
        let width = high > low ? (high - low) / Double(bins) : 1
        let edges = (0...bins).map { low + Double($0) * width }
        func count(_ lengths: [Int]) -> [Int] {
            var counts = [Int](repeating: 0, count: bins)
            for length in lengths {
                counts[Swift.min(Int((Double(length) - low) / width), bins - 1)] += 1
            }
            return counts
        }
        return (edges, count(xs), count(ys))
    }

    /// The length histogram of source and target as an SVG figure: each list's counts drawn as
    /// the outline of its bars (a step histogram), source blue, target dashed orange.
    ///
    /// d2l: `show_list_len_pair_hist(['source', 'target'], '# tokens per sequence', 'count',
    /// source, target)` (§9.5.2), which draws filled bars side by side.
    public static func lengthHistogramFigure(_ source: [[String]], _ target: [[String]]) -> Figure {
        let (edges, sourceCounts, targetCounts) = lengthHistogram(source, target)
        func outline(_ counts: [Int]) -> (x: [Double], y: [Double]) {
            var x = [edges[0]], y = [0.0]
            for (i, c) in counts.enumerated() {
                x += [edges[i], edges[i + 1]]
                y += [Double(c), Double(c)]
            }
            x.append(edges[edges.count - 1])
            y.append(0)
            return (x, y)
        }
        var figure = Figure()
        let s = outline(sourceCounts), t = outline(targetCounts)
        figure.series = [Figure.Series(x: s.x, y: s.y, label: "source", style: LineStyle(format: "-", index: 0)),
                         Figure.Series(x: t.x, y: t.y, label: "target", style: LineStyle(format: "--", index: 1))]
        figure.xLabel = "# tokens per sequence"
        figure.yLabel = "count"
        return figure
    }

    /// `"[47, 4, 1, 1, 1, 1, 1, 1, 1, 1]"`: a list of ids printed as Python prints it.
    public static func pythonList(_ ids: [Int]) -> String { "[" + ids.map(String.init).joined(separator: ", ") + "]" }

    /// `"[['go', '.'], ['hi', '.']]"`: token lists printed as Python prints them.
    public static func pythonList(_ lines: [[String]]) -> String {
        "[" + lines.map { "[" + $0.map { "'\($0)'" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }
}
