/// The project's own JSON schema for a grading, `grade --format json` (documented in
/// CONTRIBUTING.md, "Grading formats"): a summary, then one object per exercise.
public struct JSONReport: Codable, Equatable, Sendable {
    /// The schema's version; a change that removes or renames a field bumps it.
    public var version = 1
    /// Points earned over all exercises.
    public var pointsEarned: Int
    /// Points possible over all exercises.
    public var pointsPossible: Int
    /// Seconds the grading took, to the millisecond.
    public var time: Double
    /// The compiler errors that kept the graders from running; empty when the code built.
    public var buildErrors: [BuildErrorEntry]
    /// Why nothing could be graded, when that was not a build error; absent otherwise.
    public var problem: String?
    /// One entry per exercise, in the book's order.
    public var exercises: [Entry]

    /// One exercise's grade.
    public struct Entry: Codable, Equatable, Sendable {
        /// The book's number: "3.6.1".
        public var id: String
        /// The chapter number: 3.
        public var chapter: Int
        /// What the exercise asks, from its stub.
        public var title: String
        /// "passed", "failed", "crashed" or "not attempted".
        public var status: ExerciseResult.Status
        /// Points earned: all when passed, else 0.
        public var pointsEarned: Int
        /// Points a passing answer earns.
        public var pointsPossible: Int
        /// The grader's message (a crash's runtime message), empty when passed or not attempted.
        public var message: String
        /// The grader's hint for a wrong answer; absent when it passed or the grader has none.
        public var hint: String?
        /// Seconds its test took; absent when the test did not finish (a crash, a build error).
        public var time: Double?
    }

    /// A compiler error: file (relative to the package), line, column, message.
    public struct BuildErrorEntry: Codable, Equatable, Sendable {
        /// The file, relative to the package root.
        public var file: String
        /// The 1-based line.
        public var line: Int
        /// The 1-based column.
        public var column: Int
        /// The compiler's message.
        public var message: String
    }

    /// The JSON form of `report`.
    public init(_ report: GradeReport) {
        pointsEarned = report.score
        pointsPossible = report.maxScore
        time = (report.time * 1000).rounded() / 1000
        buildErrors = report.buildErrors.map { BuildErrorEntry(file: $0.file, line: $0.line, column: $0.column, message: $0.message) }
        problem = report.problem
        exercises = report.results.map { r in
            Entry(id: r.number, chapter: chapterNumber(r.chapter), title: r.title, status: r.status,
                  pointsEarned: r.earned, pointsPossible: r.points, message: r.message,
                  hint: r.status == .passed ? nil : r.hint, time: r.time)
        }
    }

    /// The report as JSON text.
    public var text: String { jsonText(self) }
}
