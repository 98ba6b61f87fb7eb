import Foundation
import XCTest
import D2L
import TestSupport

/// Values of the elementwise functions against Foundation's, on contiguous, strided and large
/// (multi-threaded) inputs, plus the numerically delicate points.
final class ElementwiseTests: XCTestCase {
    private let inputs: [Float] = [-3, -1.25, -0.5, 0.25, 0.75, 2, 4.5]

    func testUnaryFunctionsMatchFoundation() {
        let x = Tensor(inputs)
        let cases: [(String, Tensor, (Float) -> Float)] = [
            ("exp", x.exp(), { Foundation.exp($0) }),
            ("sin", x.sin(), { Foundation.sin($0) }),
            ("cos", x.cos(), { Foundation.cos($0) }),
            ("tanh", x.tanh(), { Foundation.tanh($0) }),
            ("sigmoid", x.sigmoid(), { 1 / (1 + Foundation.exp(-$0)) }),
            ("relu", x.relu(), { Swift.max($0, 0) }),
            ("abs", x.abs(), { Swift.abs($0) }),
            ("sign", x.sign(), { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }),
            ("neg", -x, { -$0 }),
            ("square", x.pow(2), { $0 * $0 }),
            ("cube", x ** 3, { $0 * $0 * $0 }),
            ("clamp", x.clamp(min: -1, max: 1), { Swift.min(Swift.max($0, -1), 1) }),
        ]
        for (name, result, reference) in cases {
            XCTAssertEqual(result.shape, [inputs.count], name)
            let expected = inputs.map(reference)
            for (a, e) in zip(result.toArray(), expected) {
                XCTAssertEqual(a, e, accuracy: 1e-6 + 1e-6 * Swift.abs(e), name)
            }
        }
    }

    func testFunctionsOfPositiveInputs() {
        let p = Tensor([0.25, 1, 2, 9])
        assertClose(p.log(), [Foundation.log(0.25), 0, Foundation.log(2), Foundation.log(9)], shape: [4],
                    atol: 1e-6, rtol: 1e-6)
        assertClose(p.sqrt(), [0.5, 1, Float(2).squareRoot(), 3], shape: [4], atol: 0, rtol: 1e-6)
        assertClose(p.pow(-0.5), [2, 1, 1 / Float(2).squareRoot(), 1.0 / 3], shape: [4], atol: 0, rtol: 1e-6)
        assertClose(p ** Tensor([2.0, 3, 0.5, 1]), [0.0625, 1, Float(2).squareRoot(), 9], shape: [4],
                    atol: 0, rtol: 1e-6)
    }

    func testSigmoidDoesNotOverflowForLargeInputs() {
        let s = Tensor([-200.0, -100, 0, 100, 200]).sigmoid()
        let values = s.toArray()
        XCTAssertEqual(values[0], 0)
        XCTAssertTrue(values[1] >= 0 && values[1] < Float.leastNormalMagnitude, "σ(−100) ≈ 3.7e-44, got \(values[1])")
        XCTAssertEqual(Array(values[2...]), [0.5, 1, 1])
        XCTAssertFalse(s.toArray().contains { $0.isNaN })
        XCTAssertEqual(Tensor([-100.0, 100]).tanh().toArray(), [-1, 1])
    }

    func testStridedAndLargeInputsGiveTheSameValues() {
        let small = sample([6, 5], seed: 41, low: -2, high: 2)
        XCTAssertEqual(small.T.exp().toArray(), small.T.contiguous().exp().toArray())
        XCTAssertEqual(small[TensorIndex.stride(0..<6, by: 2)].tanh().toArray(),
                       small[TensorIndex.stride(0..<6, by: 2)].contiguous().tanh().toArray())
        // Above the parallel threshold the loop is split over the cores.
        let big = sample([300, 400], seed: 42, low: -2, high: 2)
        let values = big.toArray(), fromView = big.T.sigmoid().T.toArray()
        for i in stride(from: 0, to: values.count, by: 997) {
            XCTAssertEqual(fromView[i], 1 / (1 + Foundation.exp(-values[i])), accuracy: 1e-6)
        }
    }

    func testMaximumMinimumAndWhereOfEqualShapes() {
        let a = Tensor([1.0, 5, -2]), b = Tensor([3.0, 4, -2])
        XCTAssertEqual(Tensor.maximum(a, b).toArray(), [3, 5, -2])
        XCTAssertEqual(Tensor.minimum(a, b).toArray(), [1, 4, -2])
        XCTAssertEqual(Tensor.where(a > b, a, b).toArray(), [3, 5, -2])
        XCTAssertEqual(Tensor.where(Tensor([0, 2, 0]), a, b).toArray(), [3, 5, -2], "nonzero counts as true")
        XCTAssertEqual(Tensor.maximum(Tensor.arange(3), Tensor([1, 1, 1])).dtype, .int64)
    }

    /// PyTorch propagates NaN through `maximum`, `minimum` and `relu`, so a diverging run shows
    /// NaN rather than a plausible number.
    func testNaNPropagatesThroughMaximumMinimumAndRelu() {
        let nan = Tensor([Float.nan]), one = Tensor([1.0])
        XCTAssertTrue(Tensor.maximum(nan, one).item().isNaN, "maximum(nan, 1)")
        XCTAssertTrue(Tensor.maximum(one, nan).item().isNaN, "maximum(1, nan)")
        XCTAssertTrue(Tensor.minimum(one, nan).item().isNaN, "minimum(1, nan)")
        XCTAssertTrue(nan.relu().item().isNaN, "relu(nan)")
        XCTAssertTrue(nan.clamp(min: 0, max: 1).item().isNaN, "clamp(nan)")
    }
}
