// Image tensors [C, H, W] and batches [N, C, H, W]: cropping, normalising per channel, and laying
// several out in one picture (§13.1–13.2).

/// The `height × width` box of each image whose top-left pixel is at `top`, `left`, as a new
/// contiguous tensor; works on `[C, H, W]` and `[N, C, H, W]` (any leading axes).
///
/// d2l: `torchvision.transforms.functional.crop(img, top, left, height, width)` (§13.1's
/// `RandomResizedCrop` crops, then resizes). The box must lie inside the image.
public func crop(_ images: Tensor, top: Int, left: Int, height: Int, width: Int) -> Tensor {
    check(images.ndim >= 2, "crop: expects [..., H, W] images, got shape \(images.shape)")
    let (h, w) = (images.shape[images.ndim - 2], images.shape[images.ndim - 1])
    check(top >= 0 && left >= 0 && height > 0 && width > 0 && top + height <= h && left + width <= w,
          "crop: box top \(top), left \(left), height \(height), width \(width) is not inside images of shape \(images.shape)")
    let planes = images.shape.dropLast(2).reduce(1, *)
    let source = images.detach().contiguous()
    let out = Tensor(uninitializedShape: Array(images.shape.dropLast(2)) + [height, width])
    let src = source.base, dst = out.storage.pointer
    for plane in 0..<planes {
        for r in 0..<height {
            (dst + (plane * height + r) * width).update(from: src + plane * h * w + (top + r) * w + left, count: width)
        }
    }
    return out
}

/// Subtracts `mean[c]` from channel `c` of every image and divides by `std[c]`.
///
/// d2l: `torchvision.transforms.Normalize(mean, std)` (§13.2 normalises with ImageNet's
/// `[0.485, 0.456, 0.406]` and `[0.229, 0.224, 0.225]`). Takes `[C, H, W]` or `[N, C, H, W]`.
public func normalize(_ images: Tensor, mean: [Float], std: [Float]) -> Tensor {
    check(images.ndim == 3 || images.ndim == 4, "normalize: expects [C, H, W] or [N, C, H, W], got shape \(images.shape)")
    let c = images.shape[images.ndim - 3]
    check(mean.count == c && std.count == c,
          "normalize: \(mean.count) means and \(std.count) standard deviations for \(c) channels (shape \(images.shape))")
    check(std.allSatisfy { $0 > 0 }, "normalize: standard deviations must be positive, got \(std)")
    let shape = [c, 1, 1]
    return (images - Tensor(shape: shape, values: mean)) / Tensor(shape: shape, values: std)
}

/// The images of a batch `[N, C, H, W]` (values in [0, 1]) laid out `numRows × numCols` on a
/// white background, `spacing` pixels apart, as one image.
///
/// d2l: what `show_images(imgs, num_rows, num_cols, scale)` draws for §13.1's augmentations,
/// here as one picture to write as a PNG file (`Image.writePNG`). Grey images stay grey; images
/// past `numRows · numCols` are left out, missing ones leave their cell white.
public func imageGrid(_ images: Tensor, numRows: Int, numCols: Int, spacing: Int = 4) -> Image {
    check(images.ndim == 4 && [1, 3].contains(images.shape[1]),
          "imageGrid: expects [N, 1, H, W] or [N, 3, H, W] images, got shape \(images.shape)")
    check(numRows > 0 && numCols > 0 && spacing >= 0,
          "imageGrid: needs positive numRows and numCols and spacing >= 0, got \(numRows), \(numCols), \(spacing)")
    let (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3])
    let gridHeight = numRows * h + (numRows + 1) * spacing, gridWidth = numCols * w + (numCols + 1) * spacing
    var grid = Image(pixels: [UInt8](repeating: 255, count: gridHeight * gridWidth * c),
                     height: gridHeight, width: gridWidth, channels: c)
    for i in 0..<Swift.min(n, numRows * numCols) {
        let cell = Image(images[i])
        let top = spacing + (i / numCols) * (h + spacing), left = spacing + (i % numCols) * (w + spacing)
        for r in 0..<h {
            let from = r * w * c, to = ((top + r) * gridWidth + left) * c
            grid.pixels.replaceSubrange(to..<(to + w * c), with: cell.pixels[from..<(from + w * c)])
        }
    }
    return grid
}
