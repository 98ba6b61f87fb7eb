import D2L
import Foundation

/// Runs `body`, a section's training; a `TrainingDiverged` it throws gets the hint
/// `the book uses --lr 0.9 for this section`, so the one line the program ends with says what
/// to go back to.
///
/// ArgumentParser prints the rethrown error as `Error: training diverged in epoch 1, batch 3 of
/// 235: …; try a smaller learning rate; the book uses --lr 0.9 for this section` and exits with
/// status 1. Other errors pass through unchanged.
/// - Parameters:
///   - bookLR: the book's learning rate for the section.
///   - option: the command-line option that sets it.
@discardableResult
public func explainingDivergence<T>(bookLR: Float, option: String = "--lr", _ body: () throws -> T) rethrows -> T {
    do {
        return try body()
    } catch var diverged as TrainingDiverged {
        diverged.hint = "the book uses \(option) \(bookLR) for this section"
        fflush(stdout)  // what the run printed comes before the error line, also in a log
        throw diverged
    }
}

extension TrainingOptions {
    /// Runs `body` with `explainingDivergence(bookLR: Book.lr)`: a diverging run names the
    /// section's book learning rate.
    @discardableResult
    public func explainingDivergence<T>(_ body: () throws -> T) rethrows -> T {
        try ChapterSupport.explainingDivergence(bookLR: Book.lr, body)
    }
}
