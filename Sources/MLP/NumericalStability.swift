import D2L

/// §4.8 Numerical stability: vanishing sigmoid gradients and exploding matrix products.
public enum NumericalStability {
    /// The product of `count` random 4×4 matrices with N(0, 1) entries (§4.8.1.2): its entries
    /// grow to about 1e25 or so after 100 factors.
    public static func explodingProduct(count: Int = 100, generator: RandomGenerator = .global) -> (first: Tensor, product: Tensor) {
        let first = Tensor.normal(mean: 0, std: 1, shape: [4, 4], generator: generator)
        var M = first
        for _ in 0..<count { M = matmul(M, Tensor.normal(mean: 0, std: 1, shape: [4, 4], generator: generator)) }
        return (first, M)
    }
}
