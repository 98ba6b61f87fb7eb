// The geometry of a 2-d convolution or pooling window (§6.3) and the unrolling of image patches
// into columns (im2col) and back (col2im) that turns a convolution into a matrix product.

/// Output length of a convolution or pooling window along one axis: ⌊(n + 2p − k) / s⌋ + 1 (§6.3).
public func convOutputSize(_ n: Int, kernel k: Int, padding p: Int, stride s: Int) -> Int {
    (n + 2 * p - k) / s + 1
}

/// The geometry of one convolution, shared by the forward and backward passes.
struct ConvGeometry {
    var n: Int
    let c: Int, h: Int, w: Int               // input
    var kh: Int, kw: Int, ph: Int, pw: Int   // varied only by `keeping(_:)`
    let sh: Int, sw: Int
    let oh: Int, ow: Int                      // output

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), operation: String) {
        check(input.count == 4, "\(operation): expects input [N, C, H, W], got shape \(input)")
        (n, c, h, w) = (input[0], input[1], input[2], input[3])
        (kh, kw) = kernel
        (ph, pw) = padding
        (sh, sw) = stride
        check(sh > 0 && sw > 0 && ph >= 0 && pw >= 0, "\(operation): stride must be positive and padding non-negative")
        oh = convOutputSize(h, kernel: kh, padding: ph, stride: sh)
        ow = convOutputSize(w, kernel: kw, padding: pw, stride: sw)
        check(oh > 0 && ow > 0, "\(operation): kernel \(kh)×\(kw) with padding (\(ph), \(pw)) is larger than the input \(h)×\(w)")
    }

    /// Rows of the unrolled matrix: one per (channel, kernel row, kernel column).
    var patchSize: Int { c * kh * kw }
    /// Output pixels of one image (one channel).
    var plane: Int { oh * ow }
    /// Columns of the unrolled matrix: one per (image, output row, output column).
    var positions: Int { n * plane }
    /// Floats in one input image.
    var imageSize: Int { c * h * w }

    /// Height and width of an image with its zero border, and floats in one such image.
    var paddedHeight: Int { h + 2 * ph }
    var paddedWidth: Int { w + 2 * pw }
    var paddedSize: Int { c * paddedHeight * paddedWidth }

    /// Unrolls the `n` images at `x` ([n, C, H, W]) into `cols` [C·kh·kw, n·oh·ow]: row
    /// (channel, ki, kj), column (image, i, j) holds the padded input pixel
    /// (i·sh + ki, j·sw + kj). `border` is scratch for one padded image (`paddedSize` floats);
    /// copying each image into it first lets every row below be a plain strided copy with no
    /// test for the edges. Runs on the calling thread.
    func im2col(_ x: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>,
                border: UnsafeMutablePointer<Float>) {
        let hp = paddedHeight, wp = paddedWidth
        for img in 0..<n {
            let image = x + (img &* imageSize)
            let source: UnsafePointer<Float>
            if ph == 0 && pw == 0 {
                source = image
            } else {
                border.update(repeating: 0, count: paddedSize)
                for ch in 0..<c {
                    for y in 0..<h {
                        let from = image + ((ch &* h &+ y) &* w)
                        let to = border + ((ch &* hp &+ y &+ ph) &* wp &+ pw)
                        for j in 0..<w { to[j] = from[j] }
                    }
                }
                source = UnsafePointer(border)
            }
            // Rows in order (channel, ki, kj), walked without dividing: on the small planes of
            // a deep network a row is only a few floats, and three divisions cost more than it.
            var row = 0
            for ch in 0..<c {
                for ki in 0..<kh {
                    for kj in 0..<kw {
                        let corner = source + ((ch &* hp &+ ki) &* wp &+ kj)
                        let out = cols + (row &* positions &+ img &* plane)
                        row &+= 1
                        if plane == 1 { out[0] = corner[0]; continue }
                        for i in 0..<oh {
                            let src = corner + (i &* sh &* wp), line = out + (i &* ow)
                            if sw == 1 {
                                copyShortRow(src, line, ow)
                            } else {
                                for j in 0..<ow { line[j] = src[j &* sw] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The reverse of `im2col`: adds every column entry back onto the pixel it came from and
    /// writes the resulting gradient of the `n` images to `dx` ([n, C, H, W]), dropping the
    /// border. `border` is scratch for one padded image. Runs on the calling thread.
    func col2im(_ cols: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>,
                border: UnsafeMutablePointer<Float>) {
        let hp = paddedHeight, wp = paddedWidth
        for img in 0..<n {
            border.update(repeating: 0, count: paddedSize)
            var row = 0
            for ch in 0..<c {
                for ki in 0..<kh {
                    for kj in 0..<kw {
                        let corner = border + ((ch &* hp &+ ki) &* wp &+ kj)
                        let source = cols + (row &* positions &+ img &* plane)
                        row &+= 1
                        if plane == 1 { corner[0] += source[0]; continue }
                        for i in 0..<oh {
                            let pixels = corner + (i &* sh &* wp), line = source + (i &* ow)
                            if sw == 1 {
                                for j in 0..<ow { pixels[j] += line[j] }
                            } else {
                                for j in 0..<ow { pixels[j &* sw] += line[j] }
                            }
                        }
                    }
                }
            }
            let image = dx + (img &* imageSize)
            for ch in 0..<c {
                for y in 0..<h {
                    let from = border + ((ch &* hp &+ y &+ ph) &* wp &+ pw)
                    let to = image + ((ch &* h &+ y) &* w)
                    for j in 0..<w { to[j] = from[j] }
                }
            }
        }
    }

    /// The kernel rows and columns that reach a real pixel for at least one output position.
    /// On small images a padded kernel's outer taps may only ever see the zero border (a 3×3
    /// kernel with padding 1 on a 1×1 image uses its centre alone), and their rows of the
    /// unrolled matrix are all zeros: a product can leave them out.
    var liveTaps: (rows: Range<Int>, columns: Range<Int>) {
        // Tap k sees pixel i·s + k − p of output i: a real one for some i ∈ [0, out) unless
        // k < p − (out − 1)·s or k > size − 1 + p. The range between is kept whole.
        func live(_ size: Int, _ k: Int, _ p: Int, _ s: Int, _ out: Int) -> Range<Int> {
            let low = Swift.max(0, p - (out - 1) * s), high = Swift.min(k - 1, size - 1 + p)
            return low <= high ? low..<(high + 1) : 0..<k
        }
        return (live(h, kh, ph, sh, oh), live(w, kw, pw, sw, ow))
    }

    /// The same convolution with the kernel cut down to `taps`: the padding shrinks by the rows
    /// and columns cut from the top and left, and the output keeps its size.
    func keeping(_ taps: (rows: Range<Int>, columns: Range<Int>)) -> ConvGeometry {
        var g = self
        (g.kh, g.kw) = (taps.rows.count, taps.columns.count)
        (g.ph, g.pw) = (ph - taps.rows.lowerBound, pw - taps.columns.lowerBound)
        return g
    }

    /// The same convolution applied to `images` images: a group of the batch.
    func withImages(_ images: Int) -> ConvGeometry {
        var g = self
        g.n = images
        return g
    }

    /// Images multiplied together, and the number of such groups. A plane of `wideProduct`
    /// positions or more is a wide enough product alone (one image per group). Smaller planes
    /// are grouped up to about `wideProduct` columns, with a group's columns kept within
    /// 2²¹ floats (8 MiB); the groups are then evened out so every one of `cores` cores gets the
    /// same number of groups, of nearly equal size.
    func imageGroups(cores: Int) -> (perGroup: Int, groups: Int) {
        if n == 0 { return (1, 0) }
        let wideProduct = 1024
        if plane >= wideProduct / 2 { return (1, n) }
        let wanted = Swift.min((wideProduct + plane - 1) / plane, (1 << 21) / Swift.max(1, patchSize * plane))
        var groups = (n + Swift.max(1, wanted) - 1) / Swift.max(1, wanted)
        if n >= cores { groups = (groups + cores - 1) / cores * cores }
        let perGroup = (n + groups - 1) / groups
        return (perGroup, (n + perGroup - 1) / perGroup)
    }
}

/// Copies `count` floats; tuned for the short rows of `im2col` (often 10–30 floats), where a
/// call to memmove or a vectorised loop's set-up costs more than the copy. Moves 8 floats at a
/// time, and finishes with the 8 floats that end the row (re-writing a few, with equal values)
/// rather than a scalar tail.
@inline(__always)
func copyShortRow(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, _ count: Int) {
    if count < 8 {
        for j in 0..<count { target[j] = source[j] }
        return
    }
    let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
    var offset = 0
    while offset &+ 8 < count {
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset &* 4, as: SIMD8<Float>.self),
                      toByteOffset: offset &* 4, as: SIMD8<Float>.self)
        offset &+= 8
    }
    let last = (count &- 8) &* 4
    to.storeBytes(of: from.loadUnaligned(fromByteOffset: last, as: SIMD8<Float>.self),
                  toByteOffset: last, as: SIMD8<Float>.self)
}
