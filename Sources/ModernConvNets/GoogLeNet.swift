import D2L

/// The Inception block: four parallel paths whose outputs, all of the input's height and width,
/// are stacked along the channels, `c1 + c2.1 + c3.1 + c4` of them.
///
/// d2l: `Inception(in_channels, c1, c2, c3, c4)` (§7.4.1). Path 1 is a 1×1 convolution; path 2 a
/// 1×1 convolution down to `c2.0` channels, then 3×3; path 3 the same with `c3` and 5×5; path 4 a
/// 3×3 max pooling with stride 1, then 1×1. Every convolution is followed by ReLU. The
/// properties keep PyTorch's names (`p2_1`), so the saved weights have the keys a PyTorch
/// user expects (`p2_1.weight`).
public final class Inception: Module, Layer {
    /// Path 1: 1×1 convolution.
    public let p1_1: Conv2d
    /// Path 2: 1×1 convolution, then 3×3 with padding 1.
    public let p2_1: Conv2d, p2_2: Conv2d
    /// Path 3: 1×1 convolution, then 5×5 with padding 2.
    public let p3_1: Conv2d, p3_2: Conv2d
    /// Path 4: 3×3 max pooling with stride 1 and padding 1, then 1×1 convolution.
    public let p4_1: MaxPool2d, p4_2: Conv2d

    /// A block reading `inChannels` channels; `c1`–`c4` are the output channels of each path
    /// (for paths 2 and 3, the reduced and the final count).
    public init(_ inChannels: Int, _ c1: Int, _ c2: (Int, Int), _ c3: (Int, Int), _ c4: Int,
                generator: RandomGenerator = .global) {
        p1_1 = Conv2d(inChannels, c1, kernelSize: 1, generator: generator)
        p2_1 = Conv2d(inChannels, c2.0, kernelSize: 1, generator: generator)
        p2_2 = Conv2d(c2.0, c2.1, kernelSize: 3, padding: 1, generator: generator)
        p3_1 = Conv2d(inChannels, c3.0, kernelSize: 1, generator: generator)
        p3_2 = Conv2d(c3.0, c3.1, kernelSize: 5, padding: 2, generator: generator)
        p4_1 = MaxPool2d(kernelSize: 3, stride: 1, padding: 1)
        p4_2 = Conv2d(inChannels, c4, kernelSize: 1, generator: generator)
        super.init()
    }

    /// The four paths on `x`, concatenated along the channel axis.
    public func forward(_ x: Tensor) -> Tensor {
        let path1 = p1_1(x).relu()
        let path2 = p2_2(p2_1(x).relu()).relu()
        let path3 = p3_2(p3_1(x).relu()).relu()
        let path4 = p4_2(p4_1(x)).relu()
        return Tensor.cat([path1, path2, path3, path4], dim: 1)
    }
}

/// §7.4.2 GoogLeNet, in the book's five stages for one-channel 96×96 images.
public enum GoogLeNet {
    /// Stage 1: a 7×7 convolution with stride 2 and 64 channels, then 3×3 max pooling with stride 2.
    public static func b1(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(1, 64, kernelSize: 7, stride: 2, padding: 3, generator: generator); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        }
    }

    /// Stage 2: a 1×1 convolution, a 3×3 convolution to 192 channels, max pooling.
    public static func b2(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(64, 64, kernelSize: 1, generator: generator); ReLU()
            Conv2d(64, 192, kernelSize: 3, padding: 1, generator: generator); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        }
    }

    /// Stage 3: two Inception blocks (256 then 480 channels), max pooling.
    public static func b3(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Inception(192, 64, (96, 128), (16, 32), 32, generator: generator)
            Inception(256, 128, (128, 192), (32, 96), 64, generator: generator)
            MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        }
    }

    /// Stage 4: five Inception blocks (512, 512, 512, 528, 832 channels), max pooling.
    public static func b4(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Inception(480, 192, (96, 208), (16, 48), 64, generator: generator)
            Inception(512, 160, (112, 224), (24, 64), 64, generator: generator)
            Inception(512, 128, (128, 256), (24, 64), 64, generator: generator)
            Inception(512, 112, (144, 288), (32, 64), 64, generator: generator)
            Inception(528, 256, (160, 320), (32, 128), 128, generator: generator)
            MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        }
    }

    /// Stage 5: two Inception blocks (832 then 1024 channels), global average pooling, flatten.
    public static func b5(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Inception(832, 256, (160, 320), (32, 128), 128, generator: generator)
            Inception(832, 384, (192, 384), (48, 128), 128, generator: generator)
            AdaptiveAvgPool2d((1, 1))
            Flatten()
        }
    }

    /// The five stages and a linear layer from 1024 features to 10 classes.
    ///
    /// d2l: `net = nn.Sequential(b1, b2, b3, b4, b5, nn.Linear(1024, 10))` (§7.4.2).
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            b1(generator: generator); b2(generator: generator); b3(generator: generator)
            b4(generator: generator); b5(generator: generator)
            Linear(1024, 10, generator: generator)
        }
    }
}
