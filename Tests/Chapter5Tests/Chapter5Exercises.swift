import D2L
import Exercises
import Foundation
import TestSupport
import XCTest

/// Graders of chapter 5's exercises.
enum Chapter5Graders {
    static let parallel = Grader<(any Layer, any Layer) throws -> any Layer>("5.1.2 parallel") { impl in
        let g = RandomGenerator(seed: 51)
        let a = Linear(4, 3, generator: g), b = Sequential { Linear(4, 2, generator: g); ReLU() }
        let block = try impl(a, b)
        let X = Tensor.randn([5, 4], generator: g)
        var failures: [String] = []
        if let m = mismatch(block(X), Tensor.cat([a(X), b(X)], dim: 1), context: "parallel(Linear(4, 3), Sequential(Linear(4, 2), ReLU()))(X), X of shape [5, 4]") { failures.append(m) }
        let mine = Set(block.parameters().map(ObjectIdentifier.init))
        let expected = Set((a.parameters() + b.parameters()).map(ObjectIdentifier.init))
        if mine != expected { failures.append("parameters() lists \(mine.count) tensors; both modules have \(expected.count)") }
        return failures
    }

    static let parameterCount = Grader<(any Layer) throws -> Int>("5.2 parameterCount") { impl in
        let shared = Linear(8, 8)
        let cases: [(any Layer, Int)] = [
            (Sequential { Linear(4, 8); ReLU(); Linear(8, 1) }, 4 * 8 + 8 + 8 + 1),
            (Sequential { Linear(4, 8); shared; ReLU(); shared }, 4 * 8 + 8 + 64 + 8),
            (Sequential { Linear(3, 2, bias: false) }, 6),
        ]
        return try cases.enumerated().compactMap { i, c in
            let got = try impl(c.0)
            return got == c.1 ? nil : "network \(i + 1): expected \(c.1) parameters, got \(got)"
        }
    }

    static let tensorReduction = Grader<(Tensor, Tensor) throws -> Tensor>("5.4.1 tensorReduction") { impl in
        let g = RandomGenerator(seed: 54)
        let x = Tensor.randn([3, 4], generator: g), W = Tensor.randn([4, 4, 2], generator: g)
        let xs = x.toArray2D(), w = W.toArray()
        var expected = [Float](repeating: 0, count: 6)
        for b in 0..<3 {
            for l in 0..<2 {
                var total: Float = 0
                for i in 0..<4 { for j in 0..<4 { total += w[(i * 4 + j) * 2 + l] * xs[b][i] * xs[b][j] } }
                expected[b * 2 + l] = total
            }
        }
        return [mismatch(try impl(x, W), Tensor(shape: [3, 2], values: expected), tolerance: 1e-4, context: "x of shape [3, 4], W of shape [4, 4, 2] (element [b, l] is Σ W[i, j, l] x[b, i] x[b, j])")].compactMap { $0 }
    }

    static let partialStateDict = Grader<(any Layer, [String]) throws -> [String: Tensor]>("5.5.1 stateDict") { impl in
        let layers = (0..<11).map { _ in Linear(2, 2) as any Layer }
        let net = Sequential(layers)
        let got = try impl(net, ["0", "1"]).keys.sorted()
        let expected = ["0.bias", "0.weight", "1.bias", "1.weight"]
        return got == expected ? [] : ["prefixes [\"0\", \"1\"] of an 11-layer network: expected \(expected), got \(got)"]
    }

    static let tiedWeightGradient = Grader<(any Layer, Linear, Tensor) throws -> Tensor>("5.2.3 tiedWeightGradient") { impl in
        let g = RandomGenerator(seed: 523)
        let shared = Linear(3, 3, generator: g)
        let first = Linear(2, 3, generator: g)
        let net = Sequential { first; ReLU(); shared; ReLU(); shared }
        let X = Tensor.randn([4, 2], generator: g)
        let got = try impl(net, shared, X)
        // Two untied copies of the shared layer: the tied gradient is the sum of theirs.
        let a = Linear(3, 3), b = Linear(3, 3)
        noGrad { for c in [a, b] { c.weight.copy(from: shared.weight); c.bias!.copy(from: shared.bias!) } }
        let firstCopy = Linear(2, 3)
        noGrad { firstCopy.weight.copy(from: first.weight); firstCopy.bias!.copy(from: first.bias!) }
        Sequential { firstCopy; ReLU(); a; ReLU(); b }(X).sum().backward()
        return [mismatch(got, a.weight.grad! + b.weight.grad!, tolerance: 1e-4, context: "gradient of the shared Linear(3, 3)'s weight in Sequential(Linear(2, 3), ReLU(), shared, ReLU(), shared), X of shape [4, 2]")].compactMap { $0 }
    }
}

/// A reference "parallel" block.
private final class Parallel: Module, Layer {
    let first: any Layer, second: any Layer
    init(_ first: any Layer, _ second: any Layer) { self.first = first; self.second = second; super.init() }
    func forward(_ x: Tensor) -> Tensor { Tensor.cat([first(x), second(x)], dim: -1) }
}

/// Runs only the first module: a plausible mistake.
private final class FirstOnly: Module, Layer {
    let first: any Layer
    init(_ first: any Layer) { self.first = first; super.init() }
    func forward(_ x: Tensor) -> Tensor { first(x) }
}

enum Chapter5Reference {
    static func parallel(_ a: any Layer, _ b: any Layer) -> any Layer { Parallel(a, b) }
    static func parameterCount(_ net: any Layer) -> Int { net.parameters().map(\.count).reduce(0, +) }
    static func tensorReduction(_ x: Tensor, _ W: Tensor) -> Tensor {
        let (n, d) = (x.shape[0], x.shape[1])
        let outer = (x.unsqueeze(2) * x.unsqueeze(1)).reshape(n, d * d)
        return matmul(outer, W.reshape(d * d, -1))
    }
    static func stateDict(of net: any Layer, keepingPrefixes prefixes: [String]) -> [String: Tensor] {
        net.stateDict().filter { entry in prefixes.contains { entry.key.hasPrefix($0 + ".") } }
    }
    static func tiedWeightGradient(_ net: any Layer, shared: Linear, input X: Tensor) -> Tensor {
        net(X).sum().backward()
        return shared.weight.grad!.clone()
    }
}

enum Chapter5Wrong {
    /// Forgets the second module.
    static func parallel(_ a: any Layer, _ b: any Layer) -> any Layer { FirstOnly(a) }
    /// Counts tensors instead of numbers.
    static func parameterCount(_ net: any Layer) -> Int { net.parameters().count }
    /// Linear in x: drops the second factor.
    static func tensorReduction(_ x: Tensor, _ W: Tensor) -> Tensor { matmul(x, W.sum(axis: 1)) }
    /// Matches prefixes without the dot, so "1" also keeps "10.weight".
    static func stateDict(of net: any Layer, keepingPrefixes prefixes: [String]) -> [String: Tensor] {
        net.stateDict().filter { entry in prefixes.contains { entry.key.hasPrefix($0) } }
    }
    /// Returns the weight instead of its gradient.
    static func tiedWeightGradient(_ net: any Layer, shared: Linear, input X: Tensor) -> Tensor {
        net(X).sum().backward()
        return shared.weight.detach().clone()
    }
}

final class Chapter5ExerciseTests: XCTestCase {
    func testExercise5_1_2Parallel() throws { try grade(Chapter5Graders.parallel, Chapter5.parallel) }
    func testExercise5_2ParameterCount() throws { try grade(Chapter5Graders.parameterCount, Chapter5.parameterCount) }
    func testExercise5_4_1TensorReduction() throws { try grade(Chapter5Graders.tensorReduction, Chapter5.tensorReduction) }
    func testExercise5_5_1StateDict() throws { try grade(Chapter5Graders.partialStateDict, Chapter5.stateDict) }
    func testExercise5_2_3TiedWeightGradient() throws {
        try grade(Chapter5Graders.tiedWeightGradient, Chapter5.tiedWeightGradient)
    }
}

final class Chapter5GraderMetaTests: XCTestCase {
    func testParallelGrader() {
        assertGraderAccepts(Chapter5Graders.parallel, Chapter5Reference.parallel)
        assertGraderRejects(Chapter5Graders.parallel, Chapter5Wrong.parallel, because: "second module dropped")
    }
    func testParameterCountGrader() {
        assertGraderAccepts(Chapter5Graders.parameterCount, Chapter5Reference.parameterCount)
        assertGraderRejects(Chapter5Graders.parameterCount, Chapter5Wrong.parameterCount, because: "counts tensors")
    }
    func testTensorReductionGrader() {
        assertGraderAccepts(Chapter5Graders.tensorReduction, Chapter5Reference.tensorReduction)
        assertGraderRejects(Chapter5Graders.tensorReduction, Chapter5Wrong.tensorReduction, because: "linear in x")
    }
    func testStateDictGrader() {
        assertGraderAccepts(Chapter5Graders.partialStateDict, Chapter5Reference.stateDict)
        assertGraderRejects(Chapter5Graders.partialStateDict, Chapter5Wrong.stateDict, because: "prefix without the dot")
    }
    func testTiedGradientGrader() {
        assertGraderAccepts(Chapter5Graders.tiedWeightGradient, Chapter5Reference.tiedWeightGradient)
        assertGraderRejects(Chapter5Graders.tiedWeightGradient, Chapter5Wrong.tiedWeightGradient, because: "weight, not gradient")
    }
}
