import D2L
import Foundation

/// §13.3 Object detection and bounding boxes: the book's dog and cat boxes on its cat-and-dog
/// photo, the round trip through the centre form, and the figure with both boxes drawn.
public enum BoundingBoxSection {
    /// The dog's box on `catdog.jpg`, corners in pixels (`dog_bbox`, §13.3.1).
    public static let dogBBox: [Float] = [60.0, 45.0, 378.0, 516.0]
    /// The cat's box on `catdog.jpg`, corners in pixels (`cat_bbox`, §13.3.1).
    public static let catBBox: [Float] = [400.0, 112.0, 655.0, 493.0]

    /// Both boxes as the book's `boxes = torch.tensor((dog_bbox, cat_bbox))`, `[2, 4]`.
    public static var boxes: Tensor { Tensor(shape: [2, 4], values: dogBBox + catBBox) }

    /// The cat-and-dog photo of §13.3–13.5 (`d2l.plt.imread('../img/catdog.jpg')`, 728 × 561):
    /// `img/catdog.jpg` in the data folder, else downloaded into it (checked by SHA-1).
    /// - Throws: `DataError` when it is neither there nor downloadable, or cannot be decoded.
    public static func loadCatDog() throws -> Image {
        try readImage(try download("img/catdog.jpg"))
    }

    /// The photo with the dog's box in blue and the cat's in red (§13.3.1's figure):
    /// `fig.axes.add_patch(bbox_to_rect(dog_bbox, 'blue'))`, then the cat in `'red'`.
    public static func figure(_ img: Image) -> Image {
        var out = img
        let width = bboxLineWidth(for: img)
        out.addPatch(bboxToRect(dogBBox, color: .blue, lineWidth: width))
        out.addPatch(bboxToRect(catBBox, color: .red, lineWidth: width))
        return out
    }
}
