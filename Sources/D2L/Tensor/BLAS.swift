import COpenBLAS
import Dispatch
import Foundation

/// The one door to OpenBLAS's `cblas_sgemm`, with one thread pool for the whole library.
///
/// OpenBLAS starts its own worker threads, and after each product they spin (calling
/// `sched_yield`) for a while waiting for more work. Next to D2L's own parallel loops (Dispatch)
/// that spinning took a quarter of LeNet's training time on two cores. So D2L runs OpenBLAS on
/// one thread and splits large products itself: the output is cut into blocks of rows or columns
/// and each core multiplies its block. Small products (the per-image products of a convolution)
/// run on the calling thread, which may itself be one of several workers.
enum BLAS {
    /// Switches OpenBLAS to one thread, and to kernels that fit the processor, once, before the
    /// first product.
    private static let singleThreaded: Void = {
        chooseKernelsForUnknownProcessor()
        openblas_set_num_threads(1)
    }()

    /// OpenBLAS picks its kernels by the processor's model number, and a model newer than the
    /// library (Debian's 0.3.21 does not know Emerald Rapids, model 207) gets the generic
    /// "Prescott" SSE3 kernels: a 256×256 product then runs at ~20 GFLOP/s instead of ~120.
    /// When that happened, the user did not choose a core with `OPENBLAS_CORETYPE`, and the
    /// processor reports AVX-512 or AVX2 with FMA, the kernels are chosen again by those
    /// features, through the same `OPENBLAS_CORETYPE` switch OpenBLAS reads at start-up.
    private static func chooseKernelsForUnknownProcessor() {
        let detected = String(cString: openblas_get_corename()).lowercased()
        guard detected == "prescott", getenv("OPENBLAS_CORETYPE") == nil,
              let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return }
        let flags = Set(flagLine.split(separator: " ").map(String.init))
        let core: String
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) {
            core = "SkylakeX"
        } else if flags.contains("avx2") && flags.contains("fma") {
            core = "Haswell"
        } else {
            return
        }
        // Only a DYNAMIC_ARCH build (Debian's) can switch; other builds lack these two symbols.
        typealias Hook = @convention(c) () -> Void
        guard let library = dlopen(nil, RTLD_NOW),
              let quit = dlsym(library, "gotoblas_dynamic_quit"),
              let initialize = dlsym(library, "gotoblas_dynamic_init") else { return }
        setenv("OPENBLAS_CORETYPE", core, 0)
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(initialize, to: Hook.self)()
        unsetenv("OPENBLAS_CORETYPE")
    }

    /// A product is split only when every core gets at least this many multiply–adds (so from
    /// 2²² on two cores): splitting costs a few microseconds, about what 2²¹ multiply–adds take.
    static let parallelThreshold = 1 << 21

    /// C ← α·op(A)·op(B) + β·C for row-major matrices, with op(A) [m, k] and op(B) [k, n].
    /// `parallel: false` keeps the whole product on the calling thread (for callers that are
    /// already running on every core).
    static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                      _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int, parallel: Bool = true) {
        _ = singleThreaded
        if m == 0 || n == 0 { return }
        let parts = parallel ? Swift.min(Kernels.cores, (m * n * k) / parallelThreshold) : 1
        // Split the longer side of C, so every block keeps a useful shape; a square C is split
        // into blocks of columns, which ran the §4.3 MLP's 256×784 · 784×256 product 2–5 % faster
        // than blocks of rows on a two-core Zen 3 (both orders of the operands' transposes).
        let splitRows = m > n
        let length = splitRows ? m : n
        let blocks = Swift.max(1, Swift.min(parts, length / 16))
        if blocks <= 1 {
            call(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        // Blocks are multiples of 16 rows or columns (the width of OpenBLAS's kernels).
        let step = ((length + blocks - 1) / blocks + 15) / 16 * 16
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            let start = block * step, size = Swift.min(step, length - start)
            if size <= 0 { return }
            if splitRows {
                // Rows start..<start+size of op(A): row i of A, or column i of a transposed A.
                let aBlock = a + (transA ? start : start * lda)
                call(transA, transB, size, n, k, alpha, aBlock, lda, b, ldb, beta, c + start * ldc, ldc)
            } else {
                // Columns of op(B): column j of B, or row j of a transposed B.
                let bBlock = b + (transB ? start * ldb : start)
                call(transA, transB, m, size, k, alpha, a, lda, bBlock, ldb, beta, c + start, ldc)
            }
        }
    }

    private static func call(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                             _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                             _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
