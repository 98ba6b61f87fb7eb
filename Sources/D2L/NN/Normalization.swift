/// What `BatchNorm1d` and `BatchNorm2d` share: the learned scale and shift, the running
/// statistics and their update, as PyTorch's `_BatchNorm`.
///
/// d2l: `nn.BatchNorm1d` / `nn.BatchNorm2d` (§7.5). In training mode a batch is normalised with
/// its own mean and biased variance, and the running statistics move towards them by `momentum`
/// (the unbiased variance for `running_var`); in evaluation mode (`eval()`) the running
/// statistics are used. State-dict keys are PyTorch's: `weight`, `bias`, `running_mean`,
/// `running_var`, `num_batches_tracked`.
public class BatchNormLayer: Module {
    /// γ, the scale of each channel; starts at one.
    @Parameter public var weight: Tensor
    /// β, the shift of each channel; starts at zero.
    @Parameter public var bias: Tensor
    /// The running mean of each channel, used in evaluation mode; starts at zero.
    @Buffer public var runningMean: Tensor
    /// The running (unbiased) variance of each channel; starts at one.
    @Buffer public var runningVar: Tensor
    /// How many training batches have updated the running statistics (an `int64` scalar).
    @Buffer public var numBatchesTracked: Tensor
    /// Added to the variance before the square root.
    public let eps: Float
    /// Weight of the new batch in the running statistics (PyTorch's convention, 0.1 by default).
    public let momentum: Float
    /// The number of channels C this layer normalises (`num_features`).
    public let numFeatures: Int

    /// A layer normalising `numFeatures` channels.
    public init(_ numFeatures: Int, eps: Float = 1e-5, momentum: Float = 0.1) {
        check(numFeatures > 0, "\(Self.self): numFeatures must be positive, got \(numFeatures)")
        check(eps > 0 && momentum >= 0 && momentum <= 1,
              "\(Self.self): eps must be positive and momentum in [0, 1], got eps \(eps), momentum \(momentum)")
        // The buffers get PyTorch's snake-case names as their state-dict keys.
        weight = Tensor.ones([numFeatures])
        bias = Tensor.zeros([numFeatures])
        _runningMean = Buffer(wrappedValue: Tensor.zeros([numFeatures]), key: "running_mean")
        _runningVar = Buffer(wrappedValue: Tensor.ones([numFeatures]), key: "running_var")
        _numBatchesTracked = Buffer(wrappedValue: Tensor.zeros([], dtype: .int64), key: "num_batches_tracked")
        self.eps = eps
        self.momentum = momentum
        self.numFeatures = numFeatures
        super.init()
    }

    /// Normalises channel axis 1 of `x`, updating the running statistics when training.
    func normalize(_ x: Tensor) -> Tensor {
        if isTraining {
            noGrad { numBatchesTracked += 1 }
        }
        return Tensor.batchNorm(x, weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
                                training: isTraining, momentum: momentum, eps: eps)
    }
}

/// Batch normalization of the features of [N, C] batches (after a fully connected layer), or of
/// the channels of [N, C, L] sequences, as `nn.BatchNorm1d(num_features)` (§7.5).
public final class BatchNorm1d: BatchNormLayer, Layer {
    /// Normalises each of the C features over the batch (and the length L).
    public func forward(_ x: Tensor) -> Tensor {
        check((x.ndim == 2 || x.ndim == 3) && x.shape[1] == numFeatures,
              "BatchNorm1d(\(numFeatures)): expects input [N, \(numFeatures)] or [N, \(numFeatures), L], got shape \(x.shape)")
        return normalize(x)
    }
}

/// Batch normalization of the channels of [N, C, H, W] images (after a convolution), as
/// `nn.BatchNorm2d(num_features)` (§7.5).
public final class BatchNorm2d: BatchNormLayer, Layer {
    /// Normalises each of the C channels over the batch and all pixels.
    public func forward(_ x: Tensor) -> Tensor {
        check(x.ndim == 4 && x.shape[1] == numFeatures,
              "BatchNorm2d(\(numFeatures)): expects input [N, \(numFeatures), H, W], got shape \(x.shape)")
        return normalize(x)
    }
}
