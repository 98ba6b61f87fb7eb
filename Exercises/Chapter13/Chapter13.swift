import D2L

/// Exercises of chapter 13, *Computer Vision*. Replace each `throw NotAttempted()` with your
/// answer; `swift test --filter Chapter13` grades them, `swift run grade chapter13` scores them.
public enum Chapter13 {}

extension Chapter13 {
    /// Exercise 13.1.1 — a horizontal flip by hand.
    ///
    /// Return the image `[C, H, W]` mirrored left to right, as `RandomHorizontalFlip` does when
    /// it flips (§13.1.1.1): the pixel in column `j` moves to column `W − 1 − j`, in every row
    /// and channel. Build the result from the pixel values yourself (for example with
    /// `toArray()` and `Tensor(shape:values:)`) rather than calling `flip`.
    public static func horizontalFlip(_ image: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 13.1.2 — the box `RandomResizedCrop` cuts for given draws.
    ///
    /// For an `imageHeight × imageWidth` image, `areaFraction` (drawn from `scale`) and
    /// `aspectRatio` (width : height, drawn from `ratio`), return the box torchvision's
    /// `get_params` would try: width `round(√(area · ratio))`, height `round(√(area / ratio))`,
    /// with `area = areaFraction · H · W`; top `⌊position.0 · (H − h + 1)⌋` and left
    /// `⌊position.1 · (W − w + 1)⌋`. Return `nil` when the box does not fit in the image.
    public static func cropBox(imageHeight: Int, imageWidth: Int, areaFraction: Float, aspectRatio: Float,
                               position: (Float, Float)) throws -> (top: Int, left: Int, height: Int, width: Int)? {
        throw NotAttempted()
    }

    /// Exercise 13.1.3 — brightness jitter with a given factor.
    ///
    /// Return the image (`[C, H, W]`, values in [0, 1]) with its brightness changed by `factor`
    /// as `ColorJitter(brightness=…)` does once it has drawn `factor` (§13.1.1.2): every value
    /// multiplied by `factor`, and the result kept a valid image.
    public static func adjustBrightness(_ image: Tensor, factor: Float) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 13.1.4 — saturation jitter with a given factor.
    ///
    /// Return the RGB image `[3, H, W]` with its saturation changed by `factor`, as torchvision's
    /// `adjust_saturation`: each pixel blended with its own grey value
    /// `0.2989 · R + 0.587 · G + 0.114 · B`, `factor · pixel + (1 − factor) · grey`, clamped to
    /// [0, 1]. `factor` 0 gives a grey picture, 1 the image unchanged.
    public static func adjustSaturation(_ image: Tensor, factor: Float) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 13.1.5 — `ToTensor` by hand.
    ///
    /// Return the `[C, H, W]` float tensor in [0, 1] that `transforms.ToTensor()` makes of an
    /// 8-bit image stored `[H, W, C]` (`image.pixels`, row by row, channels side by side).
    public static func toTensor(_ image: Image) throws -> Tensor {
        throw NotAttempted()
    }
}

extension Chapter13 {
    /// Exercise 13.2.1 — fine-tune only the output layer.
    ///
    /// `net` is a pretrained ResNet-18 whose output layer `net.fc` has just been replaced. Keep
    /// every other parameter as it is (§13.2's exercise: set `requires_grad = False` on the copied
    /// layers, here `freeze`) and return an `SGD` optimizer at learning rate `lr` over the
    /// parameters that still train, so that a training step changes `fc.weight` and `fc.bias`
    /// and nothing else.
    public static func freezeAllButOutput(_ net: TorchvisionResNet, lr: Float) throws -> SGD {
        throw NotAttempted()
    }
}

extension Chapter13 {
    /// Exercise 13.3.1 — corners to centre by hand.
    ///
    /// Return the boxes `[N, 4]` given by their corners (x1, y1, x2, y2) in centre form
    /// (cx, cy, w, h), as `box_corner_to_center` does (§13.3.1), without calling
    /// `boxCornerToCenter`. The dog's box [60, 45, 378, 516] becomes [219, 280.5, 318, 471].
    public static func cornerToCenter(_ boxes: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 13.4.1 — the IoU of two boxes.
    ///
    /// Return the intersection over union of two boxes given by their corners (x1, y1, x2, y2)
    /// (§13.4.2): the area they share divided by the area they cover together. Boxes that do not
    /// overlap share no area.
    public static func iou(_ a: [Float], _ b: [Float]) throws -> Float {
        throw NotAttempted()
    }

    /// Exercise 13.4.2 — how many anchors `multibox_prior` makes.
    ///
    /// For an input of `height × width` pixels, `sizes` sizes and `ratios` ratios, return the
    /// number of anchor boxes `multibox_prior` generates (§13.4.1: every pixel gets the boxes of
    /// each size with the first ratio and of each further ratio with the first size). The book's
    /// 561 × 728 photo with 3 sizes and 3 ratios gets 2 042 040.
    public static func anchorCount(height: Int, width: Int, sizes: Int, ratios: Int) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 13.4.3 — non-maximum suppression by hand.
    ///
    /// Return the indices of the boxes (`[N, 4]` corners) that `nms` keeps (§13.4.4.1), most
    /// confident first: visit the boxes by decreasing score (equal scores in index order); keep
    /// each box not yet removed, and remove every later box whose IoU with it is above
    /// `iouThreshold`. Write it without calling `nms` or `multiboxDetection`.
    public static func nonMaximumSuppression(_ boxes: Tensor, scores: [Float], iouThreshold: Float) throws -> [Int] {
        throw NotAttempted()
    }
}
