// Reading and writing parts of a tensor with subscripts (§2.1.5): `X[-1]`, `X[1..<3]`,
// `X[1, 2] = 9`, `X[0..<2, ...] = 12`, and positional ("fancy") indexing `y_hat[rows, y]`.
// Basic indices give views that share storage; positional indices gather copies.

extension Tensor {
    /// The part of the tensor selected by `indices`; see `TensorIndex` for what each entry means.
    /// Assigning writes into this tensor's storage (broadcasting the new value), as
    /// `X[0:2, :] = 12` does in Python.
    public subscript(_ indices: TensorIndexConvertible...) -> Tensor {
        get { select(indices.map(\.tensorIndex)) }
        set { assign(newValue, to: indices.map(\.tensorIndex)) }
    }

    /// `X[...]`: the whole tensor.
    public subscript(_ all: UnboundedRange) -> Tensor {
        get { select([.all]) }
        set { assign(newValue, to: [.all]) }
    }

    /// `X[..., 1]`: a whole first axis followed by further indices.
    public subscript(_ all: UnboundedRange, _ rest: TensorIndexConvertible...) -> Tensor {
        get { select([.all] + rest.map(\.tensorIndex)) }
        set { assign(newValue, to: [.all] + rest.map(\.tensorIndex)) }
    }

    /// `X[0..<2, ...]`: an index on the first axis and the whole second axis.
    public subscript(_ first: TensorIndexConvertible, _ all: UnboundedRange) -> Tensor {
        get { select([first.tensorIndex, .all]) }
        set { assign(newValue, to: [first.tensorIndex, .all]) }
    }

    /// `X[i, ..., k]`: the whole middle axis of a 3-d selection.
    public subscript(_ first: TensorIndexConvertible, _ all: UnboundedRange,
                     _ rest: TensorIndexConvertible...) -> Tensor {
        get { select([first.tensorIndex, .all] + rest.map(\.tensorIndex)) }
        set { assign(newValue, to: [first.tensorIndex, .all] + rest.map(\.tensorIndex)) }
    }

    // MARK: Reading

    private func select(_ indices: [TensorIndex]) -> Tensor {
        let plan = IndexPlan(indices, on: self)
        let inputShape = shape
        guard let advanced = plan.advanced else {
            let result = plan.view(of: self)
            return Tensor.record(result, "SliceBackward0", inputs: [self], saves: []) { g in
                let full = Tensor.zeros(inputShape)
                Kernels.scatter(g, into: IndexPlan(indices, on: full).view(of: full))
                return [full]
            }
        }
        let blocks = advanced.blocks(in: plan.view(of: self))
        let out = Tensor(uninitializedShape: advanced.resultShape, dtype: dtype)
        let blockSize = Shape.product(advanced.suffixShape)
        for (i, block) in blocks.enumerated() {
            Kernels.gather(block, into: out.storage.pointer + i * blockSize)
        }
        return Tensor.record(out, "IndexBackward0", inputs: [self], saves: []) { g in
            // Scatter-add: an entry picked twice receives both gradients.
            let full = Tensor.zeros(inputShape)
            let targets = advanced.blocks(in: IndexPlan(indices, on: full).view(of: full))
            let values = g.contiguous()
            for (i, target) in targets.enumerated() {
                Kernels.accumulate(values.base + i * blockSize, into: target)
            }
            return [full]
        }
    }

    // MARK: Writing

    private func assign(_ newValue: Tensor, to indices: [TensorIndex]) {
        prepareInPlaceWrite("index assignment")
        let value = newValue.converted(forStoringIn: dtype)
        let plan = IndexPlan(indices, on: self)
        let target = plan.view(of: self)
        guard let advanced = plan.advanced else {
            let source = value.detach().broadcastForWrite(to: target.shape, operation: "index assignment")
            Kernels.scatter(source, into: target)
            return
        }
        let source = value.detach().broadcastForWrite(to: advanced.resultShape, operation: "index assignment")
            .contiguousCopy()
        let blocks = advanced.blocks(in: target)
        let blockSize = Shape.product(advanced.suffixShape)
        for (i, block) in blocks.enumerated() {
            let piece = source.view(shape: block.shape, strides: Shape.contiguousStrides(block.shape),
                                    offset: i * blockSize)
            Kernels.scatter(piece, into: block)
        }
    }

    /// A read-only view of `self` broadcast to `target`, with a clear error when it does not fit.
    func broadcastForWrite(to target: [Int], operation: String) -> Tensor {
        let b = Shape.broadcast(shape, target, operation: operation)
        check(b == target,
              "\(operation): value of shape \(shape) cannot be written into a region of shape \(target)")
        return view(shape: target, strides: broadcastStrides(to: target))
    }
}

/// How a list of `TensorIndex` applies to a tensor: a strided view for the basic indices, plus,
/// when there are positional indices, where each gathered block lives in that view.
private struct IndexPlan {
    var shape: [Int] = []
    var strides: [Int] = []
    var offsetDelta = 0
    var advanced: AdvancedIndex?

    init(_ indices: [TensorIndex], on t: Tensor) {
        let consumed = indices.filter {
            if case .newAxis = $0 { return false }
            if case .ellipsis = $0 { return false }
            return true
        }.count
        let ellipses = indices.filter { if case .ellipsis = $0 { return true }; return false }.count
        check(ellipses <= 1, "index: an index can only have a single ellipsis")
        check(consumed <= t.ndim,
              "index: too many indices (\(consumed)) for tensor of shape \(t.shape)")
        var expanded: [TensorIndex] = []
        for index in indices {
            if case .ellipsis = index {
                expanded += Array(repeating: .all, count: t.ndim - consumed)
            } else {
                expanded.append(index)
            }
        }
        if ellipses == 0 { expanded += Array(repeating: .all, count: t.ndim - consumed) }

        var axis = 0
        var positional: [(dim: Int, axisLength: Int, index: Tensor)] = []
        for index in expanded {
            switch index {
            case .at(let i):
                let n = t.shape[axis]
                check(i >= -n && i < n,
                      "index: index \(i) is out of bounds for axis \(axis) with size \(n) (shape \(t.shape))")
                offsetDelta += (i < 0 ? i + n : i) * t.strides[axis]
                axis += 1
            case .slice(let start, let end, let step):
                let n = t.shape[axis]
                check(step > 0, "index: slice step must be positive, got \(step)")
                let lo = start.map { $0 < 0 ? $0 + n : $0 } ?? 0
                let hi = end.map { $0 < 0 ? $0 + n : $0 } ?? n
                check(lo >= 0 && hi <= n && lo <= hi,
                      "index: range \(start.map(String.init) ?? "")..<\(end.map(String.init) ?? "") "
                      + "is out of bounds for axis \(axis) with size \(n) (shape \(t.shape))")
                offsetDelta += lo * t.strides[axis]
                shape.append((hi - lo + step - 1) / step)
                strides.append(t.strides[axis] * step)
                axis += 1
            case .all, .ellipsis:
                shape.append(t.shape[axis]); strides.append(t.strides[axis])
                axis += 1
            case .newAxis:
                shape.append(1); strides.append(0)
            case .positions(var index):
                check(index.dtype.isIntegral,
                      "index: tensors used as indices must be int64 or bool, got \(index.dtype)")
                if index.dtype == .bool {
                    // A boolean mask along one axis selects the positions where it is True.
                    check(index.ndim == 1 && index.count == t.shape[axis],
                          "index: a bool mask must be 1-d with the length of axis \(axis) "
                          + "(\(t.shape[axis])), got shape \(index.shape)")
                    index = Tensor(index.toArray().indices.filter { index.base[$0 * index.strides[0]] != 0 })
                }
                positional.append((shape.count, t.shape[axis], index))
                shape.append(t.shape[axis]); strides.append(t.strides[axis])
                axis += 1
            }
        }
        if !positional.isEmpty {
            advanced = AdvancedIndex(positional, viewShape: shape, tensorShape: t.shape)
        }
    }

    func view(of t: Tensor) -> Tensor {
        t.view(shape: shape, strides: strides, offset: t.offset + offsetDelta)
    }
}

/// Positional indices on adjacent axes of a view: the index tensors broadcast to one shape `B`,
/// and the result has shape prefix + B + suffix (NumPy's rule for adjacent advanced indices).
private struct AdvancedIndex {
    let firstDim: Int
    let prefixShape: [Int]
    let indexShape: [Int]
    let suffixShape: [Int]
    /// Flattened positions, one array per indexed axis, already made non-negative.
    let positions: [[Int]]

    init(_ entries: [(dim: Int, axisLength: Int, index: Tensor)], viewShape: [Int], tensorShape: [Int]) {
        let dims = entries.map(\.dim)
        check(dims == Array(dims[0]..<(dims[0] + dims.count)),
              "index: tensor indices must be on adjacent axes, got axes \(dims) of shape \(tensorShape)")
        var b: [Int] = []
        for e in entries { b = Shape.broadcast(b, e.index.shape, operation: "index (tensor indices)") }
        indexShape = b
        firstDim = dims[0]
        prefixShape = Array(viewShape[..<dims[0]])
        suffixShape = Array(viewShape[(dims[0] + dims.count)...])
        positions = entries.map { e in
            e.index.broadcast(to: b).detach().toArray().map { value -> Int in
                let i = Int(value)
                check(i >= -e.axisLength && i < e.axisLength,
                      "index: index \(i) is out of bounds for axis of size \(e.axisLength) (shape \(tensorShape))")
                return i < 0 ? i + e.axisLength : i
            }
        }
    }

    var resultShape: [Int] { prefixShape + indexShape + suffixShape }

    /// The blocks of `view` (each of `suffixShape`) in result order: prefix position, then index.
    func blocks(in view: Tensor) -> [Tensor] {
        let k = positions.count
        let suffixStrides = Array(view.strides[(firstDim + k)...])
        let prefixStrides = Array(view.strides[..<firstDim])
        let prefixCount = Shape.product(prefixShape)
        let indexCount = Shape.product(indexShape)
        var result: [Tensor] = []
        result.reserveCapacity(prefixCount * indexCount)
        for p in 0..<prefixCount {
            var rest = p, prefixOffset = 0
            for axis in stride(from: prefixShape.count - 1, through: 0, by: -1) {
                prefixOffset += (rest % prefixShape[axis]) * prefixStrides[axis]
                rest /= prefixShape[axis]
            }
            for j in 0..<indexCount {
                var offset = view.offset + prefixOffset
                for a in 0..<k { offset += positions[a][j] * view.strides[firstDim + a] }
                result.append(view.view(shape: suffixShape, strides: suffixStrides, offset: offset))
            }
        }
        return result
    }
}
