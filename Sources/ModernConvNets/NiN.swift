import D2L

/// One NiN block: a convolution with the given window, stride and padding, then two 1×1
/// convolutions that act as a per-pixel MLP, each followed by ReLU.
///
/// d2l: `nin_block(in_channels, out_channels, kernel_size, strides, padding)` (§7.3.1).
public func ninBlock(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, strides: Int, padding: Int,
                     generator: RandomGenerator = .global) -> Sequential {
    Sequential {
        Conv2d(inChannels, outChannels, kernelSize: kernelSize, stride: strides, padding: padding, generator: generator)
        ReLU()
        Conv2d(outChannels, outChannels, kernelSize: 1, generator: generator); ReLU()
        Conv2d(outChannels, outChannels, kernelSize: 1, generator: generator); ReLU()
    }
}

/// §7.3 Network in network.
public enum NiN {
    /// AlexNet's window sizes and channels as NiN blocks with max pooling between them, then a
    /// last block with one channel per class and global average pooling instead of fully
    /// connected layers.
    ///
    /// d2l: the `net = nn.Sequential(...)` of §7.3.2; the head has no weights of its own.
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            ninBlock(1, 96, kernelSize: 11, strides: 4, padding: 0, generator: generator)
            MaxPool2d(kernelSize: 3, stride: 2)
            ninBlock(96, 256, kernelSize: 5, strides: 1, padding: 2, generator: generator)
            MaxPool2d(kernelSize: 3, stride: 2)
            ninBlock(256, 384, kernelSize: 3, strides: 1, padding: 1, generator: generator)
            MaxPool2d(kernelSize: 3, stride: 2)
            Dropout(0.5, generator: generator)
            // Ten classes: the last block has ten channels, averaged to one score each.
            ninBlock(384, 10, kernelSize: 3, strides: 1, padding: 1, generator: generator)
            AdaptiveAvgPool2d((1, 1))
            // [batch, 10, 1, 1] → [batch, 10].
            Flatten()
        }
    }
}
