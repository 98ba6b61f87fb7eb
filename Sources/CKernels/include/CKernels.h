// D2L's C kernels: the recurrent layers' packed product and fused gate steps.
#include "packed_gemm.h"
#include "recurrent_gates.h"
