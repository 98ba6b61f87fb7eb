import D2L
import TestSupport
import XCTest

/// The fused dropout of §4.6: the share of dropped elements, the scale of the survivors, the
/// mask's dependence on the seed alone, and its gradient.
final class DropoutTests: XCTestCase {
    /// About p of the elements are zero, every survivor is x / (1 − p), also for a strided view.
    func testDropsAboutPAndScalesTheSurvivors() {
        let X = (sample([300, 70], seed: 1, low: 1, high: 2)).T   // a transposed view, all nonzero
        let p: Float = 0.3
        let dropped = dropoutLayer(X, p, generator: RandomGenerator(seed: 2))
        XCTAssertEqual(dropped.shape, [70, 300])
        let out = dropped.toArray(), x = X.contiguous().toArray()
        let zeros = out.filter { $0 == 0 }.count
        XCTAssertEqual(Float(zeros) / Float(out.count), p, accuracy: 0.02)
        for (y, v) in zip(out, x) where y != 0 {
            XCTAssertEqual(y, v / (1 - p), accuracy: 1e-6)
        }
    }

    /// The same seed gives the same mask, the one the book's `torch.rand(X.shape) > p` draws
    /// from that seed; another seed gives another.
    func testTheSeedFixesTheMask() {
        let X = sample([40, 25], seed: 3)
        let a = dropoutLayer(X, 0.5, generator: RandomGenerator(seed: 7))
        let b = dropoutLayer(X, 0.5, generator: RandomGenerator(seed: 7))
        XCTAssertEqual(a.toArray(), b.toArray())
        let book = X * (Tensor.rand(X.shape, generator: RandomGenerator(seed: 7)) > 0.5).float() / 0.5
        assertClose(a, book, atol: 1e-6)
        XCTAssertNotEqual(a.toArray(), dropoutLayer(X, 0.5, generator: RandomGenerator(seed: 8)).toArray())
    }

    /// ∂/∂X of a weighted sum is the weights times the scaled mask, by finite differences (each
    /// evaluation draws the same mask from a fresh generator with the same seed).
    func testGradientMatchesFiniteDifferences() {
        let X = sample([6, 7], seed: 4), weights = sample([6, 7], seed: 5)
        assertGradientsMatch([X]) { t in (dropoutLayer(t[0], 0.4, generator: RandomGenerator(seed: 6)) * weights).sum() }
        let x = X.requiresGrad()
        let y = dropoutLayer(x, 0.4, generator: RandomGenerator(seed: 6))
        y.sum().backward()
        assertClose(x.grad!, (y.detach() != 0).float() / 0.6, atol: 1e-6)
    }
}
