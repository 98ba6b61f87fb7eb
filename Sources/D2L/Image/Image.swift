/// An 8-bit image laid out `[H, W, C]`: `height` rows of `width` pixels of `channels` bytes
/// (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA), as a photo is stored and decoded.
///
/// d2l: what `d2l.Image.open('../img/cat1.jpg')` gives the book (a PIL image, §13.1), and
/// `torchvision.io.read_image`'s `uint8` tensor. The core's `Tensor` stores `Float`s, so the
/// bytes are kept here, a quarter of the memory, until `toTensor()` turns them into the `[C, H, W]`
/// floats in [0, 1] that the nets and the augmentations take.
public struct Image: Equatable, Sendable {
    /// The pixel bytes, row by row, each pixel's channels side by side.
    public var pixels: [UInt8]
    /// Number of rows.
    public let height: Int
    /// Number of pixels in a row.
    public let width: Int
    /// Bytes per pixel.
    public let channels: Int

    /// An image over `pixels`, which must hold exactly `height · width · channels` bytes.
    public init(pixels: [UInt8], height: Int, width: Int, channels: Int) {
        check(height > 0 && width > 0 && (1...4).contains(channels),
              "Image: needs a positive height and width and 1 to 4 channels, got [\(height), \(width), \(channels)]")
        check(pixels.count == height * width * channels,
              "Image: \(pixels.count) bytes for an image of shape [\(height), \(width), \(channels)]")
        self.pixels = pixels
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// `[height, width, channels]`, the layout of `np.asarray(img)` for a PIL image.
    public var shape: [Int] { [height, width, channels] }

    /// The byte of channel `channel` of the pixel at `row`, `column`.
    public subscript(row: Int, column: Int, channel: Int) -> UInt8 {
        get {
            check(row >= 0 && row < height && column >= 0 && column < width && channel >= 0 && channel < channels,
                  "Image: pixel [\(row), \(column), \(channel)] is outside shape \(shape)")
            return pixels[(row * width + column) * channels + channel]
        }
        set {
            check(row >= 0 && row < height && column >= 0 && column < width && channel >= 0 && channel < channels,
                  "Image: pixel [\(row), \(column), \(channel)] is outside shape \(shape)")
            pixels[(row * width + column) * channels + channel] = newValue
        }
    }

    /// The bytes as an `int64` tensor of shape `[H, W, C]` holding 0…255.
    ///
    /// d2l: `torch.tensor(np.asarray(img))`; the values are exact integers, as `uint8` would be.
    public func tensor() -> Tensor {
        let out = Tensor(uninitializedShape: shape, dtype: .int64)
        let dst = out.storage.pointer
        pixels.withUnsafeBufferPointer { src in
            for k in 0..<src.count { dst[k] = Float(src[k]) }
        }
        return out
    }

    /// The image as `[C, H, W]` floats in [0, 1]: each byte divided by 255, channels first.
    ///
    /// d2l: `torchvision.transforms.ToTensor()` (§13.1, §13.2).
    public func toTensor() -> Tensor {
        let out = Tensor(uninitializedShape: [channels, height, width])
        let dst = out.storage.pointer, plane = height * width, c = channels
        pixels.withUnsafeBufferPointer { src in
            for p in 0..<plane {
                for k in 0..<c { dst[k * plane + p] = Float(src[p * c + k]) * (1 / 255) }
            }
        }
        return out
    }

    /// An image from `[C, H, W]` floats in [0, 1] (clamped, then rounded to the nearest byte).
    ///
    /// d2l: `torchvision.transforms.ToPILImage()`, what `show_images` does to a tensor before
    /// drawing it (§13.1).
    public init(_ tensor: Tensor) {
        check(tensor.ndim == 3 && (1...4).contains(tensor.shape[0]),
              "Image(tensor): expects [C, H, W] with 1 to 4 channels, got shape \(tensor.shape)")
        let (c, h, w) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
        let source = tensor.detach().contiguous()
        let src = source.base, plane = h * w
        var bytes = [UInt8](repeating: 0, count: c * plane)
        bytes.withUnsafeMutableBufferPointer { dst in
            for p in 0..<plane {
                for k in 0..<c {
                    let v = src[k * plane + p]
                    // NaN compares false both ways and ends at 0.
                    let clamped = v > 1 ? 1 : (v >= 0 ? v : 0)
                    dst[p * c + k] = UInt8((clamped * 255).rounded())
                }
            }
        }
        self.init(pixels: bytes, height: h, width: w, channels: c)
    }

    /// The `height × width` part of the image whose top-left pixel is at `top`, `left`.
    ///
    /// d2l: `torchvision.transforms.functional.crop(img, top, left, height, width)`, here only
    /// for boxes inside the image.
    public func crop(top: Int, left: Int, height: Int, width: Int) -> Image {
        check(top >= 0 && left >= 0 && height > 0 && width > 0 && top + height <= self.height && left + width <= self.width,
              "Image.crop: box top \(top), left \(left), height \(height), width \(width) is not inside "
              + "an image of shape \(shape)")
        var bytes = [UInt8]()
        bytes.reserveCapacity(height * width * channels)
        let rowBytes = width * channels
        for r in top..<(top + height) {
            let start = (r * self.width + left) * channels
            bytes += pixels[start..<(start + rowBytes)]
        }
        return Image(pixels: bytes, height: height, width: width, channels: channels)
    }

    /// The image resized to `height × width` by bilinear interpolation.
    ///
    /// d2l: `torchvision.transforms.Resize((height, width))` on an image; see `resizeBilinear`.
    public func resized(height: Int, width: Int) -> Image {
        Image(resizeBilinear(toTensor(), height: height, width: width))
    }
}
