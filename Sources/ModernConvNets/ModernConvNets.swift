import D2L

/// The `ModernConvNets` module will hold book chapter 7, *Modern Convolutional Neural Networks*: AlexNet, VGG, NiN, GoogLeNet, batch normalization, ResNet and DenseNet (§7.1–7.7).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, so the module map in README.md can be checked against the code.
public enum ModernConvNetsChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "7"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Modern Convolutional Neural Networks"
}
