// The fused gate kernels of one GRU or LSTM time step, called by Tensor+GRU.swift and
// Tensor+LSTM.swift. The loops themselves are in C (Sources/CKernels/recurrent_gates.c), compiled
// for AVX-512, AVX2 and baseline x86-64 with the best chosen at run time; these names keep the
// Swift call sites readable.
import CKernels

/// One LSTM step for `rows` sequences of `h` hidden units, PyTorch's gate order i, f, g, o:
///
///     i = σ(a_i),  f = σ(a_f),  g = tanh(a_g),  o = σ(a_o),  c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c').
///
/// `preactivations` rows are a = X W_ihᵀ + b_ih + H W_hhᵀ + b_hh (4h wide) and are overwritten
/// with [i | f | g | o], what the backward pass reads; `cell` and `output` receive c' and h'.
@inline(__always)
func lstmStepForward(preactivations a: UnsafeMutablePointer<Float>, previousCell cp: UnsafePointer<Float>, rows: Int,
                     width h: Int, cell: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
    d2l_lstm_step_forward(a, cp, Int32(rows), Int32(h), cell, output)
}

/// The backward of `lstmStepForward` for one step: from ∂L/∂h' (`dOutput`), ∂L/∂c' (`dCell`,
/// updated in place to the total through c') and the saved gates and cells, writes the
/// gradients of the four pre-activations to `dGates` (4h wide) and adds f ⊙ ∂L/∂c' to
/// `dPreviousCell`; the part of ∂L/∂h through W_hh is one product the caller adds.
@inline(__always)
func lstmStepBackward(dOutput dy: UnsafePointer<Float>, dCell dc: UnsafeMutablePointer<Float>,
                      gates: UnsafePointer<Float>, cell: UnsafePointer<Float>, previousCell cp: UnsafePointer<Float>,
                      rows: Int, width h: Int, dGates: UnsafeMutablePointer<Float>,
                      dPreviousCell: UnsafeMutablePointer<Float>) {
    d2l_lstm_step_backward(dy, dc, gates, cell, cp, Int32(rows), Int32(h), dGates, dPreviousCell)
}

/// One GRU step for `rows` sequences of `h` hidden units, PyTorch's gate order r, z, n:
///
///     r = σ(x_r + h_r),  z = σ(x_z + h_z),  n = tanh(x_n + r ⊙ h_n),  h' = (1 − z) ⊙ n + z ⊙ h.
///
/// `inputs` rows are [x_r | x_z | x_n] (X W_ihᵀ + b_ih) and `hidden` rows [h_r | h_z | h_n]
/// (H W_hhᵀ + b_hh), both 3h wide; `gates` rows receive [r | z | n | h_n] (4h wide), what the
/// backward pass reads; `output` receives h'.
@inline(__always)
func gruStepForward(inputs xg: UnsafePointer<Float>, hidden hg: UnsafePointer<Float>, previous hp: UnsafePointer<Float>,
                    rows: Int, width h: Int, gates: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
    d2l_gru_step_forward(xg, hg, hp, Int32(rows), Int32(h), gates, output)
}

/// The backward of `gruStepForward` for one step: from ∂L/∂h' (`dOutput`) writes the gradients
/// of the input projection (`dInputs`, [∂x_r | ∂x_z | ∂x_n]) and of the hidden projection
/// (`dHidden`, [∂h_r | ∂h_z | ∂h_n], where ∂h_n = r ⊙ ∂x_n), and adds the direct part
/// z ⊙ ∂L/∂h' to `dPrevious`; the part through W_hh is one product the caller adds.
@inline(__always)
func gruStepBackward(dOutput dy: UnsafePointer<Float>, previous hp: UnsafePointer<Float>, gates: UnsafePointer<Float>,
                     rows: Int, width h: Int, dInputs: UnsafeMutablePointer<Float>, dHidden: UnsafeMutablePointer<Float>,
                     dPrevious: UnsafeMutablePointer<Float>) {
    d2l_gru_step_backward(dy, hp, gates, Int32(rows), Int32(h), dInputs, dHidden, dPrevious)
}
