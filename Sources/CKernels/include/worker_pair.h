// Two cores sharing the many small products of a recurrence (Sources/D2L/Tensor/PackedGEMM.swift).
//
// A recurrent layer runs one small product per time step (about 50 µs at d2l's shapes), and each
// needs the one before it. Handing half of each to a thread pool costs a wake-up of a sleeping
// thread per step, a sizeable part of 50 µs. Here one helper thread stays awake between the
// products of a sequence, spinning on a shared counter, and sleeps only after a fraction of a
// millisecond without work; the caller runs the first half itself, and the second half too when
// the helper has not picked it up by then (on a busy machine it may be off the CPU).
#ifndef D2L_WORKER_PAIR_H
#define D2L_WORKER_PAIR_H

/// C += A · B for a B packed by d2l_pack_b, the panels split between the calling thread and the
/// helper thread (started on first use). When the helper is busy with another caller, or cannot
/// be started, the caller does all the panels itself; the result is the same either way.
void d2l_gemm_packed_pair(int m, int n, int k, const float *a, int lda, const float *packed, float *c, int ldc,
                          int panels, int portable);

#endif
