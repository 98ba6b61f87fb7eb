import XCTest
import D2L
import TestSupport

/// var and std over all elements and along axes, biased and unbiased, against hand values and
/// PyTorch's printout, with finite-difference gradients.
final class StatisticsTests: XCTestCase {
    func testVarAndStdOfOneToFour() {
        let v = Tensor([1.0, 2, 3, 4])
        // Mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5: 5/3 unbiased, 5/4 biased.
        assertClose(v.var(), [5.0 / 3], shape: [], atol: 1e-6)
        assertClose(v.var(unbiased: false), [1.25], shape: [], atol: 1e-6)
        assertClose(v.std(), [1.2909944], shape: [], atol: 1e-6)
        assertClose(v.std(unbiased: false), [1.1180340], shape: [], atol: 1e-6)
        XCTAssertEqual(v.var(axis: 0).item(), v.var().item())
    }

    func testAlongAxesMatchesPyTorch() {
        let m = Tensor([[1.0, 2, 3], [4, 6, 8]])
        // m.var(0) = [4.5, 8, 12.5]; m.var(1) = [1, 4]; m.std(1, unbiased=False, keepdim=True).
        assertClose(m.var(axis: 0), [4.5, 8, 12.5], shape: [3], atol: 1e-5)
        assertClose(m.var(axis: -1), [1, 4], shape: [2], atol: 1e-5)
        assertClose(m.std(axis: 1, unbiased: false, keepDims: true), [0.8164966, 1.6329932], shape: [2, 1], atol: 1e-6)
        // Batch norm's statistics: over every axis but the channel axis of [N, C, H, W].
        let x = sample([2, 3, 2, 2], seed: 31)
        let mean = x.mean(axes: [0, 2, 3], keepDims: true)
        let expected = ((x - mean) * (x - mean)).mean(axes: [0, 2, 3], keepDims: true)
        assertClose(x.var(axes: [0, 2, 3], unbiased: false, keepDims: true), expected, atol: 1e-6)
        XCTAssertEqual(x.std(axes: nil).shape, [])
    }

    func testLargeOffsetDoesNotCancel() {
        // One-pass E[x²] − E[x]² in Float loses everything here: 1e4² = 1e8 has ulp 8.
        let x = Tensor([10_000.0, 10_001, 10_002, 10_003])
        assertClose(x.var(unbiased: false), [1.25], atol: 1e-6)
        assertClose(x.var(), [5.0 / 3], atol: 1e-6)
    }

    func testDegenerateCasesFollowPyTorch() {
        XCTAssertTrue(Tensor([5.0]).var().item().isNaN, "unbiased variance of one value is NaN")
        XCTAssertEqual(Tensor([5.0]).var(unbiased: false).item(), 0)
        let c = Tensor([2.0, 2, 2]).requiresGrad(true)
        c.std().backward()
        XCTAssertEqual(c.grad?.toArray(), [0, 0, 0], "PyTorch gives 0 for the gradient of std at σ = 0")
    }

    func testGradientsMatchFiniteDifferences() {
        let x = sample([3, 4], seed: 32, low: -2, high: 2)
        for unbiased in [true, false] {
            assertGradientsMatch([x]) { $0[0].var(unbiased: unbiased) }
            assertGradientsMatch([x]) { $0[0].std(unbiased: unbiased) }
            assertGradientsMatch([x]) { weigh($0[0].var(axis: 0, unbiased: unbiased)) }
            assertGradientsMatch([x]) { weigh($0[0].std(axis: 1, unbiased: unbiased, keepDims: true)) }
        }
        let cube = sample([2, 3, 2], seed: 33)
        assertGradientsMatch([cube]) { weigh($0[0].var(axes: [0, 2], unbiased: false)) }
        assertGradientsMatch([cube]) { weigh($0[0].transpose(0, 1).std(axes: [1, 2])) }
    }
}
