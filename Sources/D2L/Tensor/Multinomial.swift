/// Counts of outcomes from repeated draws out of a categorical distribution.
///
/// d2l: `torch.distributions.multinomial.Multinomial(total_count, probs)` (§2.6). Each sample
/// draws `totalCount` times from the categories with probabilities `probs` (normalised, so
/// weights work too) and counts how often each came up.
public struct Multinomial {
    /// Draws per sample.
    public let totalCount: Int
    /// The probability of each category, summing to 1.
    public let probs: [Float]
    private let cumulative: [Float]

    /// A distribution over `probs.count` categories; `probs` must be non-negative, not all zero.
    public init(totalCount: Int, probs: Tensor) {
        check(totalCount >= 0, "Multinomial: totalCount must not be negative, got \(totalCount)")
        check(probs.ndim == 1 && probs.count > 0, "Multinomial: probs must be a non-empty vector, got shape \(probs.shape)")
        let weights = probs.toArray()
        check(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "Multinomial: probabilities must be finite and >= 0, got \(weights)")
        let total = weights.reduce(0, +)
        check(total > 0, "Multinomial: probabilities must not all be zero")
        self.totalCount = totalCount
        self.probs = weights.map { $0 / total }
        var running: Float = 0
        cumulative = self.probs.map { running += $0; return running }
    }

    /// One sample: a vector of counts per category, summing to `totalCount`.
    public func sample(generator: RandomGenerator = .global) -> Tensor {
        sample(count: 1, generator: generator).reshape(probs.count)
    }

    /// `count` independent samples stacked into a [count, categories] tensor, as `.sample((500,))`.
    public func sample(count: Int, generator: RandomGenerator = .global) -> Tensor {
        let k = probs.count
        var counts = [Float](repeating: 0, count: count * k)
        for s in 0..<count {
            for _ in 0..<totalCount {
                let u = generator.nextUniform()
                // First category whose cumulative probability exceeds u (the last catches rounding).
                var c = 0
                while c < k - 1 && u >= cumulative[c] { c += 1 }
                counts[s * k + c] += 1
            }
        }
        return Tensor(shape: [count, k], values: counts)
    }
}
