import D2L

/// One VGG block: `numConvs` 3×3 convolutions with padding 1 (each followed by ReLU) that keep
/// the height and width, then a 2×2 max pooling that halves them.
///
/// d2l: `vgg_block(num_convs, in_channels, out_channels)` (§7.2.1).
public func vggBlock(_ numConvs: Int, _ inChannels: Int, _ outChannels: Int,
                     generator: RandomGenerator = .global) -> Sequential {
    Sequential {
        for i in 0..<numConvs {
            Conv2d(i == 0 ? inChannels : outChannels, outChannels, kernelSize: 3, padding: 1, generator: generator)
            ReLU()
        }
        MaxPool2d(kernelSize: 2, stride: 2)
    }
}

/// A VGG network for `convArch`, under the book's name: `VGG.makeNet(convArch)`, as every chapter 7
/// net is built by its type.
///
/// d2l: `vgg(conv_arch)` (§7.2.2).
public func vgg(_ convArch: [(numConvs: Int, outChannels: Int)], imageSize: Int = 224,
                generator: RandomGenerator = .global) -> Sequential {
    VGG.makeNet(convArch, imageSize: imageSize, generator: generator)
}

extension VGG {
    /// A VGG network for one-channel 224×224 images: one `vggBlock` per `(numConvs, outChannels)`
    /// pair of `convArch`, then the fully connected part of AlexNet (4096, 4096, 10 with dropout).
    ///
    /// d2l: `vgg(conv_arch)` (§7.2.2). Five blocks halve 224 to 7, so the first linear layer takes
    /// `outChannels · 7 · 7` inputs; for another `imageSize` (the CPU presets train on smaller
    /// images) it takes what the blocks leave of that size.
    public static func makeNet(_ convArch: [(numConvs: Int, outChannels: Int)] = VGG.convArch, imageSize: Int = 224,
                               generator: RandomGenerator = .global) -> Sequential {
        check(!convArch.isEmpty, "vgg: convArch needs at least one block")
        // Each block's pooling halves the side, rounding down.
        let side = convArch.reduce(imageSize) { size, _ in size / 2 }
        check(side >= 1, "vgg: \(convArch.count) blocks halve a \(imageSize)×\(imageSize) image to nothing; "
              + "it needs at least \(1 << convArch.count) pixels")
        var inChannels = 1
        let blocks: [any Layer] = convArch.map { numConvs, outChannels in
            defer { inChannels = outChannels }
            return vggBlock(numConvs, inChannels, outChannels, generator: generator)
        }
        let last = convArch[convArch.count - 1].outChannels
        return Sequential {
            blocks
            Flatten()
            Linear(last * side * side, 4096, generator: generator); ReLU(); Dropout(0.5, generator: generator)
            Linear(4096, 4096, generator: generator); ReLU(); Dropout(0.5, generator: generator)
            Linear(4096, 10, generator: generator)
        }
    }
}

/// The book's architectures for `VGG.makeNet(_:)`, the book's `vgg` (§7.2.2).
public enum VGG {
    /// VGG-11: eight convolutions in five blocks, 64 to 512 channels (`conv_arch`).
    public static let convArch: [(numConvs: Int, outChannels: Int)] = [(1, 64), (1, 128), (2, 256), (2, 512), (2, 512)]

    /// VGG-11 with a quarter of the channels in every block, the net the book trains
    /// (`small_conv_arch` with `ratio = 4`).
    public static let smallConvArch = convArch.map { (numConvs: $0.numConvs, outChannels: $0.outChannels / 4) }
}
