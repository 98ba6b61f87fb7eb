import D2L

/// Thrown by an exercise stub the student has not filled in yet.
///
/// Every stub in `Exercises/ChapterN/` starts as `throw NotAttempted()`, so the test run shows
/// the exercise as skipped instead of crashing; once the student writes a body, the grader in
/// `Tests/ChapterNTests/` runs it and reports passed or failed.
public struct NotAttempted: Error, CustomStringConvertible {
    /// Creates the marker; stubs throw it as their whole body.
    public init() {}

    /// The text shown when a grader skips the exercise.
    public var description: String { "exercise not attempted yet" }
}
