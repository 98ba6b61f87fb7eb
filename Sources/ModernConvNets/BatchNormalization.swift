import D2L

/// §7.5 Batch normalization, from scratch.
public enum BatchNormalization {
    /// Normalises `X` per feature (2-d input, `(batch, features)`) or per channel (4-d input,
    /// `(batch, channels, height, width)`), then scales by `gamma` and shifts by `beta`.
    ///
    /// d2l: `batch_norm(X, gamma, beta, moving_mean, moving_var, eps, momentum)` (§7.5.3).
    /// In training the statistics are the minibatch's own mean and *biased* variance (the mean
    /// of squared deviations) and the moving averages move towards them:
    /// `moving = momentum · moving + (1 − momentum) · batch`, so the book's `momentum = 0.9` is
    /// the weight kept by the old value. Outside training the moving averages normalise instead.
    /// The book decides with `torch.is_grad_enabled()`; here the caller passes `training`.
    /// (PyTorch's `nn.BatchNorm*` differs in two details: its `momentum = 0.1` weighs the *new*
    /// value, and its running variance is the unbiased one.)
    /// - Returns: `Y` and the new moving mean and variance, cut off from the graph.
    public static func batchNorm(_ X: Tensor, gamma: Tensor, beta: Tensor, movingMean: Tensor, movingVar: Tensor,
                                 eps: Float, momentum: Float, training: Bool) -> (Y: Tensor, movingMean: Tensor, movingVar: Tensor) {
        check(X.shape.count == 2 || X.shape.count == 4,
              "batchNorm: X must be [N, features] or [N, channels, H, W], got \(X.shape)")
        check(gamma.shape == beta.shape && gamma.shape == movingMean.shape && gamma.shape == movingVar.shape,
              "batchNorm: gamma, beta, movingMean and movingVar must have one shape, got \(gamma.shape), "
              + "\(beta.shape), \(movingMean.shape) and \(movingVar.shape)")
        if !training {
            let XHat = (X - movingMean) / (movingVar + eps).sqrt()
            return (gamma * XHat + beta, movingMean, movingVar)
        }
        // A fully connected layer's input: statistics per feature, over the batch. A convolution's:
        // per channel, over the batch and every position, kept 4-d so they broadcast over X.
        let axes = X.shape.count == 2 ? [0] : [0, 2, 3]
        let mean = X.mean(axes: axes, keepDims: X.shape.count == 4)
        let variance = (X - mean).pow(2).mean(axes: axes, keepDims: X.shape.count == 4)
        // eps keeps the division finite when a feature is constant over the batch.
        let XHat = (X - mean) / (variance + eps).sqrt()
        let newMean = momentum * movingMean + (1 - momentum) * mean.detach()
        let newVar = momentum * movingVar + (1 - momentum) * variance.detach()
        return (gamma * XHat + beta, newMean, newVar)
    }

    /// LeNet (§6.6) with a from-scratch `BatchNorm` after every convolution and every hidden
    /// linear layer, before the sigmoid.
    ///
    /// d2l: the first `net = nn.Sequential(...)` of §7.5.5.
    public static func lenet(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(1, 6, kernelSize: 5, generator: generator); BatchNorm(6, numDims: 4); Sigmoid()
            AvgPool2d(kernelSize: 2, stride: 2)
            Conv2d(6, 16, kernelSize: 5, generator: generator); BatchNorm(16, numDims: 4); Sigmoid()
            AvgPool2d(kernelSize: 2, stride: 2); Flatten()
            Linear(16 * 4 * 4, 120, generator: generator); BatchNorm(120, numDims: 2); Sigmoid()
            Linear(120, 84, generator: generator); BatchNorm(84, numDims: 2); Sigmoid()
            Linear(84, 10, generator: generator)
        }
    }
}

/// A batch-normalisation layer built on `BatchNormalization.batchNorm`, with a learned scale
/// `gamma` (ones) and shift `beta` (zeros) per feature or channel, and moving averages of the
/// mean (zeros) and variance (ones) for use outside training.
///
/// d2l: `class BatchNorm(nn.Module)` (§7.5.4), with the book's `eps = 1e-5` and `momentum = 0.9`.
/// The moving averages are buffers: saved with the parameters, never trained.
public final class BatchNorm: Module, Layer {
    /// The learned scale, shape `(1, n)` or `(1, n, 1, 1)`.
    @Parameter public var gamma: Tensor
    /// The learned shift, the shape of `gamma`.
    @Parameter public var beta: Tensor
    /// The moving average of the batch means, the shape of `gamma`.
    @Buffer public var movingMean: Tensor
    /// The moving average of the batch variances, the shape of `gamma`.
    @Buffer public var movingVar: Tensor

    /// A layer for `numFeatures` outputs of a fully connected layer (`numDims: 2`) or channels
    /// of a convolution (`numDims: 4`).
    public init(_ numFeatures: Int, numDims: Int) {
        check(numDims == 2 || numDims == 4,
              "BatchNorm(\(numFeatures), numDims: \(numDims)): numDims must be 2 ([N, features]) or 4 ([N, channels, H, W])")
        check(numFeatures > 0, "BatchNorm(\(numFeatures), numDims: \(numDims)): numFeatures must be positive")
        let shape = numDims == 2 ? [1, numFeatures] : [1, numFeatures, 1, 1]
        gamma = Tensor.ones(shape)
        beta = Tensor.zeros(shape)
        // The book's attribute names, so the state dict has PyTorch's keys.
        _movingMean = Buffer(wrappedValue: Tensor.zeros(shape), key: "moving_mean")
        _movingVar = Buffer(wrappedValue: Tensor.ones(shape), key: "moving_var")
        super.init()
    }

    /// Normalises `X` with the batch's statistics in training mode (updating the moving
    /// averages) and with the moving averages in evaluation mode.
    public func forward(_ X: Tensor) -> Tensor {
        let features = gamma.shape[1]
        check(X.shape.count == gamma.shape.count && X.shape[1] == features,
              "BatchNorm(\(features), numDims: \(gamma.shape.count)): expects X of shape "
              + (gamma.shape.count == 2 ? "[N, \(features)]" : "[N, \(features), H, W]") + ", got \(X.shape)")
        let (Y, mean, variance) = BatchNormalization.batchNorm(
            X, gamma: gamma, beta: beta, movingMean: movingMean, movingVar: movingVar,
            eps: 1e-5, momentum: 0.9, training: isTraining)
        movingMean = mean
        movingVar = variance
        return Y
    }
}
