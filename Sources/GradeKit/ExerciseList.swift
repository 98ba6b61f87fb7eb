/// What `grade --list` prints: per chapter, each exercise's id, points, title and stub.
///
///     Chapter3
///       3.1     1 point   all pairwise squared distances without loops  (Exercises/Chapter3/LinearRegressionExercises.swift:15)
///       3.1.2   2 points  the analytic solution of linear regression  (Exercises/Chapter3/LinearRegressionExercises.swift:4)
///       6 exercises, 7 points
public func exerciseList(_ catalog: ExerciseCatalog) -> String {
    var lines: [String] = []
    for chapter in Set(catalog.exercises.map(\.chapter)).sorted() {
        let rows = catalog.exercises.filter { $0.chapter == chapter }
        if !lines.isEmpty { lines.append("") }
        lines.append("Chapter\(chapter)")
        let idWidth = rows.map(\.id.count).max() ?? 0
        let pointsWidth = rows.map { pointsText($0.points).count }.max() ?? 0
        for e in rows {
            lines.append("  " + padded(e.id, idWidth) + "  " + padded(pointsText(e.points), pointsWidth)
                         + "  \(e.title)  (\(e.file):\(e.line))")
        }
        lines.append("  \(rows.count) exercises, \(pointsText(rows.reduce(0) { $0 + $1.points }))")
    }
    return lines.joined(separator: "\n")
}

/// "1 point", "2 points".
func pointsText(_ points: Int) -> String { points == 1 ? "1 point" : "\(points) points" }
