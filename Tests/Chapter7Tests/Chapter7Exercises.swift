import D2L
import Exercises
import Foundation
import ModernConvNets
import TestSupport
import XCTest

/// Graders of chapter 7's exercises.
enum Chapter7Graders {
    static let vggBlockShape = Grader<(Int, Int, Int, Int, Int) throws -> [Int]>("7.2.1 vggBlockOutputShape") { impl in
        try [(1, 1, 8, 16, 16), (2, 3, 4, 10, 6), (3, 2, 5, 7, 9)].compactMap { numConvs, cin, cout, h, w in
            let expected = Array(noGrad { vggBlock(numConvs, cin, cout)(Tensor.rand([1, cin, h, w])) }.shape.dropFirst())
            let got = try impl(numConvs, cin, cout, h, w)
            return got == expected ? nil
                : "vgg_block(\(numConvs), \(cin), \(cout)) on \(cin)×\(h)×\(w): expected \(expected), got \(got)"
        }
    }

    static let ninHead = Grader<() throws -> Int>("7.3.3 ninHeadParameterCount") { impl in
        let expected = ninBlock(384, 10, kernelSize: 3, strides: 1, padding: 1).parameters().reduce(0) { $0 + $1.count }
        let got = try impl()
        return got == expected ? [] : ["nin_block(384, 10, 3, 1, 1): expected \(expected) parameters, got \(got)"]
    }

    static let inceptionChannels = Grader<(Int, (Int, Int), (Int, Int), Int) throws -> Int>("7.4.1 inceptionOutputChannels") { impl in
        try [(64, (96, 128), (16, 32), 32), (3, (4, 5), (6, 7), 8), (256, (160, 320), (32, 128), 128)].compactMap { c1, c2, c3, c4 in
            let expected = noGrad { Inception(2, c1, c2, c3, c4)(Tensor.rand([1, 2, 3, 3])) }.shape[1]
            let got = try impl(c1, c2, c3, c4)
            return got == expected ? nil : "Inception(_, \(c1), \(c2), \(c3), \(c4)): expected \(expected) channels, got \(got)"
        }
    }

    static let runningStatistics = Grader<(Tensor) throws -> (mean: Tensor, variance: Tensor)>("7.5.1 runningStatisticsAfterOneStep") { impl in
        let X = Tensor.randn([6, 3], generator: RandomGenerator(seed: 75)) * 2 + 1
        let bn = BatchNorm1d(3)
        _ = noGrad { bn(X) }
        let (mean, variance) = try impl(X)
        return [mismatch(mean, bn.runningMean, tolerance: 1e-4, context: "running_mean for X of shape [6, 3]"),
                mismatch(variance, bn.runningVar, tolerance: 1e-4, context: "running_var for X of shape [6, 3]")].compactMap { $0 }
    }

    static let denseChannels = Grader<(Int, Int, Int) throws -> Int>("7.7.1 denseBlockOutputChannels") { impl in
        try [(2, 3, 10), (4, 64, 32), (1, 5, 7)].compactMap { numConvs, input, growth in
            let expected = noGrad { DenseBlock(numConvs, input, growth)(Tensor.rand([1, input, 2, 2])) }.shape[1]
            let got = try impl(numConvs, input, growth)
            return got == expected ? nil : "DenseBlock(\(numConvs), \(input), \(growth)): expected \(expected) channels, got \(got)"
        }
    }

    static let halvingTransition = Grader<(Int) throws -> Sequential>("7.7.2 halvingTransitionBlock") { impl in
        try [(8, 6, 4), (46, 8, 8)].compactMap { channels, h, w in
            let block = try impl(channels)
            let shape = noGrad { block(Tensor.rand([2, channels, h, w])) }.shape
            let expected = [2, channels / 2, h / 2, w / 2]
            return shape == expected ? nil : "[2, \(channels), \(h), \(w)] should become \(expected), got \(shape)"
        }
    }
}

enum Chapter7Reference {
    static func vggBlockOutputShape(numConvs: Int, inChannels: Int, outChannels: Int, height: Int, width: Int) -> [Int] {
        [outChannels, height / 2, width / 2]
    }
    /// 3×3 convolution 384 → 10 with bias, then two 1×1 convolutions 10 → 10 with bias.
    static func ninHeadParameterCount() -> Int { (384 * 10 * 9 + 10) + 2 * (10 * 10 + 10) }
    static func inceptionOutputChannels(c1: Int, c2: (Int, Int), c3: (Int, Int), c4: Int) -> Int { c1 + c2.1 + c3.1 + c4 }
    static func runningStatisticsAfterOneStep(_ X: Tensor) -> (mean: Tensor, variance: Tensor) {
        let n = Float(X.shape[0])
        let mean = X.mean(axis: 0)
        let unbiased = ((X - mean) * (X - mean)).sum(axis: 0) / (n - 1)
        return (0.1 * mean, 0.9 + 0.1 * unbiased)
    }
    static func denseBlockOutputChannels(numConvs: Int, inputChannels: Int, growthRate: Int) -> Int {
        inputChannels + numConvs * growthRate
    }
    static func halvingTransitionBlock(channels: Int) -> Sequential { transitionBlock(channels, channels / 2) }
}

/// Plausible wrong answers.
enum Chapter7Wrong {
    /// Forgets the pooling at the end of the block.
    static func vggBlockOutputShape(numConvs: Int, inChannels: Int, outChannels: Int, height: Int, width: Int) -> [Int] {
        [outChannels, height, width]
    }
    /// Counts only the 3×3 convolution.
    static func ninHeadParameterCount() -> Int { 384 * 10 * 9 + 10 }
    /// Adds the reduced channels of paths 2 and 3 as well.
    static func inceptionOutputChannels(c1: Int, c2: (Int, Int), c3: (Int, Int), c4: Int) -> Int {
        c1 + c2.0 + c2.1 + c3.0 + c3.1 + c4
    }
    /// Moves the running variance towards the biased variance.
    static func runningStatisticsAfterOneStep(_ X: Tensor) -> (mean: Tensor, variance: Tensor) {
        let mean = X.mean(axis: 0)
        let biased = ((X - mean) * (X - mean)).mean(axis: 0)
        return (0.1 * mean, 0.9 + 0.1 * biased)
    }
    /// Leaves out the block's input, which the block passes on.
    static func denseBlockOutputChannels(numConvs: Int, inputChannels: Int, growthRate: Int) -> Int { numConvs * growthRate }
    /// Halves height and width but keeps the channels.
    static func halvingTransitionBlock(channels: Int) -> Sequential { transitionBlock(channels, channels) }
}

final class Chapter7ExerciseTests: XCTestCase {
    func testExercise7_2_1VggBlockOutputShape() throws { try grade(Chapter7Graders.vggBlockShape, Chapter7.vggBlockOutputShape) }
    func testExercise7_3_3NinHeadParameterCount() throws { try grade(Chapter7Graders.ninHead, Chapter7.ninHeadParameterCount) }
    func testExercise7_4_1InceptionOutputChannels() throws {
        try grade(Chapter7Graders.inceptionChannels, Chapter7.inceptionOutputChannels)
    }
    func testExercise7_5_1RunningStatisticsAfterOneStep() throws {
        try grade(Chapter7Graders.runningStatistics, Chapter7.runningStatisticsAfterOneStep)
    }
    func testExercise7_7_1DenseBlockOutputChannels() throws {
        try grade(Chapter7Graders.denseChannels, Chapter7.denseBlockOutputChannels)
    }
    func testExercise7_7_2HalvingTransitionBlock() throws {
        try grade(Chapter7Graders.halvingTransition, Chapter7.halvingTransitionBlock)
    }
}

final class Chapter7GraderMetaTests: XCTestCase {
    func testVggBlockShapeGrader() {
        assertGraderAccepts(Chapter7Graders.vggBlockShape, Chapter7Reference.vggBlockOutputShape)
        assertGraderRejects(Chapter7Graders.vggBlockShape, Chapter7Wrong.vggBlockOutputShape, because: "no pooling")
    }
    func testNinHeadGrader() {
        assertGraderAccepts(Chapter7Graders.ninHead, Chapter7Reference.ninHeadParameterCount)
        assertGraderRejects(Chapter7Graders.ninHead, Chapter7Wrong.ninHeadParameterCount, because: "1×1 convolutions left out")
    }
    func testInceptionChannelsGrader() {
        assertGraderAccepts(Chapter7Graders.inceptionChannels, Chapter7Reference.inceptionOutputChannels)
        assertGraderRejects(Chapter7Graders.inceptionChannels, Chapter7Wrong.inceptionOutputChannels, because: "reduced channels counted")
    }
    func testRunningStatisticsGrader() {
        assertGraderAccepts(Chapter7Graders.runningStatistics, Chapter7Reference.runningStatisticsAfterOneStep)
        assertGraderRejects(Chapter7Graders.runningStatistics, Chapter7Wrong.runningStatisticsAfterOneStep, because: "biased variance")
    }
    func testDenseChannelsGrader() {
        assertGraderAccepts(Chapter7Graders.denseChannels, Chapter7Reference.denseBlockOutputChannels)
        assertGraderRejects(Chapter7Graders.denseChannels, Chapter7Wrong.denseBlockOutputChannels, because: "input channels left out")
    }
    func testHalvingTransitionGrader() {
        assertGraderAccepts(Chapter7Graders.halvingTransition, Chapter7Reference.halvingTransitionBlock)
        assertGraderRejects(Chapter7Graders.halvingTransition, Chapter7Wrong.halvingTransitionBlock, because: "channels kept")
    }
}
