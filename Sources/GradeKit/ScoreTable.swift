/// The score table `grade` prints: per chapter, one line per exercise with its points and a
/// summary line.
///
///     Chapter6
///       6.2.2 TransposedEdgeKernel  0/1  FAILED  corr2d(X.T, K): expected shape [7, 6], got [8, 5]
///       6.4.3 Conv1x1               0/2  FAILED  crashed: matmul: shapes [3, 20] and [2, 3] cannot be multiplied …
///       attempted 2 of 6, passed 0, failed 2; 0 of 7 points
public func scoreTable(_ results: [ExerciseResult]) -> String {
    let chapters = chapterNames(of: results)
    var lines: [String] = []
    for chapter in chapters {
        let rows = results.filter { $0.chapter == chapter }
        lines.append("")
        lines.append(chapter)
        let width = rows.map { $0.number.count + 1 + $0.name.count }.max() ?? 0
        let pointsWidth = rows.map { "\($0.earned)/\($0.points)".count }.max() ?? 0
        for r in rows {
            let label = "\(r.number) \(r.name)", points = "\(r.earned)/\(r.points)"
            let feedback = r.status == .notAttempted ? "" : r.feedback(hintSeparator: "  ")
            let note = feedback.isEmpty ? "" : "  \(feedback)"
            lines.append("  " + padded(label, width) + "  " + padded(points, pointsWidth) + "  " + r.status.tableLabel + note)
        }
        let attempted = rows.filter { $0.status != .notAttempted }.count
        let passed = rows.filter { $0.status == .passed }.count
        let earned = rows.reduce(0) { $0 + $1.earned }, possible = rows.reduce(0) { $0 + $1.points }
        lines.append("  attempted \(attempted) of \(rows.count), passed \(passed), failed \(attempted - passed); \(earned) of \(possible) points")
    }
    return lines.joined(separator: "\n")
}

/// The score table of `report`, after the compiler errors that kept the graders from running
/// (each as `file:line:column: error: message`) or the problem that did.
public func scoreTable(_ report: GradeReport) -> String {
    (whyNothingWasGraded(report) + [scoreTable(report.results)]).joined(separator: "\n")
}
