import ArgumentParser

/// Checks on command-line values that a chapter program runs before it starts training.
///
/// Each check throws ArgumentParser's `ValidationError`, so a bad value ends the program with a
/// usage message that names the option and the value (`--lr must be a positive finite number,
/// got -1.0`) and a non-zero exit status, never with a crash deep inside a training loop.
public enum OptionChecks {
    /// Requires a count of at least `minimum`: epochs, examples per minibatch, folds.
    public static func atLeast(_ minimum: Int, _ value: Int, option: String) throws {
        guard value >= minimum else {
            throw ValidationError("\(option) must be at least \(minimum), got \(value)")
        }
    }

    /// Requires a finite number above zero, such as a learning rate: NaN, infinities, zero and
    /// negative values would make every update meaningless.
    public static func positiveFinite(_ value: Float, option: String) throws {
        guard value.isFinite, value > 0 else {
            throw ValidationError("\(option) must be a positive finite number, got \(value)")
        }
    }

    /// Requires a finite number that is zero or more, such as a weight-decay factor.
    public static func nonNegativeFinite(_ value: Float, option: String) throws {
        guard value.isFinite, value >= 0 else {
            throw ValidationError("\(option) must be a finite number of at least 0, got \(value)")
        }
    }
}
