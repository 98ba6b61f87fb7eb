import D2L
import Foundation

/// §4.1 Multilayer perceptrons: the activation functions and their derivatives, plotted.
public enum ActivationFunctions {
    /// Plots `f` and its derivative (by autograd) over [−8, 8), two figures named after `name`.
    /// Returns the two files.
    public static func plotWithGradient(_ name: String, _ f: (Tensor) -> Tensor) throws -> [URL] {
        let x = Tensor.arange(-8, 8, step: 0.1, requiresGrad: true)
        let y = f(x)
        y.backward(gradient: Tensor.onesLike(y))
        return [
            try plot(x, [y], xLabel: "x", yLabel: "\(name)(x)", name: "chapter4-\(name).svg"),
            try plot(x, [x.grad!], xLabel: "x", yLabel: "grad of \(name)", name: "chapter4-\(name)-grad.svg"),
        ]
    }
}
