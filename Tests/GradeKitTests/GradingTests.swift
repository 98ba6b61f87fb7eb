import GradeKit
import XCTest

final class TestOutputTests: XCTestCase {
    func testFinishedTestsArePassedFailedOrNotAttempted() {
        let run = TestOutput(parsing: Recorded.runWithoutTheCrash)
        XCTAssertNil(run.crash)
        XCTAssertEqual(run.results, [
            ExerciseResult(chapter: "Chapter6", number: "6.2.2", name: "TransposedEdgeKernel", status: .failed,
                           message: "corr2d(X.T, K): expected shape [7, 6], got [8, 5]", time: 0.012),
            ExerciseResult(chapter: "Chapter6", number: "6.2.4", name: "Corr2dWithStride", status: .notAttempted, time: 0.012),
            ExerciseResult(chapter: "Chapter6", number: "6.3.1", name: "OutputLength", status: .passed, time: 0.012),
            ExerciseResult(chapter: "Chapter6", number: "6.5.1", name: "AvgPool2d", status: .notAttempted, time: 0.012),
            ExerciseResult(chapter: "Chapter6", number: "6.6.1", name: "LeNetWithMaxPoolingAndReLU", status: .notAttempted,
                           time: 0.012),
        ])
    }

    func testATestThatStartedAndNeverFinishedIsTheCrash() {
        let run = TestOutput(parsing: Recorded.crashedRun)
        XCTAssertEqual(run.results.map(\.number), ["6.2.2", "6.2.4", "6.3.1"])
        XCTAssertEqual(run.crash, TestOutput.Crash(
            testCase: "Chapter6ExerciseTests", test: "testExercise6_4_3Conv1x1",
            message: "matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)"))
        XCTAssertEqual(run.crash?.skipPattern, "Chapter6ExerciseTests[./]testExercise6_4_3Conv1x1$")
    }

    func testACrashWithoutARuntimeMessageNamesTheSignal() {
        let output = [Recorded.start("testExercise6_4_3Conv1x1"),
                      "error: Process 'x.xctest' exited with unexpected signal code 11"].joined(separator: "\n")
        XCTAssertEqual(TestOutput(parsing: output).crash?.message, "signal 11 (no message)")
        XCTAssertEqual(TestOutput(parsing: Recorded.start("testExercise6_4_3Conv1x1")).crash?.message,
                       "the test process stopped without a message")
    }

    func testTestsThatAreNotExercisesAreLeftOut() {
        let output = ["Test Case 'Chapter6GraderMetaTests.testStrideGrader' started at 2026-12-02 05:57:41.494",
                      "Test Case 'Chapter6GraderMetaTests.testStrideGrader' passed (0.001 seconds)"].joined(separator: "\n")
        XCTAssertEqual(TestOutput(parsing: output), TestOutput(results: []))
    }
}

final class GradingTests: XCTestCase {
    func testACrashingAnswerFailsWithItsMessageAndTheOthersAreStillGraded() {
        var skipped: [[String]] = []
        let grading = Grading { crashed in
            skipped.append(crashed.map(\.skipPattern))
            return crashed.isEmpty ? Recorded.crashedRun : Recorded.runWithoutTheCrash
        }
        XCTAssertEqual(grading.runs, 2)
        XCTAssertEqual(skipped, [[], ["Chapter6ExerciseTests[./]testExercise6_4_3Conv1x1$"]])
        XCTAssertEqual(scoreTable(grading.results), """

            Chapter6
              6.2.2 TransposedEdgeKernel        0/1  FAILED  corr2d(X.T, K): expected shape [7, 6], got [8, 5]
              6.2.4 Corr2dWithStride            0/1  not attempted
              6.3.1 OutputLength                1/1  passed
              6.4.3 Conv1x1                     0/1  FAILED  crashed: matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)
              6.5.1 AvgPool2d                   0/1  not attempted
              6.6.1 LeNetWithMaxPoolingAndReLU  0/1  not attempted
              attempted 3 of 6, passed 1, failed 2; 1 of 6 points
            """)
        XCTAssertEqual(grading.results.first { $0.number == "6.4.3" }?.status, .crashed)
    }

    func testARunWithoutACrashIsGradedOnce() {
        let grading = Grading { _ in Recorded.runWithoutTheCrash }
        XCTAssertEqual(grading.runs, 1)
        XCTAssertEqual(grading.crashes, [])
        XCTAssertEqual(grading.results.map(\.status), [.failed, .notAttempted, .passed, .notAttempted, .notAttempted])
        XCTAssertTrue(scoreTable(grading.results).hasSuffix("attempted 2 of 5, passed 1, failed 1; 1 of 5 points"))
    }

    func testACrashThatSkippingDoesNotAvoidEndsTheGrading() {
        let grading = Grading { _ in Recorded.crashedRun }
        XCTAssertEqual(grading.runs, 2)
        XCTAssertEqual(grading.crashes.map(\.test), ["testExercise6_4_3Conv1x1"])
        XCTAssertEqual(grading.results.last?.status, .crashed)
    }

    func testChaptersAreListedInNumericOrder() {
        let results = [ExerciseResult(chapter: "Chapter10", number: "10.1.1", name: "A", status: .passed),
                       ExerciseResult(chapter: "Chapter9", number: "9.1.1", name: "B", status: .notAttempted)]
        let table = scoreTable(results)
        XCTAssertLessThan(table.range(of: "Chapter9")!.lowerBound, table.range(of: "Chapter10")!.lowerBound)
    }
}
