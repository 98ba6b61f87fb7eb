import ConvNets
import D2L
import Exercises
import Foundation
import TestSupport
import XCTest

/// Graders of chapter 6's exercises.
enum Chapter6Graders {
    static let transposedEdgeKernel = Grader<() throws -> Tensor>("6.2.2 transposedEdgeKernel",
        hint: "§6.2 (edge detection): transposing the image turns its vertical edges horizontal; the kernel must turn the same way") { impl in
        let X = CrossCorrelation.edgeImage()
        let K = try impl()
        guard K.ndim == 2, K.shape[0] <= X.shape[1], K.shape[1] <= X.shape[0] else {
            return ["the kernel must be a small 2-d tensor, got shape \(K.shape)"]
        }
        let expected = CrossCorrelation.corr2d(X, CrossCorrelation.edgeKernel).T
        return [mismatch(CrossCorrelation.corr2d(X.T, K), expected, context: "corr2d(X.T, K) for the \(X.shape) edge image X and K of shape \(K.shape)")].compactMap { $0 }
    }

    static let corr2dStride = Grader<(Tensor, Tensor, (Int, Int)) throws -> Tensor>("6.2.4 corr2d with stride",
        hint: "§6.3 (stride): the output has (n − k) / s + 1 rows (rounded down); window (i, j) starts at row i·s₀, column j·s₁") { impl in
        let g = RandomGenerator(seed: 62)
        return try [((6, 7), (2, 3), (2, 2)), ((5, 5), (3, 3), (1, 2)), ((8, 4), (2, 2), (3, 1))].compactMap { xs, ks, stride in
            let X = Tensor.randn([xs.0, xs.1], generator: g), K = Tensor.randn([ks.0, ks.1], generator: g)
            let full = Tensor.conv2d(X.reshape(1, 1, xs.0, xs.1), weight: K.reshape(1, 1, ks.0, ks.1), stride: stride)
            let expected = full.reshape(full.shape[2], full.shape[3])
            return mismatch(try impl(X, K, stride), expected, tolerance: 1e-4,
                            context: "X of shape \(X.shape), K of shape \(K.shape), stride \(stride)")
        }
    }

    static let outputLength = Grader<(Int, Int, Int, Int) throws -> Int>("6.3.1 outputLength",
        hint: "§6.3 (padding and stride): pad both sides, then count the whole strides that fit; the division rounds down") { impl in
        try [(8, 3, 1, 1, 8), (8, 3, 1, 2, 4), (8, 5, 2, 1, 8), (8, 3, 0, 3, 2), (28, 5, 2, 1, 28), (7, 2, 0, 2, 3)]
            .compactMap { n, k, p, s, expected in
                let got = try impl(n, k, p, s)
                return got == expected ? nil : "n = \(n), k = \(k), p = \(p), s = \(s): expected \(expected), got \(got)"
            }
    }

    static let conv1x1 = Grader<(Tensor, Tensor) throws -> Tensor>("6.4.3 conv1x1",
        hint: "§6.4 (1×1 convolutional layer): flatten X to [c, h·w] and K to [o, c]; their product is [o, h·w]") { impl in
        let g = RandomGenerator(seed: 64)
        let X = Tensor.randn([3, 4, 5], generator: g), K = Tensor.randn([2, 3, 1, 1], generator: g)
        return [mismatch(try impl(X, K), Channels.corr2dMultiInOut(X, K), tolerance: 1e-4, context: "X of shape [3, 4, 5], K of shape [2, 3, 1, 1]")]
            .compactMap { $0 }
    }

    static let avgPool = Grader<(Tensor, Int, Int, Int) throws -> Tensor>("6.5.1 avgPool2d",
        hint: "§6.5 (padding and stride): pad with zeros first; each mean divides by size², padded zeros included") { impl in
        let X = Tensor.arange(20, dtype: .float32).reshape(4, 5)
        return try [(2, 0, 2), (3, 1, 2), (3, 1, 1)].compactMap { size, padding, stride in
            let full = Tensor.avgPool2d(X.reshape(1, 1, 4, 5), kernel: (size, size), stride: (stride, stride),
                                        padding: (padding, padding))
            let expected = full.reshape(full.shape[2], full.shape[3])
            return mismatch(try impl(X, size, padding, stride), expected,
                            context: "X of shape \(X.shape), pool size \(size), padding \(padding), stride \(stride)")
        }
    }

    static let modernLeNet = Grader<() throws -> Sequential>("6.6.1 leNetWithMaxPoolingAndReLU") { impl in
        let net = try impl()
        var failures: [String] = []
        let kinds = net.layers.map { "\(type(of: $0))" }
        if kinds.contains("Sigmoid") || kinds.contains("AvgPool2d") { failures.append("still has Sigmoid or AvgPool2d: \(kinds)") }
        if kinds.filter({ $0 == "ReLU" }).count < 4 || kinds.filter({ $0 == "MaxPool2d" }).count != 2 {
            failures.append("expected 4 ReLU and 2 MaxPool2d layers, got \(kinds)")
        }
        if kinds.filter({ $0 == "Conv2d" }).count != 2 || kinds.filter({ $0 == "Linear" }).count != 3 {
            failures.append("the convolutions and linear layers should stay as in LeNet, got \(kinds)")
        }
        let shape = noGrad { net(Tensor.rand([2, 1, 28, 28])) }.shape
        if shape != [2, 10] { failures.append("a [2, 1, 28, 28] batch should give [2, 10] scores, got \(shape)") }
        return failures
    }
}

enum Chapter6Reference {
    static func transposedEdgeKernel() -> Tensor { Tensor([[1.0], [-1.0]]) }
    static func corr2d(_ X: Tensor, _ K: Tensor, stride: (Int, Int)) -> Tensor {
        let (kh, kw) = (K.shape[0], K.shape[1])
        let oh = (X.shape[0] - kh) / stride.0 + 1, ow = (X.shape[1] - kw) / stride.1 + 1
        return Tensor.stack((0..<oh).map { i in
            Tensor.stack((0..<ow).map { j in (X[(i * stride.0)..<(i * stride.0 + kh), (j * stride.1)..<(j * stride.1 + kw)] * K).sum() })
        })
    }
    static func outputLength(n: Int, k: Int, p: Int, s: Int) -> Int { (n + 2 * p - k) / s + 1 }
    static func conv1x1(_ X: Tensor, _ K: Tensor) -> Tensor {
        matmul(K.reshape(K.shape[0], X.shape[0]), X.reshape(X.shape[0], -1)).reshape(K.shape[0], X.shape[1], X.shape[2])
    }
    static func avgPool2d(_ X: Tensor, size: Int, padding: Int, stride: Int) -> Tensor {
        let padded = Tensor.zeros([X.shape[0] + 2 * padding, X.shape[1] + 2 * padding])
        padded[padding..<(padding + X.shape[0]), padding..<(padding + X.shape[1])] = X
        let oh = (padded.shape[0] - size) / stride + 1, ow = (padded.shape[1] - size) / stride + 1
        return Tensor.stack((0..<oh).map { i in
            Tensor.stack((0..<ow).map { j in padded[(i * stride)..<(i * stride + size), (j * stride)..<(j * stride + size)].mean() })
        })
    }
    static func leNetWithMaxPoolingAndReLU() -> Sequential {
        Sequential {
            Conv2d(1, 6, kernelSize: 5, padding: 2); ReLU(); MaxPool2d(kernelSize: 2, stride: 2)
            Conv2d(6, 16, kernelSize: 5); ReLU(); MaxPool2d(kernelSize: 2, stride: 2)
            Flatten(); Linear(400, 120); ReLU(); Linear(120, 84); ReLU(); Linear(84, 10)
        }
    }
}

/// Plausible wrong answers.
enum Chapter6Wrong {
    /// The untransposed kernel: finds nothing in the transposed image.
    static func transposedEdgeKernel() -> Tensor { CrossCorrelation.edgeKernel }
    /// Ignores the stride.
    static func corr2d(_ X: Tensor, _ K: Tensor, stride: (Int, Int)) -> Tensor { CrossCorrelation.corr2d(X, K) }
    /// Forgets the + 1.
    static func outputLength(n: Int, k: Int, p: Int, s: Int) -> Int { (n + 2 * p - k) / s }
    /// Reads the kernels as a [c, o] matrix and transposes it: the right shape, the wrong weights.
    static func conv1x1(_ X: Tensor, _ K: Tensor) -> Tensor {
        matmul(K.reshape(X.shape[0], K.shape[0]).T, X.reshape(X.shape[0], -1)).reshape(K.shape[0], X.shape[1], X.shape[2])
    }
    /// Pools without padding.
    static func avgPool2d(_ X: Tensor, size: Int, padding: Int, stride: Int) -> Tensor {
        Chapter6Reference.avgPool2d(X, size: size, padding: 0, stride: stride)
    }
    /// The book's sigmoid LeNet unchanged.
    static func leNetWithMaxPoolingAndReLU() -> Sequential { LeNet.makeNet() }
}

final class Chapter6ExerciseTests: XCTestCase {
    func testExercise6_2_2TransposedEdgeKernel() throws { try grade(Chapter6Graders.transposedEdgeKernel, Chapter6.transposedEdgeKernel) }
    func testExercise6_2_4Corr2dWithStride() throws { try grade(Chapter6Graders.corr2dStride, Chapter6.corr2d) }
    func testExercise6_3_1OutputLength() throws { try grade(Chapter6Graders.outputLength, Chapter6.outputLength) }
    func testExercise6_4_3Conv1x1() throws { try grade(Chapter6Graders.conv1x1, Chapter6.conv1x1) }
    func testExercise6_5_1AvgPool2d() throws { try grade(Chapter6Graders.avgPool, Chapter6.avgPool2d) }
    func testExercise6_6_1LeNetWithMaxPoolingAndReLU() throws {
        try grade(Chapter6Graders.modernLeNet, Chapter6.leNetWithMaxPoolingAndReLU)
    }
}

final class Chapter6GraderMetaTests: XCTestCase {
    func testTransposedEdgeGrader() {
        assertGraderAccepts(Chapter6Graders.transposedEdgeKernel, Chapter6Reference.transposedEdgeKernel)
        assertGraderRejects(Chapter6Graders.transposedEdgeKernel, Chapter6Wrong.transposedEdgeKernel, because: "untransposed kernel")
    }
    func testStrideGrader() {
        assertGraderAccepts(Chapter6Graders.corr2dStride, Chapter6Reference.corr2d)
        assertGraderRejects(Chapter6Graders.corr2dStride, Chapter6Wrong.corr2d, because: "stride ignored")
    }
    func testOutputLengthGrader() {
        assertGraderAccepts(Chapter6Graders.outputLength, Chapter6Reference.outputLength)
        assertGraderRejects(Chapter6Graders.outputLength, Chapter6Wrong.outputLength, because: "missing + 1")
    }
    func testConv1x1Grader() {
        assertGraderAccepts(Chapter6Graders.conv1x1, Chapter6Reference.conv1x1)
        assertGraderRejects(Chapter6Graders.conv1x1, Chapter6Wrong.conv1x1, because: "transposed kernel matrix")
    }
    func testAvgPoolGrader() {
        assertGraderAccepts(Chapter6Graders.avgPool, Chapter6Reference.avgPool2d)
        assertGraderRejects(Chapter6Graders.avgPool, Chapter6Wrong.avgPool2d, because: "no padding")
    }
    func testModernLeNetGrader() {
        assertGraderAccepts(Chapter6Graders.modernLeNet, Chapter6Reference.leNetWithMaxPoolingAndReLU)
        assertGraderRejects(Chapter6Graders.modernLeNet, Chapter6Wrong.leNetWithMaxPoolingAndReLU, because: "sigmoid LeNet")
    }
}
