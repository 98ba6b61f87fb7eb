/// torchvision's ResNet-18 with its own module names, so its state dict has exactly the keys of
/// `torchvision.models.resnet18().state_dict()` (`conv1.weight`, `bn1.running_mean`,
/// `layer1.0.conv1.weight`, `layer2.0.downsample.0.weight`, …, `fc.weight`): a safetensors file
/// converted from torchvision's (ImageNet-pretrained) weights loads into it as is.
///
/// d2l: `torchvision.models.resnet18(pretrained=True)`, the source model of §13.2's fine-tuning.
/// It differs from the book's §7.6 net (`Residual`, one input channel, 3×3 convolutions with
/// biases): a 7×7 stem on 3 channels, convolutions without bias (batch norm follows each), and
/// shortcuts named `downsample`. Weights start as torchvision's: convolutions Kaiming-normal
/// (fan-out), batch norm 1 and 0, the output layer PyTorch's default.
public final class TorchvisionResNet: Module, Layer {
    /// The stem: 7×7, 3 → 64 channels, stride 2, padding 3, no bias.
    public let conv1: Conv2d
    /// Batch norm after the stem.
    public let bn1: BatchNorm2d
    /// 3×3 max pooling, stride 2, padding 1.
    public let maxpool: MaxPool2d
    /// The four stages of two blocks each: 64, 128, 256 and 512 channels.
    public let layer1: Sequential, layer2: Sequential, layer3: Sequential, layer4: Sequential
    /// Global average pooling to 1×1.
    public let avgpool: AdaptiveAvgPool2d
    /// The output layer, 512 → `numClasses` (1000 for ImageNet); §13.2 replaces it.
    public var fc: Linear

    /// ResNet-18 for `inputChannels`-channel images (torchvision: 3) and `numClasses` classes.
    ///
    /// d2l: `torchvision.models.resnet18(num_classes=...)`.
    public init(numClasses: Int = 1000, inputChannels: Int = 3, generator: RandomGenerator = .global) {
        check(numClasses > 0 && inputChannels > 0,
              "TorchvisionResNet: numClasses and inputChannels must be positive, got \(numClasses), \(inputChannels)")
        conv1 = kaimingConv(inputChannels, 64, kernelSize: 7, stride: 2, padding: 3, generator: generator)
        bn1 = BatchNorm2d(64)
        maxpool = MaxPool2d(kernelSize: 3, stride: 2, padding: 1)
        func stage(_ input: Int, _ output: Int, stride: Int) -> Sequential {
            Sequential([BasicBlock(input, output, stride: stride, generator: generator),
                        BasicBlock(output, output, generator: generator)])
        }
        layer1 = stage(64, 64, stride: 1)
        layer2 = stage(64, 128, stride: 2)
        layer3 = stage(128, 256, stride: 2)
        layer4 = stage(256, 512, stride: 2)
        avgpool = AdaptiveAvgPool2d((1, 1))
        fc = Linear(512, numClasses, generator: generator)
        super.init()
    }

    /// fc(flatten(avgpool(layer4(…layer1(maxpool(relu(bn1(conv1(x)))))))))
    public func forward(_ x: Tensor) -> Tensor {
        check(x.ndim == 4 && x.shape[1] == conv1.weight.shape[1],
              "TorchvisionResNet: expects input [N, \(conv1.weight.shape[1]), H, W], got shape \(x.shape)")
        var y = maxpool(bn1(conv1(x)).relu())
        y = layer4(layer3(layer2(layer1(y))))
        return fc(avgpool(y).flatten(startDim: 1))
    }
}

/// torchvision's `BasicBlock`: two 3×3 convolutions without bias, each followed by batch norm,
/// the input added back (through `downsample`, a strided 1×1 convolution and batch norm, when the
/// shape changes) before the last ReLU.
///
/// d2l: `torchvision.models.resnet.BasicBlock`; the book's `Residual` (§7.6) is the same block
/// with biases and the shortcut named `conv3`.
public final class BasicBlock: Module, Layer {
    /// 3×3, `input` → `output` channels, stride `stride`.
    public let conv1: Conv2d
    /// Batch norm after `conv1`.
    public let bn1: BatchNorm2d
    /// 3×3, `output` → `output` channels.
    public let conv2: Conv2d
    /// Batch norm after `conv2`.
    public let bn2: BatchNorm2d
    /// The shortcut's 1×1 convolution (index 0) and batch norm (index 1), when the block changes
    /// the number of channels or the size.
    public let downsample: Sequential?

    /// A block from `input` to `output` channels; `stride` 2 halves height and width.
    public init(_ input: Int, _ output: Int, stride: Int = 1, generator: RandomGenerator = .global) {
        conv1 = kaimingConv(input, output, kernelSize: 3, stride: stride, padding: 1, generator: generator)
        bn1 = BatchNorm2d(output)
        conv2 = kaimingConv(output, output, kernelSize: 3, stride: 1, padding: 1, generator: generator)
        bn2 = BatchNorm2d(output)
        downsample = (stride != 1 || input != output)
            ? Sequential([kaimingConv(input, output, kernelSize: 1, stride: stride, padding: 0, generator: generator),
                          BatchNorm2d(output)])
            : nil
        super.init()
    }

    /// relu(bn2(conv2(relu(bn1(conv1(x))))) + downsample(x)).
    public func forward(_ x: Tensor) -> Tensor {
        let y = bn2(conv2(bn1(conv1(x)).relu()))
        return (y + (downsample.map { $0(x) } ?? x)).relu()
    }
}

/// A convolution without bias whose weights are drawn as torchvision draws them for ResNet:
/// normal with standard deviation √(2 / (out · k · k)) (`kaiming_normal_`, fan-out, ReLU gain).
private func kaimingConv(_ input: Int, _ output: Int, kernelSize: Int, stride: Int, padding: Int,
                         generator: RandomGenerator) -> Conv2d {
    let conv = Conv2d(input, output, kernelSize: kernelSize, stride: stride, padding: padding, bias: false, generator: generator)
    let std = (2 / Float(output * kernelSize * kernelSize)).squareRoot()
    conv.weight = Tensor.normal(mean: 0, std: std, shape: conv.weight.shape, generator: generator)
    return conv
}
