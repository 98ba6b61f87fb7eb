/// The outcome of one grading, built once and formatted by every printer: one result per declared
/// exercise, in the book's order, and what stopped the grading as a whole, if anything did.
///
/// Every exercise of the catalog gets a result, so a course platform always sees the full list
/// with its points: an exercise the run graded takes its title, points and hint from the
/// catalog; one the run never reached is failed with the reason (the code does not build, naming
/// the compiler's file and line, or the test did not run). A graded exercise the catalog does
/// not declare keeps its test's name as title and 1 point.
public struct GradeReport: Equatable, Sendable {
    /// The grades, one per exercise.
    public let results: [ExerciseResult]
    /// The compiler errors that kept the graders from running (empty when the code built).
    public let buildErrors: [BuildError]
    /// Why no exercise could be graded, when it was neither a build error nor a crash (e.g.
    /// `swift test` could not start); nil otherwise.
    public let problem: String?
    /// Seconds the whole grading took.
    public let time: Double

    /// The report of the exercises in `catalog` given the results the test runs produced.
    public init(catalog: ExerciseCatalog, graded: [ExerciseResult], buildErrors: [BuildError] = [],
                problem: String? = nil, time: Double = 0) {
        var remaining = graded
        var results: [ExerciseResult] = catalog.exercises.map { exercise in
            guard let i = remaining.firstIndex(where: { $0.chapter == exercise.chapterName && $0.number == exercise.id }) else {
                return ExerciseResult(chapter: exercise.chapterName, number: exercise.id, name: exercise.name, status: .failed,
                                      message: Self.whyNotGraded(exercise, in: catalog, buildErrors: buildErrors, problem: problem),
                                      title: exercise.title, points: exercise.points, hint: nil)
            }
            var result = remaining.remove(at: i)
            result.title = exercise.title
            result.points = exercise.points
            result.hint = exercise.hint
            return result
        }
        results += remaining
        self.results = results
        self.buildErrors = buildErrors
        self.problem = problem
        self.time = time
    }

    /// The points earned, over all exercises.
    public var score: Int { results.reduce(0) { $0 + $1.earned } }
    /// The points possible, over all exercises.
    public var maxScore: Int { results.reduce(0) { $0 + $1.points } }
    /// Whether something kept the graders from running at all: a build error or another problem.
    public var isError: Bool { !buildErrors.isEmpty || problem != nil }

    /// The chapters of the results ("Chapter3"), in numeric order (chapter 10 after chapter 9).
    public var chapters: [String] { chapterNames(of: results) }

    /// One line on what kept `exercise` from being graded: the compiler error in its own stub
    /// when there is one, else the first compiler error, else `problem`.
    static func whyNotGraded(_ exercise: Exercise, in catalog: ExerciseCatalog, buildErrors: [BuildError],
                             problem: String?) -> String {
        if let own = buildErrors.first(where: { stub(at: $0, in: catalog) == exercise }) {
            return "does not build: \(own.description)"
        }
        if let first = buildErrors.first {
            return "not graded: the code does not build (\(first.description))"
        }
        return "not graded: its test did not run" + (problem.map { " (\($0))" } ?? "")
    }

    /// The exercise whose stub holds `error`: the last one in the error's file starting at or
    /// before its line.
    static func stub(at error: BuildError, in catalog: ExerciseCatalog) -> Exercise? {
        catalog.exercises.filter { $0.file == error.file && $0.line <= error.line }.max { $0.line < $1.line }
    }
}

/// The chapters of `results` ("Chapter3"), each once, in numeric order.
func chapterNames(of results: [ExerciseResult]) -> [String] {
    Set(results.map(\.chapter)).sorted { chapterNumber($0) < chapterNumber($1) }
}

/// 6 for "Chapter6", so chapter 10 sorts after chapter 9.
func chapterNumber(_ chapter: String) -> Int { Int(chapter.dropFirst("Chapter".count)) ?? Int.max }
