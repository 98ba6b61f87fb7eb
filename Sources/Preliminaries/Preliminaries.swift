import D2L

/// The `Preliminaries` module will hold book chapter 2, *Preliminaries*: data manipulation, data preprocessing, linear algebra, calculus, automatic differentiation and probability (§2.1–2.6).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, so the module map in README.md can be checked against the code.
public enum PreliminariesChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "2"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Preliminaries"
}
