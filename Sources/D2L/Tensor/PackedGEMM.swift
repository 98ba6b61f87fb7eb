// The recurrent layers multiply by the same W_hh at every time step. `PackedMatrix` packs that
// operand once per sequence (Sources/CKernels, `d2l_pack_b`) so each step's product does only
// arithmetic: at d2l's shapes (batch 32, hidden 256) a GEMM library's per-call repacking of W_hh
// costs about as much as the multiply-adds themselves.
import CKernels
import Foundation

/// op(B), a k × n matrix, packed for repeated products C += A · op(B) (Tensor+LSTM.swift,
/// Tensor+GRU.swift, Tensor+RNN.swift). Owns its packed copy; B may change afterwards.
final class PackedMatrix {
    /// Rows of op(B), the inner dimension of each product.
    let k: Int
    /// Columns of op(B) and of every C.
    let n: Int
    private let packed: UnsafeMutablePointer<Float>
    private let panels: Int

    /// Packs op(B): `b` itself (k × n, leading dimension `ldb`) or, with `transposed`, the
    /// transpose of `b` (n × k).
    init(_ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, k: Int, n: Int) {
        self.k = k
        self.n = n
        panels = (n + Int(D2L_PANEL_WIDTH) - 1) / Int(D2L_PANEL_WIDTH)
        packed = .allocate(capacity: Swift.max(1, d2l_packed_size(Int32(k), Int32(n))))
        d2l_pack_b(b, Int32(ldb), transposed ? 1 : 0, Int32(k), Int32(n), packed)
    }

    deinit { packed.deallocate() }

    /// C[m × n] += A[m × k] · op(B), with row-major A and C (leading dimensions `lda`, `ldc`);
    /// large products are split by columns over the cores. `portable` runs the plain C
    /// micro-kernel even on an AVX-512 CPU, for the tests.
    func multiplyAdd(m: Int, _ a: UnsafePointer<Float>, lda: Int, into c: UnsafeMutablePointer<Float>, ldc: Int,
                     portable: Bool = false) {
        if m == 0 || n == 0 || k == 0 { return }
        let (m32, n32, k32, lda32, ldc32, plain) = (Int32(m), Int32(n), Int32(k), Int32(lda), Int32(ldc), Int32(portable ? 1 : 0))
        let parts = Swift.min(Kernels.cores, panels, (m * n * k) / BLAS.parallelThreshold)
        if parts <= 1 {
            d2l_gemm_packed(m32, n32, k32, a, lda32, packed, c, ldc32, 0, Int32(panels), plain)
            return
        }
        let share = (panels + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let first = part * share, end = Swift.min(panels, first + share)
            if first < end { d2l_gemm_packed(m32, n32, k32, a, lda32, packed, c, ldc32, Int32(first), Int32(end), plain) }
        }
    }
}
