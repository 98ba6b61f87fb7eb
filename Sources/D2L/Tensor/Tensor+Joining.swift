// Joining and splitting tensors (§2.1.4): cat and stack along an axis, split and chunk.

extension Tensor {
    /// Concatenates tensors along an existing axis, as `torch.cat((X, Y), dim=0)`.
    /// All other axes must match.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) -> Tensor {
        check(!tensors.isEmpty, "cat: needs at least one tensor")
        let first = tensors[0]
        let axis = Shape.normalizeAxis(dim, ndim: first.ndim, operation: "cat")
        for (i, t) in tensors.enumerated() {
            var a = t.shape, b = first.shape
            check(a.count == b.count, "cat: tensor \(i) has shape \(t.shape), tensor 0 has \(first.shape)")
            a[axis] = 0; b[axis] = 0
            check(a == b, "cat: shapes \(first.shape) and \(t.shape) differ outside dim \(dim)")
        }
        var shape = first.shape
        shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        let dtype = tensors.dropFirst().reduce(first.dtype) { DType(rawValue: Swift.max($0.rawValue, $1.dtype.rawValue))! }
        let out = Tensor(uninitializedShape: shape, dtype: dtype)
        // Seen as [outer, length, inner] around `axis`, each contiguous input is `outer` blocks
        // of length·inner values, each landing whole in one row of the output: one memcpy per
        // block. Strided inputs are copied element by element.
        let outer = Shape.product(Array(shape[..<axis]))
        let inner = Shape.product(Array(shape[(axis + 1)...]))
        let outRow = shape[axis] * inner
        var start = 0
        for t in tensors {
            let length = t.shape[axis]
            if t.isContiguous {
                copyBlocks(outer: outer, block: length * inner,
                           from: UnsafePointer(t.base), stride: length * inner,
                           to: out.storage.pointer + start * inner, stride: outRow)
            } else {
                Kernels.scatter(t.detach(), into: out.narrowView(axis: axis, start: start, length: length))
            }
            start += length
        }
        let sizes = tensors.map { $0.shape[axis] }
        let needed = tensors.map(\.requiresGrad), outShape = shape
        return record(out, "CatBackward0", inputs: tensors, saves: []) { g in
            // Each input's gradient is its slab of g, cut out as contiguous blocks.
            let gc = g.contiguous()
            var offset = 0
            return zip(sizes, needed).map { size, needed in
                defer { offset += size }
                guard needed else { return nil }
                var pieceShape = outShape
                pieceShape[axis] = size
                let piece = Tensor(uninitializedShape: pieceShape)
                copyBlocks(outer: outer, block: size * inner,
                           from: UnsafePointer(gc.base) + offset * inner, stride: outRow,
                           to: piece.storage.pointer, stride: size * inner)
                withExtendedLifetime(gc) {}
                return piece
            }
        }
    }

    /// Copies `outer` blocks of `block` values, the i-th from `source + i·sourceStride` to
    /// `dest + i·destStride`, splitting the work over the cores when it is large.
    private static func copyBlocks(outer: Int, block: Int, from source: UnsafePointer<Float>, stride sourceStride: Int,
                                   to dest: UnsafeMutablePointer<Float>, stride destStride: Int) {
        if outer * block == 0 { return }
        Kernels.parallelRanges(outer, workPerItem: block) { start, end in
            for i in start..<end {
                (dest + i * destStride).update(from: source + i * sourceStride, count: block)
            }
        }
    }

    /// Joins tensors of equal shape along a new axis, as `torch.stack`.
    public static func stack(_ tensors: [Tensor], dim: Int = 0) -> Tensor {
        check(!tensors.isEmpty, "stack: needs at least one tensor")
        for (i, t) in tensors.enumerated() where t.shape != tensors[0].shape {
            failCheck("stack: tensor \(i) has shape \(t.shape), tensor 0 has \(tensors[0].shape)")
        }
        let axis = Shape.normalizeAxis(dim, ndim: tensors[0].ndim + 1, operation: "stack")
        return cat(tensors.map { $0.unsqueeze(axis) }, dim: axis)
    }

    /// `length` consecutive entries of `axis` starting at `start`: a view, as `x.narrow`.
    public func narrow(_ axis: Int, start: Int, length: Int) -> Tensor {
        let a = Shape.normalizeAxis(axis, ndim: ndim, operation: "narrow")
        check(start >= 0 && length >= 0 && start + length <= shape[a],
              "narrow: range \(start)..<\(start + length) is out of bounds for axis \(axis) "
              + "of length \(shape[a]) (shape \(shape))")
        let result = narrowView(axis: a, start: start, length: length)
        let inputShape = shape
        return Tensor.record(result, "NarrowBackward0", inputs: [self], saves: []) { g in
            let full = Tensor.zeros(inputShape)
            Kernels.scatter(g, into: full.narrowView(axis: a, start: start, length: length))
            return [full]
        }
    }

    /// The view behind `narrow`, not recorded.
    func narrowView(axis: Int, start: Int, length: Int) -> Tensor {
        var newShape = shape
        newShape[axis] = length
        return view(shape: newShape, strides: strides, offset: offset + start * strides[axis])
    }

    /// Splits into pieces of `size` entries along `dim` (the last may be shorter), as
    /// `torch.split(x, size, dim)`. The pieces are views.
    public func split(_ size: Int, dim: Int = 0) -> [Tensor] {
        check(size > 0, "split: piece size must be positive, got \(size)")
        let a = Shape.normalizeAxis(dim, ndim: ndim, operation: "split")
        return stride(from: 0, to: shape[a], by: size).map {
            narrow(a, start: $0, length: Swift.min(size, shape[a] - $0))
        }
    }

    /// Splits into pieces of the given lengths along `dim`, as `torch.split(x, [2, 3], dim)`.
    public func split(sizes: [Int], dim: Int = 0) -> [Tensor] {
        let a = Shape.normalizeAxis(dim, ndim: ndim, operation: "split")
        check(sizes.reduce(0, +) == shape[a],
              "split: sizes \(sizes) do not add up to \(shape[a]), the length of axis \(dim) of \(shape)")
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return narrow(a, start: start, length: size)
        }
    }

    /// Splits into `chunks` nearly equal pieces along `dim`, as `torch.chunk`.
    public func chunk(_ chunks: Int, dim: Int = 0) -> [Tensor] {
        check(chunks > 0, "chunk: number of chunks must be positive, got \(chunks)")
        let a = Shape.normalizeAxis(dim, ndim: ndim, operation: "chunk")
        let size = Swift.max(1, (shape[a] + chunks - 1) / chunks)
        return split(size, dim: a)
    }
}
