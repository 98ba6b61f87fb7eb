/// Examples y = Xw + b + ε with X ~ N(0, 1) and noise ε ~ N(0, 0.01²), as the book's
/// `synthetic_data(w, b, num_examples)` (§3.2). Returns X [n, len(w)] and y [n, 1].
public func syntheticData(_ w: Tensor, _ b: Float, numExamples: Int,
                          generator: RandomGenerator = .global) -> (features: Tensor, labels: Tensor) {
    check(w.ndim == 1, "syntheticData: w must be a vector, got shape \(w.shape)")
    let X = Tensor.normal(mean: 0, std: 1, shape: [numExamples, w.count], generator: generator)
    var y = matmul(X, w) + b
    y = y + Tensor.normal(mean: 0, std: 0.01, shape: y.shape, generator: generator)
    return (X, y.reshape(-1, 1))
}

/// The linear regression model Xw + b, as `linreg(X, w, b)` (§3.2).
public func linreg(_ X: Tensor, _ w: Tensor, _ b: Tensor) -> Tensor {
    matmul(X, w) + b
}

/// Half the squared error per example, (ŷ − y)² / 2, as `squared_loss(y_hat, y)` (§3.2).
/// `y` is reshaped to `yHat`'s shape, as the book does.
public func squaredLoss(_ yHat: Tensor, _ y: Tensor) -> Tensor {
    let d = yHat - y.reshape(yHat.shape)
    return d * d / 2
}
