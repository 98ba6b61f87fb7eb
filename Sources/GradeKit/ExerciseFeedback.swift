extension ExerciseResult {
    /// What a student reads about this result, the same in every format: nothing when it passed,
    /// "not attempted yet" for a stub, otherwise the grader's message ("crashed: " before a crash's)
    /// followed by the grader's hint, after `separator`, when it has one.
    public func feedback(hintSeparator separator: String = "\n") -> String {
        switch status {
        case .passed: return ""
        case .notAttempted: return "not attempted yet"
        case .failed, .crashed:
            let statement = status == .crashed ? "crashed: \(message)" : message
            guard let hint else { return statement }
            return statement + separator + "hint: \(hint)"
        }
    }
}
