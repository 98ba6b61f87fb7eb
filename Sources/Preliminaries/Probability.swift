import D2L
import Foundation

/// §2.6 Probability: estimating the chances of a fair die by counting rolls.
public enum Probability {
    /// A fair die: six outcomes of probability 1/6.
    public static let fairProbs = Tensor.ones([6]) / 6

    /// Running estimates of each face's probability over `groups` groups of `rollsPerGroup`
    /// rolls: row i holds the relative frequencies after i + 1 groups.
    ///
    /// d2l: `counts.cumsum(dim=0)` divided by the running total (§2.6.1).
    public static func runningEstimates(groups: Int = 500, rollsPerGroup: Int = 10,
                                        generator: RandomGenerator = .global) -> Tensor {
        let counts = Multinomial(totalCount: rollsPerGroup, probs: fairProbs)
            .sample(count: groups, generator: generator)
        let cumulative = counts.cumsum(axis: 0)
        return cumulative / cumulative.sum(axis: 1, keepDims: true)
    }

    /// Plots the six running estimates and the true value 1/6 as a dashed line, as the book's
    /// figure of §2.6.1.
    public static func plotEstimates(_ estimates: Tensor,
                                     name: String = "chapter2-probability-die.svg") throws -> URL {
        var figure = Figure()
        figure.xLabel = "Groups of experiments"
        figure.yLabel = "Estimated probability"
        let x = (1...estimates.shape[0]).map(Double.init)
        for face in 0..<6 {
            figure.series.append(.init(x: x, y: estimates[..., face].toArray().map(Double.init),
                                       label: "P(die=\(face + 1))", style: LineStyle(format: "-", index: face)))
        }
        figure.series.append(.init(x: [x.first ?? 1, x.last ?? 1], y: [1.0 / 6, 1.0 / 6],
                                   style: LineStyle(color: "#000000", dashes: "6,3")))
        return try figure.save(to: figuresDirectory.appendingPathComponent(name))
    }
}
