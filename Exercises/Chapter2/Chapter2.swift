import D2L

/// Exercises of chapter 2, *Preliminaries*. Each is a static function whose body you replace:
/// delete the `throw NotAttempted()` line and write your answer. `swift test --filter Chapter2`
/// grades them (skipped until attempted), and `swift run grade chapter2` prints a score table.
public enum Chapter2 {}
