/// The book's slim ResNet-18 for small images: a 3×3 stem without pooling, then the four
/// stages of §7.6 (two `Residual` blocks each, 64 to 512 channels), global average pooling and a
/// linear layer.
///
/// d2l: `resnet18(num_classes, in_channels=1)` (§12.6, the net §13.1.2 trains on CIFAR-10 as
/// `d2l.resnet18(10, 3)`). The book names its parts with `add_module` (`resnet_block1`, …,
/// `fc`); here they sit in one `Sequential` by position (`0` … `8`, `3` the first stage). The
/// stem keeps the full resolution, which suits 32×32 photos but costs about sixteen times §7.6's
/// net per image.
public func resnet18(numClasses: Int, inChannels: Int = 1, generator: RandomGenerator = .global) -> Sequential {
    func block(_ input: Int, _ output: Int, firstBlock: Bool = false) -> Sequential {
        Sequential((0..<2).map { i -> any Layer in
            i == 0 && !firstBlock
                ? Residual(input, output, use1x1conv: true, strides: 2, generator: generator)
                : Residual(output, output, generator: generator)
        })
    }
    return Sequential {
        Conv2d(inChannels, 64, kernelSize: 3, stride: 1, padding: 1, generator: generator)
        BatchNorm2d(64); ReLU()
        block(64, 64, firstBlock: true)
        block(64, 128)
        block(128, 256)
        block(256, 512)
        AdaptiveAvgPool2d((1, 1))
        Sequential { Flatten(); Linear(512, numClasses, generator: generator) }
    }
}
