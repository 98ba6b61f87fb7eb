import GradeKit

/// Output of `swift test --filter Chapter6ExerciseTests` as XCTest prints it on Linux, cut down
/// to the lines grading reads and a few it must ignore.
enum Recorded {
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

/// The declarations behind the recorded run: chapter 6's stubs, graders and tests as an
/// instructor writes them, with 6.4.3 worth 2 points and a hint on 6.2.2.
enum RecordedDeclarations {
    static let stubs = """
        extension Chapter6 {
            /// Exercise 6.2.2 — edges in the transposed image.
            public static func transposedEdgeKernel() throws -> Tensor { throw NotAttempted() }
            /// Exercise 6.2.4 — cross-correlation with a stride, from scratch.
            public static func corr2d(_ X: Tensor, _ K: Tensor, stride: (Int, Int)) throws -> Tensor { throw NotAttempted() }
            /// Exercise 6.3.1 — the output-shape formula.
            public static func outputLength(_ n: Int, _ k: Int, _ p: Int, _ s: Int) throws -> Int { throw NotAttempted() }
            /// Exercise 6.4.3 — a 1×1 convolution is a matrix product.
            public static func conv1x1(_ X: Tensor, _ K: Tensor) throws -> Tensor { throw NotAttempted() }
            /// Exercise 6.5.1 — average pooling with padding, from scratch.
            public static func avgPool2d(_ X: Tensor, _ k: Int, _ p: Int, _ s: Int) throws -> Tensor { throw NotAttempted() }
            /// Exercise 6.6.1 — a modern LeNet.
            public static func leNet() throws -> Sequential { throw NotAttempted() }
        }
        """
    static let graders = """
        enum Chapter6Graders {
            static let transposedEdgeKernel = Grader<() throws -> Tensor>("6.2.2 transposedEdgeKernel",
                hint: "§6.2.3: transpose the \\"image\\", not the kernel") { impl in [] }
            static let corr2dStride = Grader<(Tensor, Tensor, (Int, Int)) throws -> Tensor>("6.2.4 corr2d with stride") { impl in [] }
            static let outputLength = Grader<(Int, Int, Int, Int) throws -> Int>("6.3.1 outputLength") { impl in [] }
            static let conv1x1 = Grader<(Tensor, Tensor) throws -> Tensor>(
                "6.4.3 conv1x1", points: 2) { impl in [] }
        }
        """
    static let tests = """
        final class Chapter6ExerciseTests: XCTestCase {
            func testExercise6_2_2TransposedEdgeKernel() throws { }
            func testExercise6_2_4Corr2dWithStride() throws { }
            func testExercise6_3_1OutputLength() throws { }
            func testExercise6_4_3Conv1x1() throws { }
            func testExercise6_5_1AvgPool2d() throws { }
            func testExercise6_6_1LeNetWithMaxPoolingAndReLU() throws { }
        }
        """
    static let catalog = ExerciseCatalog(
        chapter: 6, stubs: [("Exercises/Chapter6/Chapter6.swift", stubs)],
        tests: [("Tests/Chapter6Tests/Chapter6Exercises.swift", graders + "\n" + tests)])

    /// The report of the recorded run with its crash: 6.2.2 failed, 6.3.1 passed, 6.4.3 crashed,
    /// the others not attempted; 1 of 7 points.
    static func report() -> GradeReport {
        let grading = Grading { crashed in crashed.isEmpty ? Recorded.crashedRun : Recorded.runWithoutTheCrash }
        return GradeReport(catalog: catalog, graded: grading.results, time: 2.4)
    }

    /// The report when `Exercises/Chapter6/Chapter6.swift` does not build at line 9 (inside
    /// 6.4.3's stub), with a second error elsewhere.
    static func buildFailure() -> GradeReport {
        let output = """
            Building for debugging...
            /work/d2l/Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope
            /work/d2l/Exercises/Chapter6/Chapter6.swift:9:44: error: cannot find 'W' in scope
            /work/d2l/Tests/Chapter6Tests/Chapter6Exercises.swift:3:5: error: extra argument in call
            error: fatalError
            """
        return GradeReport(catalog: catalog, graded: [], buildErrors: BuildError.parse(output, packageRoot: "/work/d2l"),
                           time: 30)
    }
}
