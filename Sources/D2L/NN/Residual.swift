/// The residual block of ResNet: two 3×3 convolutions with batch norm, whose output is added to
/// the block's input (through a 1×1 convolution when the shape changes) before the last ReLU.
///
/// d2l: `Residual(input_channels, num_channels, use_1x1conv=False, strides=1)` (§7.6). The
/// submodules carry the book's attribute names, so the state dict has its keys (`conv1.weight`,
/// `bn1.running_mean`, …). `strides` applies to the first convolution and the shortcut, halving
/// height and width when 2.
public final class Residual: Module, Layer {
    /// 3×3, `inputChannels` → `numChannels`, padding 1, stride `strides`.
    public let conv1: Conv2d
    /// 3×3, `numChannels` → `numChannels`, padding 1.
    public let conv2: Conv2d
    /// The 1×1 shortcut convolution with stride `strides`, when `use1x1conv`.
    public let conv3: Conv2d?
    /// Batch norm after `conv1` and after `conv2`.
    public let bn1: BatchNorm2d, bn2: BatchNorm2d

    /// A block from `inputChannels` to `numChannels` channels. Without `use1x1conv` the input
    /// is added unchanged, so it needs `inputChannels == numChannels` and `strides == 1`.
    public init(_ inputChannels: Int, _ numChannels: Int, use1x1conv: Bool = false, strides: Int = 1,
                generator: RandomGenerator = .global) {
        check(use1x1conv || (inputChannels == numChannels && strides == 1),
              "Residual: without use1x1conv the shortcut cannot change \(inputChannels) channels to \(numChannels) "
              + "or apply stride \(strides); pass use1x1conv: true")
        conv1 = Conv2d(inputChannels, numChannels, kernelSize: 3, stride: strides, padding: 1, generator: generator)
        conv2 = Conv2d(numChannels, numChannels, kernelSize: 3, padding: 1, generator: generator)
        conv3 = use1x1conv ? Conv2d(inputChannels, numChannels, kernelSize: 1, stride: strides, generator: generator) : nil
        bn1 = BatchNorm2d(numChannels)
        bn2 = BatchNorm2d(numChannels)
        super.init()
    }

    /// relu(bn2(conv2(relu(bn1(conv1(X))))) + shortcut(X)).
    public func forward(_ x: Tensor) -> Tensor {
        let channels = conv1.weight.shape[1]
        check(x.ndim == 4 && x.shape[1] == channels,
              "Residual(\(channels), \(bn1.numFeatures)): expects input [N, \(channels), H, W], got shape \(x.shape)")
        let y = bn2(conv2(bn1(conv1(x)).relu()))
        let shortcut = conv3.map { $0(x) } ?? x
        return (y + shortcut).relu()
    }
}
