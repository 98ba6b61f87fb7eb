import Foundation

/// A number the book prints for a section (a test accuracy, a loss, a perplexity, ‖w‖), with how
/// far our run may be from it and still count as reproducing it.
///
/// Each chapter program keeps its values in one table, `bookResults`, next to its commands; a
/// chapter report finds the same label in what the section printed and writes
/// `book 0.828 · here 0.831 ✓`, or `✗` with the difference.
public struct BookResult: Sendable, Equatable {
    /// The book's section (zh-v2 numbering), e.g. `"3.7"`: the value is looked for under the
    /// heading `== §3.7 …` the section prints, and its subsections.
    public let section: String
    /// What the value is, e.g. `"test acc"`.
    public let name: String
    /// The text our program prints just before the value: `name` unless said otherwise, e.g.
    /// `"test acc"` for `loss 0.447, train acc 0.849, test acc 0.831`, or
    /// `">>> torch.norm(u)\ntensor("` for a printed tensor.
    public let printedAs: String
    /// The value in the book.
    public let book: Double
    /// The largest difference |here − book| that still reproduces the book.
    public let tolerance: Double
    /// The edition the value was read from.
    public let edition: String

    /// A book value; `edition` is the Chinese second edition (PyTorch) unless said otherwise, and
    /// the value follows `printedAs` (by default `name`) in the section's output.
    public init(section: String, name: String, book: Double, tolerance: Double,
                printedAs: String? = nil, edition: String = "zh-v2") {
        self.section = section
        self.name = name
        self.printedAs = printedAs ?? name
        self.book = book
        self.tolerance = tolerance
        self.edition = edition
    }

    /// The last value printed after `printedAs` in `output` (`test acc 0.83`, `test acc: 0.83`,
    /// `test acc = 0.83`), or `nil` when the label does not appear followed by a number.
    public func value(in output: String) -> Double? {
        let pattern = NSRegularExpression.escapedPattern(for: printedAs)
            + #"\s*[:=]?\s*(-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(output.startIndex..., in: output)
        guard let match = regex.matches(in: output, range: range).last,
              let number = Range(match.range(at: 1), in: output) else { return nil }
        return Double(output[number])
    }

    /// Compares the book's value with the one found in `output`.
    public func compare(with output: String) -> BookComparison {
        BookComparison(result: self, here: value(in: output))
    }
}

/// One book value beside ours: the line a report prints under a section.
public struct BookComparison: Sendable, Equatable {
    /// The book's value and tolerance.
    public let result: BookResult
    /// Our value, or `nil` when the section did not print it (it failed, or printed no such label).
    public let here: Double?

    /// True when our value is within the tolerance of the book's.
    public var passed: Bool {
        guard let here else { return false }
        return abs(here - result.book) <= result.tolerance
    }

    /// `test acc (§3.7, zh-v2): book 0.828 · here 0.831 ✓ (within ±0.02)`, or with `✗` and the
    /// difference, or `here: not printed ✗`.
    public var line: String {
        let head = "\(result.name) (§\(result.section), \(result.edition)): book \(formatted(result.book))"
        guard let here else { return head + " · here: not printed ✗" }
        if passed {
            let margin = result.tolerance == 0 ? "exact" : "within ±\(formatted(result.tolerance))"
            return head + " · here \(formatted(here)) ✓ (\(margin))"
        }
        let difference = here - result.book
        return head + " · here \(formatted(here)) ✗ (off by \(difference > 0 ? "+" : "")\(formatted(difference)),"
            + " tolerance ±\(formatted(result.tolerance)))"
    }
}

/// A number with up to six significant digits and no trailing zeros (`0.828`, `2.00003`,
/// `1e-05`), and a whole number in full (`190`, `2042040`).
func formatted(_ x: Double) -> String {
    if x.rounded() == x && abs(x) < 1e15 { return String(Int64(x)) }
    let text = String(format: "%.6g", x)
    return text == "-0" ? "0" : text
}
