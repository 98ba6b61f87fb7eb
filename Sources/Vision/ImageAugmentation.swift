import D2L
import Foundation

/// §13.1 Image augmentation: the book's augmentations of its cat photo, each shown as a 2×4 grid
/// of eight random results.
public enum ImageAugmentationSection {
    /// Applies `aug` to `numRows · numCols` copies of `img` (`[C, H, W]`, values in [0, 1]), each
    /// with its own draw from `generator`, and lays the results out in a grid.
    ///
    /// d2l: `apply(img, aug, num_rows=2, num_cols=4, scale=1.5)` (§13.1.1), which shows
    /// `[aug(img) for _ in range(num_rows * num_cols)]` with `show_images`. Here the copies go
    /// through the augmentation as one batch, and the grid is returned as an image to write as
    /// a PNG file rather than drawn on screen.
    public static func apply(_ img: Tensor, _ aug: any ImageAugmentation, numRows: Int = 2, numCols: Int = 4,
                             generator: RandomGenerator = .global) -> Image {
        check(img.ndim == 3, "apply: expects one image [C, H, W], got shape \(img.shape)")
        let copies = img.reshape([1] + img.shape).expand([numRows * numCols] + img.shape).contiguous()
        return imageGrid(aug(copies, generator: generator), numRows: numRows, numCols: numCols)
    }

    /// The book's `shape_aug`: a random crop of 10 %–100 % of the area, width : height between
    /// 1 : 2 and 2 : 1, resized to 200 × 200 (§13.1.1.1).
    public static let shapeAug = RandomResizedCrop((200, 200), scale: (0.1, 1), ratio: (0.5, 2))

    /// The book's `color_aug`: brightness, contrast, saturation and hue all jittered by 0.5
    /// (§13.1.1.2).
    public static let colorAug = ColorJitter(brightness: 0.5, contrast: 0.5, saturation: 0.5, hue: 0.5)

    /// The book's `augs`: a horizontal flip, `color_aug` and `shape_aug` in turn (§13.1.1.3).
    public static let augs = Compose([RandomHorizontalFlip(), colorAug, shapeAug])

    /// The seven figures of §13.1.1 in the book's order: section, file name stem, what the
    /// book calls it, and the augmentation.
    public static let figures: [(section: String, name: String, code: String, aug: any ImageAugmentation)] = [
        ("13.1.1.1", "horizontal-flip", "RandomHorizontalFlip()", RandomHorizontalFlip()),
        ("13.1.1.1", "vertical-flip", "RandomVerticalFlip()", RandomVerticalFlip()),
        ("13.1.1.1", "shape-aug", "RandomResizedCrop((200, 200), scale=(0.1, 1), ratio=(0.5, 2))", shapeAug),
        ("13.1.1.2", "brightness", "ColorJitter(brightness=0.5, contrast=0, saturation=0, hue=0)",
         ColorJitter(brightness: 0.5)),
        ("13.1.1.2", "hue", "ColorJitter(brightness=0, contrast=0, saturation=0, hue=0.5)", ColorJitter(hue: 0.5)),
        ("13.1.1.2", "color-aug", "ColorJitter(brightness=0.5, contrast=0.5, saturation=0.5, hue=0.5)", colorAug),
        ("13.1.1.3", "augs", "Compose([RandomHorizontalFlip(), color_aug, shape_aug])", augs),
    ]

    /// The cat photo of §13.1 (`d2l.Image.open('../img/cat1.jpg')`): `img/cat1.jpg` in the data
    /// folder, else downloaded into it from the d2l-zh repository (checked by SHA-1).
    /// - Throws: `DataError` when it is neither there nor downloadable, or cannot be decoded.
    public static func loadCat() throws -> Image {
        try readImage(try download("img/cat1.jpg"))
    }
}
