/// A compiler error that stopped `swift test` before any grader ran: where it is and what the
/// compiler said.
///
/// The compiler prints `/path/Exercises/Chapter3/SoftmaxExercises.swift:11:9: error: cannot find
/// 'm' in scope`; a failing test prints `file:line: error: Class.test : …` with no column, so the
/// column tells the two apart.
public struct BuildError: Equatable, Sendable {
    /// The file, relative to the package root when it lies inside it.
    public let file: String
    /// The 1-based line.
    public let line: Int
    /// The 1-based column.
    public let column: Int
    /// The compiler's message: "cannot find 'm' in scope".
    public let message: String

    /// An error at `file:line:column` saying `message`.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// "Exercises/Chapter3/SoftmaxExercises.swift:11:9: error: cannot find 'm' in scope".
    public var description: String { "\(file):\(line):\(column): error: \(message)" }

    /// The distinct compiler errors in `output`, in the order printed, with paths made relative to
    /// `packageRoot` (a path such as "/work/d2l-swift"; nil keeps them as printed).
    public static func parse(_ output: String, packageRoot: String? = nil) -> [BuildError] {
        let pattern = #/^(.+?\.swift):(\d+):(\d+): error: (.*)$/#
        var errors: [BuildError] = []
        for line in output.split(separator: "\n") {
            guard let m = line.firstMatch(of: pattern), let row = Int(m.output.2), let column = Int(m.output.3) else { continue }
            var file = String(m.output.1)
            if let root = packageRoot.map({ $0.hasSuffix("/") ? $0 : $0 + "/" }), file.hasPrefix(root) {
                file.removeFirst(root.count)
            }
            let error = BuildError(file: file, line: row, column: column, message: String(m.output.4))
            if !errors.contains(error) { errors.append(error) }
        }
        return errors
    }
}
