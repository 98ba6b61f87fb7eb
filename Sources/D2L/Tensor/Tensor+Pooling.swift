// Pooling over raw buffers (§6.5): each output pixel is the maximum or mean of a window of its
// channel. Max pooling remembers where each maximum came from, so the backward pass sends the
// gradient straight there.

extension Tensor {
    /// The largest value in each `kernel` window, moved by `stride`, over a border of `padding`
    /// (padding never wins), as `nn.MaxPool2d` / `F.max_pool2d` (§6.5).
    ///
    /// On ties the first position in the window wins and receives the gradient. A window holding
    /// a NaN gives NaN, as in PyTorch, and its gradient goes to that NaN (the first one, where
    /// PyTorch's CPU kernel takes the last; the output is NaN either way).
    public static func maxPool2d(_ x: Tensor, kernel: (Int, Int), stride: (Int, Int)? = nil,
                                 padding: (Int, Int) = (0, 0)) -> Tensor {
        let g = ConvGeometry(input: x.shape, kernel: kernel, stride: stride ?? kernel, padding: padding, operation: "maxPool2d")
        check(padding.0 * 2 <= kernel.0 && padding.1 * 2 <= kernel.1,
              "maxPool2d: padding \(padding) should be at most half the kernel \(kernel)")
        // Padding never wins, so each window is its rows and columns clipped to the image.
        let rows = (0..<g.oh).map { i in (Swift.max(0, i * g.sh - g.ph), Swift.min(g.h, i * g.sh - g.ph + g.kh)) }
        let columns = (0..<g.ow).map { j in (Swift.max(0, j * g.sw - g.pw), Swift.min(g.w, j * g.sw - g.pw + g.kw)) }
        return windowMax(x, g, rows: rows, columns: columns, name: "MaxPool2DWithIndicesBackward0")
    }

    /// The largest value of each channel over an `outputSize` grid of nearly equal regions,
    /// whatever the input size, as `nn.AdaptiveMaxPool2d` (TinySSD's last block, §13.7, uses it
    /// with output 1×1: the maximum of each whole channel).
    ///
    /// Regions are split as in `adaptiveAvgPool2d`; ties and NaNs behave as in `maxPool2d`.
    public static func adaptiveMaxPool2d(_ x: Tensor, outputSize: (Int, Int)) -> Tensor {
        check(x.ndim == 4, "adaptiveMaxPool2d: expects [N, C, H, W], got shape \(x.shape)")
        let (h, w) = (x.shape[2], x.shape[3]), (oh, ow) = outputSize
        check(oh >= 1 && ow >= 1 && h >= 1 && w >= 1,
              "adaptiveMaxPool2d: output size \(outputSize) and input plane \(h)×\(w) must be at least 1×1")
        let region = ConvGeometry.adaptiveRegions(h: h, w: w, oh: oh, ow: ow)
        let g = ConvGeometry(n: x.shape[0], c: x.shape[1], h: h, w: w, oh: oh, ow: ow)
        return windowMax(x, g, rows: region.rows, columns: region.columns, name: "AdaptiveMaxPool2DBackward0")
    }

    /// Shared body of the max poolings: output (i, j) of each plane is the largest value over
    /// rows `rows[i]` and columns `columns[j]` (half-open, inside the image). Remembers where
    /// each maximum came from, so the backward pass adds the gradient straight there.
    private static func windowMax(_ x: Tensor, _ g: ConvGeometry, rows: [(Int, Int)], columns: [(Int, Int)],
                                  name: String) -> Tensor {
        let input = x.detach().contiguous()
        let planes = g.n * g.c
        let out = Tensor(uninitializedShape: [g.n, g.c, g.oh, g.ow], dtype: x.dtype)
        var winners = [Int32](repeating: -1, count: planes * g.oh * g.ow)
        let src = input.base, dst = out.storage.pointer
        let windowHeight = rows.map { $0.1 - $0.0 }.max() ?? 0, windowWidth = columns.map { $0.1 - $0.0 }.max() ?? 0
        winners.withUnsafeMutableBufferPointer { best in
            let bestBase = best.baseAddress!
            Kernels.parallelRanges(planes, workPerItem: g.oh * g.ow * windowHeight * windowWidth) { start, end in
                // Wrapping index arithmetic (no overflow checks) in the loops that run per pixel.
                let width = g.w
                var o = start &* g.oh &* g.ow
                for plane in start..<end {
                    let p = src + plane &* g.h &* width
                    for (r0, r1) in rows {
                        for (c0, c1) in columns {
                            // The window's first pixel is the first candidate and a later one
                            // wins only when strictly larger, so on ties the first stays. The
                            // scan is branch-free (a select, not a jump per pixel, since which
                            // pixel wins is random); a NaN never wins it but is noted, and the
                            // window is then scanned again for its first NaN, which PyTorch
                            // propagates.
                            var index = r0 &* width &+ c0, value = p[index], sawNaN = false
                            for y in r0..<r1 {
                                let row = y &* width
                                for xx in c0..<c1 {
                                    let v = p[row &+ xx], larger = v > value
                                    value = larger ? v : value
                                    index = larger ? row &+ xx : index
                                    sawNaN = sawNaN || v != v
                                }
                            }
                            if sawNaN {
                                nan: for y in r0..<r1 {
                                    for xx in c0..<c1 where p[y &* width &+ xx].isNaN {
                                        index = y &* width &+ xx
                                        value = p[index]
                                        break nan
                                    }
                                }
                            }
                            dst[o] = value
                            bestBase[o] = Int32(truncatingIfNeeded: index)
                            o &+= 1
                        }
                    }
                }
            }
        }
        let picked = winners
        return record(out, name, inputs: [x], saves: []) { grad in
            let dy = grad.contiguous()
            let dx = Tensor.zeros(x.shape)
            let d = dx.storage.pointer, gy = dy.base
            // Each plane is one work item, so overlapping adaptive regions add into it in turn.
            Kernels.parallelRanges(planes, workPerItem: g.oh * g.ow) { start, end in
                for plane in start..<end {
                    for k in 0..<(g.oh * g.ow) {
                        let o = plane * g.oh * g.ow + k
                        d[plane * g.h * g.w + Int(picked[o])] += gy[o]
                    }
                }
            }
            return [dx]
        }
    }

    /// The mean of each `kernel` window, as `nn.AvgPool2d` (§6.5). Padding counts as zeros in
    /// the mean (PyTorch's default `count_include_pad=True`).
    public static func avgPool2d(_ x: Tensor, kernel: (Int, Int), stride: (Int, Int)? = nil,
                                 padding: (Int, Int) = (0, 0)) -> Tensor {
        let g = ConvGeometry(input: x.shape, kernel: kernel, stride: stride ?? kernel, padding: padding, operation: "avgPool2d")
        let rows = (0..<g.oh).map { i in (i * g.sh - g.ph, i * g.sh - g.ph + g.kh) }
        let columns = (0..<g.ow).map { j in (j * g.sw - g.pw, j * g.sw - g.pw + g.kw) }
        let divisors = [Float](repeating: Float(g.kh * g.kw), count: g.oh * g.ow)
        return windowMean(x, g, rows: rows, columns: columns, divisors: divisors, name: "AvgPool2DBackward0")
    }

    /// Averages each channel over an `outputSize` grid of nearly equal regions, whatever the
    /// input size, as `nn.AdaptiveAvgPool2d` (§7.3 NiN uses it with output 1×1).
    public static func adaptiveAvgPool2d(_ x: Tensor, outputSize: (Int, Int)) -> Tensor {
        check(x.ndim == 4, "adaptiveAvgPool2d: expects [N, C, H, W], got shape \(x.shape)")
        let (h, w) = (x.shape[2], x.shape[3])
        let (oh, ow) = outputSize
        let g = ConvGeometry(input: x.shape, kernel: (1, 1), stride: (1, 1), padding: (0, 0), operation: "adaptiveAvgPool2d")
        let region = ConvGeometry.adaptiveRegions(h: h, w: w, oh: oh, ow: ow)
        let shaped = ConvGeometry(n: g.n, c: g.c, h: h, w: w, oh: oh, ow: ow)
        var divisors: [Float] = []
        for (r0, r1) in region.rows { for (c0, c1) in region.columns { divisors.append(Float((r1 - r0) * (c1 - c0))) } }
        return windowMean(x, shaped, rows: region.rows, columns: region.columns, divisors: divisors,
                          name: "AdaptiveAvgPool2DBackward0")
    }

    /// Shared body of the average poolings: output (i, j) is the sum over rows `rows[i]` and
    /// columns `columns[j]` (clipped to the image) divided by `divisors[i·ow + j]`.
    private static func windowMean(_ x: Tensor, _ g: ConvGeometry, rows: [(Int, Int)], columns: [(Int, Int)],
                                   divisors: [Float], name: String) -> Tensor {
        let windows = PoolingWindows(g, rows: rows, columns: columns, divisors: divisors)
        let input = x.detach().contiguous()
        let planes = g.n * g.c
        let out = Tensor(uninitializedShape: [g.n, g.c, g.oh, g.ow])
        let src = input.base, dst = out.storage.pointer
        Kernels.parallelRanges(planes, workPerItem: g.oh * g.ow * 4) { start, end in
            for plane in start..<end {
                windows.average(src + plane &* (g.h &* g.w), into: dst + plane &* windows.outputSize)
            }
        }
        return record(out, name, inputs: [x], saves: []) { grad in
            let dy = grad.contiguous()
            let dx = Tensor(uninitializedShape: x.shape)
            let d = dx.storage.pointer, gy = dy.base
            Kernels.parallelRanges(planes, workPerItem: g.oh * g.ow * 4) { start, end in
                for plane in start..<end {
                    windows.spread(gy + plane &* windows.outputSize, into: d + plane &* (g.h &* g.w))
                }
            }
            return [dx]
        }
    }
}

/// The windows of an average pooling, clipped to the image, as flat tables that the loops over
/// every channel of every image read without bounds checks.
private final class PoolingWindows {
    let width: Int, imageSize: Int, outputHeight: Int, outputWidth: Int
    /// Rows r0..<r1 of output row i are rowBounds[2i], rowBounds[2i+1]; the same for columns.
    let rowBounds: UnsafeMutablePointer<Int>, columnBounds: UnsafeMutablePointer<Int>
    /// 1 / (number of values counted in the mean) for each output pixel.
    let scale: UnsafeMutablePointer<Float>
    /// Set when the windows tile the image without overlap or padding, each `tile.0 × tile.1`
    /// (as `AvgPool2d(2)` on an even image): then the loops below run along whole rows.
    let tile: (Int, Int)?

    var outputSize: Int { outputHeight * outputWidth }

    init(_ g: ConvGeometry, rows: [(Int, Int)], columns: [(Int, Int)], divisors: [Float]) {
        (width, imageSize, outputHeight, outputWidth) = (g.w, g.h * g.w, g.oh, g.ow)
        rowBounds = .allocate(capacity: 2 * g.oh)
        columnBounds = .allocate(capacity: 2 * g.ow)
        scale = .allocate(capacity: g.oh * g.ow)
        for (i, (r0, r1)) in rows.enumerated() { (rowBounds[2 * i], rowBounds[2 * i + 1]) = (Swift.max(r0, 0), Swift.min(r1, g.h)) }
        for (j, (c0, c1)) in columns.enumerated() { (columnBounds[2 * j], columnBounds[2 * j + 1]) = (Swift.max(c0, 0), Swift.min(c1, g.w)) }
        for (k, divisor) in divisors.enumerated() { scale[k] = 1 / divisor }
        let th = rows.first.map { $0.1 - $0.0 } ?? 0, tw = columns.first.map { $0.1 - $0.0 } ?? 0
        let tiled = th > 0 && tw > 0
            && rows.enumerated().allSatisfy { $0.element == ($0.offset * th, ($0.offset + 1) * th) }
            && columns.enumerated().allSatisfy { $0.element == ($0.offset * tw, ($0.offset + 1) * tw) }
            && (rows.last?.1 ?? 0) <= g.h && (columns.last?.1 ?? 0) <= g.w
        tile = tiled ? (th, tw) : nil
    }

    deinit {
        rowBounds.deallocate()
        columnBounds.deallocate()
        scale.deallocate()
    }

    /// The means of one channel of one image (`image` holds H·W floats) into `out` (oh·ow).
    func average(_ image: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if let (th, tw) = tile {
            // Add the tile's rows first (a loop along the row that vectorises), then each
            // group of tw neighbours.
            let span = outputWidth &* tw, share = scale[0]
            withUnsafeTemporaryAllocation(of: Float.self, capacity: span) { sums in
                let sums = sums.baseAddress!
                for i in 0..<outputHeight {
                    let top = image + i &* th &* width
                    for x in 0..<span { sums[x] = top[x] }
                    for a in 1..<th {
                        let line = top + a &* width
                        for x in 0..<span { sums[x] += line[x] }
                    }
                    let row = out + i &* outputWidth
                    for j in 0..<outputWidth {
                        var total: Float = 0
                        for b in 0..<tw { total += sums[j &* tw &+ b] }
                        row[j] = total * share
                    }
                }
            }
            return
        }
        for i in 0..<outputHeight {
            let r0 = rowBounds[2 &* i], r1 = rowBounds[2 &* i &+ 1]
            for j in 0..<outputWidth {
                let c0 = columnBounds[2 &* j], c1 = columnBounds[2 &* j &+ 1]
                var total: Float = 0
                for y in r0..<r1 {
                    let line = image + y &* width
                    for x in c0..<c1 { total += line[x] }
                }
                let k = i &* outputWidth &+ j
                out[k] = total * scale[k]
            }
        }
    }

    /// The backward of `average`: writes into `image` the gradient of one channel, each output
    /// gradient shared equally by the pixels its window counted.
    func spread(_ grad: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>) {
        image.update(repeating: 0, count: imageSize)
        if let (th, tw) = tile {
            // Fill the first row of each band of tiles, then copy it to the band's other rows.
            let span = outputWidth &* tw, share = scale[0]
            for i in 0..<outputHeight {
                let top = image + i &* th &* width, row = grad + i &* outputWidth
                for j in 0..<outputWidth {
                    let value = row[j] * share
                    for b in 0..<tw { top[j &* tw &+ b] = value }
                }
                for a in 1..<th { (top + a &* width).update(from: top, count: span) }
            }
            return
        }
        for i in 0..<outputHeight {
            let r0 = rowBounds[2 &* i], r1 = rowBounds[2 &* i &+ 1]
            for j in 0..<outputWidth {
                let c0 = columnBounds[2 &* j], c1 = columnBounds[2 &* j &+ 1]
                let k = i &* outputWidth &+ j
                let share = grad[k] * scale[k]
                for y in r0..<r1 {
                    let line = image + y &* width
                    for x in c0..<c1 { line[x] += share }
                }
            }
        }
    }
}

extension ConvGeometry {
    /// Explicit row and column ranges of each output pixel (adaptive pooling).
    struct Regions {
        let rows: [(Int, Int)]
        let columns: [(Int, Int)]
    }

    /// The regions of adaptive pooling: region i spans [⌊i·h/oh⌋, ⌈(i+1)·h/oh⌉), as PyTorch
    /// divides it, and likewise for columns.
    static func adaptiveRegions(h: Int, w: Int, oh: Int, ow: Int) -> Regions {
        Regions(rows: (0..<oh).map { ($0 * h / oh, (($0 + 1) * h + oh - 1) / oh) },
                columns: (0..<ow).map { ($0 * w / ow, (($0 + 1) * w + ow - 1) / ow) })
    }

    /// A geometry with a given output grid, for operations whose windows are not strided kernels.
    init(n: Int, c: Int, h: Int, w: Int, oh: Int, ow: Int) {
        (self.n, self.c, self.h, self.w) = (n, c, h, w)
        (kh, kw, sh, sw, ph, pw) = (1, 1, 1, 1, 0, 0)
        (self.oh, self.ow) = (oh, ow)
    }
}
