/// The few lines a course platform shows above the per-exercise results: the points, how many
/// exercises passed, and why nothing was graded when the code does not build.
///
///     12 of 20 points: 9 of 14 exercises passed, 3 failed, 2 not attempted
///     the code does not build, so no exercise was graded:
///       Exercises/Chapter3/SoftmaxExercises.swift:11:9: error: cannot find 'm' in scope
public func gradingSummary(_ report: GradeReport) -> String {
    let count = { (status: ExerciseResult.Status) in report.results.filter { $0.status == status }.count }
    let failed = count(.failed) + count(.crashed)
    let lines = ["\(report.score) of \(report.maxScore) points: \(count(.passed)) of \(report.results.count) exercises passed, "
                 + "\(failed) failed, \(count(.notAttempted)) not attempted"]
    return (lines + whyNothingWasGraded(report)).joined(separator: "\n")
}

/// The lines that say why no exercise was graded (the compiler errors, each as
/// `file:line:column: error: message`, or the problem), or none when the graders ran.
func whyNothingWasGraded(_ report: GradeReport) -> [String] {
    if !report.buildErrors.isEmpty {
        return ["the code does not build, so no exercise was graded:"] + report.buildErrors.map { "  \($0.description)" }
    }
    return report.problem.map { ["no exercise was graded: \($0)"] } ?? []
}
