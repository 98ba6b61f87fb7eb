import ConvNets
import D2L
import Foundation
import TestSupport
import XCTest

/// A direct loop for conv2d: the definition the fast im2col + GEMM version must match.
private func naiveConv2d(_ x: Tensor, _ w: Tensor, _ b: Tensor?, stride: (Int, Int), padding: (Int, Int)) -> Tensor {
    let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
    let oh = (h + 2 * padding.0 - kh) / stride.0 + 1, ow = (wd + 2 * padding.1 - kw) / stride.1 + 1
    let xs = x.toArray(), ws = w.toArray(), bs = b?.toArray()
    var out = [Float](repeating: 0, count: n * o * oh * ow)
    for img in 0..<n { for oc in 0..<o { for i in 0..<oh { for j in 0..<ow {
        var total: Float = bs?[oc] ?? 0
        for ic in 0..<c { for a in 0..<kh { for q in 0..<kw {
            let y = i * stride.0 - padding.0 + a, xx = j * stride.1 - padding.1 + q
            if y >= 0 && y < h && xx >= 0 && xx < wd {
                total += xs[((img * c + ic) * h + y) * wd + xx] * ws[((oc * c + ic) * kh + a) * kw + q]
            }
        } } }
        out[((img * o + oc) * oh + i) * ow + j] = total
    } } } }
    return Tensor(shape: [n, o, oh, ow], values: out)
}

/// Convolution and pooling in the core: against loops, against finite differences, and the
/// values §6.2–6.6 print.
final class Chapter6ConvolutionTests: XCTestCase {
    func testConv2dMatchesADirectLoop() {
        let g = RandomGenerator(seed: 6)
        let cases: [([Int], [Int], (Int, Int), (Int, Int))] = [
            ([2, 3, 7, 6], [4, 3, 3, 3], (1, 1), (1, 1)),
            ([1, 2, 8, 8], [3, 2, 5, 3], (2, 3), (2, 1)),
            ([3, 1, 5, 5], [2, 1, 1, 1], (1, 1), (0, 0)),
        ]
        for (xs, ws, stride, padding) in cases {
            let x = Tensor.randn(xs, generator: g), w = Tensor.randn(ws, generator: g), b = Tensor.randn([ws[0]], generator: g)
            let fast = Tensor.conv2d(x, weight: w, bias: b, stride: stride, padding: padding)
            assertClose(fast, naiveConv2d(x, w, b, stride: stride, padding: padding), atol: 1e-4)
        }
    }

    func testConv2dGradientsMatchFiniteDifferences() {
        let x = sample([2, 2, 5, 4], seed: 1), w = sample([3, 2, 3, 2], seed: 2), b = sample([3], seed: 3)
        let weights = sample([2, 3, 5, 5], seed: 4)
        assertGradientsMatch([x, w, b]) { t in
            (Tensor.conv2d(t[0], weight: t[1], bias: t[2], stride: (1, 1), padding: (1, 1)) * weights).sum()
        }
        let strided = sample([2, 3, 3, 2], seed: 5)
        assertGradientsMatch([x, w]) { t in
            (Tensor.conv2d(t[0], weight: t[1], stride: (2, 2), padding: (1, 0)) * strided).sum()
        }
    }

    func testPoolingMatchesTheBookAndFiniteDifferences() {
        let X = Tensor.arange(16, dtype: .float32).reshape(1, 1, 4, 4)
        XCTAssertEqual(MaxPool2d(kernelSize: 3)(X).toArray(), [10])
        XCTAssertEqual(MaxPool2d(kernelSize: 3, stride: 2, padding: 1)(X).toArray(), [5, 7, 13, 15])
        XCTAssertEqual(Tensor.maxPool2d(X, kernel: (2, 3), stride: (2, 3), padding: (0, 1)).toArray(), [5, 7, 13, 15])
        XCTAssertEqual(AvgPool2d(kernelSize: 2)(X).toArray(), [2.5, 4.5, 10.5, 12.5])
        XCTAssertEqual(AdaptiveAvgPool2d((1, 1))(X).toArray(), [7.5])
        XCTAssertEqual(Tensor.adaptiveAvgPool2d(Tensor.arange(9, dtype: .float32).reshape(1, 1, 3, 3), outputSize: (2, 2)).toArray(),
                       [2, 3, 5, 6])
        let two = Tensor.cat([X, X + 1], dim: 1)
        XCTAssertEqual(MaxPool2d(kernelSize: 3, stride: 2, padding: 1)(two).shape, [1, 2, 2, 2])
        // Distinct values, so max pooling has no ties.
        let x = Tensor.randn([2, 2, 5, 5], generator: RandomGenerator(seed: 7))
        let weights = sample([2, 2, 3, 3], seed: 8)
        assertGradientsMatch([x], h: 1e-3) { (Tensor.maxPool2d($0[0], kernel: (3, 3), stride: (2, 2), padding: (1, 1)) * weights).sum() }
        assertGradientsMatch([x]) { (Tensor.avgPool2d($0[0], kernel: (3, 3), stride: (2, 2), padding: (1, 1)) * weights).sum() }
        assertGradientsMatch([x]) { (Tensor.adaptiveAvgPool2d($0[0], outputSize: (2, 3)) * weights[TensorIndex.all, TensorIndex.all, 0..<2, 0..<3]).sum() }
        // Windows that tile the image (the fast path): 2×3 tiles leave the last row and column of
        // a 5×7 image out (zero gradient there); adaptive pooling of 4×6 to 2×3 tiles it exactly.
        let wide = Tensor.randn([2, 2, 5, 7], generator: RandomGenerator(seed: 9))
        assertGradientsMatch([wide]) { (Tensor.avgPool2d($0[0], kernel: (2, 3)) * weights[TensorIndex.all, TensorIndex.all, 0..<2, 0..<2]).sum() }
        assertGradientsMatch([wide[TensorIndex.all, TensorIndex.all, 0..<4, 0..<6]]) {
            (Tensor.adaptiveAvgPool2d($0[0], outputSize: (2, 3)) * weights[TensorIndex.all, TensorIndex.all, 0..<2, 0..<3]).sum()
        }
        XCTAssertEqual(Tensor.avgPool2d(Tensor.arange(35, dtype: .float32).reshape(1, 1, 5, 7), kernel: (2, 3)).toArray(),
                       [4.5, 7.5, 18.5, 21.5])
    }

    func testScratchOperationsMatchTheBook() throws {
        let X = Tensor([[0.0, 1, 2], [3, 4, 5], [6, 7, 8]]), K = Tensor([[0.0, 1], [2, 3]])
        XCTAssertEqual(CrossCorrelation.corr2d(X, K).toArray2D(), [[19, 25], [37, 43]])
        let image = CrossCorrelation.edgeImage()
        let edges = CrossCorrelation.corr2d(image, CrossCorrelation.edgeKernel)
        XCTAssertEqual(edges[0].toArray(), [0, 1, 0, 0, 0, -1, 0])
        XCTAssertEqual(CrossCorrelation.corr2d(image.T, CrossCorrelation.edgeKernel).abs().sum().item(), 0)
        let (kernel, losses) = try CrossCorrelation.learnKernel(image, edges, generator: RandomGenerator(seed: 0))
        assertClose(kernel.reshape(-1), [1, -1], atol: 0.1, rtol: 0)
        XCTAssertLessThan(losses.last!.1, losses.first!.1)
        XCTAssertEqual(Pooling.pool2d(X, poolSize: (2, 2)).toArray2D(), [[4, 5], [7, 8]])
        XCTAssertEqual(Pooling.pool2d(X, poolSize: (2, 2), mode: .avg).toArray2D(), [[2, 3], [5, 6]])
        let X2 = Tensor([[[0.0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
        let K2 = Tensor([[[0.0, 1], [2, 3]], [[1, 2], [3, 4]]])
        XCTAssertEqual(Channels.corr2dMultiIn(X2, K2).toArray2D(), [[56, 72], [104, 120]])
        let K3 = Tensor.stack([K2, K2 + 1, K2 + 2])
        XCTAssertEqual(Channels.corr2dMultiInOut(X2, K3).shape, [3, 2, 2])
        let x1 = Tensor.randn([3, 3, 3]), k1 = Tensor.randn([2, 3, 1, 1])
        assertClose(Channels.corr2dMultiInOut1x1(x1, k1), Channels.corr2dMultiInOut(x1, k1), atol: 1e-5)
        // The same 1×1 products through the core's conv2d.
        assertClose(Tensor.conv2d(x1.unsqueeze(0), weight: k1).squeeze(0), Channels.corr2dMultiInOut(x1, k1), atol: 1e-5)
    }

    func testLeNetShapesAreTheBooks() {
        let shapes = LeNet.layerShapes(LeNet.makeNet()).map(\.shape)
        XCTAssertEqual(shapes, [[1, 6, 28, 28], [1, 6, 28, 28], [1, 6, 14, 14], [1, 16, 10, 10], [1, 16, 10, 10],
                                [1, 16, 5, 5], [1, 400], [1, 120], [1, 120], [1, 84], [1, 84], [1, 10]])
        XCTAssertEqual(convOutputSize(8, kernel: 3, padding: 1, stride: 2), 4)
    }

    /// 8×8 images holding one stroke of three pixels, horizontal (class 0) or vertical (class 1),
    /// at a random place, bright or dark at random, on noise. Every pixel has mean 0 in both
    /// classes (the sign is a coin toss), so no weighted sum of raw pixels tells the classes
    /// apart: a linear model stays near chance, while 3×3 filters see the stroke's direction.
    private func strokeImages(_ n: Int, generator g: RandomGenerator) -> (Tensor, Tensor) {
        let side = 8, length = 3
        var pixels = [Float](repeating: 0, count: n * side * side), labels = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let vertical = g.nextInt(in: 0..<2) == 1
            let sign: Float = g.nextInt(in: 0..<2) == 1 ? 1 : -1
            let row = g.nextInt(in: 0..<(vertical ? side - length + 1 : side))
            let column = g.nextInt(in: 0..<(vertical ? side : side - length + 1))
            for p in 0..<(side * side) { pixels[i * side * side + p] = 0.2 * g.nextNormal() }
            for k in 0..<length {
                let (r, c) = vertical ? (row + k, column) : (row, column + k)
                pixels[i * side * side + r * side + c] += sign
            }
            labels[i] = vertical ? 1 : 0
        }
        return (Tensor(shape: [n, 1, side, side], values: pixels), Tensor(labels))
    }

    /// trainCh6 must train a small convnet on images a linear model on the raw pixels cannot
    /// classify; the linear model, trained the same way in the test, is the baseline. (The old
    /// fixture, a bright left or right half, was separable by the linear head alone.)
    func testTrainCh6LearnsOnSmallImages() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let g = RandomGenerator(seed: 9)
        let (X, y) = strokeImages(1024, generator: g), (Xt, yt) = strokeImages(256, generator: g)
        func train(_ net: Sequential, _ name: String) throws -> Double {
            try trainCh6(net, loadArray(X, y, batchSize: 32, generator: g), loadArray(Xt, yt, batchSize: 64, isTrain: false),
                         numEpochs: 20, lr: 0.1, generator: g, figureName: name).testAccuracy
        }
        let linear = try train(Sequential { Flatten(); Linear(64, 2, generator: g) }, "small-linear.svg")
        let conv = try train(Sequential {
            Conv2d(1, 8, kernelSize: 3, padding: 1, generator: g); ReLU(); MaxPool2d(kernelSize: 2)
            Flatten(); Linear(128, 2, generator: g)
        }, "small-conv.svg")
        XCTAssertLessThan(linear, 0.65, "the fixture must defeat a linear model on raw pixels")
        XCTAssertGreaterThan(conv, 0.9, "held-out accuracy of the convnet")
        XCTAssertGreaterThan(conv, linear + 0.25, "the convnet against the linear baseline (\(linear))")
    }
}
