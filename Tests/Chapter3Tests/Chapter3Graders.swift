import D2L
import Foundation
import TestSupport

/// The graders of chapter 3's exercises (stubs in `Exercises/Chapter3`).
enum Chapter3Graders {
    static let analyticSolution = Grader<(Tensor, Tensor) throws -> Tensor>("3.1.2 analyticSolution",
        hint: "§3.1 (linear regression): the minimum solves the normal equations XᵀX w = Xᵀy; eliminate on the d×d system, not on X") { impl in
        let g = RandomGenerator(seed: 31)
        var failures: [String] = []
        for (w, b) in [([2.0, -3.4] as [Float], Float(4.2)), ([0.5, 1, -2], -1)] {
            let (features, labels) = syntheticData(Tensor(w), b, numExamples: 500, generator: g)
            let X = Tensor.cat([features, Tensor.ones([500, 1])], dim: 1)
            let got = try impl(X, labels.reshape(-1))
            if let problem = mismatch(got, Tensor(w + [b]), tolerance: 0.01, context: "500 examples of y = Xw + b + noise with w = \(w), b = \(b) (the result holds w, then b)") {
                failures.append(problem)
            }
        }
        return failures
    }

    static let pairwiseSquaredDistances = Grader<(Tensor, Tensor) throws -> Tensor>("3.1 pairwiseSquaredDistances",
        hint: "§3.1 (vectorization) and §2.1 (broadcasting): give X an axis at 1 and Y one at 0, so their difference has shape [n, m, d]") { impl in
        let g = RandomGenerator(seed: 32)
        return try [(3, 4, 2), (1, 5, 3), (6, 2, 1)].compactMap { n, m, d in
            let X = Tensor.randn([n, d], generator: g), Y = Tensor.randn([m, d], generator: g)
            let x = X.toArray2D(), y = Y.toArray2D()
            var expected: [Float] = []
            for i in 0..<n {
                for j in 0..<m {
                    var total: Float = 0
                    for k in 0..<d { total += (x[i][k] - y[j][k]) * (x[i][k] - y[j][k]) }
                    expected.append(total)
                }
            }
            return mismatch(try impl(X, Y), Tensor(shape: [n, m], values: expected), tolerance: 1e-4,
                            context: "X of shape [\(n), \(d)], Y of shape [\(m), \(d)] (element [i, j] is ‖X[i] − Y[j]‖²)")
        }
    }

    static let huberLoss = Grader<(Tensor, Tensor, Float) throws -> Tensor>("3.3.2 huberLoss",
        hint: "§3.3 (concise linear regression): pick between the two branches with `where` on |d| > σ, so autograd sees both") { impl in
        let yHat = Tensor([0.0, 0.5, 2, -3, 1.2]), y = Tensor([0.0, 0, 0, 0, 1])
        var failures: [String] = []
        for sigma: Float in [1, 0.5] {
            let d = (yHat - y).toArray()
            let expected = d.map { abs($0) > sigma ? abs($0) - sigma / 2 : $0 * $0 / (2 * sigma) }
            let leaf = yHat.clone().requiresGrad()
            let loss = try impl(leaf, y, sigma)
            let residuals = Tensor(d)
            if let problem = mismatch(loss, Tensor(expected), context: "σ = \(sigma)", inputs: [("d", residuals)]) {
                failures.append(problem)
                continue
            }
            guard loss.requiresGrad else { failures.append("σ = \(sigma): the loss is not differentiable with autograd"); continue }
            loss.sum().backward()
            let slope = d.map { abs($0) > sigma ? ($0 > 0 ? 1 : -1) : $0 / sigma }
            if let problem = mismatch(leaf.grad!, Tensor(slope), context: "gradient for σ = \(sigma)", inputs: [("d", residuals)]) {
                failures.append(problem)
            }
        }
        return failures
    }

    static let stableSoftmax = Grader<(Tensor) throws -> Tensor>("3.6.1 stableSoftmax",
        hint: "§3.6 (softmax from scratch): softmax(x − c) = softmax(x) for any c per row; take c as the row's maximum") { impl in
        let cases = [Tensor([[1.0, 2, 3], [0, 0, 0]]), Tensor([[100.0, 101, 102], [1000, 0, -1000]]),
                     Tensor([[-1000.0, -1001]])]
        return try cases.compactMap { X in
            let shifted = X - X.max(axis: 1, keepDims: true)
            let expected = shifted.exp() / shifted.exp().sum(axis: 1, keepDims: true)
            return mismatch(try impl(X), expected, tolerance: 1e-5, context: "X = \(X.toArray2D())")
        }
    }

    static let crossEntropyFromLogits = Grader<(Tensor, Tensor) throws -> Tensor>("3.7.1 crossEntropyFromLogits",
        hint: "§3.7 (concise softmax): log Σ exp(o) = m + log Σ exp(o − m) with m the row's maximum, then subtract the true class's score") { impl in
        let cases = [(Tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]]), Tensor([0, 2])),
                     (Tensor([[1000.0, 0, -1000], [50, 60, 70]]), Tensor([1, 2]))]
        return try cases.compactMap { O, y in
            mismatch(try impl(O, y), CrossEntropyLoss(reduction: .none)(O, y), tolerance: 1e-4,
                     context: "O = \(O.toArray2D()), y = \(y.toIntArray())")
        }
    }

    static let accuracyFraction = Grader<(Tensor, Tensor) throws -> Double>("3.6 accuracyFraction",
        hint: "§3.6 (classification accuracy): take the argmax along the class axis (1), compare with y and divide by n") { impl in
        let cases: [(Tensor, Tensor, Double)] = [
            (Tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]]), Tensor([0, 2]), 0.5),
            (Tensor([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.5, 0.4, 0.1]]), Tensor([0, 1, 2, 1]), 0.75),
        ]
        return try cases.compactMap { yHat, y, expected in
            let got = try impl(yHat, y)
            return abs(got - expected) < 1e-9 ? nil
                : "y_hat of shape \(yHat.shape), labels \(y.toIntArray()): expected \(expected), got \(got)"
        }
    }
}
