import D2L
import Exercises
import TestSupport
import XCTest

/// Grades the student's answers in `Exercises/Chapter2`: skipped until a stub is filled in.
/// `swift run grade chapter2` prints these results as a table.
final class Chapter2ExerciseTests: XCTestCase {
    func testExercise2_1_1LessThan() throws { try grade(Chapter2Graders.lessThan, Chapter2.lessThan) }
    func testExercise2_1_2BroadcastShape() throws { try grade(Chapter2Graders.broadcastShape, Chapter2.broadcastShape) }
    func testExercise2_2_1DropColumnWithMostMissing() throws {
        try grade(Chapter2Graders.dropColumnWithMostMissing, Chapter2.dropColumnWithMostMissing)
    }
    func testExercise2_3_1Transpose() throws { try grade(Chapter2Graders.transpose, Chapter2.transpose) }
    func testExercise2_3_4LengthOfFirstAxis() throws {
        try grade(Chapter2Graders.lengthOfFirstAxis, Chapter2.lengthOfFirstAxis)
    }
    func testExercise2_3_6NormalizeRows() throws { try grade(Chapter2Graders.normalizeRows, Chapter2.normalizeRows) }
    func testExercise2_4_3L2NormGradient() throws { try grade(Chapter2Graders.l2NormGradient, Chapter2.l2NormGradient) }
    func testExercise2_5_5SinDerivative() throws { try grade(Chapter2Graders.sinDerivative, Chapter2.sinDerivative) }
}

/// Keeps the graders honest: each must pass the reference solution and fail a wrong answer.
final class Chapter2GraderMetaTests: XCTestCase {
    func testLessThanGrader() {
        assertGraderAccepts(Chapter2Graders.lessThan, Chapter2Reference.lessThan)
        assertGraderRejects(Chapter2Graders.lessThan, Chapter2Wrong.lessThan, because: "comparison swapped")
    }

    func testBroadcastShapeGrader() {
        assertGraderAccepts(Chapter2Graders.broadcastShape, Chapter2Reference.broadcastShape)
        assertGraderRejects(Chapter2Graders.broadcastShape, Chapter2Wrong.broadcastShape, because: "aligned from the left")
    }

    func testDropColumnGrader() {
        assertGraderAccepts(Chapter2Graders.dropColumnWithMostMissing, Chapter2Reference.dropColumnWithMostMissing)
        assertGraderRejects(Chapter2Graders.dropColumnWithMostMissing, Chapter2Wrong.dropColumnWithMostMissing,
                            because: "drops the fewest")
    }

    func testTransposeGrader() {
        assertGraderAccepts(Chapter2Graders.transpose, Chapter2Reference.transpose)
        assertGraderRejects(Chapter2Graders.transpose, Chapter2Wrong.transpose, because: "identity")
    }

    func testLengthGrader() {
        assertGraderAccepts(Chapter2Graders.lengthOfFirstAxis, Chapter2Reference.lengthOfFirstAxis)
        assertGraderRejects(Chapter2Graders.lengthOfFirstAxis, Chapter2Wrong.lengthOfFirstAxis, because: "numel")
    }

    func testNormalizeRowsGrader() {
        assertGraderAccepts(Chapter2Graders.normalizeRows, Chapter2Reference.normalizeRows)
        assertGraderRejects(Chapter2Graders.normalizeRows, Chapter2Wrong.normalizeRows, because: "column sums")
    }

    func testL2NormGradientGrader() {
        assertGraderAccepts(Chapter2Graders.l2NormGradient, Chapter2Reference.l2NormGradient)
        assertGraderRejects(Chapter2Graders.l2NormGradient, Chapter2Wrong.l2NormGradient, because: "squared norm")
    }

    func testSinDerivativeGrader() {
        assertGraderAccepts(Chapter2Graders.sinDerivative, Chapter2Reference.sinDerivative)
        assertGraderRejects(Chapter2Graders.sinDerivative, Chapter2Wrong.sinDerivative, because: "sin instead of cos")
    }
}
