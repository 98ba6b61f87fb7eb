import D2L

/// The `ModernConvNets` module holds book chapter 7, *Modern Convolutional Neural Networks*:
/// AlexNet, VGG, NiN, GoogLeNet, batch normalization, ResNet and DenseNet (§7.1–7.7), one
/// section per file, each net built from its blocks as the book builds it.
///
/// `chapter` and `title` name the book chapter; `DocumentationTests` checks README.md's module
/// table against `chapter`.
public enum ModernConvNetsChapter {
    /// The book chapter this module covers.
    public static let chapter = "7"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Modern Convolutional Neural Networks"
}
