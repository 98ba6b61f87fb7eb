import XCTest
import D2L
import TestSupport

final class RandomTests: XCTestCase {
    func testSameSeedGivesSameNumbers() {
        let a = Tensor.randn([5], generator: RandomGenerator(seed: 42))
        let b = Tensor.randn([5], generator: RandomGenerator(seed: 42))
        let c = Tensor.randn([5], generator: RandomGenerator(seed: 43))
        XCTAssertEqual(a.toArray(), b.toArray())
        XCTAssertNotEqual(a.toArray(), c.toArray())
        manualSeed(7)
        let d = Tensor.rand([4])
        manualSeed(7)
        XCTAssertEqual(Tensor.rand([4]).toArray(), d.toArray())
    }

    func testNormalAndUniformMoments() {
        let g = RandomGenerator(seed: 1)
        let x = Tensor.normal(mean: 2, std: 0.5, shape: [10_000], generator: g)
        XCTAssertEqual(x.mean().item(), 2, accuracy: 0.03)
        XCTAssertEqual(((x - 2) * (x - 2)).mean().sqrt().item(), 0.5, accuracy: 0.03)
        let u = Tensor.uniform(low: -1, high: 3, shape: [10_000], generator: g)
        XCTAssertGreaterThanOrEqual(u.min().item(), -1)
        XCTAssertLessThan(u.max().item(), 3)
        XCTAssertEqual(u.mean().item(), 1, accuracy: 0.05)
    }

    func testRandintStaysInRangeAndCoversIt() {
        let r = Tensor.randint(3, 7, shape: [1000], generator: RandomGenerator(seed: 5))
        XCTAssertEqual(Set(r.toIntArray()), [3, 4, 5, 6])
    }
}

final class DescriptionTests: XCTestCase {
    func testFormatsLikePyTorch() {
        XCTAssertEqual(Tensor([0.1, 1, 2.25]).description, "tensor([0.1000, 1.0000, 2.2500])")
        XCTAssertEqual(Tensor([-1.0, 10]).description, "tensor([-1., 10.])")
        XCTAssertEqual(Tensor(3.5).description, "tensor(3.5000)")
        XCTAssertEqual(Tensor([1e-5, 1]).description, "tensor([1.0000e-05, 1.0000e+00])")
        XCTAssertEqual(Tensor.zeros([0]).description, "tensor([])")
        XCTAssertEqual(Tensor([1.0, 2]).requiresGrad().description, "tensor([1., 2.], requires_grad=True)")
        XCTAssertEqual((Tensor([1.0]).requiresGrad() * 2).description,
                       "tensor([2.], grad_fn=<MulBackward0>)")
    }

    func testLargeTensorsAreSummarized() {
        let text = Tensor.arange(2000).description
        XCTAssertEqual(text, "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])")
        let rows = Tensor.zeros([100, 100]).description
        XCTAssertTrue(rows.contains("...,"))
        XCTAssertEqual(rows.split(separator: "\n").count, 7)
    }

    func testLongRowsWrapAtEightyColumns() {
        let text = Tensor.arange(30).description
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        XCTAssertEqual(text.split(separator: "\n").count, 2)
    }
}
