import D2L
import Exercises
import Foundation
import TestSupport
import XCTest

/// Graders of chapter 4's exercises.
enum Chapter4Graders {
    static let inputs = Tensor([-2.0, -0.5, 0.3, 1.5, -1.1])

    static let prelu = Grader<(Tensor, Float) throws -> Tensor>("4.1.1 prelu") { impl in
        var failures: [String] = []
        for alpha: Float in [0.1, 0.25] {
            let x = inputs.clone().requiresGrad()
            let y = try impl(x, alpha)
            let expected = inputs.toArray().map { $0 > 0 ? $0 : alpha * $0 }
            if let m = mismatch(y, Tensor(expected), context: "α = \(alpha)", inputs: [("x", inputs)]) { failures.append(m); continue }
            guard y.requiresGrad else { failures.append("α = \(alpha): the result is not differentiable"); continue }
            y.sum().backward()
            if let m = mismatch(x.grad!, Tensor(inputs.toArray().map { $0 > 0 ? 1 : alpha }), context: "gradient for α = \(alpha)",
                                inputs: [("x", inputs)]) {
                failures.append(m)
            }
        }
        return failures
    }

    static let tanhFromSigmoid = Grader<(Tensor) throws -> Tensor>("4.1.3 tanhFromSigmoid") { impl in
        [mismatch(try impl(inputs), inputs.tanh(), tolerance: 1e-5, context: "x of shape \(inputs.shape)", inputs: [("x", inputs)])]
            .compactMap { $0 }
    }

    static let l1Penalty = Grader<(Tensor) throws -> Tensor>("4.5.1 l1Penalty") { impl in
        let w = inputs.clone().requiresGrad()
        let penalty = try impl(w)
        if let m = mismatch(penalty.reshape([]), Tensor(5.4), context: "w = \(inputs.toArray())") { return [m] }
        guard penalty.requiresGrad else { return ["the penalty is not differentiable"] }
        penalty.sum().backward()
        return [mismatch(w.grad!, inputs.sign(), context: "gradient of the penalty", inputs: [("w", inputs)])].compactMap { $0 }
    }

    static let dropout = Grader<(Tensor, Float, Tensor) throws -> Tensor>("4.6 dropout") { impl in
        let X = Tensor([[1.0, 2, 3, 4], [5, 6, 7, 8]])
        let u = Tensor([[0.1, 0.9, 0.5, 0.7], [0.3, 0.2, 0.95, 0.6]])
        var failures: [String] = []
        for p: Float in [0.5, 0.25] {
            let expected = Tensor.where(u > p, X / (1 - p), Tensor(0.0))
            if let m = mismatch(try impl(X, p, u), expected, context: "X of shape \(X.shape), p = \(p)", inputs: [("X", X), ("u", u)]) {
                failures.append(m)
            }
        }
        if let m = mismatch(try impl(X, 0, u), X, context: "X of shape \(X.shape), p = 0 keeps everything", inputs: [("u", u)]) {
            failures.append(m)
        }
        return failures
    }

    static let xavierStd = Grader<(Int, Int) throws -> Float>("4.8 xavierStd") { impl in
        try [(784, 256), (10, 10), (1, 3)].compactMap { fanIn, fanOut in
            let got = try impl(fanIn, fanOut), expected = (2 / Float(fanIn + fanOut)).squareRoot()
            return abs(got - expected) <= 1e-6 ? nil : "fanIn \(fanIn), fanOut \(fanOut): expected \(expected), got \(got)"
        }
    }
}

enum Chapter4Reference {
    static func prelu(_ x: Tensor, alpha: Float) -> Tensor { x.relu() + alpha * Tensor.minimum(x, Tensor.zerosLike(x)) }
    static func tanhFromSigmoid(_ x: Tensor) -> Tensor { 2 * (2 * x).sigmoid() - 1 }
    static func l1Penalty(_ w: Tensor) -> Tensor { w.abs().sum() }
    static func dropout(_ X: Tensor, p: Float, uniform: Tensor) -> Tensor { X * (uniform > p).float() / (1 - p) }
    static func xavierStd(fanIn: Int, fanOut: Int) -> Float { (2 / Float(fanIn + fanOut)).squareRoot() }
}

/// Plausible wrong answers.
enum Chapter4Wrong {
    /// Plain ReLU: forgets α.
    static func prelu(_ x: Tensor, alpha: Float) -> Tensor { x.relu() }
    /// Forgets to double the input.
    static func tanhFromSigmoid(_ x: Tensor) -> Tensor { 2 * x.sigmoid() - 1 }
    /// The L2 penalty instead.
    static func l1Penalty(_ w: Tensor) -> Tensor { (w * w).sum() / 2 }
    /// Forgets to rescale.
    static func dropout(_ X: Tensor, p: Float, uniform: Tensor) -> Tensor { X * (uniform > p).float() }
    /// Uses only fan-in (LeCun's scale).
    static func xavierStd(fanIn: Int, fanOut: Int) -> Float { (1 / Float(fanIn)).squareRoot() }
}

final class Chapter4ExerciseTests: XCTestCase {
    func testExercise4_1_1Prelu() throws { try grade(Chapter4Graders.prelu, Chapter4.prelu) }
    func testExercise4_1_3TanhFromSigmoid() throws { try grade(Chapter4Graders.tanhFromSigmoid, Chapter4.tanhFromSigmoid) }
    func testExercise4_5_1L1Penalty() throws { try grade(Chapter4Graders.l1Penalty, Chapter4.l1Penalty) }
    func testExercise4_6Dropout() throws { try grade(Chapter4Graders.dropout, Chapter4.dropout) }
    func testExercise4_8XavierStd() throws { try grade(Chapter4Graders.xavierStd, Chapter4.xavierStd) }
}

final class Chapter4GraderMetaTests: XCTestCase {
    func testPreluGrader() {
        assertGraderAccepts(Chapter4Graders.prelu, Chapter4Reference.prelu)
        assertGraderRejects(Chapter4Graders.prelu, Chapter4Wrong.prelu, because: "plain ReLU")
    }
    func testTanhGrader() {
        assertGraderAccepts(Chapter4Graders.tanhFromSigmoid, Chapter4Reference.tanhFromSigmoid)
        assertGraderRejects(Chapter4Graders.tanhFromSigmoid, Chapter4Wrong.tanhFromSigmoid, because: "sigmoid(x), not sigmoid(2x)")
    }
    func testL1Grader() {
        assertGraderAccepts(Chapter4Graders.l1Penalty, Chapter4Reference.l1Penalty)
        assertGraderRejects(Chapter4Graders.l1Penalty, Chapter4Wrong.l1Penalty, because: "L2 penalty")
    }
    func testDropoutGrader() {
        assertGraderAccepts(Chapter4Graders.dropout, Chapter4Reference.dropout)
        assertGraderRejects(Chapter4Graders.dropout, Chapter4Wrong.dropout, because: "no rescaling")
    }
    func testXavierGrader() {
        assertGraderAccepts(Chapter4Graders.xavierStd, Chapter4Reference.xavierStd)
        assertGraderRejects(Chapter4Graders.xavierStd, Chapter4Wrong.xavierStd, because: "fan-in only")
    }
}
