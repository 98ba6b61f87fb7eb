import D2L
import Exercises
import XCTest

/// The check behind one exercise: it runs an implementation on chosen inputs and lists what is
/// wrong, in words a student can act on. An empty list means the exercise passes.
///
/// Graders take the implementation as a parameter, so the same grader runs on the student's
/// stub (in `ChapterNExerciseTests`) and on a reference and a wrong answer (in the meta-tests
/// that keep graders honest).
public struct Grader<Implementation> {
    /// Book numbering and a short name, e.g. "2.3.1 transpose".
    public let exercise: String
    /// The points a passing answer earns. `grade` reads them from this declaration's source
    /// (`points: 2`), so write them as a number literal.
    public let points: Int
    /// Where to look in the book when the answer is wrong ("§2.3.6: `keepDims` keeps …"), shown
    /// after a failed grade's messages. `grade` reads it from the source, so write it as one
    /// string literal.
    public let hint: String?
    /// Runs the implementation; rethrows `NotAttempted` from an untouched stub.
    public let check: (Implementation) throws -> [String]

    /// A grader for `exercise`, worth `points`, with an optional `hint` for wrong answers.
    public init(_ exercise: String, points: Int = 1, hint: String? = nil,
                check: @escaping (Implementation) throws -> [String]) {
        self.exercise = exercise
        self.points = points
        self.hint = hint
        self.check = check
    }
}

/// Describes how `actual` differs from `expected` (shape, dtype-independent values within
/// `tolerance`), or returns `nil` when they match.
///
/// The message starts with `context`, which should name the input (its shape and the
/// parameters, `σ = 0.5`), then says where the first wrong element is and how many are wrong:
/// `σ = 0.5, d = 0.5: at [1] should be 0.25, got 0.125 (1 of 5 elements wrong)`. Each of `inputs`
/// with the shape of `expected` is named with its value at that element (`d = 0.5` above), so
/// an elementwise exercise's message shows the number that went in.
public func mismatch(_ actual: Tensor, _ expected: Tensor, tolerance: Float = 1e-4, context: String,
                     inputs: [(name: String, values: Tensor)] = []) -> String? {
    if actual.shape != expected.shape {
        return "\(context): expected shape \(expected.shape), got \(actual.shape)"
    }
    let got = actual.toArray(), want = expected.toArray()
    var first: Int?, wrong = 0
    for i in want.indices where !(Swift.abs(got[i] - want[i]) <= tolerance * Swift.max(1, Swift.abs(want[i]))) {
        if first == nil { first = i }
        wrong += 1
    }
    guard let i = first else { return nil }
    let index = multiIndex(i, shape: expected.shape)
    var subject = context
    for input in inputs where input.values.shape == expected.shape {
        subject += ", \(input.name) = \(formatValue(input.values.toArray()[i]))"
    }
    let position = index.isEmpty ? "" : "at \(index) "
    let count = want.count > 1 ? " (\(wrong) of \(want.count) elements wrong)" : ""
    return "\(subject): \(position)should be \(formatValue(want[i])), got \(formatValue(got[i]))\(count)"
}

/// The position of flat (row-major) element `flat` in a tensor of `shape`, e.g. 5 in [2, 3] is [1, 2].
public func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
    var rest = flat
    var index = [Int](repeating: 0, count: shape.count)
    for axis in shape.indices.reversed() where shape[axis] > 0 {
        index[axis] = rest % shape[axis]
        rest /= shape[axis]
    }
    return index
}

/// A float in the shortest form that reads back exactly (`0.25`, `-3.0`, `1e-08`), and every NaN
/// as `nan` (a negative NaN would otherwise print as `-nan`).
public func formatValue(_ x: Float) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return "\(x)"
}

extension XCTestCase {
    /// Grades a student's implementation: skipped while the stub throws `NotAttempted`,
    /// otherwise passed or failed with the grader's messages (and its hint, when it has one).
    public func grade<I>(_ grader: Grader<I>, _ implementation: I,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let failures: [String]
        do {
            failures = try grader.check(implementation)
        } catch is NotAttempted {
            throw XCTSkip("\(grader.exercise): not attempted yet")
        } catch {
            XCTFail("\(grader.exercise): threw \(error)", file: file, line: line)
            return
        }
        for failure in failures {
            XCTFail("\(grader.exercise): \(failure)", file: file, line: line)
        }
        if !failures.isEmpty, let hint = grader.hint {
            print("\(grader.exercise): hint: \(hint)")
        }
    }

    /// Meta-test: the grader must pass a correct reference solution.
    public func assertGraderAccepts<I>(_ grader: Grader<I>, _ reference: I,
                                       file: StaticString = #filePath, line: UInt = #line) {
        do {
            let failures = try grader.check(reference)
            XCTAssertEqual(failures, [], "\(grader.exercise): grader rejects the reference solution",
                           file: file, line: line)
        } catch {
            XCTFail("\(grader.exercise): reference solution threw \(error)", file: file, line: line)
        }
    }

    /// Meta-test: the grader must fail a plausible wrong answer.
    public func assertGraderRejects<I>(_ grader: Grader<I>, _ wrong: I, because reason: String,
                                       file: StaticString = #filePath, line: UInt = #line) {
        do {
            let failures = try grader.check(wrong)
            XCTAssertFalse(failures.isEmpty, "\(grader.exercise): grader accepts a wrong answer (\(reason))",
                           file: file, line: line)
        } catch {
            XCTFail("\(grader.exercise): wrong answer threw \(error) instead of being graded", file: file, line: line)
        }
    }
}
