import Foundation

/// The result object GitHub Classroom's autograding reporter reads from a runner step
/// (`grade --format classroom`; `--base64` for the step's `result` output, which the reporter
/// decodes from the `<RUNNER>_RESULTS` variable).
///
/// `status` is "error" when nothing could be graded (the code does not build), "fail" when any
/// exercise did not pass and "pass" otherwise; a crashing answer is a failed test, never an error
/// of the whole run. The reporter adds up the tests' `score` against `max_score`.
public struct ClassroomReport: Codable, Equatable, Sendable {
    /// The reporter's format version: 1.
    public var version = 1
    /// "pass", "fail" or "error".
    public var status: String
    /// Points possible over all tests.
    public var max_score: Int
    /// One test per exercise, in the book's order.
    public var tests: [Test]

    /// One exercise, as a Classroom test.
    public struct Test: Codable, Equatable, Sendable {
        /// "3.6.1 a softmax that does not overflow".
        public var name: String
        /// "pass" or "fail".
        public var status: String
        /// Points earned.
        public var score: Int
        /// Why it failed, with the grader's hint (and, when the code does not build, the
        /// compiler's error); empty when it passed.
        public var message: String
        /// Seconds its test took (0 when it did not finish).
        public var duration: Double
    }

    /// The Classroom form of `report`.
    public init(_ report: GradeReport) {
        tests = report.results.map { r in
            Test(name: "\(r.number) \(r.title)", status: r.status == .passed ? "pass" : "fail", score: r.earned,
                 message: r.feedback(), duration: r.time ?? 0)
        }
        max_score = report.maxScore
        status = report.isError ? "error" : tests.allSatisfy { $0.status == "pass" } ? "pass" : "fail"
    }

    /// The report as JSON text.
    public var text: String { jsonText(self) }

    /// The report's JSON (compact, one line) in base64, as a workflow step's output.
    public var base64: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try! encoder.encode(self).base64EncodedString()
    }
}
