// Products of vectors and matrices (§2.3.7–2.3.9): dot, mv, mm and matmul with a leading batch
// axis. Every matrix product goes to OpenBLAS `cblas_sgemm` (through `BLAS`); transposed views are passed as
// transposed operands, never copied.

extension Tensor {
    /// Σᵢ xᵢyᵢ of two vectors of equal length, as `torch.dot(x, y)`.
    public static func dot(_ x: Tensor, _ y: Tensor) -> Tensor {
        check(x.ndim == 1 && y.ndim == 1 && x.count == y.count,
              "dot: needs two vectors of equal length, got shapes \(x.shape) and \(y.shape)")
        return (x * y).sum()
    }

    /// Matrix–vector product Ax, as `torch.mv(A, x)`.
    public static func mv(_ a: Tensor, _ x: Tensor) -> Tensor {
        check(a.ndim == 2 && x.ndim == 1 && a.shape[1] == x.shape[0],
              "mv: needs a matrix [m, n] and a vector [n], got shapes \(a.shape) and \(x.shape)")
        return mm(a, x.unsqueeze(1)).squeeze(1)
    }

    /// Matrix product AB of [m, k] and [k, n] matrices, as `torch.mm(A, B)`.
    public static func mm(_ a: Tensor, _ b: Tensor) -> Tensor {
        check(a.ndim == 2 && b.ndim == 2 && a.shape[1] == b.shape[0],
              "mm: needs matrices [m, k] and [k, n], got shapes \(a.shape) and \(b.shape)")
        return matmul(a, b)
    }

    /// The matrix product with PyTorch's rules, as `torch.matmul(a, b)` / `a @ b`:
    /// vector·vector is a dot product, a vector on the left or right is treated as a row or column,
    /// and tensors with more than two axes are stacks of matrices whose leading (batch) axes
    /// broadcast.
    public static func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        check(a.ndim >= 1 && b.ndim >= 1,
              "matmul: both operands need at least one axis, got shapes \(a.shape) and \(b.shape)")
        if a.ndim == 1 && b.ndim == 1 { return dot(a, b) }
        if a.ndim == 1 { return matmul(a.unsqueeze(0), b).squeeze(-2) }
        if b.ndim == 1 { return matmul(a, b.unsqueeze(1)).squeeze(-1) }
        let k = a.shape[a.ndim - 1]
        check(k == b.shape[b.ndim - 2],
              "matmul: shapes \(a.shape) and \(b.shape) cannot be multiplied "
              + "(\(k) columns vs \(b.shape[b.ndim - 2]) rows)")
        let out: Tensor
        if a.ndim == 2 && b.ndim == 2 {
            out = gemm(a, b)
        } else if a.ndim > 2 && b.ndim == 2 && a.isContiguous {
            // A stack times one matrix is one tall GEMM: fold the batch into the rows.
            let rows = a.view(shape: [a.count / Swift.max(k, 1), k], strides: [k, 1])
            let flat = gemm(rows, b)
            out = flat.view(shape: Array(a.shape.dropLast()) + [b.shape[1]],
                            strides: Shape.contiguousStrides(Array(a.shape.dropLast()) + [b.shape[1]]))
        } else {
            out = batchedGemm(a, b)
        }
        // Integer operands give an integer product, as PyTorch (exact while it stays below 2²⁴).
        let result = a.dtype.isIntegral && b.dtype.isIntegral
            ? Tensor(storage: out.storage, shape: out.shape, strides: out.strides, offset: out.offset, dtype: .int64) : out
        return record(result, "MmBackward0", inputs: [a, b], saves: productSaves(a, b)) { g in
            // d(AB)/dA = g Bᵀ and d(AB)/dB = Aᵀ g, summed over broadcast batch axes.
            [a.requiresGrad ? matmul(g, b.transpose(-1, -2)).sum(toShape: a.shape) : nil,
             b.requiresGrad ? matmul(a.transpose(-1, -2), g).sum(toShape: b.shape) : nil]
        }
    }

    /// xWᵀ + b for inputs [..., in], weights [out, in] and an optional bias [out].
    ///
    /// d2l: `torch.nn.functional.linear(x, weight, bias)`, what `nn.Linear` computes (§3.3).
    /// One GEMM does it all: the output starts as copies of the bias and the product is added
    /// to it (β = 1), so no second pass adds the bias. Backward gives the weight's gradient
    /// gᵀx directly in the [out, in] layout of `weight` (not as a transposed view), the bias's
    /// as the column sums of g, and the input's (when it needs one) as gW.
    public static func linear(_ x: Tensor, _ weight: Tensor, _ bias: Tensor? = nil) -> Tensor {
        check(weight.ndim == 2 && x.ndim >= 1 && x.shape[x.ndim - 1] == weight.shape[1],
              "linear: input of shape \(x.shape) does not fit weight of shape \(weight.shape) [out, in]")
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        if let bias {
            check(bias.shape == [outFeatures],
                  "linear: bias of shape \(bias.shape) does not fit weight of shape \(weight.shape)")
        }
        let real = x.dtype == .float32 && weight.dtype == .float32 && (bias?.dtype ?? .float32) == .float32
        // A vector, a strided stack or integer data takes the general path (same values).
        guard real, x.ndim == 2 || x.isContiguous else {
            let y = matmul(x, weight.T)
            return bias.map { y + $0 } ?? y
        }
        let rows = x.count / Swift.max(inFeatures, 1)
        let x2 = x.ndim == 2 ? x : x.view(shape: [rows, inFeatures], strides: [inFeatures, 1])
        let out = Tensor(uninitializedShape: [rows, outFeatures])
        let pointer = out.storage.pointer
        if let bias, rows > 0 {
            let b = bias.isContiguous ? bias : bias.contiguousCopy()
            for r in 0..<rows { (pointer + r * outFeatures).update(from: b.base, count: outFeatures) }
        } else if rows > 0 && inFeatures == 0 {
            pointer.update(repeating: 0, count: rows * outFeatures)
        }
        if rows > 0 && outFeatures > 0 && inFeatures > 0 {
            let (lx, px) = operand(x2)
            let (lw, pw) = operand(weight)
            // Wᵀ is W read with the opposite transpose flag.
            BLAS.sgemm(transA: lx.trans, transB: !lw.trans, m: rows, n: outFeatures, k: inFeatures,
                       px.base, lda: lx.ld, pw.base, ldb: lw.ld, beta: bias == nil ? 0 : 1, pointer, ldc: outFeatures)
        }
        let shape = Array(x.shape.dropLast()) + [outFeatures]
        let result = x.ndim == 2 ? out : out.view(shape: shape, strides: Shape.contiguousStrides(shape))
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        // ∂x reads W and ∂W reads x; the bias gradient reads nothing.
        let saves = (x.requiresGrad ? [weight] : []) + (weight.requiresGrad ? [x] : [])
        return record(result, bias == nil ? "MmBackward0" : "AddmmBackward0", inputs: inputs, saves: saves) { g in
            let g2 = (g.isContiguous ? g : g.contiguousCopy()).view(shape: [rows, outFeatures], strides: [outFeatures, 1])
            var grads: [Tensor?] = [
                x.requiresGrad ? gemm(g2, weight).reshape(x.shape) : nil,
                weight.requiresGrad ? gemm(g2.view(shape: [outFeatures, rows], strides: [1, outFeatures]), x2) : nil,
            ]
            if let bias { grads.append(bias.requiresGrad ? columnSums(g2) : nil) }
            return grads
        }
    }

    /// Σ over rows of a contiguous [rows, cols] matrix: a [cols] vector (the bias gradient).
    private static func columnSums(_ m: Tensor) -> Tensor {
        let rows = m.shape[0], cols = m.shape[1]
        let out = Tensor.zeros([cols])
        let sums = out.storage.pointer, source = m.base
        for r in 0..<rows {
            let row = source + r * cols
            for j in 0..<cols { sums[j] += row[j] }
        }
        return out
    }

    /// How a 2-d (strided) operand can be handed to BLAS: as stored, or as the transpose of a
    /// row-major matrix, with its leading dimension. `nil` when neither fits and a copy is needed.
    private static func blasLayout(rows: Int, cols: Int, rowStride: Int, colStride: Int)
        -> (trans: Bool, ld: Int)? {
        if colStride == 1 && rowStride >= Swift.max(1, cols) { return (false, rowStride) }
        if rowStride == 1 && colStride >= Swift.max(1, rows) { return (true, colStride) }
        // A single row or column: only the stride along its length matters.
        if rows == 1 && colStride >= 1 { return (true, colStride) }
        if cols == 1 && rowStride >= 1 { return (false, rowStride) }
        return nil
    }

    /// One GEMM of two 2-d tensors into a new contiguous [m, n] tensor (not recorded).
    static func gemm(_ a: Tensor, _ b: Tensor) -> Tensor {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let out = Tensor(uninitializedShape: [m, n])
        if m == 0 || n == 0 { return out }
        if k == 0 {
            out.storage.pointer.update(repeating: 0, count: m * n)
            return out
        }
        let (la, pa) = operand(a)
        let (lb, pb) = operand(b)
        BLAS.sgemm(transA: la.trans, transB: lb.trans, m: m, n: n, k: k,
                   pa.base, lda: la.ld, pb.base, ldb: lb.ld, out.storage.pointer, ldc: n)
        return out
    }

    /// A 2-d tensor and the BLAS layout to read it with, copying only when the strides fit neither
    /// row-major nor column-major.
    private static func operand(_ t: Tensor) -> ((trans: Bool, ld: Int), Tensor) {
        if let layout = blasLayout(rows: t.shape[0], cols: t.shape[1],
                                   rowStride: t.strides[0], colStride: t.strides[1]) {
            return (layout, t)
        }
        let copy = t.contiguousCopy()
        return ((false, Swift.max(1, t.shape[1])), copy)
    }

    /// Stacked matrix products [..., m, k] × [..., k, n], broadcasting the batch axes; one
    /// `cblas_sgemm` call per matrix in the batch.
    private static func batchedGemm(_ a: Tensor, _ b: Tensor) -> Tensor {
        let m = a.shape[a.ndim - 2], k = a.shape[a.ndim - 1], n = b.shape[b.ndim - 1]
        let batch = Shape.broadcast(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)),
                                    operation: "matmul (batch axes)")
        let a3 = a.detach().broadcast(to: batch + [m, k]).asBatch()
        let b3 = b.detach().broadcast(to: batch + [k, n]).asBatch()
        let count = Shape.product(batch)
        let out = Tensor(uninitializedShape: batch + [m, n])
        for i in 0..<count {
            let ai = a3.view(shape: [m, k], strides: [a3.strides[1], a3.strides[2]],
                             offset: a3.offset + i * a3.strides[0])
            let bi = b3.view(shape: [k, n], strides: [b3.strides[1], b3.strides[2]],
                             offset: b3.offset + i * b3.strides[0])
            let product = gemm(ai, bi)
            (out.storage.pointer + i * m * n).update(from: product.storage.pointer, count: m * n)
        }
        return out
    }

    /// Views a [batch..., r, c] tensor as [B, r, c]; copies when the batch axes cannot be merged.
    private func asBatch() -> Tensor {
        let r = shape[ndim - 2], c = shape[ndim - 1]
        let batchShape = Array(shape.dropLast(2))
        if batchShape.count == 1 { return self }
        if batchShape.isEmpty { return view(shape: [1, r, c], strides: [0] + strides) }
        let source = isContiguous ? self : contiguousCopy()
        return source.view(shape: [Shape.product(batchShape), r, c], strides: [r * c, c, 1])
    }
}

/// Matrix product, as Python's `a @ b` (Swift has no `@` operator, so this is a function).
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor { Tensor.matmul(a, b) }
