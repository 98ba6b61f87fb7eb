import D2L
import Foundation

/// §4.8 Numerical stability: vanishing sigmoid gradients and exploding matrix products.
public enum NumericalStability {
    /// Plots the sigmoid over [−8, 8) together with its gradient (by autograd) on one figure, as
    /// §4.8.1.1 does to show the gradient vanishing on both sides. Returns the file.
    ///
    /// d2l: `d2l.plot(x, [y, x.grad], legend=['sigmoid', 'gradient'], figsize=(4.5, 2.5))`.
    public static func plotSigmoidAndGradient(name: String = "chapter4-numerical-stability-sigmoid.svg") throws -> URL {
        let x = Tensor.arange(-8, 8, step: 0.1, requiresGrad: true)
        let y = x.sigmoid()
        y.backward(gradient: Tensor.onesLike(y))
        return try plot(x, [y, x.grad!], legend: ["sigmoid", "gradient"], figsize: (4.5, 2.5), name: name)
    }

    /// The product of `count` random 4×4 matrices with N(0, 1) entries (§4.8.1.2): its entries
    /// grow to about 1e25 or so after 100 factors.
    public static func explodingProduct(count: Int = 100, generator: RandomGenerator = .global) -> (first: Tensor, product: Tensor) {
        let first = Tensor.normal(mean: 0, std: 1, shape: [4, 4], generator: generator)
        var M = first
        for _ in 0..<count { M = matmul(M, Tensor.normal(mean: 0, std: 1, shape: [4, 4], generator: generator)) }
        return (first, M)
    }
}
