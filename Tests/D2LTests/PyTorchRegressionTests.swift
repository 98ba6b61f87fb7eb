import XCTest
import D2L
import TestSupport

/// Behaviours where the core once disagreed with PyTorch, pinned to the values PyTorch 2.13
/// prints for the same inputs. The in-place cases that must stop are exit tests, in
/// `InPlaceVersionErrorTests`.
final class PyTorchRegressionTests: XCTestCase {
    private let nan = Float.nan

    /// Equal element by element, where NaN matches NaN and ±∞ match themselves.
    private func assertSameValues(_ actual: Tensor, _ expected: [Float], accuracy: Float = 1e-5,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let values = actual.toArray()
        XCTAssertEqual(values.count, expected.count, "element count", file: file, line: line)
        for (i, (a, e)) in zip(values, expected).enumerated() {
            let same = a.isNaN ? e.isNaN : (a == e || Swift.abs(a - e) <= accuracy)
            XCTAssertTrue(same, "element \(i): \(a), expected \(e) (all: \(values))", file: file, line: line)
        }
    }

    // MARK: max / min along an axis: the gradient goes to the argmax

    func testMaxAlongAxisGivesTiedGradientToArgmax() {
        // torch.max(x, dim=1) returns index 1 and sends the whole gradient there.
        let x = Tensor([[1.0, 3, 3, 0]]).requiresGrad()
        x.max(axis: 1).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 1, 0, 0])

        let y = Tensor([[1.0, 0, 0, 3]]).requiresGrad()
        y.min(axis: 1).sum().backward()
        XCTAssertEqual(y.grad!.toArray(), [0, 1, 0, 0])

        // Along the first axis (the reduced axis is moved last inside the kernel).
        let z = Tensor([[2.0, 1], [2, 5], [0, 5]]).requiresGrad()
        let m = z.max(axis: 0, keepDims: true)
        XCTAssertEqual(m.toArray(), [2, 5])
        XCTAssertEqual(m.shape, [1, 2])
        (m * Tensor([[10.0, 20]])).sum().backward()
        XCTAssertEqual(z.grad!.toArray(), [10, 0, 0, 20, 0, 0])
        XCTAssertEqual(m.gradFn?.name, "MaxBackward0")
    }

    func testWholeTensorMaxSplitsTiedGradientEvenly() {
        // torch.max(x) without dim follows amax: ties share the gradient equally.
        let x = Tensor([[1.0, 3, 3, 0]]).requiresGrad()
        x.max().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 0.5, 0.5, 0])
        let y = Tensor([2.0, -1, -1, -1]).requiresGrad()
        y.min().backward()
        assertClose(y.grad!, [0, 1.0 / 3, 1.0 / 3, 1.0 / 3], shape: [4])
    }

    // MARK: NaN propagates

    func testNaNPropagatesThroughMaxMinAndArgmax() {
        let x = Tensor([1, 2, nan, 0.5]).requiresGrad()
        let m = x.max()
        XCTAssertTrue(m.item().isNaN, "max of [1, 2, nan, 0.5] is nan in PyTorch, got \(m.item())")
        XCTAssertTrue(x.min().item().isNaN)
        XCTAssertEqual(x.argmax().toIntArray(), [2])
        XCTAssertEqual(x.argmin().toIntArray(), [2])
        m.backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 0, 1, 0], "the gradient goes to the NaN")

        // Several NaNs: max() shares the gradient among them; argmax picks the first.
        let twice = Tensor([nan, 2, nan, 0.5]).requiresGrad()
        twice.max().backward()
        XCTAssertEqual(twice.grad!.toArray(), [0.5, 0, 0.5, 0])
        XCTAssertEqual(Tensor([[3, 2, nan, nan]]).argmax(axis: 1).toIntArray(), [2])
        XCTAssertEqual(Tensor([[3, 2, nan, nan]]).argmin(axis: 1).toIntArray(), [2])

        // Along an axis, with the NaN first in one row: only that entry gets the gradient.
        let rows = Tensor([[nan, 2, 1], [1, nan, 3]]).requiresGrad()
        let values = rows.max(axis: 1)
        assertSameValues(values, [nan, nan])
        values.sum().backward()
        XCTAssertEqual(rows.grad!.toArray(), [1, 0, 0, 0, 1, 0])
        let low = Tensor([[nan, 2, 1], [1, nan, 3]]).requiresGrad()
        assertSameValues(low.min(axis: 1), [nan, nan])
        low.min(axis: 1).sum().backward()
        XCTAssertEqual(low.grad!.toArray(), [1, 0, 0, 0, 1, 0])
    }

    func testNaNPropagatesThroughMaxPool2d() {
        let x = Tensor(shape: [1, 1, 4, 4], values: [1, nan, 2, 0,
                                                   0.5, 3, nan, 1,
                                                   4, 1, 2, 2,
                                                   1, 1, 1, 1]).requiresGrad()
        let y = Tensor.maxPool2d(x, kernel: (2, 2))
        assertSameValues(y, [nan, nan, 4, 2])
        y.sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 1, 0, 0,
                                           0, 0, 1, 0,
                                           1, 0, 1, 0,
                                           0, 0, 0, 0])
    }

    // MARK: powers at zero

    func testPowerGradientIsZeroWhereTheFunctionIsFlat() {
        // torch: a ** b with a = [0, 0, 2, 0], b = [2, 0, 3, -1] gives
        // a.grad = [0, 0, 12, -inf] and b.grad = [0, 0, 5.5452, -inf].
        let a = Tensor([0.0, 0, 2, 0]).requiresGrad(), b = Tensor([2.0, 0, 3, -1]).requiresGrad()
        (a ** b).sum().backward()
        assertSameValues(a.grad!, [0, 0, 12, -.infinity])
        assertSameValues(b.grad!, [0, 0, 8 * log(Float(2)), -.infinity])

        // x ** 0 with an integer literal takes the tensor-exponent path; it must agree with pow(0).
        let x = Tensor([0.0, 2, -3]).requiresGrad()
        (x ** 0).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 0, 0])
    }

    // MARK: version counter

    func testInPlaceChangeOfATensorBackwardDoesNotReadIsAllowed() {
        // Sums, views and additions keep no values, so changing their inputs afterwards is fine.
        let x = Tensor([1.0, 2, 3]).requiresGrad()
        let y = (x + 1).sum() + x.reshape(3, 1).sum() + x[1..<3].sum() + (2 * x.detach() - x).sum()
        noGrad { x += 1 }
        y.backward()
        XCTAssertEqual(x.grad!.toArray(), [1, 2, 2])

        // ∂(w·x)/∂w reads x only, so w itself may change (PyTorch agrees).
        let w = Tensor([1.0, 2]).requiresGrad(), data = Tensor([3.0, 4])
        let product = (w * data).sum()
        noGrad { w *= 10 }
        product.backward()
        XCTAssertEqual(w.grad!.toArray(), [3, 4])

        // Joining, flipping, gathering and masking only move gradients around, so their inputs
        // may change too.
        let a = Tensor([1.0, 2]).requiresGrad(), b = Tensor([5.0])
        let joined = (Tensor.cat([a, b], dim: 0).flip([0]) * Tensor([1.0, 2, 3])).sum()
            + a.maskedFill(Tensor([true, false]), value: 0).sum() + a.indexSelect(dim: 0, index: Tensor([1]).to(.int64)).sum()
        noGrad { a += 1; b += 1 }
        joined.backward()
        XCTAssertEqual(a.grad!.toArray(), [3, 4])  // 3 through the flip; 2 + 1 + 1 for a₁
    }

    func testParameterUpdatesBetweenIterationsKeepTraining() {
        // Each forward pass records the parameters' current versions, so the update that
        // follows backward never trips the check of the next iteration.
        let w = Tensor([0.5, -0.5]).requiresGrad(), x = Tensor([[1.0, 2], [3, 4]])
        let optimizer = SGD([w], lr: 0.01)
        var losses: [Float] = []
        for _ in 0..<5 {
            let loss = (matmul(x, w) * matmul(x, w)).sum().exp()
            losses.append(loss.item())
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
        }
        XCTAssertLessThan(losses.last!, losses.first!)
        XCTAssertGreaterThan(w.storage.version, 4, "every step writes w in place")
    }

    func testEveryInPlaceWriteRaisesTheStorageVersion() {
        let x = Tensor([1.0, 2, 3, 4])
        var expected = x.storage.version
        func wrote(_ what: String, line: UInt = #line) {
            expected += 1
            XCTAssertEqual(x.storage.version, expected, what, line: line)
        }
        x += 1; wrote("+=")
        x -= 1; wrote("-=")
        x *= 2; wrote("*=")
        x /= 2; wrote("/=")
        x += Float(1); wrote("+= Float")
        x.fill(3); wrote("fill")
        x.zero(); wrote("zero")
        x.copy(from: Tensor([5.0, 6, 7, 8])); wrote("copy(from:)")
        x[0] = 9; wrote("subscript assignment")
        x[[1, 2]] = Tensor([0.0, 0]); wrote("positional assignment")
        let view = x.reshape(2, 2)
        view[0, ...] = 1; wrote("writing through a view")
        _ = x + 1; _ = x[0]; _ = x.exp()
        XCTAssertEqual(x.storage.version, expected, "reading does not change the version")

        // The optimizer's fused update p ← p − lr·g is an in-place write too.
        let p = Tensor([1.0, 2]).requiresGrad()
        (p * p).sum().backward()
        let before = p.storage.version
        SGD([p], lr: 0.1).step()
        XCTAssertEqual(p.storage.version, before + 1, "SGD.step")
    }
}
