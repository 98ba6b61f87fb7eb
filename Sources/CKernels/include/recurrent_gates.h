// The fused gate kernels of one time step of the GRU and LSTM layers (Sources/D2L/Tensor/
// Tensor+GRU.swift, Tensor+LSTM.swift), forward and backward. They are in C so that one build
// runs AVX-512 code on CPUs that have it and AVX2 or SSE code elsewhere (chosen at run time):
// the exponentials of the gates are most of an LSTM step's non-GEMM time, and Swift compiles
// for the baseline x86-64 only. Every pointer is to `rows` rows of floats, row-major.
#ifndef D2L_RECURRENT_GATES_H
#define D2L_RECURRENT_GATES_H

/// One LSTM step, PyTorch's gate order i, f, g, o:
///   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c').
/// `a` rows are the pre-activations (4h wide), overwritten with [i | f | g | o] for backward;
/// `cell` and `output` receive c' and h' (h wide); `previous_cell` is c.
void d2l_lstm_step_forward(float *a, const float *previous_cell, int rows, int h, float *cell, float *output);

/// The backward of d2l_lstm_step_forward: from ∂L/∂h' (`d_output`), ∂L/∂c' (`d_cell`, updated in
/// place to the total through c'), the saved gates and cells, writes the gradients of the four
/// pre-activations to `d_gates` (4h wide) and adds f ⊙ ∂L/∂c' to `d_previous_cell`.
void d2l_lstm_step_backward(const float *d_output, float *d_cell, const float *gates, const float *cell,
                            const float *previous_cell, int rows, int h, float *d_gates, float *d_previous_cell);

/// One GRU step, PyTorch's gate order r, z, n:
///   r = σ(x_r + u_r), z = σ(x_z + u_z), n = tanh(x_n + r ⊙ u_n), h' = (1 − z) ⊙ n + z ⊙ h.
/// `inputs` rows are [x_r | x_z | x_n] (X W_ihᵀ + b_ih) and `hidden` rows [u_r | u_z | u_n]
/// (H W_hhᵀ + b_hh), both 3h wide; `gates` rows receive [r | z | n | u_n] (4h wide) for
/// backward; `output` receives h'.
void d2l_gru_step_forward(const float *inputs, const float *hidden, const float *previous, int rows, int h,
                          float *gates, float *output);

/// The backward of d2l_gru_step_forward: from ∂L/∂h' (`d_output`) writes the gradients of the
/// input projection (`d_inputs`, [∂x_r | ∂x_z | ∂x_n]) and of the hidden projection (`d_hidden`,
/// [∂u_r | ∂u_z | ∂u_n] with ∂u_n = r ⊙ ∂x_n), and adds the direct part z ⊙ ∂L/∂h' to
/// `d_previous`; the part through W_hh is a product the caller adds.
void d2l_gru_step_backward(const float *d_output, const float *previous, const float *gates, int rows, int h,
                           float *d_inputs, float *d_hidden, float *d_previous);

#endif
