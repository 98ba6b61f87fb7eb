/// Anchor boxes centred on every pixel of `data`'s last two axes: for each pixel, one box per
/// size with the first ratio, then one per further ratio with the first size (`n + m − 1` boxes),
/// in corner form with coordinates divided by the width and height.
///
/// d2l: `multibox_prior(data, sizes, ratios)` (§13.4). A box of size `s` and ratio `r` on an
/// `h × w` input is `s·√r · h/w` wide and `s/√r` high (both as fractions of the image's sides),
/// so ratio 1 gives a square in pixels. Only the shape of `data` is read.
/// - Returns: `[1, h · w · (n + m − 1), 4]`, pixels in row-major order, each pixel's boxes together.
public func multiboxPrior(_ data: Tensor, sizes: [Float], ratios: [Float]) -> Tensor {
    check(data.ndim >= 2, "multiboxPrior: data must have height and width as its last two axes, got shape \(data.shape)")
    check(!sizes.isEmpty && !ratios.isEmpty,
          "multiboxPrior: needs at least one size and one ratio, got sizes \(sizes) and ratios \(ratios)")
    check(sizes.allSatisfy { $0 > 0 } && ratios.allSatisfy { $0 > 0 },
          "multiboxPrior: sizes and ratios must be positive, got sizes \(sizes) and ratios \(ratios)")
    let (h, w) = (data.shape[data.ndim - 2], data.shape[data.ndim - 1])
    // Half widths and heights of the boxes of one pixel: (s_i, r_1) for every size, then (s_1, r_j).
    let pairs = sizes.map { ($0, ratios[0]) } + ratios.dropFirst().map { (sizes[0], $0) }
    let halfW = pairs.map { s, r in s * r.squareRoot() * Float(h) / Float(w) / 2 }
    let halfH = pairs.map { s, r in s / r.squareRoot() / 2 }
    let perPixel = pairs.count
    let out = Tensor(uninitializedShape: [1, h * w * perPixel, 4])
    let dst = out.storage.pointer
    let stepH = 1 / Float(h), stepW = 1 / Float(w)
    // One row of pixels per work item: rows are independent and together write the whole output.
    Kernels.parallelRanges(h, workPerItem: w * perPixel * 4) { start, end in
        for i in start..<end {
            let cy = (Float(i) + 0.5) * stepH
            for j in 0..<w {
                let cx = (Float(j) + 0.5) * stepW
                var p = dst + ((i * w + j) * perPixel) * 4
                for k in 0..<perPixel {
                    p[0] = cx - halfW[k]; p[1] = cy - halfH[k]; p[2] = cx + halfW[k]; p[3] = cy + halfH[k]
                    p += 4
                }
            }
        }
    }
    return out
}
