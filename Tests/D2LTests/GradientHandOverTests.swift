import XCTest
@testable import D2L

/// `backward()` hands a fresh gradient that no other tensor holds straight to a leaf's `grad`
/// (no copy, as PyTorch's AccumulateGrad), and copies one that is shared: accumulating into a
/// leaf's `grad` must never change another leaf's gradient, a view's base or the caller's seed.
final class GradientHandOverTests: XCTestCase {
    func testAHandedOverWeightGradientAccumulatesInPlace() {
        let x = Tensor([[1.0, 2, 3], [4, 5, 6]])
        let w = Tensor([[0.5, -1, 2], [1, 0, -0.5]]).requiresGrad()
        Tensor.linear(x, w).sum().backward()
        // ∂/∂W Σ xWᵀ = column sums of x, in every row.
        XCTAssertEqual(w.grad!.toArray(), [5, 7, 9, 5, 7, 9])
        Tensor.linear(x, w).sum().backward()
        XCTAssertEqual(w.grad!.toArray(), [10, 14, 18, 10, 14, 18], "a second backward adds in place")
    }

    func testOneGradientPassedToTwoLeavesIsCopiedForEach() {
        let a = Tensor([1.0, 2, 3]).requiresGrad(), b = Tensor([4.0, 5, 6]).requiresGrad()
        (a + b).sum().backward()  // the addition's backward gives the same tensor to both
        XCTAssertFalse(a.grad!.storage === b.grad!.storage)
        (2 * a).sum().backward()
        XCTAssertEqual(a.grad!.toArray(), [3, 3, 3])
        XCTAssertEqual(b.grad!.toArray(), [1, 1, 1], "accumulating into a.grad left b.grad alone")
    }

    func testAGradientThatIsAViewOfAnotherIsCopied() {
        let a = Tensor([[1.0, 2], [3, 4]]).requiresGrad(), b = Tensor([1.0, 1, 1, 1]).requiresGrad()
        // The addition gives one gradient to b and to the reshape, whose backward views it.
        (a.reshape(4) + b).sum().backward()
        XCTAssertFalse(a.grad!.storage === b.grad!.storage)
        a.grad! += 10
        b.grad! *= 3
        XCTAssertEqual(a.grad!.toArray(), [11, 11, 11, 11])
        XCTAssertEqual(b.grad!.toArray(), [3, 3, 3, 3])
    }

    func testTheCallersSeedIsNeverTaken() {
        let x = Tensor([1.0, 2, 3]).requiresGrad()
        let seed = Tensor([1.0, 0, 2])
        x.backward(gradient: seed)
        XCTAssertFalse(x.grad!.storage === seed.storage)
        seed += 1
        XCTAssertEqual(x.grad!.toArray(), [1, 0, 2])
    }
}
