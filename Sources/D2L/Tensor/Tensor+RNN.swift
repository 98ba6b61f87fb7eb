// The recurrence of an Elman RNN over a whole sequence, forward and backward through time, as
// one autograd operation (§8.4–§8.6, §8.7):
//
//     H_t = f(X_t W_ihᵀ + b_ih + H_{t−1} W_hhᵀ + b_hh),   f = tanh or ReLU.
//
// Recording one node per step and per elementary operation would put ~10 nodes per step in the
// graph (35 steps: ~350 nodes, each with its temporaries). Here the forward pass is one GEMM for
// the input projection of all T steps, then per step one GEMM that adds H_{t−1}W_hhᵀ in place and
// one fused activation; backward through time is, per step, one fused activation derivative and
// one GEMM that carries the gradient to H_{t−1}, then three GEMMs for the weight gradients of all
// steps at once.
//
// The per-step products with W_hhᵀ (forward) and W_hh (backward) use a `PackedMatrix`: the
// weight is packed once per sequence instead of once per step (PackedGEMM.swift).

extension Tensor {
    /// The hidden states H_1 … H_T [T, N, h] of a one-layer RNN run over `x` [T, N, d] from `h0`
    /// ([N, h], or [1, N, h]), recorded as a single `RnnBackward0` node.
    ///
    /// d2l: what `nn.RNN` computes for one layer (§8.6); `rnn` of §8.5 computes the same with one
    /// tensor operation at a time. `weightIH` is [h, d] and `weightHH` [h, h] (PyTorch's layout),
    /// the biases [h].
    static func rnnRecurrence(_ x: Tensor, _ h0: Tensor, weightIH: Tensor, weightHH: Tensor,
                              biasIH: Tensor?, biasHH: Tensor?, relu: Bool) -> Tensor {
        let steps = x.shape[0], batch = x.shape[1], inputs = x.shape[2], hidden = weightHH.shape[0]
        check(x.ndim == 3 && weightIH.shape == [hidden, inputs] && weightHH.shape == [hidden, hidden]
              && h0.count == batch * hidden && (h0.ndim == 2 || (h0.ndim == 3 && h0.shape[0] == 1)),
              "rnnRecurrence: X \(x.shape) [T, N, d], H0 \(h0.shape) [N, h], W_ih \(weightIH.shape) [h, d] "
              + "and W_hh \(weightHH.shape) [h, h] do not fit")
        for b in [biasIH, biasHH].compactMap({ $0 }) {
            check(b.shape == [hidden], "rnnRecurrence: a bias must be [\(hidden)], got \(b.shape)")
        }
        check([x, h0, weightIH, weightHH].allSatisfy { $0.dtype == .float32 },
              "rnnRecurrence: inputs, state and weights must be float32 (one-hot inputs: call .float())")
        let rows = steps * batch, stepSize = batch * hidden
        let X = x.rawContiguous(), H0 = h0.rawContiguous()
        let Wih = weightIH.rawContiguous(), Whh = weightHH.rawContiguous()
        let out = Tensor(uninitializedShape: [steps, batch, hidden])
        let Y = out.storage.pointer
        // Every row starts as b_ih + b_hh; the input projection of all steps is added by one GEMM.
        let bias = Tensor.zeros([hidden])
        let sum = bias.storage.pointer
        for b in [biasIH, biasHH].compactMap({ $0 }) {
            let values = b.rawContiguous()
            withExtendedLifetime(values) { for j in 0..<hidden { sum[j] += values.base[j] } }
        }
        withExtendedLifetime(bias) { for r in 0..<rows { (Y + r * hidden).update(from: sum, count: hidden) } }
        withExtendedLifetime((X, H0, Wih, Whh)) {
            if rows > 0 && inputs > 0 {
                BLAS.sgemm(transA: false, transB: true, m: rows, n: hidden, k: inputs, X.base, lda: inputs,
                           Wih.base, ldb: inputs, beta: 1, Y, ldc: hidden)
            }
            let recurrentWeight = PackedMatrix(Whh.base, ldb: hidden, transposed: true, k: hidden, n: hidden)
            for t in 0..<steps {
                let previous = t == 0 ? UnsafePointer(H0.base) : UnsafePointer(Y + (t - 1) * stepSize)
                recurrentWeight.multiplyAdd(m: batch, previous, lda: hidden, into: Y + t * stepSize, ldc: hidden)
                activateInPlace(Y + t * stepSize, count: stepSize, relu: relu)
            }
        }
        let inputsList = [x, h0, weightIH, weightHH] + [biasIH, biasHH].compactMap { $0 }
        let saved = out.detach()
        return record(out, "RnnBackward0", inputs: inputsList, saves: [x, h0, weightIH, weightHH, saved]) { g in
            // D holds ∂L/∂H_t, then (after the activation's derivative) ∂L/∂Z_t, step by step from
            // the last: the GEMM adds ∂L/∂Z_t · W_hh into the gradient of H_{t−1}.
            let D = g.contiguousCopy()
            let dZ = D.storage.pointer
            let dH0 = Tensor.zeros([batch, hidden])
            withExtendedLifetime((X, H0, Wih, Whh, saved)) {
                let recurrentWeight = PackedMatrix(Whh.base, ldb: hidden, transposed: false, k: hidden, n: hidden)
                for t in stride(from: steps - 1, through: 0, by: -1) {
                    activationGradInPlace(dZ + t * stepSize, output: Y + t * stepSize, count: stepSize, relu: relu)
                    let target = t == 0 ? dH0.storage.pointer : dZ + (t - 1) * stepSize
                    recurrentWeight.multiplyAdd(m: batch, dZ + t * stepSize, lda: hidden, into: target, ldc: hidden)
                }
            }
            var grads: [Tensor?] = [nil, nil, nil, nil]
            withExtendedLifetime((X, H0, Wih, Whh, saved, D)) {
                if x.requiresGrad && inputs > 0 {
                    // ∂L/∂X = ∂L/∂Z · W_ih for all steps at once.
                    let dX = Tensor(uninitializedShape: [steps, batch, inputs])
                    BLAS.sgemm(transA: false, transB: false, m: rows, n: inputs, k: hidden, dZ, lda: hidden,
                               Wih.base, ldb: inputs, dX.storage.pointer, ldc: inputs)
                    grads[0] = dX
                } else if x.requiresGrad {
                    grads[0] = Tensor.zeros(x.shape)
                }
                if h0.requiresGrad { grads[1] = dH0.reshape(h0.shape) }
                if weightIH.requiresGrad {
                    // ∂L/∂W_ih = Σ_t ∂L/∂Z_tᵀ X_t: one GEMM over the T·N rows.
                    let dW = Tensor.zeros([hidden, inputs])
                    if inputs > 0 {
                        BLAS.sgemm(transA: true, transB: false, m: hidden, n: inputs, k: rows, dZ, lda: hidden,
                                   X.base, ldb: inputs, dW.storage.pointer, ldc: inputs)
                    }
                    grads[2] = dW
                }
                if weightHH.requiresGrad {
                    // ∂L/∂W_hh = Σ_t ∂L/∂Z_tᵀ H_{t−1}: steps 1…T−1 read H_0 … H_{T−2} straight from
                    // the output (one GEMM), step 0 reads the initial state (a second one).
                    let dW = Tensor(uninitializedShape: [hidden, hidden])
                    BLAS.sgemm(transA: true, transB: false, m: hidden, n: hidden, k: batch, dZ, lda: hidden,
                               H0.base, ldb: hidden, dW.storage.pointer, ldc: hidden)
                    if steps > 1 {
                        BLAS.sgemm(transA: true, transB: false, m: hidden, n: hidden, k: rows - batch,
                                   dZ + stepSize, lda: hidden, Y, ldb: hidden, beta: 1, dW.storage.pointer, ldc: hidden)
                    }
                    grads[3] = dW
                }
            }
            // Both biases get the column sums of ∂L/∂Z.
            if biasIH?.requiresGrad == true || biasHH?.requiresGrad == true {
                let sums = Tensor.zeros([hidden])
                let s = sums.storage.pointer
                for r in 0..<rows {
                    let row = dZ + r * hidden
                    for j in 0..<hidden { s[j] += row[j] }
                }
                if let biasIH { grads.append(biasIH.requiresGrad ? sums : nil) }
                if let biasHH { grads.append(biasHH.requiresGrad ? sums.clone() : nil) }
            }
            return grads
        }
    }

    /// This tensor's values as a contiguous tensor off the graph (itself when already so), for
    /// kernels that read raw buffers (also the GRU and LSTM recurrences).
    func rawContiguous() -> Tensor { isContiguous ? detach() : contiguousCopy() }

    /// A [rows, width] tensor whose every row is the sum of `biases` ([width] each; zeros when
    /// there are none): where a GEMM with β = 1 then adds a projection (the gated recurrences).
    static func rowsOfBiases(_ biases: [Tensor], rows: Int, width: Int) -> Tensor {
        let sum = Tensor.zeros([width])
        let s = sum.storage.pointer
        for b in biases {
            let values = b.rawContiguous()
            withExtendedLifetime(values) { for j in 0..<width { s[j] += values.base[j] } }
        }
        let out = Tensor(uninitializedShape: [rows, width])
        let o = out.storage.pointer
        withExtendedLifetime(sum) { for r in 0..<rows { (o + r * width).update(from: s, count: width) } }
        return out
    }

    /// The column sums [width] of a [rows, width] buffer: a bias gradient summed over all steps
    /// and sequences.
    static func columnSums(_ p: UnsafePointer<Float>, rows: Int, width: Int) -> Tensor {
        let sums = Tensor.zeros([width])
        let s = sums.storage.pointer
        for r in 0..<rows {
            let row = p + r * width
            for j in 0..<width { s[j] += row[j] }
        }
        return sums
    }
}
