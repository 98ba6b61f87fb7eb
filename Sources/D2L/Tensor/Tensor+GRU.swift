// The recurrence of a gated recurrent unit over a whole sequence, forward and backward through
// time, as one autograd operation (§9.1), with PyTorch's gate order r, z, n:
//
//     r_t = σ(X_t W_irᵀ + b_ir + H_{t−1} W_hrᵀ + b_hr)
//     z_t = σ(X_t W_izᵀ + b_iz + H_{t−1} W_hzᵀ + b_hz)
//     n_t = tanh(X_t W_inᵀ + b_in + r_t ⊙ (H_{t−1} W_hnᵀ + b_hn))
//     H_t = (1 − z_t) ⊙ n_t + z_t ⊙ H_{t−1}
//
// The three input projections of all T steps are one GEMM ([T·N, d] · [d, 3h]); each step is one
// GEMM for the three hidden projections ([N, h] · [h, 3h]) and one fused gate kernel
// (`gruStepForward`). Backward through time is, per step, one fused kernel and one GEMM that
// carries the gradient to H_{t−1}; the weight gradients of all steps are then four GEMMs.
//
// The per-step products with W_hhᵀ (forward) and W_hh (backward) use a `PackedMatrix`: the
// weight is packed once per sequence instead of once per step (PackedGEMM.swift).

extension Tensor {
    /// The hidden states H_1 … H_T [T, N, h] of a one-layer GRU run over `x` [T, N, d] from `h0`
    /// ([N, h], or [1, N, h]), recorded as a single `GruBackward0` node.
    ///
    /// d2l: what `nn.GRU` computes for one layer (§9.1.3); `gru` of §9.1.2 computes the same with
    /// one tensor operation at a time. `weightIH` is [3h, d] and `weightHH` [3h, h], the rows of
    /// the r, z and n gates one after the other (PyTorch's layout), the biases [3h].
    static func gruRecurrence(_ x: Tensor, _ h0: Tensor, weightIH: Tensor, weightHH: Tensor,
                              biasIH: Tensor?, biasHH: Tensor?) -> Tensor {
        let hidden = weightHH.shape.count == 2 ? weightHH.shape[1] : 0
        check(x.ndim == 3 && hidden > 0 && weightIH.shape == [3 * hidden, x.shape[2]]
              && weightHH.shape == [3 * hidden, hidden] && h0.count == x.shape[1] * hidden
              && (h0.ndim == 2 || (h0.ndim == 3 && h0.shape[0] == 1)),
              "gruRecurrence: X \(x.shape) [T, N, d], H0 \(h0.shape) [N, h], W_ih \(weightIH.shape) [3h, d] "
              + "and W_hh \(weightHH.shape) [3h, h] do not fit")
        for b in [biasIH, biasHH].compactMap({ $0 }) {
            check(b.shape == [3 * hidden], "gruRecurrence: a bias must be [\(3 * hidden)], got \(b.shape)")
        }
        check([x, h0, weightIH, weightHH].allSatisfy { $0.dtype == .float32 },
              "gruRecurrence: inputs, state and weights must be float32 (one-hot inputs: call .float())")
        let steps = x.shape[0], batch = x.shape[1], inputs = x.shape[2]
        let rows = steps * batch, width = 3 * hidden, stepSize = batch * hidden
        let X = x.rawContiguous(), H0 = h0.rawContiguous()
        let Wih = weightIH.rawContiguous(), Whh = weightHH.rawContiguous()
        // Rows of X W_ihᵀ + b_ih for every step, and the per-step start value b_hh of H W_hhᵀ + b_hh.
        let projected = rowsOfBiases([biasIH].compactMap { $0 }, rows: rows, width: width)
        let hiddenBias = rowsOfBiases([biasHH].compactMap { $0 }, rows: batch, width: width)
        let hiddenPart = Tensor(uninitializedShape: [batch, width])
        let gates = Tensor(uninitializedShape: [rows, 4 * hidden])  // r, z, n, W_hn h + b_hn per row
        let out = Tensor(uninitializedShape: [steps, batch, hidden])
        let Y = out.storage.pointer, P = projected.storage.pointer, U = hiddenPart.storage.pointer
        let G = gates.storage.pointer
        withExtendedLifetime((X, H0, Wih, Whh, projected, hiddenBias, hiddenPart, gates)) {
            if inputs > 0 {
                BLAS.sgemm(transA: false, transB: true, m: rows, n: width, k: inputs, X.base, lda: inputs,
                           Wih.base, ldb: inputs, beta: 1, P, ldc: width)
            }
            let recurrentWeight = PackedMatrix(Whh.base, ldb: hidden, transposed: true, k: hidden, n: width)
            for t in 0..<steps {
                let previous = t == 0 ? UnsafePointer(H0.base) : UnsafePointer(Y + (t - 1) * stepSize)
                U.update(from: hiddenBias.storage.pointer, count: batch * width)
                recurrentWeight.multiplyAdd(m: batch, previous, lda: hidden, into: U, ldc: width)
                gruStepForward(inputs: P + t * batch * width, hidden: U, previous: previous, rows: batch,
                               width: hidden, gates: G + t * batch * 4 * hidden, output: Y + t * stepSize)
            }
        }
        let inputsList = [x, h0, weightIH, weightHH] + [biasIH, biasHH].compactMap { $0 }
        let saved = out.detach()
        return record(out, "GruBackward0", inputs: inputsList, saves: [x, h0, weightIH, weightHH, saved]) { g in
            // D holds ∂L/∂H_t; going back from the last step, each step adds its gradient of
            // H_{t−1} (direct through z, and through W_hh) into the slot of step t − 1.
            let D = g.contiguousCopy()
            let dY = D.storage.pointer
            let dH0 = Tensor.zeros([batch, hidden])
            let dIn = Tensor(uninitializedShape: [rows, width]), dHid = Tensor(uninitializedShape: [rows, width])
            let dI = dIn.storage.pointer, dU = dHid.storage.pointer
            withExtendedLifetime((H0, Whh, saved, gates)) {
                let recurrentWeight = PackedMatrix(Whh.base, ldb: hidden, transposed: false, k: width, n: hidden)
                for t in stride(from: steps - 1, through: 0, by: -1) {
                    let previous = t == 0 ? UnsafePointer(H0.base) : UnsafePointer(Y + (t - 1) * stepSize)
                    let target = t == 0 ? dH0.storage.pointer : dY + (t - 1) * stepSize
                    gruStepBackward(dOutput: dY + t * stepSize, previous: previous, gates: G + t * batch * 4 * hidden,
                                    rows: batch, width: hidden, dInputs: dI + t * batch * width,
                                    dHidden: dU + t * batch * width, dPrevious: target)
                    recurrentWeight.multiplyAdd(m: batch, dU + t * batch * width, lda: width, into: target, ldc: hidden)
                }
            }
            var grads: [Tensor?] = [nil, nil, nil, nil]
            withExtendedLifetime((X, H0, Wih, saved, dIn, dHid)) {
                if x.requiresGrad {
                    // ∂L/∂X = ∂A_x · W_ih for all steps at once.
                    let dX = Tensor.zeros([steps, batch, inputs])
                    if inputs > 0 {
                        BLAS.sgemm(transA: false, transB: false, m: rows, n: inputs, k: width, dI, lda: width,
                                   Wih.base, ldb: inputs, dX.storage.pointer, ldc: inputs)
                    }
                    grads[0] = dX
                }
                if h0.requiresGrad { grads[1] = dH0.reshape(h0.shape) }
                if weightIH.requiresGrad {
                    // ∂L/∂W_ih = Σ_t ∂A_x,tᵀ X_t: one GEMM over the T·N rows.
                    let dW = Tensor.zeros([width, inputs])
                    if inputs > 0 {
                        BLAS.sgemm(transA: true, transB: false, m: width, n: inputs, k: rows, dI, lda: width,
                                   X.base, ldb: inputs, dW.storage.pointer, ldc: inputs)
                    }
                    grads[2] = dW
                }
                if weightHH.requiresGrad {
                    // ∂L/∂W_hh = Σ_t ∂A_h,tᵀ H_{t−1}: step 0 reads H_0, the others the outputs.
                    let dW = Tensor(uninitializedShape: [width, hidden])
                    BLAS.sgemm(transA: true, transB: false, m: width, n: hidden, k: batch, dU, lda: width,
                               H0.base, ldb: hidden, dW.storage.pointer, ldc: hidden)
                    if steps > 1 {
                        BLAS.sgemm(transA: true, transB: false, m: width, n: hidden, k: rows - batch,
                                   dU + batch * width, lda: width, Y, ldb: hidden, beta: 1, dW.storage.pointer,
                                   ldc: hidden)
                    }
                    grads[3] = dW
                }
                if let biasIH { grads.append(biasIH.requiresGrad ? columnSums(dI, rows: rows, width: width) : nil) }
                if let biasHH { grads.append(biasHH.requiresGrad ? columnSums(dU, rows: rows, width: width) : nil) }
            }
            return grads
        }
    }
}
