/// The `results.json` Gradescope's autograder reads from `/autograder/results/`, one test per
/// exercise (`grade --format gradescope`).
///
/// A test's `status` is "passed" or "failed" (crashed and not attempted exercises fail with 0
/// points, their reason in `output`); `score` is the sum of the tests' scores, `output` a summary
/// shown above the tests, with the compiler errors when the code does not build.
public struct GradescopeReport: Codable, Equatable, Sendable {
    /// Points earned over all tests.
    public var score: Int
    /// Whole seconds the grading took.
    public var execution_time: Int
    /// The summary shown above the tests: points, counts, and any compiler errors.
    public var output: String
    /// Who sees the summary: "visible".
    public var stdout_visibility = "visible"
    /// One test per exercise, in the book's order.
    public var tests: [Test]

    /// One exercise, as a Gradescope test.
    public struct Test: Codable, Equatable, Sendable {
        /// "3.6.1 a softmax that does not overflow".
        public var name: String
        /// The book's number, which Gradescope sorts and shows: "3.6.1".
        public var number: String
        /// Points earned.
        public var score: Int
        /// Points possible.
        public var max_score: Int
        /// "passed" or "failed".
        public var status: String
        /// Why it failed, with the grader's hint; "passed" when it passed.
        public var output: String
        /// The chapter ("chapter3") and the result's own word ("crashed", "not attempted").
        public var tags: [String]
        /// "visible": students see every exercise's result at once.
        public var visibility = "visible"
    }

    /// The Gradescope form of `report`.
    public init(_ report: GradeReport) {
        score = report.score
        execution_time = Int(report.time.rounded(.up))
        output = gradingSummary(report)
        tests = report.results.map { r in
            Test(name: "\(r.number) \(r.title)", number: r.number, score: r.earned, max_score: r.points,
                 status: r.status == .passed ? "passed" : "failed",
                 output: r.status == .passed ? "passed" : r.feedback(),
                 tags: [r.chapter.lowercased(), r.status.rawValue])
        }
    }

    /// The report as JSON text.
    public var text: String { jsonText(self) }
}
