// C += A · B with B packed once (see include/packed_gemm.h for why).
//
// The work is cut into tiles of 8 rows of C by one 32-column panel. For each tile the
// micro-kernel keeps the 8 × 32 partial sums in sixteen AVX-512 registers and walks k: per step
// it loads one row of the panel (two registers), broadcasts each of the 8 values of A's column
// and does sixteen fused multiply-adds. k is cut into blocks of 256 so a block of the panel
// (32 KiB) stays in the L1 cache while the row tiles reuse it. Tiles at the bottom edge (fewer
// than 8 rows) and at the right edge (a panel padded with zeros) go through an 8 × 32 scratch
// tile, so the micro-kernel itself never needs a bounds check.
#include "packed_gemm.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

enum { ROWS = 8, WIDTH = D2L_PANEL_WIDTH, K_BLOCK = 256 };

size_t d2l_packed_size(int k, int n) {
    size_t panels = (size_t)(n + WIDTH - 1) / WIDTH;
    return panels * (size_t)WIDTH * (size_t)k;
}

void d2l_pack_b(const float *b, int ldb, int transposed, int k, int n, float *packed) {
    int panels = (n + WIDTH - 1) / WIDTH;
    for (int j = 0; j < panels; j++) {
        float *panel = packed + (size_t)j * WIDTH * k;
        int columns = n - j * WIDTH < WIDTH ? n - j * WIDTH : WIDTH;
        for (int p = 0; p < k; p++) {
            float *row = panel + (size_t)p * WIDTH;
            for (int q = 0; q < columns; q++) {
                int col = j * WIDTH + q;
                row[q] = transposed ? b[(size_t)col * ldb + p] : b[(size_t)p * ldb + col];
            }
            for (int q = columns; q < WIDTH; q++) row[q] = 0;
        }
    }
}

/// tile[8 × 32] (leading dimension ldt) += A[8 × kc] · panel[kc × 32], portable version; with
/// optimisation the compiler vectorises the inner loop.
static void tile_portable(int kc, const float *a, int lda, const float *panel, float *tile, int ldt) {
    for (int i = 0; i < ROWS; i++) {
        float sums[WIDTH];
        for (int q = 0; q < WIDTH; q++) sums[q] = 0;
        for (int p = 0; p < kc; p++) {
            float x = a[(size_t)i * lda + p];
            const float *row = panel + (size_t)p * WIDTH;
            for (int q = 0; q < WIDTH; q++) sums[q] += x * row[q];
        }
        for (int q = 0; q < WIDTH; q++) tile[(size_t)i * ldt + q] += sums[q];
    }
}

#if defined(__x86_64__)
/// The same tile with AVX-512: the 8 × 32 sums live in registers for the whole k block.
__attribute__((target("avx512f")))
static void tile_avx512(int kc, const float *a, int lda, const float *panel, float *tile, int ldt) {
    __m512 s00 = _mm512_setzero_ps(), s01 = _mm512_setzero_ps(), s10 = _mm512_setzero_ps(), s11 = _mm512_setzero_ps();
    __m512 s20 = _mm512_setzero_ps(), s21 = _mm512_setzero_ps(), s30 = _mm512_setzero_ps(), s31 = _mm512_setzero_ps();
    __m512 s40 = _mm512_setzero_ps(), s41 = _mm512_setzero_ps(), s50 = _mm512_setzero_ps(), s51 = _mm512_setzero_ps();
    __m512 s60 = _mm512_setzero_ps(), s61 = _mm512_setzero_ps(), s70 = _mm512_setzero_ps(), s71 = _mm512_setzero_ps();
    const float *a0 = a, *a1 = a + lda, *a2 = a + 2 * (size_t)lda, *a3 = a + 3 * (size_t)lda;
    const float *a4 = a + 4 * (size_t)lda, *a5 = a + 5 * (size_t)lda, *a6 = a + 6 * (size_t)lda, *a7 = a + 7 * (size_t)lda;
    for (int p = 0; p < kc; p++) {
        __m512 b0 = _mm512_loadu_ps(panel + (size_t)p * WIDTH), b1 = _mm512_loadu_ps(panel + (size_t)p * WIDTH + 16);
        __m512 x;
        x = _mm512_set1_ps(a0[p]); s00 = _mm512_fmadd_ps(x, b0, s00); s01 = _mm512_fmadd_ps(x, b1, s01);
        x = _mm512_set1_ps(a1[p]); s10 = _mm512_fmadd_ps(x, b0, s10); s11 = _mm512_fmadd_ps(x, b1, s11);
        x = _mm512_set1_ps(a2[p]); s20 = _mm512_fmadd_ps(x, b0, s20); s21 = _mm512_fmadd_ps(x, b1, s21);
        x = _mm512_set1_ps(a3[p]); s30 = _mm512_fmadd_ps(x, b0, s30); s31 = _mm512_fmadd_ps(x, b1, s31);
        x = _mm512_set1_ps(a4[p]); s40 = _mm512_fmadd_ps(x, b0, s40); s41 = _mm512_fmadd_ps(x, b1, s41);
        x = _mm512_set1_ps(a5[p]); s50 = _mm512_fmadd_ps(x, b0, s50); s51 = _mm512_fmadd_ps(x, b1, s51);
        x = _mm512_set1_ps(a6[p]); s60 = _mm512_fmadd_ps(x, b0, s60); s61 = _mm512_fmadd_ps(x, b1, s61);
        x = _mm512_set1_ps(a7[p]); s70 = _mm512_fmadd_ps(x, b0, s70); s71 = _mm512_fmadd_ps(x, b1, s71);
    }
#define D2L_ADD_ROW(i, lo, hi)                                                                      \
    _mm512_storeu_ps(tile + (size_t)(i) * ldt, _mm512_add_ps(_mm512_loadu_ps(tile + (size_t)(i) * ldt), lo)); \
    _mm512_storeu_ps(tile + (size_t)(i) * ldt + 16, _mm512_add_ps(_mm512_loadu_ps(tile + (size_t)(i) * ldt + 16), hi));
    D2L_ADD_ROW(0, s00, s01) D2L_ADD_ROW(1, s10, s11) D2L_ADD_ROW(2, s20, s21) D2L_ADD_ROW(3, s30, s31)
    D2L_ADD_ROW(4, s40, s41) D2L_ADD_ROW(5, s50, s51) D2L_ADD_ROW(6, s60, s61) D2L_ADD_ROW(7, s70, s71)
#undef D2L_ADD_ROW
}
#endif

typedef void (*tile_kernel)(int, const float *, int, const float *, float *, int);

static tile_kernel chosen_kernel(void) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512f")) return tile_avx512;
#endif
    return tile_portable;
}

void d2l_gemm_packed(int m, int n, int k, const float *a, int lda, const float *packed, float *c, int ldc,
                     int first_panel, int end_panel, int portable) {
    tile_kernel kernel = portable ? tile_portable : chosen_kernel();
    float scratch_a[ROWS * K_BLOCK];
    float scratch_c[ROWS * WIDTH];
    for (int j = first_panel; j < end_panel; j++) {
        const float *panel = packed + (size_t)j * WIDTH * k;
        int columns = n - j * WIDTH < WIDTH ? n - j * WIDTH : WIDTH;
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int kc = k - p0 < K_BLOCK ? k - p0 : K_BLOCK;
            for (int i0 = 0; i0 < m; i0 += ROWS) {
                int rows = m - i0 < ROWS ? m - i0 : ROWS;
                const float *a_tile = a + (size_t)i0 * lda + p0;
                int a_ld = lda;
                if (rows < ROWS) {  // bottom edge: zero rows below the last one
                    memset(scratch_a, 0, sizeof scratch_a);
                    for (int i = 0; i < rows; i++) memcpy(scratch_a + i * K_BLOCK, a_tile + (size_t)i * lda, kc * sizeof(float));
                    a_tile = scratch_a;
                    a_ld = K_BLOCK;
                }
                float *c_tile = c + (size_t)i0 * ldc + (size_t)j * WIDTH;
                if (rows == ROWS && columns == WIDTH) {
                    kernel(kc, a_tile, a_ld, panel + (size_t)p0 * WIDTH, c_tile, ldc);
                } else {  // an edge tile: sum into scratch, then add what lies inside C
                    memset(scratch_c, 0, sizeof scratch_c);
                    kernel(kc, a_tile, a_ld, panel + (size_t)p0 * WIDTH, scratch_c, WIDTH);
                    for (int i = 0; i < rows; i++)
                        for (int q = 0; q < columns; q++) c_tile[(size_t)i * ldc + q] += scratch_c[i * WIDTH + q];
                }
            }
        }
    }
}
