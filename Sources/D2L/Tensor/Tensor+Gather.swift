// Picking entries by integer position (§8.5 one-hot inputs, §9.7 embeddings and masks,
// §10.3 masked softmax): one-hot encoding, embedding lookup, `gather` and `indexSelect`, and
// `maskedFill`. The backward of every gather is a scatter-add, so an entry picked several times
// receives the sum of all its gradients (a token that occurs twice in a batch updates its
// embedding row twice).

extension Tensor {
    // MARK: One-hot

    /// A tensor of shape `indices.shape + [numClasses]` that is 1 at each index and 0 elsewhere,
    /// as `F.one_hot(indices, num_classes)`.
    ///
    /// d2l: `F.one_hot` (§8.5, `F.one_hot(X.T, 28)`). The result is `int64`, as in PyTorch; the
    /// book converts it with `.type(torch.float32)`, here `.float()`. With `numClasses` −1 (the
    /// default) the number of classes is the largest index plus one.
    public static func oneHot(_ indices: Tensor, numClasses: Int = -1) -> Tensor {
        let ids = indexValues(indices, operation: "oneHot")
        let largest = ids.max() ?? -1
        let classes = numClasses == -1 ? largest + 1 : numClasses
        check(classes >= 0, "oneHot: numClasses must be positive or -1, got \(numClasses)")
        let out = Tensor.zeros(indices.shape + [classes], dtype: .int64)
        let p = out.storage.pointer
        for (i, id) in ids.enumerated() {
            check(id >= 0 && id < classes,
                  "oneHot: index \(id) is out of range for numClasses \(classes) (indices shape \(indices.shape))")
            p[i * classes + id] = 1
        }
        return out
    }

    // MARK: Embedding

    /// The rows of `weight` [V, d] picked by the integer `ids` of any shape, giving
    /// `ids.shape + [d]`, as `F.embedding(ids, weight)`.
    ///
    /// d2l: `nn.Embedding` (§9.7 `Seq2SeqEncoder`, §14.4 word2vec). Only `weight` receives
    /// gradients: each row's gradient is the sum over every position where its id occurs.
    public static func embedding(_ ids: Tensor, weight: Tensor) -> Tensor {
        check(weight.ndim == 2, "embedding: weight must be [V, d], got shape \(weight.shape)")
        let rows = indexValues(ids, operation: "embedding")
        let vocabulary = weight.shape[0], width = weight.shape[1]
        for id in rows where id < 0 || id >= vocabulary {
            failCheck("embedding: id \(id) is out of range for V = \(vocabulary) rows "
                      + "(weight \(weight.shape), ids \(ids.shape))")
        }
        let table = weight.isContiguous ? weight.detach() : weight.contiguousCopy()
        let out = Tensor(uninitializedShape: ids.shape + [width], dtype: weight.dtype)
        withExtendedLifetime(table) {
            copyBlocks(rows, from: table.base, outer: 1, axisLength: vocabulary, inner: width,
                       into: out.storage.pointer)
        }
        return record(out, "EmbeddingBackward0", inputs: [weight], saves: []) { g in
            let grad = Tensor.zeros(weight.shape)
            let gc = g.contiguous()
            withExtendedLifetime(gc) {
                addBlocks(rows, from: gc.base, outer: 1, axisLength: vocabulary, inner: width,
                          into: grad.storage.pointer)
            }
            return [grad]
        }
    }

    // MARK: indexSelect and gather

    /// The entries at positions `index` (1-d, integers) along `dim`, as
    /// `torch.index_select(x, dim, index)`; the result has `index.count` entries on `dim`.
    ///
    /// d2l: `torch.index_select` (§13.4 anchors, §9.8 beam search). Positions may repeat; their
    /// gradients add up.
    public func indexSelect(dim: Int, index: Tensor) -> Tensor {
        check(ndim > 0, "indexSelect: needs a tensor with at least one axis, got a 0-d tensor")
        let a = Shape.normalizeAxis(dim, ndim: ndim, operation: "indexSelect")
        check(index.ndim <= 1, "indexSelect: index must be 1-d, got shape \(index.shape)")
        let positions = Tensor.indexValues(index, operation: "indexSelect")
        let length = shape[a]
        for p in positions where p < 0 || p >= length {
            failCheck("indexSelect: index \(p) is out of range for dim \(dim) of size \(length) (shape \(shape))")
        }
        let outer = Shape.product(Array(shape.prefix(a)))
        let inner = Shape.product(Array(shape[(a + 1)...]))
        var outShape = shape
        outShape[a] = positions.count
        let source = isContiguous ? detach() : contiguousCopy()
        let out = Tensor(uninitializedShape: outShape, dtype: dtype)
        withExtendedLifetime(source) {
            Tensor.copyBlocks(positions, from: source.base, outer: outer, axisLength: length, inner: inner,
                              into: out.storage.pointer)
        }
        let inputShape = shape
        return Tensor.record(out, "IndexSelectBackward0", inputs: [self], saves: []) { g in
            let grad = Tensor.zeros(inputShape)
            let gc = g.contiguous()
            withExtendedLifetime(gc) {
                Tensor.addBlocks(positions, from: gc.base, outer: outer, axisLength: length,
                                 inner: inner, into: grad.storage.pointer)
            }
            return [grad]
        }
    }

    /// Entries picked along `dim` by `index`, position by position, as
    /// `torch.gather(x, dim, index)`: for a 2-d tensor and `dim: 1`,
    /// `out[i][j] = x[i][index[i][j]]`.
    ///
    /// d2l: `torch.gather` (§3.6 picks `y_hat[range(n), y]`; §8 and §9 pick per-step logits).
    /// `index` has as many axes as `x` and at most `x`'s length on every axis but `dim`; the
    /// result has `index`'s shape. The gradient is scattered back and added where positions repeat.
    public func gather(dim: Int, index: Tensor) -> Tensor {
        let a = Shape.normalizeAxis(dim, ndim: ndim, operation: "gather")
        check(index.dtype == .int64, "gather: index must be int64, got \(index.dtype)")
        check(index.ndim == ndim,
              "gather: index \(index.shape) must have as many axes as the input \(shape)")
        for d in 0..<ndim where d != a && index.shape[d] > shape[d] {
            failCheck("gather: index \(index.shape) is larger than the input \(shape) on axis \(d)")
        }
        let source = isContiguous ? detach() : contiguousCopy()
        let out = Tensor(uninitializedShape: index.shape, dtype: dtype)
        let walk = GatherWalk(shape: shape, index: index, axis: a)
        let src = UnsafePointer(source.base), dst = out.storage.pointer
        withExtendedLifetime(source) { walk.forEach { flat, offset in dst[flat] = src[offset] } }
        let inputShape = shape
        return Tensor.record(out, "GatherBackward0", inputs: [self], saves: []) { g in
            let grad = Tensor.zeros(inputShape)
            let gc = g.contiguous()
            let gp = UnsafePointer(gc.base), dp = grad.storage.pointer
            withExtendedLifetime(gc) { walk.forEach { flat, offset in dp[offset] += gp[flat] } }
            return [grad]
        }
    }

    // MARK: maskedFill

    /// This tensor with `value` written wherever `mask` is True, as `x.masked_fill(mask, value)`.
    ///
    /// d2l: `masked_fill` (§10.3 `masked_softmax` fills padding with −1e6 before the softmax).
    /// `mask` is `bool` and broadcasts to this tensor's shape. The filled positions get no
    /// gradient; the others pass it through.
    public func maskedFill(_ mask: Tensor, value: Float) -> Tensor {
        check(mask.dtype == .bool, "maskedFill: mask must be bool (e.g. X > 0), got \(mask.dtype)")
        check(Shape.broadcast(shape, mask.shape, operation: "maskedFill") == shape,
              "maskedFill: mask of shape \(mask.shape) cannot be broadcast to the tensor's shape \(shape)")
        if dtype.isIntegral { Tensor.checkExactIntegers([value], operation: "maskedFill") }
        let out = Tensor.maskedFillValues(self, mask, value: value, dtype: dtype)
        return Tensor.record(out, "MaskedFillBackward0", inputs: [self], saves: []) { g in
            [Tensor.maskedFillValues(g, mask, value: 0, dtype: .float32)]
        }
    }

    /// `x` copied, with `value` where the broadcast `mask` is nonzero: one pass over rows.
    private static func maskedFillValues(_ x: Tensor, _ mask: Tensor, value: Float, dtype: DType) -> Tensor {
        let out = Tensor(uninitializedShape: x.shape, dtype: dtype)
        let n = out.count
        if n == 0 { return out }
        let shape = x.shape
        let xs = x.strides, ms = mask.broadcastStrides(to: shape)
        let inner = shape.last ?? 1
        let xi = xs.last ?? 0, mi = ms.last ?? 0
        let xp = UnsafePointer(x.base), mp = UnsafePointer(mask.base), dst = out.storage.pointer
        Kernels.parallelRanges(n / inner, workPerItem: inner) { start, end in
            Kernels.forEachRow(shape: shape, a: xs, b: ms, rows: start..<end) { offX, offM, row in
                let s = xp + offX, m = mp + offM, d = dst + row * inner
                for j in 0..<inner { d[j] = m[j * mi] != 0 ? value : s[j * xi] }
            }
        }
        return out
    }

    // MARK: Shared loops

    /// The values of an integer index tensor as `Int`s, row-major, with a clear error otherwise.
    static func indexValues(_ index: Tensor, operation: String) -> [Int] {
        check(index.dtype == .int64,
              "\(operation): indices must be int64, got \(index.dtype) of shape \(index.shape); "
              + "convert with .long()")
        let values = index.toArray()
        return [Int](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            for i in 0..<values.count { buffer[i] = Int(values[i]) }
            initialized = values.count
        }
    }

    /// For each of `outer` blocks of `axisLength × inner` values at `source`, copies the
    /// `inner`-long pieces at `positions` one after another into `dest`.
    static func copyBlocks(_ positions: [Int], from source: UnsafePointer<Float>, outer: Int,
                           axisLength: Int, inner: Int, into dest: UnsafeMutablePointer<Float>) {
        let k = positions.count
        if k * inner == 0 { return }
        positions.withUnsafeBufferPointer { pos in
            Kernels.parallelRanges(outer * k, workPerItem: inner) { start, end in
                for item in start..<end {
                    let o = item / k, p = pos[item % k]
                    (dest + item * inner).update(from: source + (o * axisLength + p) * inner, count: inner)
                }
            }
        }
    }

    /// The backward of `copyBlocks`: adds each piece of `source` into its place in `dest`.
    /// Sequential, because repeated positions add into the same place.
    static func addBlocks(_ positions: [Int], from source: UnsafePointer<Float>, outer: Int,
                          axisLength: Int, inner: Int, into dest: UnsafeMutablePointer<Float>) {
        let k = positions.count
        for o in 0..<outer {
            for (i, p) in positions.enumerated() {
                let s = source + (o * k + i) * inner, d = dest + (o * axisLength + p) * inner
                for j in 0..<inner { d[j] += s[j] }
            }
        }
    }
}

/// Walks the elements of a `gather` index (possibly strided) in row-major order, yielding each
/// one's flat position in the result and the storage offset it picks in a contiguous input.
private struct GatherWalk {
    let index: Tensor
    let inputStrides: [Int]
    let axis: Int
    let axisLength: Int
    let inputShape: [Int]

    init(shape: [Int], index: Tensor, axis: Int) {
        self.index = index
        self.axis = axis
        axisLength = shape[axis]
        inputShape = shape
        inputStrides = Shape.contiguousStrides(shape)
    }

    @inline(__always)
    func forEach(_ body: (_ flat: Int, _ offset: Int) -> Void) {
        let n = index.count
        if n == 0 { return }
        let ishape = index.shape
        // Along `axis` the position comes from the index value, not from the loop counter.
        var walkStrides = inputStrides
        walkStrides[axis] = 0
        let inner = ishape.last ?? 1
        let wi = walkStrides.last ?? 0, ii = index.strides.last ?? 0
        let step = inputStrides[axis]
        let ip = UnsafePointer(index.base)
        Kernels.forEachRow(shape: ishape, a: walkStrides, b: index.strides, rows: 0..<(n / inner)) { offIn, offIdx, row in
            for j in 0..<inner {
                let p = Int(ip[offIdx + j * ii])
                check(p >= 0 && p < axisLength,
                      "gather: index \(p) is out of range for dim \(axis) of size \(axisLength) (input \(inputShape))")
                body(row * inner + j, offIn + j * wi + p * step)
            }
        }
    }
}
