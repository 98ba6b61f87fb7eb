import D2L

/// §8.4 Recurrent neural networks: the hidden-state update `H_t = φ(X_t W_xh + H_{t-1} W_hh + b_h)`.
public enum RNNBasics {
    /// The two ways of computing `X W_xh + H W_hh` in §8.4.2.
    public struct Identity {
        /// `matmul(X, W_xh) + matmul(H, W_hh)`.
        public let separate: Tensor
        /// `matmul(cat([X, H], dim 1), cat([W_xh, W_hh], dim 0))`.
        public let concatenated: Tensor
        /// The largest absolute difference between the two.
        public var maxDifference: Float { (separate - concatenated).abs().max().item() }
    }

    /// The book's shapes: X (3, 1), W_xh (1, 4), H (3, 4), W_hh (4, 4), drawn from `generator`.
    public static func concatenationIdentity(generator: RandomGenerator = .global) -> Identity {
        let X = Tensor.normal(mean: 0, std: 1, shape: [3, 1], generator: generator)
        let Wxh = Tensor.normal(mean: 0, std: 1, shape: [1, 4], generator: generator)
        let H = Tensor.normal(mean: 0, std: 1, shape: [3, 4], generator: generator)
        let Whh = Tensor.normal(mean: 0, std: 1, shape: [4, 4], generator: generator)
        return Identity(separate: matmul(X, Wxh) + matmul(H, Whh),
                        concatenated: matmul(Tensor.cat([X, H], dim: 1), Tensor.cat([Wxh, Whh], dim: 0)))
    }
}
