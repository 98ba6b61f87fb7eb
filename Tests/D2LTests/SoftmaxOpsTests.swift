import XCTest
import D2L
import TestSupport

/// softmax, logSoftmax and logSumExp along any axis: values PyTorch prints, stability for large
/// logits, NaN and ±∞ as PyTorch treats them, and finite-difference gradients on the fused
/// last-axis path and the strided (middle-axis) path.
final class SoftmaxOpsTests: XCTestCase {
    func testSoftmaxOfLargeLogitsEqualsSoftmaxOfShiftedOnes() {
        let big = Tensor([[1000.0, 1001]]).softmax(axis: 1)
        let small = Tensor([[0.0, 1]]).softmax(axis: 1)
        XCTAssertTrue(big.toArray().allSatisfy(\.isFinite), "softmax overflowed: \(big.toArray())")
        // torch.softmax(torch.tensor([[0., 1.]]), 1) prints [0.2689414, 0.7310586].
        assertClose(big, [0.2689414, 0.7310586], shape: [1, 2], atol: 1e-6)
        assertClose(big, small, atol: 1e-7)
        assertClose(Tensor([[-1000.0, -999]]).logSoftmax(axis: -1), [-1.3132616, -0.3132616], atol: 1e-5)
        assertClose(Tensor([1000.0, 1000]).logSumExp(axis: 0), [1000 + Float(log(2.0))], atol: 1e-3)
    }

    func testAlongTheFirstAxisMatchesPyTorch() {
        let a = Tensor([[1.0, 2, 3], [4, 5, 6]])
        // torch.softmax(a, 0), torch.log_softmax(a, 0), torch.logsumexp(a, 0) and (a, 1).
        assertClose(a.softmax(axis: 0), [0.0474259, 0.0474259, 0.0474259, 0.9525741, 0.9525741, 0.9525741],
                    shape: [2, 3], atol: 1e-6)
        assertClose(a.logSoftmax(axis: 0), [-3.0485873, -3.0485873, -3.0485873, -0.0485873, -0.0485873, -0.0485873],
                    shape: [2, 3], atol: 1e-5)
        assertClose(a.logSumExp(axis: 0), [4.0485873, 5.0485873, 6.0485873], shape: [3], atol: 1e-5)
        assertClose(a.logSumExp(axis: 1, keepDims: true), [3.4076059, 6.4076061], shape: [2, 1], atol: 1e-5)
    }

    func testEveryAxisAgreesWithTheDefinitionOnSmallValues() {
        let x = sample([2, 3, 4], seed: 21, low: -2, high: 2)
        for axis in [0, 1, 2, -1] {
            let e = x.exp()
            assertClose(x.softmax(axis: axis), e / e.sum(axis: axis, keepDims: true), atol: 1e-6)
            assertClose(x.logSumExp(axis: axis), e.sum(axis: axis).log(), atol: 1e-5)
            assertClose(x.logSumExp(axis: axis, keepDims: true), e.sum(axis: axis, keepDims: true).log(), atol: 1e-5)
            assertClose(x.logSoftmax(axis: axis), x.softmax(axis: axis).log(), atol: 1e-5)
        }
        // A strided input (a transposed view) gives the same as its contiguous copy.
        let t = x.transpose(0, 2)
        assertClose(t.softmax(axis: 1), t.contiguous().softmax(axis: 1), atol: 0)
    }

    func testNaNPropagatesAndInfinitiesFollowPyTorch() {
        XCTAssertTrue(Tensor([1, .nan, 2]).softmax(axis: 0).toArray().allSatisfy(\.isNaN))
        XCTAssertTrue(Tensor([1, .nan, 2]).logSumExp(axis: 0).item().isNaN)
        XCTAssertTrue(Tensor([[1, 2], [.nan, 0]]).softmax(axis: 0)[..., 0].toArray().allSatisfy(\.isNaN))
        XCTAssertEqual(Tensor([[1, 2], [.nan, 0]]).softmax(axis: 0)[..., 1].toArray().contains { $0.isNaN }, false)
        // torch.softmax([-inf, 0]) = [0, 1]; logsumexp([inf, 1]) = inf; logsumexp([-inf, -inf]) = -inf.
        assertClose(Tensor([-.infinity, 0]).softmax(axis: 0), [0, 1], atol: 0)
        XCTAssertEqual(Tensor([.infinity, 1]).logSumExp(axis: 0).item(), .infinity)
        XCTAssertEqual(Tensor([-.infinity, -.infinity]).logSumExp(axis: 0).item(), -.infinity)
        XCTAssertEqual(Tensor([[.infinity, 1], [1, 1]]).logSumExp(axis: 0).toArray()[0], .infinity)
    }

    func testRowsSumToOneOnALargeParallelInput() {
        let x = sample([300, 500], seed: 22, low: -30, high: 30)
        let sums = x.softmax(axis: 1).sum(axis: 1)
        assertClose(sums, [Float](repeating: 1, count: 300), atol: 1e-5)
        let columns = x.softmax(axis: 0).sum(axis: 0)
        assertClose(columns, [Float](repeating: 1, count: 500), atol: 1e-5)
    }

    func testGradientsMatchFiniteDifferences() {
        let x = sample([3, 4], seed: 23, low: -2, high: 2)
        let cube = sample([2, 3, 2], seed: 24, low: -2, high: 2)
        for axis in [0, 1] {
            assertGradientsMatch([x]) { weigh($0[0].softmax(axis: axis)) }
            assertGradientsMatch([x]) { weigh($0[0].logSoftmax(axis: axis)) }
            assertGradientsMatch([x]) { weigh($0[0].logSumExp(axis: axis)) }
            assertGradientsMatch([x]) { weigh($0[0].logSumExp(axis: axis, keepDims: true)) }
        }
        assertGradientsMatch([cube]) { weigh($0[0].softmax(axis: 1)) }
        assertGradientsMatch([cube]) { weigh($0[0].logSoftmax(axis: 1)) }
        assertGradientsMatch([cube]) { weigh($0[0].logSumExp(axis: 1)) }
        assertGradientsMatch([cube]) { weigh($0[0].transpose(0, 2).softmax(axis: -1)) }
        // Large logits: the gradient is as finite and correct as for small ones.
        assertGradientsMatch([x]) { weigh(($0[0] + 1000).softmax(axis: 1)) }
    }

    func testSoftmaxGradientOfUniformWeightsIsZero() {
        // Σᵢ softmax(x)ᵢ = 1 for every x, so its gradient vanishes.
        let x = sample([2, 5], seed: 25).requiresGrad(true)
        x.softmax(axis: 1).sum().backward()
        assertClose(x.grad!, [Float](repeating: 0, count: 10), atol: 1e-6)
    }
}
