import XCTest
import D2L
import TestSupport

/// Seeded random numbers: reproducible streams, and draws with the right distributions
/// (bounds are loose: several standard errors on 10 000 samples).
final class RandomTests: XCTestCase {
    func testSameSeedGivesSameNumbersAndDifferentSeedsDiffer() {
        let a = Tensor.randn([5], generator: RandomGenerator(seed: 42))
        let b = Tensor.randn([5], generator: RandomGenerator(seed: 42))
        let c = Tensor.randn([5], generator: RandomGenerator(seed: 43))
        XCTAssertEqual(a.toArray(), b.toArray())
        XCTAssertNotEqual(a.toArray(), c.toArray())
        XCTAssertEqual(Tensor.rand([3], generator: RandomGenerator(seed: 9)).toArray(),
                       Tensor.rand([3], generator: RandomGenerator(seed: 9)).toArray())
    }

    func testManualSeedRestartsTheGlobalStream() {
        manualSeed(7)
        let first = Tensor.rand([4]), firstNormal = Tensor.randn([3])
        manualSeed(7)
        XCTAssertEqual(Tensor.rand([4]).toArray(), first.toArray())
        XCTAssertEqual(Tensor.randn([3]).toArray(), firstNormal.toArray())
        manualSeed(8)
        XCTAssertNotEqual(Tensor.rand([4]).toArray(), first.toArray())
    }

    func testASharedGeneratorAdvances() {
        let g = RandomGenerator(seed: 3)
        let first = Tensor.randn([4], generator: g), second = Tensor.randn([4], generator: g)
        XCTAssertNotEqual(first.toArray(), second.toArray())
        g.reseed(3)
        XCTAssertEqual(Tensor.randn([4], generator: g).toArray(), first.toArray())
    }

    func testReseedDiscardsAPendingNormal() {
        // Box–Muller makes normals in pairs; an odd draw leaves one waiting.
        let g = RandomGenerator(seed: 11)
        let fresh = g.nextNormal()
        g.reseed(11)
        _ = g.nextNormal()
        g.reseed(11)
        XCTAssertEqual(g.nextNormal(), fresh)
    }

    func testRandnHasMeanZeroAndStandardDeviationOne() {
        let x = Tensor.randn([10_000], generator: RandomGenerator(seed: 1))
        let mean = x.mean().item()
        let std = ((x - mean) * (x - mean)).mean().sqrt().item()
        XCTAssertEqual(mean, 0, accuracy: 0.05)
        XCTAssertEqual(std, 1, accuracy: 0.05)
        let share = (x.abs() < 1).sum().item() / 10_000
        XCTAssertEqual(share, 0.6827, accuracy: 0.03, "about 68% within one standard deviation")
    }

    func testNormalWithMeanAndStd() {
        let x = Tensor.normal(mean: 2, std: 0.5, shape: [10_000], generator: RandomGenerator(seed: 2))
        XCTAssertEqual(x.shape, [10_000])
        XCTAssertEqual(x.mean().item(), 2, accuracy: 0.03)
        XCTAssertEqual(((x - 2) * (x - 2)).mean().sqrt().item(), 0.5, accuracy: 0.03)
    }

    func testUniformAndRandStayInTheirRange() {
        let g = RandomGenerator(seed: 4)
        let u = Tensor.uniform(low: -1, high: 3, shape: [10_000], generator: g)
        XCTAssertGreaterThanOrEqual(u.min().item(), -1)
        XCTAssertLessThan(u.max().item(), 3)
        XCTAssertEqual(u.mean().item(), 1, accuracy: 0.05)
        let r = Tensor.rand([10_000], generator: g)
        XCTAssertGreaterThanOrEqual(r.min().item(), 0)
        XCTAssertLessThan(r.max().item(), 1)
        XCTAssertEqual(r.mean().item(), 0.5, accuracy: 0.02)
    }

    func testRandintStaysInRangeAndCoversIt() {
        let r = Tensor.randint(3, 7, shape: [1000], generator: RandomGenerator(seed: 5))
        XCTAssertEqual(r.dtype, .int64)
        XCTAssertEqual(r.shape, [1000])
        XCTAssertEqual(Set(r.toIntArray()), [3, 4, 5, 6])
        XCTAssertEqual(Tensor.randint(-2, -1, shape: [3]).toIntArray(), [-2, -2, -2])
        let g = RandomGenerator(seed: 6)
        let draws = (0..<1000).map { _ in g.nextInt(in: 0..<10) }
        XCTAssertEqual(Set(draws), Set(0..<10))
    }

    func testMultinomialCountsFollowTheProbabilities() {
        // §2.6: rolling a fair die.
        let die = Multinomial(totalCount: 6000, probs: Tensor.ones([6]) / 6)
        let counts = die.sample(generator: RandomGenerator(seed: 12))
        XCTAssertEqual(counts.shape, [6])
        XCTAssertEqual(counts.sum().item(), 6000)
        for c in counts.toArray() { XCTAssertEqual(c / 6000, 1.0 / 6, accuracy: 0.03) }
        let loaded = Multinomial(totalCount: 10, probs: Tensor([0.0, 3, 1]))
        let many = loaded.sample(count: 500, generator: RandomGenerator(seed: 13))
        XCTAssertEqual(many.shape, [500, 3])
        XCTAssertEqual(many[..., 0].sum().item(), 0, "a zero-probability outcome never occurs")
        XCTAssertEqual(many.sum(axis: 1).toArray(), [Float](repeating: 10, count: 500))
        XCTAssertEqual(many[..., 1].sum().item() / 5000, 0.75, accuracy: 0.03)
        XCTAssertEqual(loaded.probs, [0, 0.75, 0.25])
    }
}
