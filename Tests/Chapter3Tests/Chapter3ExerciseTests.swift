import D2L
import Exercises
import TestSupport
import XCTest

/// Grades the student's answers in `Exercises/Chapter3`: skipped until a stub is filled in.
final class Chapter3ExerciseTests: XCTestCase {
    func testExercise3_1_2AnalyticSolution() throws {
        try grade(Chapter3Graders.analyticSolution, Chapter3.analyticSolution)
    }
    func testExercise3_1PairwiseSquaredDistances() throws {
        try grade(Chapter3Graders.pairwiseSquaredDistances, Chapter3.pairwiseSquaredDistances)
    }
    func testExercise3_3_2HuberLoss() throws { try grade(Chapter3Graders.huberLoss, Chapter3.huberLoss) }
    func testExercise3_6_1StableSoftmax() throws { try grade(Chapter3Graders.stableSoftmax, Chapter3.stableSoftmax) }
    func testExercise3_7_1CrossEntropyFromLogits() throws {
        try grade(Chapter3Graders.crossEntropyFromLogits, Chapter3.crossEntropyFromLogits)
    }
    func testExercise3_6AccuracyFraction() throws { try grade(Chapter3Graders.accuracyFraction, Chapter3.accuracyFraction) }
}

/// Keeps the graders honest: each must pass the reference solution and fail a wrong answer.
final class Chapter3GraderMetaTests: XCTestCase {
    func testAnalyticSolutionGrader() {
        assertGraderAccepts(Chapter3Graders.analyticSolution, Chapter3Reference.analyticSolution)
        assertGraderRejects(Chapter3Graders.analyticSolution, Chapter3Wrong.analyticSolution, because: "no inverse")
    }

    func testPairwiseDistanceGrader() {
        assertGraderAccepts(Chapter3Graders.pairwiseSquaredDistances, Chapter3Reference.pairwiseSquaredDistances)
        assertGraderRejects(Chapter3Graders.pairwiseSquaredDistances, Chapter3Wrong.pairwiseSquaredDistances,
                            because: "square of the summed difference")
    }

    func testHuberGrader() {
        assertGraderAccepts(Chapter3Graders.huberLoss, Chapter3Reference.huberLoss)
        assertGraderRejects(Chapter3Graders.huberLoss, Chapter3Wrong.huberLoss, because: "squared loss")
    }

    func testStableSoftmaxGrader() {
        assertGraderAccepts(Chapter3Graders.stableSoftmax, Chapter3Reference.stableSoftmax)
        assertGraderRejects(Chapter3Graders.stableSoftmax, Chapter3Wrong.stableSoftmax, because: "overflows")
    }

    func testCrossEntropyGrader() {
        assertGraderAccepts(Chapter3Graders.crossEntropyFromLogits, Chapter3Reference.crossEntropyFromLogits)
        assertGraderRejects(Chapter3Graders.crossEntropyFromLogits, Chapter3Wrong.crossEntropyFromLogits,
                            because: "log of an overflowing softmax")
    }

    func testAccuracyGrader() {
        assertGraderAccepts(Chapter3Graders.accuracyFraction, Chapter3Reference.accuracyFraction)
        assertGraderRejects(Chapter3Graders.accuracyFraction, Chapter3Wrong.accuracyFraction, because: "wrong axis")
    }
}
