import D2L

/// §7.1 AlexNet, as the book adapts it to Fashion-MNIST: one input channel, 224×224 images and
/// ten classes.
public enum AlexNet {
    /// Five convolutions (11×11 stride 4 with 96 channels, 5×5 with 256, three 3×3 with 384, 384
    /// and 256), max pooling 3 stride 2 after the first, second and fifth, then two 4096-wide
    /// fully connected layers with dropout 0.5 and the 10-way output.
    ///
    /// d2l: the `net = nn.Sequential(...)` of §7.1.2. The 6400 inputs of the first linear layer
    /// are 256 channels × 5 × 5, what a 224×224 image leaves; for another `imageSize` (the CPU
    /// presets train on smaller images) the width is worked out from the same layers.
    public static func makeNet(imageSize: Int = 224, generator: RandomGenerator = .global) -> Sequential {
        let side = featureSide(imageSize)
        check(side >= 1, "AlexNet: a \(imageSize)×\(imageSize) image is too small; its layers need at least 67 pixels")
        return Sequential {
            // A large window with stride 4 shrinks the image fast; many more channels than LeNet.
            Conv2d(1, 96, kernelSize: 11, stride: 4, padding: 1, generator: generator); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2)
            // Padding 2 keeps the size; more channels.
            Conv2d(96, 256, kernelSize: 5, padding: 2, generator: generator); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2)
            // Three 3×3 convolutions in a row, then one more pooling.
            Conv2d(256, 384, kernelSize: 3, padding: 1, generator: generator); ReLU()
            Conv2d(384, 384, kernelSize: 3, padding: 1, generator: generator); ReLU()
            Conv2d(384, 256, kernelSize: 3, padding: 1, generator: generator); ReLU()
            MaxPool2d(kernelSize: 3, stride: 2)
            Flatten()
            // Wide fully connected layers, kept from overfitting by dropout.
            Linear(256 * side * side, 4096, generator: generator); ReLU(); Dropout(0.5, generator: generator)
            Linear(4096, 4096, generator: generator); ReLU(); Dropout(0.5, generator: generator)
            Linear(4096, 10, generator: generator)
        }
    }

    /// The height (and width) of the feature maps the convolutions and poolings leave of a square
    /// `imageSize` image: 5 for 224 pixels.
    public static func featureSide(_ imageSize: Int) -> Int {
        var side = convOutputSize(imageSize, kernel: 11, padding: 1, stride: 4)
        // Three max poolings (3, stride 2); the other convolutions keep the size.
        for _ in 0..<3 { side = side < 3 ? 0 : convOutputSize(side, kernel: 3, padding: 0, stride: 2) }
        return side
    }
}
