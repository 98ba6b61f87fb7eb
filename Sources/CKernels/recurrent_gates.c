// Gate kernels of the GRU and LSTM steps (see include/recurrent_gates.h). Each function is
// compiled three times (AVX-512, AVX2 with FMA, baseline) and the loader picks the best the CPU
// runs. The loops are short and each writes one array, so the compiler vectorises all of them;
// the exponential and tanh are the same Cephes approximations as `fastExp` and `fastTanh` in
// Sources/D2L/Tensor/Tensor+ElementwiseKernels.swift (relative error about 2e-7), written with
// no branch and no call so they vectorise too.
#include "recurrent_gates.h"

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#define D2L_VARIANTS __attribute__((target_clones("avx512f", "arch=x86-64-v3", "default")))
#else
#define D2L_VARIANTS
#endif

static inline float bits_to_float(uint32_t u) { float f; memcpy(&f, &u, sizeof f); return f; }
static inline uint32_t float_to_bits(float f) { uint32_t u; memcpy(&u, &f, sizeof u); return u; }

/// eˣ: x = k·ln 2 + r, a degree-6 polynomial for eʳ, and 2ᵏ built in the exponent bits (as two
/// halves, so both stay normal floats at the ends of the range). ∞ above, 0 below; NaN stays NaN.
static inline float exp_approx(float x) {
    float clamped = x < -87.33654f ? -87.33654f : (x > 88.72283f ? 88.72283f : x);
    float shifted = clamped * 1.44269504f + 12582912.0f;  // rounds x·log₂e into the low mantissa bits
    float k = shifted - 12582912.0f;
    float r = clamped - k * 0.693359375f + k * 2.1219444e-4f;
    float p = 1.98756915e-4f;
    p = p * r + 1.39819995e-3f;
    p = p * r + 8.3334519e-3f;
    p = p * r + 4.16657959e-2f;
    p = p * r + 0.16666665f;
    p = p * r + 0.5f;
    float y = p * r * r + r + 1.0f;
    int32_t k32 = (int32_t)float_to_bits(shifted) - 0x4B400000;
    int32_t half = k32 >> 1;
    float result = y * bits_to_float((uint32_t)(half + 127) << 23) * bits_to_float((uint32_t)(k32 - half + 127) << 23);
    result = x > 88.72283f ? __builtin_inff() : result;
    result = x < -87.33654f ? 0.0f : result;
    return x != x ? x : result;
}

static inline float sigmoid_approx(float x) { return 1.0f / (1.0f + exp_approx(-x)); }

/// tanh: an odd polynomial below |x| = 0.625, 1 − 2/(e^{2|x|} + 1) with x's sign above.
static inline float tanh_approx(float x) {
    float a = x < 0 ? -x : x;
    float e = exp_approx(2.0f * (a < 10.0f ? a : 10.0f));
    float outer = 1.0f - 2.0f / (e + 1.0f);
    outer = x < 0 ? -outer : outer;
    float z = x * x;
    float p = -5.70498872745e-3f;
    p = p * z + 2.06390887954e-2f;
    p = p * z - 5.37397155531e-2f;
    p = p * z + 1.33314422036e-1f;
    p = p * z - 3.33332819422e-1f;
    float inner = p * z * x + x;
    return a < 0.625f ? inner : (x != x ? x : outer);
}

D2L_VARIANTS
void d2l_lstm_step_forward(float *a, const float *previous_cell, int rows, int h, float *cell, float *output) {
    for (int row = 0; row < rows; row++) {
        float *restrict g = a + (long)row * 4 * h;
        const float *restrict c0 = previous_cell + (long)row * h;
        float *restrict c = cell + (long)row * h, *restrict y = output + (long)row * h;
        for (int j = 0; j < 2 * h; j++) g[j] = sigmoid_approx(g[j]);                // i, f
        for (int j = 2 * h; j < 3 * h; j++) g[j] = tanh_approx(g[j]);               // g
        for (int j = 3 * h; j < 4 * h; j++) g[j] = sigmoid_approx(g[j]);            // o
        for (int j = 0; j < h; j++) c[j] = g[h + j] * c0[j] + g[j] * g[2 * h + j];  // c'
        for (int j = 0; j < h; j++) y[j] = g[3 * h + j] * tanh_approx(c[j]);        // h'
    }
}

D2L_VARIANTS
void d2l_lstm_step_backward(const float *d_output, float *d_cell, const float *gates, const float *cell,
                            const float *previous_cell, int rows, int h, float *d_gates, float *d_previous_cell) {
    for (int row = 0; row < rows; row++) {
        const float *restrict gy = d_output + (long)row * h, *restrict g = gates + (long)row * 4 * h;
        const float *restrict c = cell + (long)row * h, *restrict c0 = previous_cell + (long)row * h;
        float *restrict gc = d_cell + (long)row * h, *restrict da = d_gates + (long)row * 4 * h;
        float *restrict dc0 = d_previous_cell + (long)row * h;
        float *restrict tc = d_gates + (long)row * 4 * h + 3 * h;  // holds tanh(c') until the o gradient replaces it
        for (int j = 0; j < h; j++) tc[j] = tanh_approx(c[j]);
        for (int j = 0; j < h; j++) gc[j] += gy[j] * g[3 * h + j] * (1 - tc[j] * tc[j]);   // total ∂L/∂c'
        for (int j = 0; j < h; j++) tc[j] = gy[j] * tc[j] * g[3 * h + j] * (1 - g[3 * h + j]);  // o
        for (int j = 0; j < h; j++) dc0[j] += gc[j] * g[h + j];
        for (int j = 0; j < h; j++) da[j] = gc[j] * g[2 * h + j] * g[j] * (1 - g[j]);                      // i
        for (int j = 0; j < h; j++) da[h + j] = gc[j] * c0[j] * g[h + j] * (1 - g[h + j]);                 // f
        for (int j = 0; j < h; j++) da[2 * h + j] = gc[j] * g[j] * (1 - g[2 * h + j] * g[2 * h + j]);      // g
    }
}

D2L_VARIANTS
void d2l_gru_step_forward(const float *inputs, const float *hidden, const float *previous, int rows, int h,
                          float *gates, float *output) {
    for (int row = 0; row < rows; row++) {
        const float *restrict x = inputs + (long)row * 3 * h, *restrict u = hidden + (long)row * 3 * h;
        const float *restrict prev = previous + (long)row * h;
        float *restrict g = gates + (long)row * 4 * h, *restrict y = output + (long)row * h;
        for (int j = 0; j < 2 * h; j++) g[j] = sigmoid_approx(x[j] + u[j]);                    // r, z
        for (int j = 0; j < h; j++) g[3 * h + j] = u[2 * h + j];                                // u_n, for backward
        for (int j = 0; j < h; j++) g[2 * h + j] = tanh_approx(x[2 * h + j] + g[j] * u[2 * h + j]);  // n
        for (int j = 0; j < h; j++) y[j] = (1 - g[h + j]) * g[2 * h + j] + g[h + j] * prev[j];  // h'
    }
}

D2L_VARIANTS
void d2l_gru_step_backward(const float *d_output, const float *previous, const float *gates, int rows, int h,
                           float *d_inputs, float *d_hidden, float *d_previous) {
    for (int row = 0; row < rows; row++) {
        const float *restrict gy = d_output + (long)row * h, *restrict prev = previous + (long)row * h;
        const float *restrict g = gates + (long)row * 4 * h;
        float *restrict dx = d_inputs + (long)row * 3 * h, *restrict du = d_hidden + (long)row * 3 * h;
        float *restrict dp = d_previous + (long)row * h;
        for (int j = 0; j < h; j++) dp[j] += gy[j] * g[h + j];  // through z ⊙ h
        for (int j = 0; j < h; j++)                              // n's pre-activation
            dx[2 * h + j] = gy[j] * (1 - g[h + j]) * (1 - g[2 * h + j] * g[2 * h + j]);
        for (int j = 0; j < h; j++)                              // z's pre-activation
            dx[h + j] = gy[j] * (prev[j] - g[2 * h + j]) * g[h + j] * (1 - g[h + j]);
        for (int j = 0; j < h; j++)                              // r's, through r ⊙ u_n
            dx[j] = dx[2 * h + j] * g[3 * h + j] * g[j] * (1 - g[j]);
        for (int j = 0; j < 2 * h; j++) du[j] = dx[j];
        for (int j = 0; j < h; j++) du[2 * h + j] = dx[2 * h + j] * g[j];
    }
}
