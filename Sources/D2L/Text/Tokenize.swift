/// What `tokenize` splits a line into.
public enum TokenKind: Sendable {
    /// Words: the line split at whitespace, as Python's `line.split()`.
    case word
    /// Characters, spaces included, as Python's `list(line)`.
    case char
}

/// Splits every line into a list of word or character tokens.
///
/// d2l: `tokenize(lines, token='word')` (§8.2.2). Empty lines give empty lists, so the result
/// has one entry per line.
public func tokenize(_ lines: [String], token: TokenKind = .word) -> [[String]] {
    switch token {
    case .word:
        return lines.map { line in line.split(whereSeparator: \.isWhitespace).map(String.init) }
    case .char:
        return lines.map { line in line.map { String($0) } }
    }
}
