import D2L
import Foundation

/// §3.1 Linear regression: why vectorised code is fast, and the normal distribution behind
/// the squared loss.
public enum LinearRegressionBasics {
    /// The density of N(μ, σ²) at each element of `x`, as the book's `normal(x, mu, sigma)`.
    public static func normal(_ x: Tensor, mu: Float, sigma: Float) -> Tensor {
        let p = 1 / (2 * Float.pi * sigma * sigma).squareRoot()
        return p * (-0.5 / (sigma * sigma) * (x - mu) * (x - mu)).exp()
    }

    /// Plots the densities for (μ, σ) = (0, 1), (0, 2), (3, 1) over [−7, 7), as §3.1.3's figure
    /// (its size and legend `mean 0, std 1`, ...).
    public static func plotNormals(name: String = "chapter3-normal-distributions.svg") throws -> URL {
        let x = Tensor.arange(-7, 7, step: 0.01)
        let params: [(Float, Float)] = [(0, 1), (0, 2), (3, 1)]
        return try plot(x, params.map { normal(x, mu: $0.0, sigma: $0.1) }, xLabel: "x", yLabel: "p(x)",
                        legend: params.map { String(format: "mean %g, std %g", $0.0, $0.1) },
                        figsize: (4.5, 2.5), name: name)
    }

    /// Adds two vectors of `n` ones element by element in a Swift loop over tensor indexing, then
    /// with one vectorised `+`, and returns both times in seconds (§3.1.2).
    public static func vectorizationTiming(n: Int = 10_000) -> (loop: Double, vectorized: Double) {
        let a = Tensor.ones([n]), b = Tensor.ones([n])
        let c = Tensor.zeros([n])
        let timer = Timer()
        for i in 0..<n { c[i] = a[i] + b[i] }
        let loop = timer.stop()
        timer.start()
        _ = a + b
        let vectorized = timer.stop()
        return (loop, vectorized)
    }
}
