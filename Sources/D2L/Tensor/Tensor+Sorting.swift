// Sorting along an axis (§9.8 beam search keeps the top k, §13.4 non-maximum suppression sorts
// boxes by confidence): `sort`, `argsort` and `topk`. Sorting is stable, as
// `torch.sort(stable=True)`: equal values keep the order of their indices, in ascending and in
// descending order alike. NaN counts as larger than every number (+∞ included), as in PyTorch,
// so it comes last in ascending order and first in descending order. Values carry gradients to
// the positions they were taken from; indices are `int64`.

extension Tensor {
    /// The values along `axis` in order, and where each came from, as
    /// `torch.sort(x, dim=axis, descending=descending, stable=True)`.
    ///
    /// d2l: `torch.sort` (§13.4 NMS). Returns `values` (differentiable: each gradient goes back to
    /// the position the value was taken from) and `indices` (`int64`).
    public func sort(axis: Int = -1, descending: Bool = false) -> (values: Tensor, indices: Tensor) {
        let a = Shape.normalizeAxis(axis, ndim: ndim, operation: "sort")
        let indices = sortedPositions(axis: a, descending: descending, keep: shape[a])
        return (gather(dim: a, index: indices), indices)
    }

    /// The positions that sort `axis`, as `torch.argsort(x, dim=axis, descending=descending,
    /// stable=True)`: the `indices` of `sort`.
    public func argsort(axis: Int = -1, descending: Bool = false) -> Tensor {
        let a = Shape.normalizeAxis(axis, ndim: ndim, operation: "argsort")
        return sortedPositions(axis: a, descending: descending, keep: shape[a])
    }

    /// The `k` largest (or, with `largest: false`, smallest) values along `axis`, in order, and
    /// their positions, as `torch.topk(x, k, dim=axis, largest=largest)`.
    ///
    /// d2l: `torch.topk` (§9.8 beam search, §3.6 top-k accuracy). Ties are taken in index order.
    public func topk(_ k: Int, axis: Int = -1, largest: Bool = true) -> (values: Tensor, indices: Tensor) {
        let a = Shape.normalizeAxis(axis, ndim: ndim, operation: "topk")
        check(k >= 0 && k <= shape[a],
              "topk: k = \(k) is out of range for axis \(axis) of size \(shape[a]) (shape \(shape))")
        let indices = sortedPositions(axis: a, descending: largest, keep: k)
        return (gather(dim: a, index: indices), indices)
    }

    /// The first `keep` positions of the stable sort of each slice along `a`, as an `int64`
    /// tensor of this shape with `keep` entries on `a`.
    ///
    /// Each value becomes a 32-bit key whose unsigned order is the float order (NaN largest, −0
    /// equal to +0), inverted for descending order; the key goes in the high half of a 64-bit
    /// word and the position in the low half. Sorting those words as plain integers is then a
    /// total order that breaks ties by position, which is exactly a stable sort.
    private func sortedPositions(axis a: Int, descending: Bool, keep: Int) -> Tensor {
        let n = shape[a]
        check(n <= Int(UInt32.max), "sort: axis of length \(n) is too long")
        let moved = detach().transpose(a, -1)
        let rows = moved.isContiguous ? moved : moved.contiguousCopy()
        let outer = n == 0 ? 0 : count / n
        var outShape = moved.shape
        outShape[outShape.count - 1] = keep
        let out = Tensor(uninitializedShape: outShape, dtype: .int64)
        let src = UnsafePointer(rows.base), dst = out.storage.pointer
        Kernels.parallelRanges(outer, workPerItem: Swift.max(n, 1) * 8) { start, end in
            var words = [UInt64](repeating: 0, count: n)
            words.withUnsafeMutableBufferPointer { w in
                for r in start..<end {
                    let x = src + r * n
                    for i in 0..<n {
                        w[i] = UInt64(Tensor.sortKey(x[i], descending: descending)) << 32 | UInt64(i)
                    }
                    w.sort()
                    let d = dst + r * keep
                    for i in 0..<keep { d[i] = Float(UInt32(truncatingIfNeeded: w[i])) }
                }
            }
        }
        withExtendedLifetime(rows) {}
        let back = out.transpose(a, -1)
        return back.isContiguous ? back : back.contiguousCopy()
    }

    /// A 32-bit key whose unsigned order is the order of the floats, NaN above +∞.
    @inline(__always)
    private static func sortKey(_ x: Float, descending: Bool) -> UInt32 {
        let key: UInt32
        if x.isNaN {
            key = .max
        } else {
            let bits = (x == 0 ? Float(0) : x).bitPattern
            // Negative floats order backwards by their bits, so flip them all; positive ones
            // only need the sign bit set to sit above every negative.
            key = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        }
        return descending ? ~key : key
    }
}
