import D2L

/// §6.4 Multiple input and output channels, from scratch.
public enum Channels {
    /// Cross-correlation summed over input channels, `X` [c, h, w] with `K` [c, kh, kw] (§6.4.1).
    public static func corr2dMultiIn(_ X: Tensor, _ K: Tensor) -> Tensor {
        let perChannel = (0..<X.shape[0]).map { CrossCorrelation.corr2d(X[$0], K[$0]) }
        return perChannel.dropFirst().reduce(perChannel[0]) { $0 + $1 }
    }

    /// One output channel per kernel of `K` [o, c, kh, kw] (§6.4.2).
    public static func corr2dMultiInOut(_ X: Tensor, _ K: Tensor) -> Tensor {
        Tensor.stack((0..<K.shape[0]).map { corr2dMultiIn(X, K[$0]) })
    }

    /// A 1×1 convolution as a matrix product: [o, c] kernels times [c, h·w] pixels (§6.4.3).
    public static func corr2dMultiInOut1x1(_ X: Tensor, _ K: Tensor) -> Tensor {
        let (c, h, w) = (X.shape[0], X.shape[1], X.shape[2])
        let o = K.shape[0]
        return matmul(K.reshape(o, c), X.reshape(c, h * w)).reshape(o, h, w)
    }
}
