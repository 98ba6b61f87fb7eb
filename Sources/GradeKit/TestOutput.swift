/// What one `swift test` run printed about the exercise tests: each finished test's outcome and
/// the test that was running when the process crashed, if one did.
///
/// XCTest prints `Test Case 'Class.test' started`, then `… passed`, `… failed` or `… skipped`;
/// a failure's message comes on a line `file:line: error: Class.test : … - message`. A student's
/// answer that breaks a shape rule stops the whole process with `Fatal error: message`, so that
/// test has a start line and no end line, and every test after it never ran.
public struct TestOutput: Equatable, Sendable {
    /// The test that was running when the process stopped.
    public struct Crash: Equatable, Sendable {
        /// The test class, e.g. "Chapter6ExerciseTests".
        public let testCase: String
        /// The test method, e.g. "testExercise6_4_3Conv1x1".
        public let test: String
        /// The runtime's message (`Fatal error: …` without the `Fatal error: ` and the source
        /// location before it), or a description of the signal when the runtime printed none.
        public let message: String

        /// A pattern for `swift test --skip` that matches this test and no other: SwiftPM
        /// matches it against specifiers such as `Chapter6Tests.Chapter6ExerciseTests/testExercise6_4_3Conv1x1`.
        public var skipPattern: String { "\(testCase)[./]\(test)$" }

        /// The crash of `testCase.test` with `message`.
        public init(testCase: String, test: String, message: String) {
            self.testCase = testCase
            self.test = test
            self.message = message
        }
    }

    /// The finished exercise tests, in the order they ran.
    public var results: [ExerciseResult]
    /// The exercise-or-other test that started and never finished, when the process crashed.
    public var crash: Crash?

    /// A parsed run with these results and crash.
    public init(results: [ExerciseResult], crash: Crash? = nil) {
        self.results = results
        self.crash = crash
    }

    /// Reads `output`, everything `swift test` printed on stdout and stderr.
    public init(parsing output: String) {
        let started = try! Regex(#"Test Case '(\w+)\.(\w+)' started"#)
        let finished = try! Regex(#"Test Case '(\w+)\.(\w+)' (passed|failed|skipped)(?: \((\d+(?:\.\d+)?) seconds\))?"#)
        let failure = try! Regex(#"error: (\w+)\.(\w+) : .*? - (.*)$"#)
        var results: [ExerciseResult] = []
        var messages: [String: String] = [:]
        var running: (testCase: String, test: String, lines: [Substring])?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let m = line.firstMatch(of: started) {
                running = (String(m.output[1].substring!), String(m.output[2].substring!), [])
            } else if let m = line.firstMatch(of: finished) {
                let (testCase, test) = (String(m.output[1].substring!), String(m.output[2].substring!))
                let status: ExerciseResult.Status = switch m.output[3].substring! {
                case "passed": .passed
                case "failed": .failed
                default: .notAttempted
                }
                let message = status == .failed ? messages["\(testCase).\(test)"] ?? "" : ""
                let time = m.output[4].substring.flatMap { Double($0) }
                if let result = ExerciseResult(testCase: testCase, test: test, status: status, message: message, time: time) {
                    results.append(result)
                }
                running = nil
            } else if let m = line.firstMatch(of: failure) {
                let key = "\(m.output[1].substring!).\(m.output[2].substring!)"
                if messages[key] == nil { messages[key] = Self.withoutExercisePrefix(String(m.output[3].substring!)) }
            } else if running != nil {
                running!.lines.append(line)
            }
        }
        self.init(results: results,
                  crash: running.map { Crash(testCase: $0.testCase, test: $0.test, message: Self.crashMessage($0.lines)) })
    }

    /// Drops the "6.2.2 transposedEdgeKernel: " a grader puts before its message.
    static func withoutExercisePrefix(_ message: String) -> String {
        message.replacing(try! Regex(#"^\d+(?:\.\d+)+ [^:]+: "#), with: "", maxReplacements: 1)
    }

    /// The runtime's last words among the lines printed after the crashed test started.
    static func crashMessage(_ lines: [Substring]) -> String {
        let runtime = try! Regex(#"(?:Fatal error|Precondition failed|Assertion failed)(?:: (.*))?$"#)
        let signal = try! Regex(#"Program crashed: (.+?) at 0x"#)
        let exit = try! Regex(#"exited with unexpected signal code (\d+)"#)
        for line in lines {
            if let m = line.firstMatch(of: runtime), let message = m.output[1].substring, !message.isEmpty {
                return String(message)
            }
        }
        for line in lines {
            if let m = line.firstMatch(of: signal) { return "\(m.output[1].substring!) (no message)" }
            if let m = line.firstMatch(of: exit) { return "signal \(m.output[1].substring!) (no message)" }
        }
        return "the test process stopped without a message"
    }
}
