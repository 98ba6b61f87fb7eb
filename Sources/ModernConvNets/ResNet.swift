import D2L

/// A ResNet stage: `numResiduals` residual blocks to `numChannels` channels. Unless it is the
/// first stage (whose input the stem already shrank), the first block halves height and width
/// with stride 2 and a 1×1 shortcut; the rest keep the shape.
///
/// d2l: `resnet_block(input_channels, num_channels, num_residuals, first_block=False)` (§7.6.2).
public func resnetBlock(_ inputChannels: Int, _ numChannels: Int, _ numResiduals: Int, firstBlock: Bool = false,
                        generator: RandomGenerator = .global) -> [any Layer] {
    (0..<numResiduals).map { i in
        i == 0 && !firstBlock
            ? Residual(inputChannels, numChannels, use1x1conv: true, strides: 2, generator: generator)
            : Residual(numChannels, numChannels, generator: generator)
    }
}

/// §7.6.2 The ResNet-18 model of the book, for one-channel images and ten classes.
public enum ResNet {
    /// The stem, as GoogLeNet's but with batch norm: 7×7 convolution with stride 2 to 64 channels,
    /// batch norm, ReLU, then 3×3 max pooling with stride 2; a 224×224 image leaves it 56×56.
    public static func b1(inputChannels: Int = 1, generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(inputChannels, 64, kernelSize: 7, stride: 2, padding: 3, generator: generator)
            BatchNorm2d(64); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        }
    }

    /// The stem, four stages of two residual blocks each (64, 128, 256 and 512 channels, every
    /// stage after the first halving height and width), global average pooling, a linear layer.
    /// 18 layers with weights: the stem's convolution, 16 in the blocks, the linear layer.
    ///
    /// d2l: `net = nn.Sequential(b1, b2, b3, b4, b5, nn.AdaptiveAvgPool2d((1,1)), nn.Flatten(),
    /// nn.Linear(512, 10))` (§7.6.2). `inputChannels` and `numClasses` default to the book's.
    public static func makeNet(inputChannels: Int = 1, numClasses: Int = 10,
                               generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            b1(inputChannels: inputChannels, generator: generator)
            Sequential(resnetBlock(64, 64, 2, firstBlock: true, generator: generator))
            Sequential(resnetBlock(64, 128, 2, generator: generator))
            Sequential(resnetBlock(128, 256, 2, generator: generator))
            Sequential(resnetBlock(256, 512, 2, generator: generator))
            AdaptiveAvgPool2d((1, 1))
            Flatten()
            Linear(512, numClasses, generator: generator)
        }
    }
}
