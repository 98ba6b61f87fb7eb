// The C baseline for d2l-bench's sgemm figures: the same OpenBLAS cblas_sgemm, called directly
// on n x n row-major matrices, timed the same way: clock_gettime(CLOCK_MONOTONIC), median of 9
// runs after one warm-up call. Built with -O2 in every configuration (see Package.swift).
// Run: swift run -c release sgemm-reference
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void) {
    enum { RUNS = 9 };
    printf("sgemm-reference: C calling OpenBLAS cblas_sgemm (%s, %d threads), median of %d runs\n",
           openblas_get_corename(), openblas_get_num_threads(), RUNS);
    printf("\n%6s %10s %10s\n", "n", "ms", "GFLOP/s");
    for (int n = 256; n <= 2048; n *= 2) {
        size_t count = (size_t)n * (size_t)n;
        float *a = malloc(count * sizeof(float)), *b = malloc(count * sizeof(float));
        float *c = malloc(count * sizeof(float));
        if (!a || !b || !c) { fprintf(stderr, "out of memory for n = %d\n", n); return 1; }
        srand(1);
        for (size_t i = 0; i < count; i++) {
            a[i] = (float)rand() / (float)RAND_MAX - 0.5f;
            b[i] = (float)rand() / (float)RAND_MAX - 0.5f;
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
        double times[RUNS];
        for (int r = 0; r < RUNS; r++) {
            double start = seconds();
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
            times[r] = seconds() - start;
        }
        qsort(times, RUNS, sizeof(double), compare);
        double median = times[RUNS / 2];
        printf("%6d %10.2f %10.1f\n", n, median * 1e3, 2.0 * n * (double)n * n / median / 1e9);
        free(a); free(b); free(c);
    }
    return 0;
}
