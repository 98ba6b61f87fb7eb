import XCTest
@testable import D2L
import TestSupport

/// `PackedMatrix`, the recurrent layers' product with a weight packed once, against OpenBLAS on
/// the same operands: C += A · op(B) for shapes that fill whole 8 × 32 tiles, shapes that leave
/// edges in both directions, inner dimensions longer than one k block, padded leading
/// dimensions, one and two threads, and both micro-kernels (AVX-512 where the CPU has it, and the
/// plain C one).
final class PackedGEMMTests: XCTestCase {
    private func check(m: Int, n: Int, k: Int, transposed: Bool, pad: Int = 0, portable: Bool,
                       file: StaticString = #filePath, line: UInt = #line) {
        let lda = k + pad, ldc = n + pad
        let ldb = (transposed ? k : n) + pad
        let a = sample([m, lda], seed: 1), b = sample([transposed ? n : k, ldb], seed: 2)
        let expected = sample([m, ldc], seed: 3), actual = expected.clone()
        let A = a.storage.pointer, B = b.storage.pointer
        BLAS.sgemm(transA: false, transB: transposed, m: m, n: n, k: k, A, lda: lda, B, ldb: ldb, beta: 1,
                   expected.storage.pointer, ldc: ldc)
        let packed = PackedMatrix(B, ldb: ldb, transposed: transposed, k: k, n: n)
        packed.multiplyAdd(m: m, A, lda: lda, into: actual.storage.pointer, ldc: ldc, portable: portable)
        assertClose(actual, expected, atol: 1e-4, rtol: 1e-4, file: file, line: line)
    }

    func testMatchesBLASOnTheRecurrentLayersShapes() {
        for portable in [false, true] {
            check(m: 32, n: 1024, k: 256, transposed: true, portable: portable)   // LSTM forward (two threads)
            check(m: 32, n: 256, k: 1024, transposed: false, portable: portable)  // LSTM backward, four k blocks
            check(m: 32, n: 768, k: 256, transposed: true, portable: portable)    // GRU forward
        }
    }

    func testMatchesBLASAtTheEdgesOfTilesAndPanels() {
        for portable in [false, true] {
            for transposed in [false, true] {
                check(m: 1, n: 1, k: 1, transposed: transposed, portable: portable)
                check(m: 7, n: 45, k: 300, transposed: transposed, portable: portable)
                check(m: 13, n: 33, k: 5, transposed: transposed, pad: 3, portable: portable)
                check(m: 9, n: 64, k: 513, transposed: transposed, pad: 1, portable: portable)
            }
        }
    }

    func testAnEmptyProductLeavesCUnchanged() {
        let c = sample([3, 4], seed: 4), before = c.clone()
        let b = sample([1], seed: 5)
        let packed = PackedMatrix(b.storage.pointer, ldb: 4, transposed: false, k: 0, n: 4)
        packed.multiplyAdd(m: 3, b.storage.pointer, lda: 1, into: c.storage.pointer, ldc: 4)
        assertClose(c, before)
    }
}
