import D2L
import Exercises
import Foundation
import TestSupport
import XCTest

/// Graders of chapter 8's exercises.
enum Chapter8Graders {
    static let vocabulary = Grader<([String], Int) throws -> [String]>("8.2.2 vocabulary") { impl in
        // Ties of every frequency, a token rarer than minFreq, and first appearances out of
        // alphabetical order.
        let corpora = [["d", "b", "a", "b", "c", "a", "e", "d", "b"], ["x"], [], "the cat saw the dog and the cat ran".split(separator: " ").map(String.init)]
        var failures: [String] = []
        for tokens in corpora {
            for minFreq in [0, 2, 3] {
                let expected = Vocab(tokens: tokens, minFreq: minFreq).idxToToken
                let got = try impl(tokens, minFreq)
                if got != expected { failures.append("tokens \(tokens), minFreq \(minFreq): expected \(expected), got \(got)") }
            }
        }
        return failures
    }

    static let sequentialStarts = Grader<(Int, Int, Int, Int) throws -> [[Int]]>("8.3.4 sequentialStarts") { impl in
        try [(35, 2, 5, 0), (35, 2, 5, 5), (100, 3, 7, 4), (36, 5, 7, 0), (10, 2, 5, 0)].compactMap { n, b, T, offset in
            let pass = seqDataIterSequential(Array(0..<n), batchSize: b, numSteps: T, offset: offset)
            let expected = (0..<pass.count).map { k in Array(pass.starts[(k * b)..<((k + 1) * b)]) }
            let got = try impl(n, b, T, offset)
            return got == expected ? nil : "corpus of \(n), batch \(b), \(T) steps, offset \(offset): expected \(expected), got \(got)"
        }
    }

    static let perplexity = Grader<([Float]) throws -> Float>("8.4.4 perplexity") { impl in
        let cases: [([Float], Float)] = [([Float](repeating: 1.0 / 28, count: 10), 28), ([1, 1, 1], 1),
                                         ([0.5, 0.25], Float(8).squareRoot()), ([0.9, 0.1, 0.5, 0.2], 1 / pow(0.9 * 0.1 * 0.5 * 0.2, 0.25))]
        return try cases.compactMap { p, expected in
            let got = try impl(p)
            return abs(got - expected) <= 1e-3 * expected ? nil : "probabilities \(p): expected \(expected), got \(got)"
        }
    }

    static let clipGradients = Grader<([Tensor], Float) throws -> [Tensor]>("8.5.5 clipGradients") { impl in
        let g = RandomGenerator(seed: 85)
        let grads = [Tensor.randn([3, 4], generator: g) * 3, Tensor.randn([4], generator: g)]
        let norm = grads.map { ($0 * $0).sum().item() }.reduce(0, +).squareRoot()
        var failures: [String] = []
        for theta: Float in [1, norm * 2] {
            let scale = min(1, theta / norm)
            let got = try impl(grads.map { $0 * 1 }, theta)
            guard got.count == grads.count else { failures.append("expected \(grads.count) gradients, got \(got.count)"); continue }
            for (i, (a, e)) in zip(got, grads).enumerated() {
                if let m = mismatch(a, e * scale, context: "gradient \(i), θ = \(theta), joint norm \(norm)") { failures.append(m) }
            }
        }
        return failures
    }

    static let rnnStep = Grader<(Tensor, Tensor, Tensor, Tensor, Tensor) throws -> Tensor>("8.4.2 rnnStep") { impl in
        let g = RandomGenerator(seed: 84)
        let X = Tensor.randn([3, 2], generator: g), H = Tensor.randn([3, 4], generator: g)
        let Wxh = Tensor.randn([2, 4], generator: g), Whh = Tensor.randn([4, 4], generator: g)
        let bh = Tensor.randn([4], generator: g) + 1
        let expected = (matmul(X, Wxh) + matmul(H, Whh) + bh).tanh()
        return [mismatch(try impl(X, H, Wxh, Whh, bh), expected, context: "X [3, 2], H [3, 4], W_xh [2, 4], W_hh [4, 4], b_h [4]")]
            .compactMap { $0 }
    }
}

/// Reference solutions (never in `Exercises/`).
enum Chapter8Reference {
    static func vocabulary(_ tokens: [String], minFreq: Int) -> [String] {
        var counts: [String: Int] = [:], order: [String] = []
        for t in tokens {
            if counts[t] == nil { order.append(t) }
            counts[t, default: 0] += 1
        }
        let ranked = order.enumerated().sorted { a, b in
            counts[a.element]! != counts[b.element]! ? counts[a.element]! > counts[b.element]! : a.offset < b.offset
        }
        return ["<unk>"] + ranked.map(\.element).filter { counts[$0]! >= minFreq }
    }
    static func sequentialStarts(corpusLength: Int, batchSize: Int, numSteps: Int, offset: Int) -> [[Int]] {
        let rowLength = (corpusLength - offset - 1) / batchSize
        return (0..<(rowLength / numSteps)).map { k in (0..<batchSize).map { offset + $0 * rowLength + k * numSteps } }
    }
    static func perplexity(_ p: [Float]) -> Float { exp(-p.map { log($0) }.reduce(0, +) / Float(p.count)) }
    static func clipGradients(_ grads: [Tensor], theta: Float) -> [Tensor] {
        let norm = grads.map { ($0 * $0).sum().item() }.reduce(0, +).squareRoot()
        return grads.map { $0 * min(1, theta / norm) }
    }
    static func rnnStep(_ X: Tensor, _ H: Tensor, _ Wxh: Tensor, _ Whh: Tensor, _ bh: Tensor) -> Tensor {
        (matmul(X, Wxh) + matmul(H, Whh) + bh).tanh()
    }
}

/// Plausible wrong answers.
enum Chapter8Wrong {
    /// Breaks ties alphabetically instead of by first appearance.
    static func vocabulary(_ tokens: [String], minFreq: Int) -> [String] {
        let counts = Dictionary(tokens.map { ($0, 1) }, uniquingKeysWith: +)
        return ["<unk>"] + counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }
            .filter { counts[$0]! >= minFreq }
    }
    /// Forgets to hold back the label token.
    static func sequentialStarts(corpusLength: Int, batchSize: Int, numSteps: Int, offset: Int) -> [[Int]] {
        let rowLength = (corpusLength - offset) / batchSize
        return (0..<(rowLength / numSteps)).map { k in (0..<batchSize).map { offset + $0 * rowLength + k * numSteps } }
    }
    /// The reciprocal of the mean probability, not of the geometric mean.
    static func perplexity(_ p: [Float]) -> Float { Float(p.count) / p.reduce(0, +) }
    /// Clips each tensor to θ on its own.
    static func clipGradients(_ grads: [Tensor], theta: Float) -> [Tensor] {
        grads.map { g in g * min(1, theta / (g * g).sum().item().squareRoot()) }
    }
    /// Forgets the bias.
    static func rnnStep(_ X: Tensor, _ H: Tensor, _ Wxh: Tensor, _ Whh: Tensor, _ bh: Tensor) -> Tensor {
        (matmul(X, Wxh) + matmul(H, Whh)).tanh()
    }
}

final class Chapter8ExerciseTests: XCTestCase {
    func testExercise8_2_2Vocabulary() throws { try grade(Chapter8Graders.vocabulary, Chapter8.vocabulary) }
    func testExercise8_3_4SequentialStarts() throws { try grade(Chapter8Graders.sequentialStarts, Chapter8.sequentialStarts) }
    func testExercise8_4_2RNNStep() throws { try grade(Chapter8Graders.rnnStep, Chapter8.rnnStep) }
    func testExercise8_4_4Perplexity() throws { try grade(Chapter8Graders.perplexity, Chapter8.perplexity) }
    func testExercise8_5_5ClipGradients() throws { try grade(Chapter8Graders.clipGradients, Chapter8.clipGradients) }
}

final class Chapter8GraderMetaTests: XCTestCase {
    func testVocabularyGrader() {
        assertGraderAccepts(Chapter8Graders.vocabulary, Chapter8Reference.vocabulary)
        assertGraderRejects(Chapter8Graders.vocabulary, Chapter8Wrong.vocabulary, because: "alphabetical ties")
    }
    func testSequentialStartsGrader() {
        assertGraderAccepts(Chapter8Graders.sequentialStarts, Chapter8Reference.sequentialStarts)
        assertGraderRejects(Chapter8Graders.sequentialStarts, Chapter8Wrong.sequentialStarts, because: "no label token held back")
    }
    func testPerplexityGrader() {
        assertGraderAccepts(Chapter8Graders.perplexity, Chapter8Reference.perplexity)
        assertGraderRejects(Chapter8Graders.perplexity, Chapter8Wrong.perplexity, because: "arithmetic mean")
    }
    func testClipGradientsGrader() {
        assertGraderAccepts(Chapter8Graders.clipGradients, Chapter8Reference.clipGradients)
        assertGraderRejects(Chapter8Graders.clipGradients, Chapter8Wrong.clipGradients, because: "per-tensor norms")
    }
    func testRNNStepGrader() {
        assertGraderAccepts(Chapter8Graders.rnnStep, Chapter8Reference.rnnStep)
        assertGraderRejects(Chapter8Graders.rnnStep, Chapter8Wrong.rnnStep, because: "no bias")
    }
}
