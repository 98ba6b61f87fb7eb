/// Grades the exercises by running their tests until every test that can run has run.
///
/// One `swift test` run stops at the first answer that crashes. Grading marks that exercise as
/// crashed (a failed answer) with the crash message, runs the tests again skipping it, and
/// repeats until a run ends without a crash; the results of all runs are merged, in the order
/// the tests first ran.
public struct Grading {
    /// Runs the exercise tests, skipping the tests that crashed in earlier runs (each one's
    /// `skipPattern` is for `swift test --skip`), and returns everything the run printed.
    public typealias Runner = (_ skipping: [TestOutput.Crash]) -> String

    /// The merged grades, one per exercise, in the order their tests first ran.
    public private(set) var results: [ExerciseResult] = []
    /// The tests that crashed, each skipped in the runs after its crash.
    public private(set) var crashes: [TestOutput.Crash] = []
    /// How many times the tests were run.
    public private(set) var runs = 0
    /// What the last run printed, for a report when nothing could be graded.
    public private(set) var lastOutput = ""

    /// Runs `runner` until a run ends without a crash, at most `maxRuns` times, so a crash that
    /// skipping cannot avoid still ends the grading.
    public init(maxRuns: Int = 100, runner: Runner) {
        while runs < maxRuns {
            lastOutput = runner(crashes)
            runs += 1
            let run = TestOutput(parsing: lastOutput)
            for result in run.results { record(result) }
            guard let crash = run.crash,
                  !crashes.contains(where: { $0.testCase == crash.testCase && $0.test == crash.test }) else { break }
            crashes.append(crash)
            if let result = ExerciseResult(testCase: crash.testCase, test: crash.test, status: .crashed,
                                           message: crash.message) {
                record(result)
            }
        }
    }

    /// Adds `result`, replacing an earlier result of the same exercise in place.
    private mutating func record(_ result: ExerciseResult) {
        if let i = results.firstIndex(where: { $0.chapter == result.chapter && $0.number == result.number && $0.name == result.name }) {
            results[i] = result
        } else {
            results.append(result)
        }
    }
}
