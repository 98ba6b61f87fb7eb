// A matrix product for the recurrent layers (Sources/D2L/Tensor/Tensor+LSTM.swift and its
// siblings): C += A · B where B is the same weight matrix at every time step.
//
// A GEMM library repacks both operands into cache-sized panels on every call. A recurrent layer
// multiplies by the same W_hh at each of its T steps, forward and backward, with a small A (the
// batch's hidden states), so for d2l's shapes (batch 32, hidden 256) the repacking of W_hh costs
// about as much as the arithmetic. Here B is packed once per sequence (d2l_pack_b) and every
// step runs only the arithmetic (d2l_gemm_packed), with an AVX-512 micro-kernel where the CPU has
// one and a plain C loop elsewhere.
#ifndef D2L_PACKED_GEMM_H
#define D2L_PACKED_GEMM_H

#include <stddef.h>

/// Columns of B per packed panel (two AVX-512 registers of floats).
#define D2L_PANEL_WIDTH 32

/// Floats needed to pack a k × n matrix B: n rounded up to whole panels, times k.
size_t d2l_packed_size(int k, int n);

/// Packs op(B), a k × n matrix, into panels of D2L_PANEL_WIDTH columns: panel j holds, for each
/// row p = 0..<k, the columns j·W ..< (j+1)·W of row p, contiguous, zero beyond column n.
/// op(B) is B (row-major, leading dimension ldb) or, with `transposed`, Bᵀ where B is n × k.
void d2l_pack_b(const float *b, int ldb, int transposed, int k, int n, float *packed);

/// C[m × n] += A[m × k] · op(B) for the panels first_panel ..< end_panel of a B packed by
/// d2l_pack_b (row-major A and C with leading dimensions lda and ldc). Disjoint panel ranges
/// write disjoint columns of C, so two threads can share one product. `portable` set runs the
/// plain C micro-kernel even where AVX-512 is available (the tests check both).
void d2l_gemm_packed(int m, int n, int k, const float *a, int lda, const float *packed, float *c, int ldc,
                     int first_panel, int end_panel, int portable);

#endif
