import D2L

/// The `LinearNetworks` module will hold book chapter 3, *Linear Neural Networks*: linear regression and softmax regression, from scratch and concise, and the Fashion-MNIST data set (§3.1–3.7).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, so the module map in README.md can be checked against the code.
public enum LinearNetworksChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "3"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Linear Neural Networks"
}
