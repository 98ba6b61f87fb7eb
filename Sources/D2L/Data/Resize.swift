/// Resizes a batch of images [n, c, h, w] to [n, c, size, size] by bilinear interpolation.
///
/// d2l: `transforms.Resize(resize)` in `load_data_fashion_mnist` (§3.5; chapter 7 enlarges
/// Fashion-MNIST to 224 or 96 pixels). Pixel centres are aligned as in PyTorch's
/// `align_corners=False`: output pixel i samples input position (i + 0.5)·h/size − 0.5, clamped
/// to the image.
public func resizeBilinear(_ images: Tensor, to size: Int) -> Tensor {
    check(images.ndim == 4, "resizeBilinear: expects [n, c, h, w] images, got shape \(images.shape)")
    return resizeBilinear(images, height: size, width: size)
}

/// Resizes images [n, c, h, w] (or one image [c, h, w]) to `height × width` by bilinear
/// interpolation, with pixel centres aligned as in PyTorch's `align_corners=False`.
///
/// d2l: `torchvision.transforms.Resize((height, width))` (§13.1, §13.2) and the resize step of
/// `RandomResizedCrop`. Unlike torchvision on PIL images it does not low-pass filter before
/// shrinking (`antialias=False`), which only matters for reductions of more than about 2×.
public func resizeBilinear(_ images: Tensor, height size0: Int, width size1: Int) -> Tensor {
    check(images.ndim == 4 || images.ndim == 3,
          "resizeBilinear: expects [n, c, h, w] or [c, h, w] images, got shape \(images.shape)")
    check(size0 > 0 && size1 > 0, "resizeBilinear: size must be positive, got \(size0)×\(size1)")
    let (h, w) = (images.shape[images.ndim - 2], images.shape[images.ndim - 1])
    if h == size0 && w == size1 { return images }
    let planes = images.shape.dropLast(2).reduce(1, *)
    let source = images.detach().contiguous()
    let out = Tensor(uninitializedShape: Array(images.shape.dropLast(2)) + [size0, size1])
    // For each output row/column: the two input lines it falls between and the weight of the second.
    func taps(_ inLength: Int, _ size: Int) -> [(Int, Int, Float)] {
        let scale = Float(inLength) / Float(size)
        return (0..<size).map { i in
            let x = Swift.min(Swift.max((Float(i) + 0.5) * scale - 0.5, 0), Float(inLength - 1))
            let lo = Int(x)
            return (lo, Swift.min(lo + 1, inLength - 1), x - Float(lo))
        }
    }
    let rows = taps(h, size0), cols = taps(w, size1)
    let src = source.base, dst = out.storage.pointer
    Kernels.parallelRanges(planes, workPerItem: size0 * size1) { start, end in
        for plane in start..<end {
            let p = src + plane * h * w, q = dst + plane * size0 * size1
            for (i, (r0, r1, fy)) in rows.enumerated() {
                for (j, (c0, c1, fx)) in cols.enumerated() {
                    let top = p[r0 * w + c0] * (1 - fx) + p[r0 * w + c1] * fx
                    let bottom = p[r1 * w + c0] * (1 - fx) + p[r1 * w + c1] * fx
                    q[i * size1 + j] = top * (1 - fy) + bottom * fy
                }
            }
        }
    }
    return out
}
