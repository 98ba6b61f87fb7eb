import D2L

/// Exercises of chapter 7, *Modern Convolutional Neural Networks*. Replace each
/// `throw NotAttempted()` with your answer; `swift test --filter Chapter7` grades them,
/// `swift run grade chapter7` scores them.
public enum Chapter7 {}

extension Chapter7 {
    /// Exercise 7.2.1 — the output shape of a VGG block.
    ///
    /// Return the shape [c, h, w] that `vgg_block(numConvs, inChannels, outChannels)` (§7.2.1)
    /// gives for one image of `inChannels` × `height` × `width`, without running the block.
    public static func vggBlockOutputShape(numConvs: Int, inChannels: Int, outChannels: Int,
                                           height: Int, width: Int) throws -> [Int] {
        throw NotAttempted()
    }

    /// Exercise 7.3.3 — the parameters of NiN's last block.
    ///
    /// NiN ends with `nin_block(384, 10, kernel_size=3, strides=1, padding=1)` and global average
    /// pooling, with no fully connected layer. Return how many parameters (weights and biases)
    /// that last block holds.
    public static func ninHeadParameterCount() throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 7.4.1 — the channels an Inception block puts out.
    ///
    /// Return the number of output channels of `Inception(in_channels, c1, c2, c3, c4)` (§7.4.1),
    /// where `c2` and `c3` are (reduced, final) pairs.
    public static func inceptionOutputChannels(c1: Int, c2: (Int, Int), c3: (Int, Int), c4: Int) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 7.5.1 — batch norm's running statistics after one step.
    ///
    /// A fresh `nn.BatchNorm1d(d)` (momentum 0.1, running mean 0, running variance 1) sees one
    /// [n, d] batch `X` in training mode. Return its `running_mean` and `running_var` afterwards,
    /// each of shape [d], computed from `X` by hand (PyTorch's rule: the running variance moves
    /// towards the *unbiased* batch variance).
    public static func runningStatisticsAfterOneStep(_ X: Tensor) throws -> (mean: Tensor, variance: Tensor) {
        throw NotAttempted()
    }

    /// Exercise 7.7.1 — the channels of a dense block.
    ///
    /// Return the output channels of `DenseBlock(num_convs, input_channels, num_channels)` (§7.7.2).
    public static func denseBlockOutputChannels(numConvs: Int, inputChannels: Int, growthRate: Int) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 7.7.2 — a transition block that halves everything.
    ///
    /// Return a block that maps a [n, channels, h, w] batch (h and w even) to
    /// [n, channels / 2, h / 2, w / 2], built as the book's `transition_block`: batch norm, ReLU,
    /// a 1×1 convolution and 2×2 average pooling with stride 2.
    public static func halvingTransitionBlock(channels: Int) throws -> Sequential {
        throw NotAttempted()
    }
}
