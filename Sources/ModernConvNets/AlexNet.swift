import D2L

/// §7.1 AlexNet, as the book adapts it to Fashion-MNIST: one input channel, 224×224 images and
/// ten classes.
public enum AlexNet {
    /// Five convolutions (11×11 stride 4 with 96 channels, 5×5 with 256, three 3×3 with 384, 384
    /// and 256), max pooling 3 stride 2 after the first, second and fifth, then two 4096-wide
    /// fully connected layers with dropout 0.5 and the 10-way output.
    ///
    /// d2l: the `net = nn.Sequential(...)` of §7.1.2. The 6400 inputs of the first linear layer
    /// are 256 channels × 5 × 5, what a 224×224 image leaves; other sizes need another width.
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
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
            Linear(6400, 4096, generator: generator); ReLU(); Dropout(0.5, generator: generator)
            Linear(4096, 4096, generator: generator); ReLU(); Dropout(0.5, generator: generator)
            Linear(4096, 10, generator: generator)
        }
    }
}
