import XCTest
import D2L
import TestSupport

/// oneHot, embedding, gather, indexSelect and maskedFill: values worked out by hand or printed
/// by PyTorch, scatter-add backward where positions repeat, and finite-difference gradients.
final class GatherTests: XCTestCase {
    func testOneHotMatchesPyTorch() {
        // F.one_hot(torch.tensor([0, 2, 1]), 4)
        let h = Tensor.oneHot(Tensor([0, 2, 1]), numClasses: 4)
        XCTAssertEqual(h.dtype, .int64)
        XCTAssertEqual(h.toArray2D(), [[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0]])
        XCTAssertEqual(Tensor.oneHot(Tensor([3, 1])).shape, [2, 4], "numClasses inferred as max + 1")
        // The book's F.one_hot(X.T, 28) on a [batch, steps] matrix gives [steps, batch, 28].
        let X = Tensor([[0, 27, 5], [1, 2, 3]])
        let steps = Tensor.oneHot(X.T, numClasses: 28)
        XCTAssertEqual(steps.shape, [3, 2, 28])
        XCTAssertEqual(steps[1, 0, 27].item(), 1)
        XCTAssertEqual(steps.sum().item(), 6)
    }

    func testEmbeddingPicksRowsForIdsOfAnyShape() {
        let weight = Tensor.arange(0.0, 12.0).reshape(4, 3)
        let out = Tensor.embedding(Tensor([[1, 3], [0, 1]]), weight: weight)
        XCTAssertEqual(out.shape, [2, 2, 3])
        XCTAssertEqual(out[0].toArray2D(), [[3, 4, 5], [9, 10, 11]])
        XCTAssertEqual(out[1].toArray2D(), [[0, 1, 2], [3, 4, 5]])
        XCTAssertEqual(Tensor.embedding(Tensor([2]), weight: weight.T.contiguous().T).toArray(), [6, 7, 8],
                       "a strided weight is read correctly")
    }

    func testEmbeddingBackwardAccumulatesRepeatedIds() {
        let weight = sample([5, 2], seed: 41).requiresGrad(true)
        let ids = Tensor([[1, 3, 1], [1, 0, 3]])
        let g = Tensor(shape: [2, 3, 2], values: (1...12).map(Float.init))
        Tensor.embedding(ids, weight: weight).backward(gradient: g)
        // Row 1 appears at positions 0, 2, 3: gradients (1,2) + (5,6) + (7,8).
        XCTAssertEqual(weight.grad?.toArray2D(), [[9, 10], [13, 16], [0, 0], [3 + 11, 4 + 12], [0, 0]])
        assertGradientsMatch([sample([5, 2], seed: 42)]) { weigh(Tensor.embedding(ids, weight: $0[0])) }
    }

    func testGatherMatchesPyTorch() {
        let t = Tensor([[1.0, 2], [3, 4]])
        // torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]])) = [[1, 1], [4, 3]].
        XCTAssertEqual(t.gather(dim: 1, index: Tensor([[0, 0], [1, 0]])).toArray2D(), [[1, 1], [4, 3]])
        XCTAssertEqual(t.gather(dim: 0, index: Tensor([[1, 0]])).toArray2D(), [[3, 2]])
        // §3.6: y_hat.gather(1, y.unsqueeze(1)) picks each row's label column.
        let yHat = Tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
        XCTAssertEqual(yHat.gather(dim: 1, index: Tensor([0, 2]).unsqueeze(1)).toArray(), [0.1, 0.5])
        // A strided index and a strided input.
        let cube = Tensor.arange(0.0, 24.0).reshape(2, 3, 4)
        let index = Tensor([[[2, 0], [1, 1]], [[0, 2], [2, 1]]]).transpose(1, 2)  // [2, 2, 2]
        let picked = cube.transpose(0, 2).gather(dim: 1, index: index)
        let reference = cube.transpose(0, 2).contiguous().gather(dim: 1, index: index.contiguous())
        XCTAssertEqual(picked.toArray(), reference.toArray())
        // out[i][j][k] = x[i][index[i][j][k]][k] with x = cube.T(0, 2) of shape [4, 3, 2]:
        // x[i][p][k] = cube[k][p][i] = 12k + 4p + i; out[0][1][0] uses index[0][1][0] = 0.
        XCTAssertEqual(picked[0, 1, 0].item(), 0)
        XCTAssertEqual(picked[1, 0, 1].item(), 12 * 1 + 4 * 2 + 1)  // index[1][0][1] = 2
    }

    func testGatherAndIndexSelectBackwardScatterAdd() {
        let x = Tensor([[1.0, 2, 3], [4, 5, 6]]).requiresGrad(true)
        x.gather(dim: 1, index: Tensor([[2, 2, 0], [1, 1, 1]])).sum().backward()
        XCTAssertEqual(x.grad?.toArray2D(), [[1, 0, 2], [0, 3, 0]])
        let y = Tensor([[1.0, 2, 3], [4, 5, 6]]).requiresGrad(true)
        y.indexSelect(dim: 1, index: Tensor([0, 0, 2])).sum().backward()
        XCTAssertEqual(y.grad?.toArray2D(), [[2, 0, 1], [2, 0, 1]])
        let a = sample([3, 4], seed: 43), cube = sample([2, 3, 2], seed: 44)
        assertGradientsMatch([a]) { weigh($0[0].gather(dim: 0, index: Tensor([[2, 0, 1, 2], [0, 0, 2, 1]]))) }
        assertGradientsMatch([a]) { weigh($0[0].gather(dim: 1, index: Tensor([[3, 3], [0, 1], [2, 2]]))) }
        assertGradientsMatch([a]) { weigh($0[0].indexSelect(dim: 0, index: Tensor([2, 2, 0]))) }
        assertGradientsMatch([cube]) { weigh($0[0].indexSelect(dim: 1, index: Tensor([1, 0, 1, 2]))) }
        assertGradientsMatch([cube]) { weigh($0[0].indexSelect(dim: -1, index: Tensor([1]))) }
    }

    func testIndexSelectValues() {
        let m = Tensor.arange(0.0, 12.0).reshape(3, 4)
        XCTAssertEqual(m.indexSelect(dim: 0, index: Tensor([2, 0])).toArray2D(), [[8, 9, 10, 11], [0, 1, 2, 3]])
        XCTAssertEqual(m.indexSelect(dim: 1, index: Tensor([3, 3, 1])).toArray2D(), [[3, 3, 1], [7, 7, 5], [11, 11, 9]])
        XCTAssertEqual(m.T.indexSelect(dim: 0, index: Tensor([1])).toArray2D(), [[1, 5, 9]])
        XCTAssertEqual(Tensor.arange(5).indexSelect(dim: 0, index: Tensor([4, 1])).dtype, .int64)
    }

    func testMaskedFillBroadcastsAndBlocksTheGradient() {
        let x = Tensor([[1.0, 2, 3], [4, 5, 6]])
        // §10.3: positions past each valid length are filled with -1e6 before the softmax.
        let validLens = Tensor([[1], [2]])
        let mask = Tensor.arange(3).unsqueeze(0) >= validLens   // [2, 3]
        XCTAssertEqual(x.maskedFill(mask, value: -1e6).toArray2D(), [[1, -1e6, -1e6], [4, 5, -1e6]])
        XCTAssertEqual(x.maskedFill(Tensor([true, false, true]), value: 0).toArray2D(), [[0, 2, 0], [0, 5, 0]])
        XCTAssertEqual(Tensor.arange(3).maskedFill(Tensor([false, true, false]), value: 7).dtype, .int64)
        let y = Tensor([[1.0, 2, 3], [4, 5, 6]]).requiresGrad(true)
        y.maskedFill(mask, value: 0).sum().backward()
        XCTAssertEqual(y.grad?.toArray2D(), [[1, 0, 0], [1, 1, 0]])
        assertGradientsMatch([sample([2, 3], seed: 45)]) { weigh($0[0].maskedFill(mask, value: 0.5)) }
        assertGradientsMatch([sample([3, 2], seed: 46)]) { weigh($0[0].T.maskedFill(mask, value: 0.5)) }
    }
}
