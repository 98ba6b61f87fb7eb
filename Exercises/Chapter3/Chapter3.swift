import D2L

/// Exercises of chapter 3, *Linear Neural Networks*. Replace each `throw NotAttempted()` with
/// your answer; `swift test --filter Chapter3` grades them and `swift run grade chapter3` prints
/// a score table.
public enum Chapter3 {}
