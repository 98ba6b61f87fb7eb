import XCTest
import D2L
import TestSupport

// Helpers for the core tests.
//
// Approximate comparison goes through the one helper all test targets share, TestSupport's
// `assertClose(_:_:shape:atol:rtol:)`: every element must satisfy |actual − expected| ≤
// atol + rtol·|expected| (swift-numerics' `isApproximatelyEqual`, `torch.allclose`), and the
// shape is checked when given. Finite-difference checks go through `assertGradientsMatch`,
// which calls the core's `gradientCheck(_:h:_:)` and prints its description on failure.
// Random inputs come from `sample(_:seed:low:high:)`, a seeded generator, so runs repeat.

/// Sums `t` with fixed, uneven weights in [0.5, 1.5), so the scalar depends on every entry
/// differently: a gradient sent to the wrong position, or summed twice, changes the result.
func weigh(_ t: Tensor) -> Tensor {
    (t * sample(t.shape, seed: 99, low: 0.5, high: 1.5)).sum()
}

/// The textbook triple loop C[i][j] = Σₚ A[i][p]·B[p][j] over plain arrays, accumulated in
/// `Double`: the reference every matrix product is compared with.
func naiveProduct(_ a: [[Float]], _ b: [[Float]]) -> [Float] {
    let m = a.count, k = b.count, n = b.first?.count ?? 0
    var c = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0
            for p in 0..<k { s += Double(a[i][p]) * Double(b[p][j]) }
            c[i * n + j] = Float(s)
        }
    }
    return c
}

/// Asserts that a tensor's dtype promise holds: an `int64` or `bool` tensor stores whole
/// numbers only (a `float32` tensor passes whatever it holds).
func assertWholeNumbers(_ t: Tensor, _ message: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    guard t.dtype.isIntegral else { return }
    let values = t.toArray()
    for (i, v) in values.enumerated() where v.rounded(.towardZero) != v {
        XCTFail("\(message): \(t.dtype) tensor holds \(v) at element \(i) (values \(values))",
                file: file, line: line)
        return
    }
}
