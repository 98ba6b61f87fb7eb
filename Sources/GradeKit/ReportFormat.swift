/// The ways `grade` can write a report: `--format table|json|gradescope|classroom`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// The score table for a person (the default).
    case table
    /// The project's own JSON schema (`JSONReport`).
    case json
    /// Gradescope's `results.json` (`GradescopeReport`).
    case gradescope
    /// GitHub Classroom's autograding result (`ClassroomReport`).
    case classroom

    /// Whether a program reads this format: then `grade` exits 0 whatever the grades are, and
    /// the statuses carry the result.
    public var isMachineReadable: Bool { self != .table }

    /// `report` in this format; `base64` applies to `classroom` only (its workflow-output form).
    public func render(_ report: GradeReport, base64: Bool = false) -> String {
        switch self {
        case .table: scoreTable(report)
        case .json: JSONReport(report).text
        case .gradescope: GradescopeReport(report).text
        case .classroom: base64 ? ClassroomReport(report).base64 : ClassroomReport(report).text
        }
    }
}
