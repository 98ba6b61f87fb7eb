import GradeKit
import XCTest

/// Output of `swift test --filter Chapter6ExerciseTests` as XCTest prints it on Linux, cut down
/// to the lines grading reads and a few it must ignore.
private enum Recorded {
    static func start(_ test: String) -> String {
        "Test Case 'Chapter6ExerciseTests.\(test)' started at 2026-12-02 05:57:41.494"
    }
    static func end(_ test: String, _ outcome: String) -> String {
        "Test Case 'Chapter6ExerciseTests.\(test)' \(outcome) (0.012 seconds)"
    }
    static func skipped(_ test: String, _ exercise: String) -> [String] {
        [start(test),
         "/work/Tests/TestSupport/Grader.swift:46: Chapter6ExerciseTests.\(test) : Test skipped - \(exercise): not attempted yet",
         end(test, "skipped")]
    }

    static let header = [
        "[0/1] Planning build",
        "Test Suite 'Selected tests' started at 2026-12-02 05:57:41.480",
        "Test Suite 'Chapter6ExerciseTests' started at 2026-12-02 05:57:41.494",
    ]
    static let beforeCrash = [
        start("testExercise6_2_2TransposedEdgeKernel"),
        "/work/Tests/Chapter6Tests/Chapter6Exercises.swift:125: error: Chapter6ExerciseTests.testExercise6_2_2TransposedEdgeKernel : failed - 6.2.2 transposedEdgeKernel: corr2d(X.T, K): expected shape [7, 6], got [8, 5]",
        end("testExercise6_2_2TransposedEdgeKernel", "failed"),
    ] + skipped("testExercise6_2_4Corr2dWithStride", "6.2.4 corr2d with stride") + [
        start("testExercise6_3_1OutputLength"),
        end("testExercise6_3_1OutputLength", "passed"),
    ]
    /// The answer to 6.4.3 multiplies [3, 20] by [2, 3]: the core stops the process mid-test.
    static let crash = [
        start("testExercise6_4_3Conv1x1"),
        "D2L/Tensor+LinearAlgebra.swift:38: Fatal error: matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)",
        "",
        "*** Program crashed: Illegal instruction at 0x00007fe1e02f9361 ***",
        "  0  0x00007fe1error: Process '/work/.build/debug/d2l-swiftPackageTests.xctest Chapter6Tests.Chapter6ExerciseTests/testExercise6_4_3Conv1x1' exited with unexpected signal code 4",
        "◇ Test run started.",
        "✔ Test run with 0 tests in 0 suites passed after 0.002 seconds.",
    ]
    static let afterCrash = skipped("testExercise6_5_1AvgPool2d", "6.5.1 avgPool2d")
        + skipped("testExercise6_6_1LeNetWithMaxPoolingAndReLU", "6.6.1 leNetWithMaxPoolingAndReLU") + [
        "Test Suite 'Chapter6ExerciseTests' failed at 2026-12-02 05:57:42.592",
        "\t Executed 5 tests, with 3 tests skipped and 1 failure (0 unexpected) in 0.122 (0.122) seconds",
    ]

    static let crashedRun = (header + beforeCrash + crash).joined(separator: "\n")
    static let runWithoutTheCrash = (header + beforeCrash + afterCrash).joined(separator: "\n")
}

final class TestOutputTests: XCTestCase {
    func testFinishedTestsArePassedFailedOrNotAttempted() {
        let run = TestOutput(parsing: Recorded.runWithoutTheCrash)
        XCTAssertNil(run.crash)
        XCTAssertEqual(run.results, [
            ExerciseResult(chapter: "Chapter6", number: "6.2.2", name: "TransposedEdgeKernel", status: .failed,
                           message: "corr2d(X.T, K): expected shape [7, 6], got [8, 5]"),
            ExerciseResult(chapter: "Chapter6", number: "6.2.4", name: "Corr2dWithStride", status: .notAttempted),
            ExerciseResult(chapter: "Chapter6", number: "6.3.1", name: "OutputLength", status: .passed),
            ExerciseResult(chapter: "Chapter6", number: "6.5.1", name: "AvgPool2d", status: .notAttempted),
            ExerciseResult(chapter: "Chapter6", number: "6.6.1", name: "LeNetWithMaxPoolingAndReLU", status: .notAttempted),
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
              6.2.2 TransposedEdgeKernel        FAILED  corr2d(X.T, K): expected shape [7, 6], got [8, 5]
              6.2.4 Corr2dWithStride            not attempted
              6.3.1 OutputLength                passed
              6.4.3 Conv1x1                     FAILED  crashed: matmul: shapes [3, 20] and [2, 3] cannot be multiplied (20 columns vs 2 rows)
              6.5.1 AvgPool2d                   not attempted
              6.6.1 LeNetWithMaxPoolingAndReLU  not attempted
              attempted 3 of 6, passed 1, failed 2
            """)
    }

    func testARunWithoutACrashIsGradedOnce() {
        let grading = Grading { _ in Recorded.runWithoutTheCrash }
        XCTAssertEqual(grading.runs, 1)
        XCTAssertEqual(grading.crashes, [])
        XCTAssertEqual(grading.results.map(\.status), [.failed, .notAttempted, .passed, .notAttempted, .notAttempted])
        XCTAssertTrue(scoreTable(grading.results).hasSuffix("attempted 2 of 5, passed 1, failed 1"))
    }

    func testACrashThatSkippingDoesNotAvoidEndsTheGrading() {
        let grading = Grading { _ in Recorded.crashedRun }
        XCTAssertEqual(grading.runs, 2)
        XCTAssertEqual(grading.crashes.map(\.test), ["testExercise6_4_3Conv1x1"])
        XCTAssertEqual(grading.results.last?.status, .failed)
    }

    func testChaptersAreListedInNumericOrder() {
        let results = [ExerciseResult(chapter: "Chapter10", number: "10.1.1", name: "A", status: .passed),
                       ExerciseResult(chapter: "Chapter9", number: "9.1.1", name: "B", status: .notAttempted)]
        let table = scoreTable(results)
        XCTAssertLessThan(table.range(of: "Chapter9")!.lowerBound, table.range(of: "Chapter10")!.lowerBound)
    }
}
