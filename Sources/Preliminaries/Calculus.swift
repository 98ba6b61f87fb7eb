import D2L
import Foundation

/// §2.4 Calculus: a derivative as the limit of difference quotients, and the tangent line.
public enum Calculus {
    /// The book's example function f(x) = 3x² − 4x, whose derivative at x = 1 is 2.
    public static func f(_ x: Double) -> Double { 3 * x * x - 4 * x }

    /// The difference quotient (f(x + h) − f(x)) / h, which tends to f′(x) as h → 0.
    ///
    /// d2l: `numerical_lim` (§2.4.1). Computed in `Double`: with h = 1e-5 a `Float` would lose
    /// most digits to cancellation in f(x + h) − f(x).
    public static func numericalLimit(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double {
        (f(x + h) - f(x)) / h
    }

    /// The book's table: h = 0.1, 0.01, …, 0.00001 and the quotient at x = 1, one line each.
    public static func limitTable() -> [String] {
        var h = 0.1
        var lines: [String] = []
        for _ in 0..<5 {
            lines.append(String(format: "h=%.5f, numerical limit=%.5f", h, numericalLimit(Calculus.f, 1, h)))
            h *= 0.1
        }
        return lines
    }

    /// Plots f and its tangent line y = 2x − 3 at x = 1 for x in [0, 3), as §2.4.2's figure.
    public static func plotTangent(name: String = "chapter2-calculus-tangent.svg") throws -> URL {
        let x = Tensor.arange(0, 3, step: 0.1)
        let fx = x.toArray().map { Float(f(Double($0))) }
        return try plot(x.toArray(), [fx, x.toArray().map { 2 * $0 - 3 }], xLabel: "x", yLabel: "f(x)",
                        legend: ["f(x)", "Tangent line (x=1)"], name: name)
    }
}
