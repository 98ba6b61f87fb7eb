import D2L

extension BatchNormalization {
    /// LeNet with the library's `BatchNorm2d` after each convolution and `BatchNorm1d` after each
    /// hidden linear layer, before the sigmoid: the net of `lenet()` with the concise layers.
    ///
    /// d2l: the `net = nn.Sequential(...)` of §7.5.6 (concise implementation). Its layers follow
    /// PyTorch (momentum 0.1 for the new batch, unbiased running variance), where the scratch
    /// `BatchNorm` follows the book's `batch_norm`.
    public static func lenetConcise(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(1, 6, kernelSize: 5, generator: generator); BatchNorm2d(6); Sigmoid()
            AvgPool2d(kernelSize: 2, stride: 2)
            Conv2d(6, 16, kernelSize: 5, generator: generator); BatchNorm2d(16); Sigmoid()
            AvgPool2d(kernelSize: 2, stride: 2); Flatten()
            Linear(256, 120, generator: generator); BatchNorm1d(120); Sigmoid()
            Linear(120, 84, generator: generator); BatchNorm1d(84); Sigmoid()
            Linear(84, 10, generator: generator)
        }
    }
}
