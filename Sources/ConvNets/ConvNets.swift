import D2L

/// The `ConvNets` module will hold book chapter 6, *Convolutional Neural Networks*: cross-correlation, padding and stride, channels, pooling and LeNet (§6.1–6.6).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, so the module map in README.md can be checked against the code.
public enum ConvNetsChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "6"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Convolutional Neural Networks"
}
