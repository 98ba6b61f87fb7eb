import XCTest
import D2L

/// The one approximate comparison the core tests use: |actual − expected| ≤ atol + rtol·|expected|
/// for every element, as `torch.allclose` and swift-numerics' `isApproximatelyEqual` do.
public func assertClose(_ actual: Tensor, _ expected: [Float], shape: [Int]? = nil,
                 atol: Float = 1e-5, rtol: Float = 1e-5,
                 file: StaticString = #filePath, line: UInt = #line) {
    if let shape {
        XCTAssertEqual(actual.shape, shape, "shape", file: file, line: line)
    }
    let values = actual.toArray()
    XCTAssertEqual(values.count, expected.count, "element count", file: file, line: line)
    for (i, (a, e)) in zip(values, expected).enumerated() where !(abs(a - e) <= atol + rtol * abs(e)) {
        XCTFail("element \(i): \(a) is not within atol \(atol) / rtol \(rtol) of \(e)", file: file, line: line)
        return
    }
}

/// Compares two tensors of the same shape approximately.
public func assertClose(_ actual: Tensor, _ expected: Tensor, atol: Float = 1e-5, rtol: Float = 1e-5,
                 file: StaticString = #filePath, line: UInt = #line) {
    assertClose(actual, expected.toArray(), shape: expected.shape, atol: atol, rtol: rtol,
                file: file, line: line)
}

/// Asserts that autograd agrees with finite differences for `f` at `inputs`.
public func assertGradientsMatch(_ inputs: [Tensor], tolerance: Float = 1e-2, h: Float = 1e-2,
                          file: StaticString = #filePath, line: UInt = #line,
                          _ f: @escaping ([Tensor]) -> Tensor) {
    let result = gradientCheck(inputs, h: h, f)
    XCTAssertNotNil(result.worst, "no gradient entries were checked", file: file, line: line)
    XCTAssertLessThan(result.maxError, tolerance, "\(result)", file: file, line: line)
}

/// Deterministic random inputs for tests.
public func sample(_ shape: [Int], seed: UInt64 = 1, low: Float = -1, high: Float = 1) -> Tensor {
    Tensor.uniform(low: low, high: high, shape: shape, generator: RandomGenerator(seed: seed))
}
