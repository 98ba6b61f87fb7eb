/// The grade of one exercise: the one model that every printer (`table`, `json`, `gradescope`,
/// `classroom`) formats.
///
/// A result is first read from its test's name and outcome, then completed from the exercise's
/// declaration (`GradeReport` adds the title, points and hint from the `ExerciseCatalog`).
/// Exercise tests are named after the book's numbering: `Chapter6ExerciseTests` holds
/// `testExercise6_2_4Corr2dWithStride`, the exercise 6.2.4 `Corr2dWithStride`; a number with
/// two parts (`testExercise3_1PairwiseSquaredDistances`) is an exercise of a whole section.
public struct ExerciseResult: Equatable, Sendable {
    /// How an exercise came out; the raw value is the word the JSON formats write.
    public enum Status: String, Equatable, Sendable, Codable, CaseIterable {
        /// The grader found nothing wrong.
        case passed = "passed"
        /// The grader found a mistake, the answer threw, or the exercise could not be graded
        /// (the code does not build).
        case failed = "failed"
        /// The answer stopped the test process (a shape error's `Fatal error`): a failed
        /// exercise whose message is the runtime's.
        case crashed = "crashed"
        /// The stub still throws `NotAttempted`.
        case notAttempted = "not attempted"

        /// The word in the score table: failed and crashed answers both read FAILED, so they
        /// stand out among the passed and not attempted ones.
        public var tableLabel: String {
            switch self {
            case .passed, .notAttempted: rawValue
            case .failed, .crashed: "FAILED"
            }
        }
    }

    /// The chapter, as in the test class: "Chapter6".
    public let chapter: String
    /// The book's exercise number, the exercise's id: "6.2.4".
    public let number: String
    /// The rest of the test's name: "Corr2dWithStride".
    public let name: String
    /// Passed, failed, crashed or not attempted.
    public var status: Status
    /// What went wrong, in the grader's words (empty when the exercise passed).
    public var message: String
    /// The exercise's title from its stub ("cross-correlation with a stride, from scratch"), or
    /// `name` when the exercise has no declaration to read.
    public var title: String
    /// The points a passing answer earns.
    public var points: Int
    /// Where to look in the book when the answer is wrong, if the grader gives a hint.
    public var hint: String?
    /// Seconds the test took, when it finished (a crashed test has none).
    public var time: Double?

    /// The points this answer earned: all of them when it passed, none otherwise.
    public var earned: Int { status == .passed ? points : 0 }

    /// A result for the exercise whose test is `testCase.test`, or `nil` when that test is not an
    /// exercise test (`ChapterNExerciseTests.testExerciseN_M…`).
    public init?(testCase: String, test: String, status: Status, message: String = "", time: Double? = nil) {
        guard let chapter = Self.match(testCase, #"^(Chapter\d+)ExerciseTests$"#)?.first,
              let parts = Self.match(test, #"^testExercise(\d+(?:_\d+)+)([A-Z]\w*)$"#) else { return nil }
        self.init(chapter: chapter, number: parts[0].replacing("_", with: "."), name: parts[1],
                  status: status, message: message, time: time)
    }

    /// A result with every field given; the title defaults to `name` and the points to 1.
    public init(chapter: String, number: String, name: String, status: Status, message: String = "",
                title: String? = nil, points: Int = 1, hint: String? = nil, time: Double? = nil) {
        self.chapter = chapter
        self.number = number
        self.name = name
        self.status = status
        self.message = message
        self.title = title ?? name
        self.points = points
        self.hint = hint
        self.time = time
    }

    /// The capture groups of `pattern` in `text`, or `nil` when it does not match.
    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let m = text.firstMatch(of: try! Regex(pattern)) else { return nil }
        return (1..<m.output.count).map { m.output[$0].substring.map(String.init) ?? "" }
    }
}
