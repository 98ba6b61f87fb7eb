/// Resizes a batch of images [n, c, h, w] to [n, c, size, size] by bilinear interpolation.
///
/// d2l: `transforms.Resize(resize)` in `load_data_fashion_mnist` (§3.5; chapter 7 enlarges
/// Fashion-MNIST to 224 or 96 pixels). Pixel centres are aligned as in PyTorch's
/// `align_corners=False`: output pixel i samples input position (i + 0.5)·h/size − 0.5, clamped
/// to the image.
public func resizeBilinear(_ images: Tensor, to size: Int) -> Tensor {
    check(images.ndim == 4, "resizeBilinear: expects [n, c, h, w] images, got shape \(images.shape)")
    check(size > 0, "resizeBilinear: size must be positive, got \(size)")
    let (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
    if h == size && w == size { return images }
    let source = images.detach().contiguous()
    let out = Tensor(uninitializedShape: [n, c, size, size])
    // For each output row/column: the two input lines it falls between and the weight of the second.
    func taps(_ inLength: Int) -> [(Int, Int, Float)] {
        let scale = Float(inLength) / Float(size)
        return (0..<size).map { i in
            let x = Swift.min(Swift.max((Float(i) + 0.5) * scale - 0.5, 0), Float(inLength - 1))
            let lo = Int(x)
            return (lo, Swift.min(lo + 1, inLength - 1), x - Float(lo))
        }
    }
    let rows = taps(h), cols = taps(w)
    let src = source.base, dst = out.storage.pointer
    Kernels.parallelRanges(n * c, workPerItem: size * size) { start, end in
        for plane in start..<end {
            let p = src + plane * h * w, q = dst + plane * size * size
            for (i, (r0, r1, fy)) in rows.enumerated() {
                for (j, (c0, c1, fx)) in cols.enumerated() {
                    let top = p[r0 * w + c0] * (1 - fx) + p[r0 * w + c1] * fx
                    let bottom = p[r1 * w + c0] * (1 - fx) + p[r1 * w + c1] * fx
                    q[i * size + j] = top * (1 - fy) + bottom * fy
                }
            }
        }
    }
    return out
}
