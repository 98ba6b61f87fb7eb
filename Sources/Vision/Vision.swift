import D2L

/// The `Vision` module holds book chapter 13, *Computer Vision*: so far image augmentation and
/// training with it (§13.1), fine-tuning (§13.2), bounding boxes (§13.3), anchor boxes (§13.4)
/// multiscale anchors (§13.5), the banana-detection data (§13.6) and single shot multibox
/// detection with TinySSD (§13.7), one section per file, on the images and
/// augmentations of the `D2L` core (`Sources/D2L/Image/`).
///
/// `chapter` and `title` name the book chapter; `DocumentationTests` checks README.md's module
/// table against `chapter`.
public enum VisionChapter {
    /// The book chapter(s) this module covers.
    public static let chapter = "13"
    /// The chapter's title in *Dive into Deep Learning*.
    public static let title = "Computer Vision"
}
