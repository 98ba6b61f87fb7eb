// The recurrence of a long short-term memory layer over a whole sequence, forward and backward
// through time, as one autograd operation (§9.2), with PyTorch's gate order i, f, g, o:
//
//     [i; f; g; o]_t = X_t W_ihᵀ + b_ih + H_{t−1} W_hhᵀ + b_hh   (then σ, σ, tanh, σ)
//     C_t = f_t ⊙ C_{t−1} + i_t ⊙ g_t,   H_t = o_t ⊙ tanh(C_t)
//
// The four input projections of all T steps are one GEMM ([T·N, d] · [d, 4h]); each step adds
// its four hidden projections with one GEMM ([N, h] · [h, 4h]) and runs one fused gate kernel
// (`lstmStepForward`). Backward through time is, per step, one fused kernel and one GEMM that
// carries the gradient to H_{t−1}; the weight gradients of all steps are then three GEMMs.
//
// The per-step products with W_hhᵀ (forward) and W_hh (backward) use a `PackedMatrix`: the
// weight is packed once per sequence instead of once per step (PackedGEMM.swift).
//
// The operation has two results, the hidden states and the memory cells; it returns them stacked
// as [2, T, N, h], so one autograd node serves both and a gradient reaching any C_t (the final
// cell of the state, for instance) flows back through the same node.

extension Tensor {
    /// The hidden states and memory cells [2, T, N, h] (index 0: H_1 … H_T, index 1: C_1 … C_T)
    /// of a one-layer LSTM run over `x` [T, N, d] from `h0` and `c0` ([N, h], or [1, N, h]),
    /// recorded as a single `LstmBackward0` node.
    ///
    /// d2l: what `nn.LSTM` computes for one layer (§9.2.3); `lstm` of §9.2.2 computes the same
    /// with one tensor operation at a time. `weightIH` is [4h, d] and `weightHH` [4h, h], the rows
    /// of the i, f, g and o gates one after the other (PyTorch's layout), the biases [4h].
    static func lstmRecurrence(_ x: Tensor, _ h0: Tensor, _ c0: Tensor, weightIH: Tensor, weightHH: Tensor,
                               biasIH: Tensor?, biasHH: Tensor?) -> Tensor {
        let hidden = weightHH.shape.count == 2 ? weightHH.shape[1] : 0
        let stateFits = { (s: Tensor) in
            s.count == x.shape[1] * hidden && (s.ndim == 2 || (s.ndim == 3 && s.shape[0] == 1))
        }
        check(x.ndim == 3 && hidden > 0 && weightIH.shape == [4 * hidden, x.shape[2]]
              && weightHH.shape == [4 * hidden, hidden] && stateFits(h0) && stateFits(c0),
              "lstmRecurrence: X \(x.shape) [T, N, d], H0 \(h0.shape) and C0 \(c0.shape) [N, h], "
              + "W_ih \(weightIH.shape) [4h, d] and W_hh \(weightHH.shape) [4h, h] do not fit")
        for b in [biasIH, biasHH].compactMap({ $0 }) {
            check(b.shape == [4 * hidden], "lstmRecurrence: a bias must be [\(4 * hidden)], got \(b.shape)")
        }
        check([x, h0, c0, weightIH, weightHH].allSatisfy { $0.dtype == .float32 },
              "lstmRecurrence: inputs, state and weights must be float32 (one-hot inputs: call .float())")
        let steps = x.shape[0], batch = x.shape[1], inputs = x.shape[2]
        let rows = steps * batch, width = 4 * hidden, stepSize = batch * hidden, all = steps * stepSize
        let X = x.rawContiguous(), H0 = h0.rawContiguous(), C0 = c0.rawContiguous()
        let Wih = weightIH.rawContiguous(), Whh = weightHH.rawContiguous()
        // Pre-activations X W_ihᵀ + b_ih + b_hh of every step; each step adds H W_hhᵀ, and the gate
        // kernel then overwrites them with the gates i, f, g, o that backward reads.
        let gates = rowsOfBiases([biasIH, biasHH].compactMap { $0 }, rows: rows, width: width)
        let out = Tensor(uninitializedShape: [2, steps, batch, hidden])
        let Y = out.storage.pointer, C = Y + all, A = gates.storage.pointer
        withExtendedLifetime((X, H0, C0, Wih, Whh, gates)) {
            if inputs > 0 {
                BLAS.sgemm(transA: false, transB: true, m: rows, n: width, k: inputs, X.base, lda: inputs,
                           Wih.base, ldb: inputs, beta: 1, A, ldc: width)
            }
            let recurrentWeight = PackedMatrix(Whh.base, ldb: hidden, transposed: true, k: hidden, n: width)
            for t in 0..<steps {
                let previous = t == 0 ? UnsafePointer(H0.base) : UnsafePointer(Y + (t - 1) * stepSize)
                let previousCell = t == 0 ? UnsafePointer(C0.base) : UnsafePointer(C + (t - 1) * stepSize)
                recurrentWeight.multiplyAdd(m: batch, previous, lda: hidden, into: A + t * batch * width, ldc: width)
                lstmStepForward(preactivations: A + t * batch * width, previousCell: previousCell, rows: batch,
                                width: hidden, cell: C + t * stepSize, output: Y + t * stepSize)
            }
        }
        let inputsList = [x, h0, c0, weightIH, weightHH] + [biasIH, biasHH].compactMap { $0 }
        let saved = out.detach()
        return record(out, "LstmBackward0", inputs: inputsList, saves: [x, h0, c0, weightIH, weightHH, saved]) { g in
            // D holds ∂L/∂H_t (first half) and ∂L/∂C_t (second half); going back from the last
            // step, each step adds its gradients of H_{t−1} and C_{t−1} into the slots of t − 1.
            let D = g.contiguousCopy()
            let dY = D.storage.pointer, dC = dY + all
            let dH0 = Tensor.zeros([batch, hidden]), dC0 = Tensor.zeros([batch, hidden])
            let dGates = Tensor(uninitializedShape: [rows, width])
            let dA = dGates.storage.pointer
            withExtendedLifetime((C0, Whh, saved, gates)) {
                let recurrentWeight = PackedMatrix(Whh.base, ldb: hidden, transposed: false, k: width, n: hidden)
                for t in stride(from: steps - 1, through: 0, by: -1) {
                    let previousCell = t == 0 ? UnsafePointer(C0.base) : UnsafePointer(C + (t - 1) * stepSize)
                    let targetH = t == 0 ? dH0.storage.pointer : dY + (t - 1) * stepSize
                    let targetC = t == 0 ? dC0.storage.pointer : dC + (t - 1) * stepSize
                    lstmStepBackward(dOutput: dY + t * stepSize, dCell: dC + t * stepSize, gates: A + t * batch * width,
                                     cell: C + t * stepSize, previousCell: previousCell, rows: batch, width: hidden,
                                     dGates: dA + t * batch * width, dPreviousCell: targetC)
                    recurrentWeight.multiplyAdd(m: batch, dA + t * batch * width, lda: width, into: targetH, ldc: hidden)
                }
            }
            var grads: [Tensor?] = [nil, nil, nil, nil, nil]
            withExtendedLifetime((X, H0, Wih, saved, dGates)) {
                if x.requiresGrad {
                    // ∂L/∂X = ∂A · W_ih for all steps at once.
                    let dX = Tensor.zeros([steps, batch, inputs])
                    if inputs > 0 {
                        BLAS.sgemm(transA: false, transB: false, m: rows, n: inputs, k: width, dA, lda: width,
                                   Wih.base, ldb: inputs, dX.storage.pointer, ldc: inputs)
                    }
                    grads[0] = dX
                }
                if h0.requiresGrad { grads[1] = dH0.reshape(h0.shape) }
                if c0.requiresGrad { grads[2] = dC0.reshape(c0.shape) }
                if weightIH.requiresGrad {
                    // ∂L/∂W_ih = Σ_t ∂A_tᵀ X_t: one GEMM over the T·N rows.
                    let dW = Tensor.zeros([width, inputs])
                    if inputs > 0 {
                        BLAS.sgemm(transA: true, transB: false, m: width, n: inputs, k: rows, dA, lda: width,
                                   X.base, ldb: inputs, dW.storage.pointer, ldc: inputs)
                    }
                    grads[3] = dW
                }
                if weightHH.requiresGrad {
                    // ∂L/∂W_hh = Σ_t ∂A_tᵀ H_{t−1}: step 0 reads H_0, the others the outputs.
                    let dW = Tensor(uninitializedShape: [width, hidden])
                    BLAS.sgemm(transA: true, transB: false, m: width, n: hidden, k: batch, dA, lda: width,
                               H0.base, ldb: hidden, dW.storage.pointer, ldc: hidden)
                    if steps > 1 {
                        BLAS.sgemm(transA: true, transB: false, m: width, n: hidden, k: rows - batch,
                                   dA + batch * width, lda: width, Y, ldb: hidden, beta: 1, dW.storage.pointer,
                                   ldc: hidden)
                    }
                    grads[4] = dW
                }
                // Both biases get the column sums of ∂A.
                if biasIH?.requiresGrad == true || biasHH?.requiresGrad == true {
                    let sums = columnSums(dA, rows: rows, width: width)
                    if let biasIH { grads.append(biasIH.requiresGrad ? sums : nil) }
                    if let biasHH { grads.append(biasHH.requiresGrad ? sums.clone() : nil) }
                }
            }
            return grads
        }
    }
}
