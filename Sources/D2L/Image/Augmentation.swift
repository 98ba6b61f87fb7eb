// §13.1 image augmentation: the protocol every augmentation adopts, the two flips and Compose.
// RandomResizedCrop and ColorJitter have files of their own.

/// A random change of images that keeps what they show: a flip, a crop, a change of colour.
///
/// d2l: the `torchvision.transforms` objects of §13.1 (`RandomHorizontalFlip()`, …), called as
/// `aug(img)`. Here an augmentation takes one image `[C, H, W]` or a whole batch `[N, C, H, W]` of
/// floats in [0, 1], and every image of a batch gets its own random draw, as if the
/// augmentation had been applied to each example by the data loader. The draws come from a
/// `RandomGenerator` (the global one unless given), all taken before any pixel is touched, so a
/// seed fixes the result; the pixel work runs over raw buffers, split over the cores.
public protocol ImageAugmentation {
    /// Augments each image of `batch` (`[N, C, H, W]`) with its own draw from `generator`,
    /// returning a new tensor (the input is not changed).
    func augment(_ batch: Tensor, generator: RandomGenerator) -> Tensor
}

extension ImageAugmentation {
    /// Augments one image `[C, H, W]` or each image of a batch `[N, C, H, W]`.
    ///
    /// d2l: `aug(img)` (§13.1.1).
    public func callAsFunction(_ images: Tensor, generator: RandomGenerator = .global) -> Tensor {
        check(images.ndim == 3 || images.ndim == 4,
              "\(Self.self): expects an image [C, H, W] or a batch [N, C, H, W], got shape \(images.shape)")
        if images.ndim == 4 { return augment(images.detach().contiguous(), generator: generator) }
        let one = images.detach().contiguous().reshape([1] + images.shape)
        let out = augment(one, generator: generator)
        return out.reshape(Array(out.shape.dropFirst()))
    }
}

/// `batch` checked to be `[N, C, H, W]` and made contiguous, for the kernels of the augmentations.
func augmentationInput(_ batch: Tensor, _ operation: String) -> Tensor {
    check(batch.ndim == 4, "\(operation): expects a batch [N, C, H, W], got shape \(batch.shape)")
    return batch.detach().contiguous()
}

/// Flips the chosen images of a batch `[N, C, H, W]` left to right (`horizontal`) or
/// upside down, copying the others unchanged.
func flipImages(_ images: Tensor, selected: [Bool], horizontal: Bool) -> Tensor {
    let batch = augmentationInput(images, horizontal ? "RandomHorizontalFlip" : "RandomVerticalFlip")
    let (n, c, h, w) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3])
    let out = Tensor(uninitializedShape: batch.shape)
    let src = batch.base, dst = out.storage.pointer, size = c * h * w
    Kernels.parallelRanges(n, workPerItem: size) { start, end in
        for i in start..<end {
            let from = src + i * size, to = dst + i * size
            guard selected[i] else {
                to.update(from: from, count: size)
                continue
            }
            for plane in 0..<c {
                let p = from + plane * h * w, q = to + plane * h * w
                for r in 0..<h {
                    if horizontal {
                        let row = p + r * w, target = q + r * w
                        for x in 0..<w { target[x] = row[w - 1 - x] }
                    } else {
                        (q + r * w).update(from: p + (h - 1 - r) * w, count: w)
                    }
                }
            }
        }
    }
    return out
}

/// Flips each image left to right with probability `p`.
///
/// d2l: `torchvision.transforms.RandomHorizontalFlip()` (§13.1.1.1), the augmentation the book
/// trains CIFAR-10 with: a cat seen in a mirror is still a cat.
public struct RandomHorizontalFlip: ImageAugmentation {
    /// The probability that an image is flipped.
    public let p: Float

    /// Flips with probability `p` (PyTorch's default 0.5).
    public init(p: Float = 0.5) {
        check(p >= 0 && p <= 1, "RandomHorizontalFlip: p must be in [0, 1], got \(p)")
        self.p = p
    }

    /// Draws one uniform number per image and flips those below `p`.
    public func augment(_ batch: Tensor, generator: RandomGenerator) -> Tensor {
        let selected = (0..<batch.shape[0]).map { _ in generator.nextUniform() < p }
        return flipImages(batch, selected: selected, horizontal: true)
    }
}

/// Flips each image upside down with probability `p`.
///
/// d2l: `torchvision.transforms.RandomVerticalFlip()` (§13.1.1.1). Less common than the
/// horizontal flip: few photos are taken upside down.
public struct RandomVerticalFlip: ImageAugmentation {
    /// The probability that an image is flipped.
    public let p: Float

    /// Flips with probability `p` (PyTorch's default 0.5).
    public init(p: Float = 0.5) {
        check(p >= 0 && p <= 1, "RandomVerticalFlip: p must be in [0, 1], got \(p)")
        self.p = p
    }

    /// Draws one uniform number per image and flips those below `p`.
    public func augment(_ batch: Tensor, generator: RandomGenerator) -> Tensor {
        let selected = (0..<batch.shape[0]).map { _ in generator.nextUniform() < p }
        return flipImages(batch, selected: selected, horizontal: false)
    }
}

/// Several augmentations applied one after another.
///
/// d2l: `torchvision.transforms.Compose([...])` (§13.1.1.3 combines a flip, `color_aug` and
/// `shape_aug`).
public struct Compose: ImageAugmentation {
    /// The augmentations, in the order they are applied.
    public let transforms: [any ImageAugmentation]

    /// Applies `transforms` in order.
    public init(_ transforms: [any ImageAugmentation]) {
        self.transforms = transforms
    }

    /// Runs the batch through each augmentation in turn.
    public func augment(_ batch: Tensor, generator: RandomGenerator) -> Tensor {
        transforms.reduce(batch) { images, transform in transform.augment(images, generator: generator) }
    }
}
