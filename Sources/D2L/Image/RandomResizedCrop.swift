import Foundation

/// Crops a random box of random area and shape from each image and resizes it to a fixed size.
///
/// d2l: `torchvision.transforms.RandomResizedCrop((200, 200), scale=(0.1, 1), ratio=(0.5, 2))`
/// (§13.1.1.1, the book's `shape_aug`): the box covers a fraction of the image's area drawn
/// uniformly from `scale`, and its width : height ratio is drawn log-uniformly from `ratio`, so
/// the object appears at other positions and sizes. The box is chosen as torchvision's
/// `get_params` does (`cropBox`); the resize is bilinear without antialiasing.
public struct RandomResizedCrop: ImageAugmentation {
    /// Output height and width.
    public let height: Int, width: Int
    /// The range of the box's area as a fraction of the image's.
    public let scale: (Float, Float)
    /// The range of the box's width : height ratio.
    public let ratio: (Float, Float)

    /// Crops to `size` = (height, width); `scale` and `ratio` default to torchvision's
    /// (0.08, 1) and (3/4, 4/3).
    public init(_ size: (Int, Int), scale: (Float, Float) = (0.08, 1), ratio: (Float, Float) = (3.0 / 4, 4.0 / 3)) {
        check(size.0 > 0 && size.1 > 0, "RandomResizedCrop: size must be positive, got \(size)")
        check(scale.0 > 0 && scale.0 <= scale.1 && scale.1 <= 1,
              "RandomResizedCrop: scale must satisfy 0 < low <= high <= 1, got \(scale)")
        check(ratio.0 > 0 && ratio.0 <= ratio.1, "RandomResizedCrop: ratio must satisfy 0 < low <= high, got \(ratio)")
        (height, width) = size
        self.scale = scale
        self.ratio = ratio
    }

    /// Crops to a `size × size` square.
    public init(_ size: Int, scale: (Float, Float) = (0.08, 1), ratio: (Float, Float) = (3.0 / 4, 4.0 / 3)) {
        self.init((size, size), scale: scale, ratio: ratio)
    }

    /// A box inside an `imageHeight × imageWidth` image: its top row, left column, height, width.
    public typealias Box = (top: Int, left: Int, height: Int, width: Int)

    /// The box for one set of draws: the box whose area is `areaFraction` of the image's and
    /// whose width : height ratio is `aspectRatio`, at `top`, `left` chosen by `position`
    /// (two uniform numbers in [0, 1)), or `nil` when that box does not fit in the image.
    ///
    /// d2l: one attempt of torchvision's `RandomResizedCrop.get_params`: width
    /// `round(√(area · ratio))`, height `round(√(area / ratio))`, then a uniform position.
    public static func cropBox(imageHeight: Int, imageWidth: Int, areaFraction: Float, aspectRatio: Float,
                               position: (Float, Float)) -> Box? {
        let area = Double(areaFraction) * Double(imageHeight * imageWidth)
        let w = Int((area * Double(aspectRatio)).squareRoot().rounded())
        let h = Int((area / Double(aspectRatio)).squareRoot().rounded())
        guard w > 0 && w <= imageWidth && h > 0 && h <= imageHeight else { return nil }
        // torch.randint(0, n + 1): a uniform integer in 0...n.
        let top = Swift.min(Int(position.0 * Float(imageHeight - h + 1)), imageHeight - h)
        let left = Swift.min(Int(position.1 * Float(imageWidth - w + 1)), imageWidth - w)
        return (top, left, h, w)
    }

    /// Draws the crop box for an `imageHeight × imageWidth` image: up to ten tries of
    /// `cropBox`, then, when none fits, the largest central box whose ratio is within `ratio`.
    ///
    /// d2l: `RandomResizedCrop.get_params(img, scale, ratio)`.
    public func drawBox(imageHeight: Int, imageWidth: Int, generator: RandomGenerator) -> Box {
        let logLow = log(ratio.0), logHigh = log(ratio.1)
        for _ in 0..<10 {
            let fraction = scale.0 + (scale.1 - scale.0) * generator.nextUniform()
            let aspect = exp(logLow + (logHigh - logLow) * generator.nextUniform())
            let position = (generator.nextUniform(), generator.nextUniform())
            if let box = Self.cropBox(imageHeight: imageHeight, imageWidth: imageWidth, areaFraction: fraction,
                                      aspectRatio: aspect, position: position) {
                return box
            }
        }
        // The fallback: the whole image, narrowed to the nearest allowed ratio.
        let inRatio = Float(imageWidth) / Float(imageHeight)
        var (h, w) = (imageHeight, imageWidth)
        if inRatio < ratio.0 {
            h = Swift.max(1, Int((Float(w) / ratio.0).rounded()))
        } else if inRatio > ratio.1 {
            w = Swift.max(1, Int((Float(h) * ratio.1).rounded()))
        }
        return ((imageHeight - h) / 2, (imageWidth - w) / 2, h, w)
    }

    /// Draws a box for each image, crops it and resizes it to `height × width`.
    public func augment(_ images: Tensor, generator: RandomGenerator) -> Tensor {
        let batch = augmentationInput(images, "RandomResizedCrop")
        let (n, c, h, w) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3])
        let boxes = (0..<n).map { _ in drawBox(imageHeight: h, imageWidth: w, generator: generator) }
        let out = Tensor(uninitializedShape: [n, c, height, width])
        let size = c * height * width
        for (i, box) in boxes.enumerated() {
            let piece = resizeBilinear(crop(batch[i], top: box.top, left: box.left, height: box.height, width: box.width),
                                       height: height, width: width).contiguous()
            (out.storage.pointer + i * size).update(from: piece.base, count: size)
        }
        return out
    }
}
