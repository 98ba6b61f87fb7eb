// The CBLAS interface of OpenBLAS (Debian: libopenblas-dev), used for every GEMM in D2L.
#include <cblas.h>
