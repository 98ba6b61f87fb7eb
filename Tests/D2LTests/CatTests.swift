import XCTest
import D2L
import TestSupport

/// cat along inner axes (the channel axis of [N, C, H, W], as DenseNet and GoogLeNet join
/// branches), where contiguous inputs are copied block by block: values against element-wise
/// indexing, mixed contiguous and strided inputs, and contiguous gradient pieces.
final class CatTests: XCTestCase {
    func testChannelCatOfFourDimensionalTensors() {
        let a = Tensor.arange(0.0, 48.0).reshape(2, 3, 2, 4)
        let b = -Tensor.arange(0.0, 16.0).reshape(2, 1, 2, 4)
        let d = Tensor.full([2, 2, 2, 4], 7)
        let joined = Tensor.cat([a, b, d], dim: 1)
        XCTAssertEqual(joined.shape, [2, 6, 2, 4])
        for n in 0..<2 {
            XCTAssertEqual(joined[n, 0..<3].toArray(), a[n].toArray(), "image \(n), channels of a")
            XCTAssertEqual(joined[n, 3..<4].toArray(), b[n].toArray(), "image \(n), channel of b")
            XCTAssertEqual(joined[n, 4..<6].toArray(), d[n].toArray(), "image \(n), channels of d")
        }
        // A permuted input and a channel slice: both strided, copied element by element.
        let e = Tensor.arange(0.0, 32.0).reshape(2, 4, 2, 2).permute(0, 2, 3, 1)  // [2, 2, 2, 4]
        let f = Tensor.arange(0.0, 64.0).reshape(2, 4, 2, 4)[0..<2, 1..<3]
        let mixed = Tensor.cat([a, f, e], dim: 1)
        XCTAssertEqual(mixed[..., 3..<5].toArray(), f.toArray())
        XCTAssertEqual(mixed[..., 5..<7].toArray(), e.toArray())
        XCTAssertEqual(mixed[..., 0..<3].toArray(), a.toArray())
    }

    func testCatAlongEveryAxisMatchesStackedIndexing() {
        let a = sample([2, 3, 4], seed: 71), b = sample([2, 3, 4], seed: 72)
        for axis in 0..<3 {
            let joined = Tensor.cat([a, b], dim: axis)
            XCTAssertEqual(joined.narrow(axis, start: 0, length: a.shape[axis]).toArray(), a.toArray())
            XCTAssertEqual(joined.narrow(axis, start: a.shape[axis], length: b.shape[axis]).toArray(), b.toArray())
        }
        XCTAssertEqual(Tensor.cat([Tensor.zeros([2, 0, 3]), Tensor.ones([2, 1, 3])], dim: 1).toArray(), [1, 1, 1, 1, 1, 1])
    }

    func testBackwardGivesEachInputItsContiguousSlab() {
        let a = Tensor.zeros([2, 2, 1, 2]).requiresGrad(true)
        let b = Tensor.zeros([2, 1, 1, 2]).requiresGrad(true)
        let frozen = Tensor.zeros([2, 1, 1, 2])
        let g = Tensor.arange(0.0, 16.0).reshape(2, 4, 1, 2)
        Tensor.cat([a, frozen, b], dim: 1).backward(gradient: g)
        // Channels 0–1 of each image go to a, channel 3 to b.
        XCTAssertEqual(a.grad?.toArray(), [0, 1, 2, 3, 8, 9, 10, 11])
        XCTAssertEqual(b.grad?.toArray(), [6, 7, 14, 15])
        XCTAssertEqual(a.grad?.isContiguous, true)
        XCTAssertNil(frozen.grad)
        let x = sample([2, 3, 2, 2], seed: 73), y = sample([2, 1, 2, 2], seed: 74)
        assertGradientsMatch([x, y]) { weigh(Tensor.cat([$0[0], $0[1], $0[0]], dim: 1)) }
        assertGradientsMatch([x, y]) { weigh(Tensor.cat([$0[0].transpose(2, 3), $0[1]], dim: 1)) }
        assertGradientsMatch([x]) { weigh(Tensor.cat([$0[0], $0[0]], dim: -1)) }
    }
}
