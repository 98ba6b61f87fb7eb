import D2L

/// DenseNet's convolution block: batch norm, ReLU, then a 3×3 convolution with padding 1 to
/// `numChannels` channels (the pre-activation order of ResNet's later versions).
///
/// d2l: `conv_block(input_channels, num_channels)` (§7.7.2).
public func convBlock(_ inputChannels: Int, _ numChannels: Int, generator: RandomGenerator = .global) -> Sequential {
    Sequential {
        BatchNorm2d(inputChannels); ReLU()
        Conv2d(inputChannels, numChannels, kernelSize: 3, padding: 1, generator: generator)
    }
}

/// A dense block: `numConvs` convolution blocks, each reading the block's input together with
/// every earlier block's output, stacked along the channels; the output has
/// `inputChannels + numConvs · numChannels` channels (the growth rate is `numChannels`).
///
/// d2l: `DenseBlock(num_convs, input_channels, num_channels)` (§7.7.2).
public final class DenseBlock: Module, Layer {
    /// The convolution blocks, named `net.0`, `net.1`, … as in PyTorch.
    public let net: Sequential

    /// A block of `numConvs` convolution blocks adding `numChannels` channels each.
    public init(_ numConvs: Int, _ inputChannels: Int, _ numChannels: Int, generator: RandomGenerator = .global) {
        net = Sequential((0..<numConvs).map { convBlock(numChannels * $0 + inputChannels, numChannels, generator: generator) })
        super.init()
    }

    /// Each block's output is concatenated to its input along the channel axis.
    public func forward(_ x: Tensor) -> Tensor {
        var X = x
        for block in net.layers { X = Tensor.cat([X, block(X)], dim: 1) }
        return X
    }
}

/// A transition block: batch norm, ReLU, a 1×1 convolution to `numChannels` channels and a
/// 2×2 average pooling with stride 2, so height and width are halved.
///
/// d2l: `transition_block(input_channels, num_channels)` (§7.7.3).
public func transitionBlock(_ inputChannels: Int, _ numChannels: Int, generator: RandomGenerator = .global) -> Sequential {
    Sequential {
        BatchNorm2d(inputChannels); ReLU()
        Conv2d(inputChannels, numChannels, kernelSize: 1, generator: generator)
        AvgPool2d(kernelSize: 2, stride: 2)
    }
}

/// §7.7.4 The DenseNet model.
public enum DenseNet {
    /// The stem, as ResNet's: 7×7 convolution with stride 2 to 64 channels, batch norm, ReLU,
    /// 3×3 max pooling with stride 2.
    public static func b1(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(1, 64, kernelSize: 7, stride: 2, padding: 3, generator: generator)
            BatchNorm2d(64); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        }
    }

    /// The stem, four dense blocks of four convolutions (growth rate 32) with a transition block
    /// halving the channels between them, then batch norm, ReLU, global average pooling and a
    /// linear layer to 10 classes.
    ///
    /// d2l: `net = nn.Sequential(b1, *blks, nn.BatchNorm2d(num_channels), ...)` (§7.7.4); the
    /// channels go 64 → 192 → 96 → 224 → 112 → 240 → 120 → 248.
    public static func makeNet(numConvsInDenseBlocks: [Int] = [4, 4, 4, 4], growthRate: Int = 32,
                               generator: RandomGenerator = .global) -> Sequential {
        var numChannels = 64
        var blocks: [any Layer] = []
        for (i, numConvs) in numConvsInDenseBlocks.enumerated() {
            blocks.append(DenseBlock(numConvs, numChannels, growthRate, generator: generator))
            numChannels += numConvs * growthRate
            // Between dense blocks, a transition block halves the channels.
            if i != numConvsInDenseBlocks.count - 1 {
                blocks.append(transitionBlock(numChannels, numChannels / 2, generator: generator))
                numChannels /= 2
            }
        }
        return Sequential {
            b1(generator: generator)
            blocks
            BatchNorm2d(numChannels); ReLU()
            AdaptiveAvgPool2d((1, 1))
            Flatten()
            Linear(numChannels, 10, generator: generator)
        }
    }
}
