import XCTest
import D2L
import TestSupport

/// The §7.6 residual block: the book's output shapes, its state-dict keys, and its gradients
/// (input and every parameter) against finite differences.
final class ResidualTests: XCTestCase {
    func testBookShapes() {
        let x = sample([4, 3, 6, 6], seed: 1)
        XCTAssertEqual(Residual(3, 3)(x).shape, [4, 3, 6, 6])
        XCTAssertEqual(Residual(3, 6, use1x1conv: true, strides: 2)(x).shape, [4, 6, 3, 3])
    }

    func testStateDictKeysAreTheBooksAttributes() {
        let keys = Residual(3, 6, use1x1conv: true).namedParameters().map(\.0)
        XCTAssertEqual(keys, ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "conv3.weight",
                              "conv3.bias", "bn1.weight", "bn1.bias", "bn2.weight", "bn2.bias"])
        XCTAssertEqual(Residual(2, 2).namedBuffers().map(\.0),
                       ["bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked",
                        "bn2.running_mean", "bn2.running_var", "bn2.num_batches_tracked"])
    }

    /// Autograd's gradients of a weighted sum of `block(x)` against central differences, for
    /// `x` and every parameter, each perturbed in place.
    ///
    /// Batch norm centres its output on zero, right where ReLU has its kink, and a central
    /// difference across a kink measures neither side's slope. So both β start at 3, which keeps
    /// every ReLU input positive here; the masks themselves are checked by ReLU's own tests.
    private func assertBlockGradientsMatch(_ block: Residual, _ x: Tensor, h: Float = 1e-2,
                                           file: StaticString = #filePath, line: UInt = #line) {
        noGrad {
            block.bn1.bias.fill(3)
            block.bn2.bias.fill(3)
        }
        let weights = sample(block(x).shape, seed: 50, low: 0.5, high: 1.5)
        let loss = { (block(x) * weights).sum() }
        let tensors = [x] + block.parameters()
        x.requiresGrad = true
        loss().backward()
        var worst: Float = 0, where_ = ""
        noGrad {
            for (index, t) in tensors.enumerated() {
                let analytic = t.grad!.toArray(), p = t.storage.pointer
                for e in 0..<t.count {
                    let saved = p[e]
                    p[e] = saved + h
                    let plus = loss().item()
                    p[e] = saved - h
                    let minus = loss().item()
                    p[e] = saved
                    let numeric = (plus - minus) / (2 * h)
                    let error = abs(analytic[e] - numeric) / max(1, abs(numeric))
                    if error > worst { (worst, where_) = (error, "tensor \(index) element \(e): \(analytic[e]) vs \(numeric)") }
                }
            }
        }
        XCTAssertLessThan(worst, 2e-2, where_, file: file, line: line)
    }

    func testGradientsMatchFiniteDifferences() {
        assertBlockGradientsMatch(Residual(2, 2, generator: RandomGenerator(seed: 3)), sample([2, 2, 4, 4], seed: 4))
    }

    func testGradientsWithShortcutConvolutionMatchFiniteDifferences() {
        assertBlockGradientsMatch(Residual(2, 3, use1x1conv: true, strides: 2, generator: RandomGenerator(seed: 5)),
                                  sample([2, 2, 4, 4], seed: 6))
    }
}
