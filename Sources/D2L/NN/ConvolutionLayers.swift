/// A 2-d convolution layer over [N, C, H, W] batches.
///
/// d2l: `nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)` (§6.2–6.4).
/// Weights [out, in, k, k] and biases start uniform in ±1/√(in·k·k), PyTorch's default.
public final class Conv2d: Module, Layer {
    /// [outChannels, inChannels, kh, kw].
    @Parameter public var weight: Tensor
    /// [outChannels], or `nil` without bias.
    @Parameter public var bias: Tensor?
    /// Step of the window along rows and columns.
    public let stride: (Int, Int)
    /// Zeros added on each side of rows and columns.
    public let padding: (Int, Int)

    /// A layer with square kernels, stride and padding.
    public convenience init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                            bias: Bool = true, generator: RandomGenerator = .global) {
        self.init(inChannels, outChannels, kernelSize: (kernelSize, kernelSize), stride: (stride, stride),
                  padding: (padding, padding), bias: bias, generator: generator)
    }

    /// A layer with rectangular kernels, strides and padding, as `kernel_size=(3, 5)`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: (Int, Int), stride: (Int, Int) = (1, 1),
                padding: (Int, Int) = (0, 0), bias: Bool = true, generator: RandomGenerator = .global) {
        check(inChannels > 0 && outChannels > 0 && kernelSize.0 > 0 && kernelSize.1 > 0,
              "Conv2d: channels and kernel size must be positive, got \(inChannels) → \(outChannels), kernel \(kernelSize)")
        let bound = 1 / Float(inChannels * kernelSize.0 * kernelSize.1).squareRoot()
        weight = Tensor.uniform(low: -bound, high: bound, shape: [outChannels, inChannels, kernelSize.0, kernelSize.1],
                                generator: generator)
        self.bias = bias ? Tensor.uniform(low: -bound, high: bound, shape: [outChannels], generator: generator) : nil
        self.stride = stride
        self.padding = padding
        super.init()
    }

    /// The cross-correlation of `x` with the kernels, plus the bias.
    public func forward(_ x: Tensor) -> Tensor {
        Tensor.conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding)
    }
}

/// The shared set-up of the pooling layers: windows, a stride that defaults to the window size
/// (as in PyTorch) and padding, each a single `Int` for both axes or a `(rows, columns)` pair,
/// as `Conv2d` takes them.
public class Pool2dLayer: Module {
    let kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int)

    /// Square windows of `kernelSize`; `stride` defaults to `kernelSize`.
    public convenience init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.init(kernelSize: (kernelSize, kernelSize), stride: stride.map { ($0, $0) }, padding: (padding, padding))
    }

    /// Rectangular windows, strides and padding, as `kernel_size=(2, 3), stride=(2, 1)`.
    public init(kernelSize: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0)) {
        check(kernelSize.0 > 0 && kernelSize.1 > 0, "\(type(of: self)): kernel size must be positive, got \(kernelSize)")
        kernel = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        super.init()
    }
}

/// Maximum pooling as a layer, as `nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0)` (§6.5).
public final class MaxPool2d: Pool2dLayer, Layer {
    /// The maximum of each window.
    public func forward(_ x: Tensor) -> Tensor {
        Tensor.maxPool2d(x, kernel: kernel, stride: stride, padding: padding)
    }
}

/// Average pooling as a layer, as `nn.AvgPool2d(kernel_size, stride=kernel_size, padding=0)` (§6.5).
public final class AvgPool2d: Pool2dLayer, Layer {
    /// The mean of each window.
    public func forward(_ x: Tensor) -> Tensor {
        Tensor.avgPool2d(x, kernel: kernel, stride: stride, padding: padding)
    }
}

/// The shared set-up of the adaptive pooling layers: the output grid, whatever the input size.
public class AdaptivePool2dLayer: Module {
    let outputSize: (Int, Int)

    /// Pools every channel to `outputSize` (rows, columns).
    public init(_ outputSize: (Int, Int)) {
        check(outputSize.0 > 0 && outputSize.1 > 0, "\(type(of: self)): output size must be positive, got \(outputSize)")
        self.outputSize = outputSize
        super.init()
    }
}

/// Average pooling to a fixed output grid, as `nn.AdaptiveAvgPool2d((1, 1))` (§7.3).
public final class AdaptiveAvgPool2d: AdaptivePool2dLayer, Layer {
    /// The mean over each of the grid's regions.
    public func forward(_ x: Tensor) -> Tensor {
        Tensor.adaptiveAvgPool2d(x, outputSize: outputSize)
    }
}

/// Max pooling to a fixed output grid, as `nn.AdaptiveMaxPool2d((1, 1))`, the last block of
/// TinySSD (§13.7): the largest value of each channel, whatever the plane's size.
public final class AdaptiveMaxPool2d: AdaptivePool2dLayer, Layer {
    /// The maximum over each of the grid's regions.
    public func forward(_ x: Tensor) -> Tensor {
        Tensor.adaptiveMaxPool2d(x, outputSize: outputSize)
    }
}
