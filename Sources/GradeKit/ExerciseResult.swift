/// The grade of one exercise, read from its test's name and outcome.
///
/// Exercise tests are named after the book's numbering: `Chapter6ExerciseTests` holds
/// `testExercise6_2_4Corr2dWithStride`, the exercise 6.2.4 `Corr2dWithStride`; a number with
/// two parts (`testExercise3_1PairwiseSquaredDistances`) is an exercise of a whole section.
public struct ExerciseResult: Equatable, Sendable {
    /// How an exercise came out.
    public enum Status: String, Equatable, Sendable {
        /// The grader found nothing wrong.
        case passed = "passed"
        /// The grader found a mistake, the answer threw, or the answer crashed the test process.
        case failed = "FAILED"
        /// The stub still throws `NotAttempted`.
        case notAttempted = "not attempted"
    }

    /// The chapter, as in the test class: "Chapter6".
    public let chapter: String
    /// The book's exercise number: "6.2.4".
    public let number: String
    /// The rest of the test's name: "Corr2dWithStride".
    public let name: String
    /// Passed, failed or not attempted.
    public var status: Status
    /// What went wrong, in the grader's words (empty when the exercise passed).
    public var message: String

    /// A result for the exercise whose test is `testCase.test`, or `nil` when that test is not an
    /// exercise test (`ChapterNExerciseTests.testExerciseN_M…`).
    public init?(testCase: String, test: String, status: Status, message: String = "") {
        guard let chapter = Self.match(testCase, #"^(Chapter\d+)ExerciseTests$"#)?.first,
              let parts = Self.match(test, #"^testExercise(\d+(?:_\d+)+)([A-Z]\w*)$"#) else { return nil }
        self.init(chapter: chapter, number: parts[0].replacing("_", with: "."), name: parts[1],
                  status: status, message: message)
    }

    /// A result with every field given.
    public init(chapter: String, number: String, name: String, status: Status, message: String = "") {
        self.chapter = chapter
        self.number = number
        self.name = name
        self.status = status
        self.message = message
    }

    /// The capture groups of `pattern` in `text`, or `nil` when it does not match.
    private static func match(_ text: String, _ pattern: String) -> [String]? {
        guard let m = text.firstMatch(of: try! Regex(pattern)) else { return nil }
        return (1..<m.output.count).map { m.output[$0].substring.map(String.init) ?? "" }
    }
}
