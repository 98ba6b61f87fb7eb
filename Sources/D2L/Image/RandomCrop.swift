/// Pads each image with a zero border and cuts a box of fixed size from a random place in it,
/// so the picture moves by a few pixels in any direction.
///
/// d2l: `torchvision.transforms.RandomCrop(size, padding=...)`, the shift augmentation usually
/// trained with CIFAR-10 (§13.1.2 mentions it among the common ones). With `size` equal to the
/// image's and `padding` p, the content moves by at most p pixels along each axis and what is
/// uncovered is black (torchvision's `fill=0`).
public struct RandomCrop: ImageAugmentation {
    /// Output height and width.
    public let height: Int, width: Int
    /// Zero pixels added on every side before cropping.
    public let padding: Int

    /// Crops to `size` = (height, width) after padding every side with `padding` zero pixels.
    public init(_ size: (Int, Int), padding: Int = 0) {
        check(size.0 > 0 && size.1 > 0, "RandomCrop: size must be positive, got \(size)")
        check(padding >= 0, "RandomCrop: padding must not be negative, got \(padding)")
        (height, width) = size
        self.padding = padding
    }

    /// Crops to a `size × size` square.
    public init(_ size: Int, padding: Int = 0) {
        self.init((size, size), padding: padding)
    }

    /// Draws each image's box in the padded image (top and left, uniform over every place
    /// where it fits), then copies it out.
    public func augment(_ batch: Tensor, generator: RandomGenerator) -> Tensor {
        let images = augmentationInput(batch, "RandomCrop")
        let (h, w) = (images.shape[2], images.shape[3])
        check(height <= h + 2 * padding && width <= w + 2 * padding,
              "RandomCrop: a \(height)×\(width) crop does not fit in \(h)×\(w) images padded by \(padding)")
        let offsets = (0..<images.shape[0]).map { _ in
            (generator.nextInt(in: 0..<(h + 2 * padding - height + 1)),
             generator.nextInt(in: 0..<(w + 2 * padding - width + 1)))
        }
        return RandomCrop.crop(images, offsets: offsets, size: (height, width), padding: padding)
    }

    /// Cuts from each image `i` of `images` (`[N, C, H, W]`), padded by `padding` zeros, the
    /// `size` box whose top-left corner is `offsets[i]` in the padded image.
    public static func crop(_ images: Tensor, offsets: [(top: Int, left: Int)], size: (Int, Int),
                            padding: Int) -> Tensor {
        let batch = augmentationInput(images, "RandomCrop.crop")
        let (n, c, h, w) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3])
        let (outH, outW) = size
        check(offsets.count == n, "RandomCrop.crop: \(offsets.count) offsets for \(n) images")
        let out = Tensor.zeros([n, c, outH, outW])
        let src = batch.base, dst = out.storage.pointer
        Kernels.parallelRanges(n, workPerItem: c * outH * outW) { start, end in
            for i in start..<end {
                // Row r of the crop is row top + r − padding of the image; only the part of it
                // that lies inside the image is copied, the rest stays zero.
                let dy = offsets[i].top - padding, dx = offsets[i].left - padding
                let firstCol = Swift.max(0, -dx), lastCol = Swift.min(outW, w - dx)
                guard firstCol < lastCol else { continue }
                for plane in 0..<c {
                    let from = src + (i * c + plane) * h * w, to = dst + (i * c + plane) * outH * outW
                    for r in 0..<outH where r + dy >= 0 && r + dy < h {
                        (to + r * outW + firstCol).update(from: from + (r + dy) * w + firstCol + dx,
                                                         count: lastCol - firstCol)
                    }
                }
            }
        }
        return out
    }
}
