import D2L

/// Correct answers to chapter 3's exercises, for the meta-tests (kept out of `Exercises/`).
enum Chapter3Reference {
    static func analyticSolution(_ X: Tensor, _ y: Tensor) -> Tensor {
        // Gaussian elimination with partial pivoting on [XᵀX | Xᵀy].
        let a = matmul(X.T, X).toArray2D(), b = matmul(X.T, y).toArray()
        var m = zip(a, b).map { $0 + [$1] }
        let d = m.count
        for col in 0..<d {
            let pivot = (col..<d).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            m.swapAt(col, pivot)
            for row in 0..<d where row != col {
                let f = m[row][col] / m[col][col]
                for k in col...d { m[row][k] -= f * m[col][k] }
            }
        }
        return Tensor((0..<d).map { m[$0][d] / m[$0][$0] })
    }

    static func pairwiseSquaredDistances(_ X: Tensor, _ Y: Tensor) -> Tensor {
        let diff = X.unsqueeze(1) - Y.unsqueeze(0)
        return (diff * diff).sum(axis: 2)
    }

    static func huberLoss(_ yHat: Tensor, _ y: Tensor, sigma: Float) -> Tensor {
        let d = yHat - y
        return Tensor.where(d.abs() > sigma, d.abs() - sigma / 2, d * d / (2 * sigma))
    }

    static func stableSoftmax(_ X: Tensor) -> Tensor {
        let e = (X - X.max(axis: 1, keepDims: true)).exp()
        return e / e.sum(axis: 1, keepDims: true)
    }

    static func crossEntropyFromLogits(_ O: Tensor, _ y: Tensor) -> Tensor {
        let m = O.max(axis: 1, keepDims: true)
        let logSumExp = (O - m).exp().sum(axis: 1).log() + m.reshape(-1)
        return logSumExp - O[Tensor.arange(O.shape[0]), y]
    }

    static func accuracyFraction(_ yHat: Tensor, _ y: Tensor) -> Double {
        Double((yHat.argmax(axis: 1) == y).sum().item()) / Double(y.count)
    }
}

/// Plausible wrong answers: each grader must reject its wrong answer.
enum Chapter3Wrong {
    /// Forgets the inverse: Xᵀy.
    static func analyticSolution(_ X: Tensor, _ y: Tensor) -> Tensor { matmul(X.T, y) / Float(X.shape[0]) }

    /// Sums differences before squaring.
    static func pairwiseSquaredDistances(_ X: Tensor, _ Y: Tensor) -> Tensor {
        let s = (X.unsqueeze(1) - Y.unsqueeze(0)).sum(axis: 2)
        return s * s
    }

    /// Plain squared loss.
    static func huberLoss(_ yHat: Tensor, _ y: Tensor, sigma: Float) -> Tensor {
        let d = yHat - y
        return d * d / 2
    }

    /// The book's overflowing softmax.
    static func stableSoftmax(_ X: Tensor) -> Tensor {
        let e = X.exp()
        return e / e.sum(axis: 1, keepDims: true)
    }

    /// −log of the naive softmax: inf or NaN for large scores.
    static func crossEntropyFromLogits(_ O: Tensor, _ y: Tensor) -> Tensor {
        -stableSoftmax(O)[Tensor.arange(O.shape[0]), y].log()
    }

    /// Takes the argmax over examples instead of classes.
    static func accuracyFraction(_ yHat: Tensor, _ y: Tensor) -> Double {
        let predicted = yHat.argmax(axis: 0).toIntArray()
        let labels = y.toIntArray()
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }
}
