/// Images kept as the bytes they were stored in (one per pixel, 0–255) and turned into `Float`
/// tensors in [0, 1] a batch at a time.
///
/// d2l: what `transforms.ToTensor()` (and `transforms.Resize`) do per example in the book's
/// data loaders (§3.5). Keeping bytes makes Fashion-MNIST's 60 000 images take 47 MB instead of
/// 188 MB as floats, and resizing per batch means chapter 7's 224-pixel images never all exist
/// at once.
public struct ByteImages {
    /// The pixels, image after image, row by row.
    public let pixels: [UInt8]
    /// Number of images.
    public let count: Int
    /// Channels, height and width of each stored image.
    public let channels: Int, height: Int, width: Int
    /// When set, each batch is resized to `resize`×`resize` by bilinear interpolation.
    public let resize: Int?
    /// When set, each batch is normalised per channel after the resize, as `normalize` does: the
    /// book's `transforms.Normalize(mean, std)` after `ToTensor()` (§13.2 uses ImageNet's values).
    public let normalization: (mean: [Float], std: [Float])?

    /// Images of the given size; `pixels` must hold exactly `count · channels · height · width` bytes.
    public init(pixels: [UInt8], count: Int, channels: Int = 1, height: Int, width: Int, resize: Int? = nil,
                normalization: (mean: [Float], std: [Float])? = nil) {
        check(pixels.count == count * channels * height * width,
              "ByteImages: \(pixels.count) bytes for \(count) images of \(channels)×\(height)×\(width)")
        if let normalization {
            check(normalization.mean.count == channels && normalization.std.count == channels
                  && normalization.std.allSatisfy { $0 > 0 },
                  "ByteImages: normalisation needs \(channels) means and \(channels) positive standard deviations, "
                  + "got \(normalization.mean) and \(normalization.std)")
        }
        self.normalization = normalization
        self.pixels = pixels
        self.count = count
        self.channels = channels
        self.height = height
        self.width = width
        self.resize = resize
    }

    /// The images at positions `rows`, as a [n, channels, size, size] tensor in [0, 1] (or
    /// normalised, with `normalization`).
    public func batch<Rows: Collection>(_ rows: Rows) -> Tensor where Rows.Element == Int {
        let size = channels * height * width
        let out = Tensor(uninitializedShape: [rows.count, channels, height, width])
        let dst = out.storage.pointer
        let indices = Array(rows)
        for r in indices {
            check(r >= 0 && r < count, "ByteImages: image \(r) is out of range for \(count) images")
        }
        // Each image sits at a random place in a large array, so the time goes in waiting for
        // memory more than in arithmetic. Four images are converted side by side, so their cache
        // misses overlap instead of coming one after another, and both cores share the batch.
        pixels.withUnsafeBufferPointer { src in
            let bytes = src.baseAddress!
            indices.withUnsafeBufferPointer { order in
                Kernels.parallelRanges(order.count, workPerItem: size) { start, end in
                    var i = start
                    while i + 4 <= end {
                        let f0 = bytes + order[i] * size, f1 = bytes + order[i + 1] * size
                        let f2 = bytes + order[i + 2] * size, f3 = bytes + order[i + 3] * size
                        let t0 = dst + i * size, t1 = t0 + size, t2 = t1 + size, t3 = t2 + size
                        for k in 0..<size {
                            t0[k] = Float(f0[k]) * (1 / 255)
                            t1[k] = Float(f1[k]) * (1 / 255)
                            t2[k] = Float(f2[k]) * (1 / 255)
                            t3[k] = Float(f3[k]) * (1 / 255)
                        }
                        i += 4
                    }
                    for j in i..<end {
                        let from = bytes + order[j] * size, to = dst + j * size
                        for k in 0..<size { to[k] = Float(from[k]) * (1 / 255) }
                    }
                }
            }
        }
        let sized = resize.map { resizeBilinear(out, to: $0) } ?? out
        return normalization.map { normalize(sized, mean: $0.mean, std: $0.std) } ?? sized
    }
}
