import D2L

/// The `Vision` module will hold book chapter 13, *Computer Vision*: image augmentation, fine-tuning, anchor boxes and SSD object detection (§13.1–13.7).
///
/// Each chapter module has a from-scratch implementation of its sections and a concise one built
/// on the `D2L` core. This chapter has not been built yet; `chapter` names the book chapter(s)
/// it will hold, and `DocumentationTests` checks README.md's module table against it.
public enum VisionChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "13"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Computer Vision"
}
