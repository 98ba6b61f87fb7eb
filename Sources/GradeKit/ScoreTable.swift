/// The score table `grade` prints: per chapter, one line per exercise and a summary line.
///
///     Chapter6
///       6.2.2 TransposedEdgeKernel  FAILED  corr2d(X.T, K): expected shape [7, 6], got [8, 5]
///       6.4.3 Conv1x1               FAILED  crashed: matmul: shapes [3, 20] and [2, 3] cannot be multiplied …
///       attempted 2 of 6, passed 0, failed 2
public func scoreTable(_ results: [ExerciseResult]) -> String {
    let chapters = Set(results.map(\.chapter)).sorted { chapterNumber($0) < chapterNumber($1) }
    var lines: [String] = []
    for chapter in chapters {
        let rows = results.filter { $0.chapter == chapter }
        lines.append("")
        lines.append(chapter)
        let width = rows.map { $0.number.count + 1 + $0.name.count }.max() ?? 0
        for r in rows {
            let label = "\(r.number) \(r.name)"
            let note = r.message.isEmpty ? "" : "  \(r.message)"
            lines.append("  " + label + String(repeating: " ", count: width - label.count) + "  " + r.status.rawValue + note)
        }
        let attempted = rows.filter { $0.status != .notAttempted }.count
        let passed = rows.filter { $0.status == .passed }.count
        lines.append("  attempted \(attempted) of \(rows.count), passed \(passed), failed \(attempted - passed)")
    }
    return lines.joined(separator: "\n")
}

/// 6 for "Chapter6", so chapter 10 sorts after chapter 9.
private func chapterNumber(_ chapter: String) -> Int { Int(chapter.dropFirst("Chapter".count)) ?? Int.max }
