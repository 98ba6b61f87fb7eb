import D2L

/// §6.6 LeNet-5 as the book builds it: two sigmoid convolution blocks with average pooling,
/// then three fully connected layers, for 28×28 Fashion-MNIST images.
public enum LeNet {
    /// The network: Conv2d(1, 6, 5, padding 2) → sigmoid → avg-pool 2 → Conv2d(6, 16, 5) →
    /// sigmoid → avg-pool 2 → flatten → 120 → 84 → 10.
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        Sequential {
            Conv2d(1, 6, kernelSize: 5, padding: 2, generator: generator); Sigmoid()
            AvgPool2d(kernelSize: 2, stride: 2)
            Conv2d(6, 16, kernelSize: 5, generator: generator); Sigmoid()
            AvgPool2d(kernelSize: 2, stride: 2)
            Flatten()
            Linear(16 * 5 * 5, 120, generator: generator); Sigmoid()
            Linear(120, 84, generator: generator); Sigmoid()
            Linear(84, 10, generator: generator)
        }
    }

    /// The output shape after each layer for one 1×1×28×28 image, as the book prints them (§6.6.1).
    public static func layerShapes(_ net: Sequential) -> [(name: String, shape: [Int])] {
        var X = Tensor.rand([1, 1, 28, 28])
        return net.layers.map { layer in
            X = layer(X)
            return ("\(type(of: layer))", X.shape)
        }
    }
}
