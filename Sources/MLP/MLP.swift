import D2L

/// The `MLP` module will hold book chapter 4 and 5, *Multilayer Perceptrons and Deep Learning Computation*: MLPs, model selection, weight decay, dropout, numerical stability, and the builders' guide to modules, parameters and saving (§4.1–5.6).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, so the module map in README.md can be checked against the code.
public enum MLPChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "4 and 5"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Multilayer Perceptrons and Deep Learning Computation"
}
