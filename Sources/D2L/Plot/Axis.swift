import Foundation

/// How values map onto one axis of a plot.
public enum AxisScale: String, Sendable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (powers of ten are evenly spaced).
    case log
}

/// One axis of a figure: the value range, the scale, and where its ticks go.
struct Axis {
    let low: Double
    let high: Double
    let scale: AxisScale

    /// The axis covering `values` (or `limits` when given), widened a little as matplotlib does.
    init(values: [Double], limits: ClosedRange<Double>?, scale: AxisScale) {
        self.scale = scale
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        if let limits {
            low = limits.lowerBound
            high = limits.upperBound
        } else if let lo = usable.min(), let hi = usable.max() {
            if scale == .log {
                let (a, b) = (Foundation.log10(lo), Foundation.log10(hi))
                let pad = Swift.max((b - a) * 0.05, 0.05)
                low = Foundation.pow(10, a - pad)
                high = Foundation.pow(10, b + pad)
            } else {
                let pad = hi > lo ? (hi - lo) * 0.05 : Swift.max(Swift.abs(hi) * 0.05, 0.5)
                low = lo - pad
                high = hi + pad
            }
        } else {
            low = scale == .log ? 1 : 0
            high = scale == .log ? 10 : 1
        }
    }

    /// Position of `value` between 0 (low end) and 1 (high end).
    func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear: return (value - low) / (high - low)
        case .log: return (Foundation.log10(value) - Foundation.log10(low)) / (Foundation.log10(high) - Foundation.log10(low))
        }
    }

    /// Tick values with their labels: "nice" steps of 1, 2 or 5 × 10ᵏ, or powers of ten on a log axis.
    func ticks() -> [(value: Double, label: String)] {
        if scale == .log {
            let first = Int(Foundation.ceil(Foundation.log10(low) - 1e-9))
            let last = Int(Foundation.floor(Foundation.log10(high) + 1e-9))
            guard first <= last else { return [] }
            let stride = Swift.max(1, (last - first + 1) / 6)
            return Swift.stride(from: first, through: last, by: stride).map {
                (Foundation.pow(10, Double($0)), "1e\($0)")
            }
        }
        let raw = (high - low) / 6
        let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let decimals = Swift.max(0, -Int(Foundation.floor(Foundation.log10(step) + 1e-9)) + (step / magnitude == 2.5 ? 1 : 0))
        var result: [(Double, String)] = []
        var v = Foundation.ceil(low / step - 1e-9) * step
        while v <= high + step * 1e-9 {
            let shown = Swift.abs(v) < step * 1e-6 ? 0 : v
            result.append((shown, String(format: "%.\(decimals)f", shown)))
            v += step
        }
        return result
    }
}
