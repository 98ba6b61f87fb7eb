/// One exercise as the package declares it, before any answer is graded: what `grade --list`
/// prints and what a grade is completed from.
///
/// Its parts live where an instructor writes them: the id and title in the stub's doc comment
/// (`/// Exercise 3.6.1 — a softmax that does not overflow.` in `Exercises/Chapter3/`), the test's
/// name in `ChapterNExerciseTests` (`testExercise3_6_1StableSoftmax`), the points and the hint in
/// the grader (`Grader(…)("3.6.1 stableSoftmax", points: 2, hint: "…")` in `Tests/ChapterNTests/`),
/// which a student's copy of `Exercises/` cannot change.
public struct Exercise: Equatable, Sendable {
    /// The chapter number: 3.
    public let chapter: Int
    /// The book's number of the exercise, its stable id: "3.6.1" (or "3.6" for an exercise of a
    /// whole section).
    public let id: String
    /// What the exercise asks, from the stub's doc comment: "a softmax that does not overflow".
    public let title: String
    /// The end of its test's name ("StableSoftmax"); empty when no test grades it.
    public let name: String
    /// The points a passing answer earns (1 unless the grader says otherwise).
    public let points: Int
    /// The grader's pointer into the book for a wrong answer, if it has one.
    public let hint: String?
    /// The stub's file, relative to the package root: "Exercises/Chapter3/SoftmaxExercises.swift".
    public let file: String
    /// The line of the stub's doc comment in `file`.
    public let line: Int

    /// An exercise with every field given.
    public init(chapter: Int, id: String, title: String, name: String, points: Int = 1, hint: String? = nil,
                file: String, line: Int) {
        self.chapter = chapter
        self.id = id
        self.title = title
        self.name = name
        self.points = points
        self.hint = hint
        self.file = file
        self.line = line
    }

    /// The test class's chapter name used by grading results: "Chapter3".
    public var chapterName: String { "Chapter\(chapter)" }

    /// The id's numbers, for sorting in the book's order (3.1 < 3.1.2 < 3.3.2 < 3.6 < 3.10).
    public var idParts: [Int] { id.split(separator: ".").compactMap { Int($0) } }
}
