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
    /// Runs the implementation; rethrows `NotAttempted` from an untouched stub.
    public let check: (Implementation) throws -> [String]

    /// A grader for `exercise`.
    public init(_ exercise: String, check: @escaping (Implementation) throws -> [String]) {
        self.exercise = exercise
        self.check = check
    }
}

/// Describes how `actual` differs from `expected` (shape, dtype-independent values within
/// `tolerance`), or returns `nil` when they match.
public func mismatch(_ actual: Tensor, _ expected: Tensor, tolerance: Float = 1e-4, context: String) -> String? {
    if actual.shape != expected.shape {
        return "\(context): expected shape \(expected.shape), got \(actual.shape)"
    }
    for (i, (a, e)) in zip(actual.toArray(), expected.toArray()).enumerated()
    where !(Swift.abs(a - e) <= tolerance * Swift.max(1, Swift.abs(e))) {
        return "\(context): element \(i) should be \(e), got \(a)"
    }
    return nil
}

extension XCTestCase {
    /// Grades a student's implementation: skipped while the stub throws `NotAttempted`,
    /// otherwise passed or failed with the grader's messages.
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
