// See include/worker_pair.h. Jobs are numbered. The caller writes the job, then publishes its
// number in `posted`; whoever first moves `claimed` from the previous number to this one runs the
// second half: the helper when it is awake and quick, else the caller itself once its own half is
// done (so a helper that is asleep or off the CPU never holds the caller up). The helper reports
// a half it ran in `finished`. A helper that sees no job for SPIN_ROUNDS polls takes the mutex,
// says it is asleep and waits on the condition variable; a caller that finds it asleep signals
// it under the same mutex, so no wake-up is lost.
#include "worker_pair.h"

#include "packed_gemm.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define D2L_PAUSE() _mm_pause()
#else
#define D2L_PAUSE() ((void)0)
#endif

enum { SPIN_ROUNDS = 4000 };  // a fraction of a millisecond of pause instructions

typedef struct {
    int m, n, k, lda, ldc, first_panel, end_panel, portable;
    const float *a, *packed;
    float *c;
} job;

static job current;
static atomic_long posted, claimed, finished;
static atomic_flag in_use = ATOMIC_FLAG_INIT;
static atomic_int asleep;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_once_t started_once = PTHREAD_ONCE_INIT;
static int started;

static void run(const job *j) {
    d2l_gemm_packed(j->m, j->n, j->k, j->a, j->lda, j->packed, j->c, j->ldc, j->first_panel, j->end_panel, j->portable);
}

static void *helper_main(void *unused) {
    (void)unused;
    long seen = 0;
    for (;;) {
        int rounds = 0;
        while (atomic_load(&posted) == seen) {
            if (++rounds < SPIN_ROUNDS) {
                D2L_PAUSE();
                continue;
            }
            pthread_mutex_lock(&lock);
            atomic_store(&asleep, 1);
            while (atomic_load(&posted) == seen) pthread_cond_wait(&wake, &lock);
            atomic_store(&asleep, 0);
            pthread_mutex_unlock(&lock);
            rounds = 0;
        }
        seen = atomic_load(&posted);
        long previous = seen - 1;
        if (atomic_compare_exchange_strong(&claimed, &previous, seen)) {
            job j = current;
            run(&j);
            atomic_store(&finished, seen);
        }
    }
    return 0;
}

static void start_helper(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    started = pthread_create(&thread, &attributes, helper_main, 0) == 0;
    pthread_attr_destroy(&attributes);
}

void d2l_gemm_packed_pair(int m, int n, int k, const float *a, int lda, const float *packed, float *c, int ldc,
                          int panels, int portable) {
    pthread_once(&started_once, start_helper);
    if (!started || panels < 2 || atomic_flag_test_and_set(&in_use)) {
        d2l_gemm_packed(m, n, k, a, lda, packed, c, ldc, 0, panels, portable);
        return;
    }
    int half = panels / 2;
    job mine = {m, n, k, lda, ldc, 0, half, portable, a, packed, c};
    job theirs = {m, n, k, lda, ldc, half, panels, portable, a, packed, c};
    current = theirs;
    long number = atomic_load(&posted) + 1;
    atomic_store(&posted, number);  // sequentially consistent: ordered before the load of `asleep`
    if (atomic_load(&asleep)) {
        pthread_mutex_lock(&lock);
        pthread_cond_signal(&wake);
        pthread_mutex_unlock(&lock);
    }
    run(&mine);
    long previous = number - 1;
    if (atomic_compare_exchange_strong(&claimed, &previous, number)) {
        run(&theirs);  // the helper had not started: do its half too
    } else {
        for (long spins = 0; atomic_load(&finished) != number; spins++) {
            if (spins > SPIN_ROUNDS) sched_yield();
            else D2L_PAUSE();
        }
    }
    atomic_flag_clear(&in_use);
}
