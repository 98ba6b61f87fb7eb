import Dispatch

/// A stopwatch that records several runs, as the book's `Timer` (§3.1).
public final class Timer {
    /// Durations of the finished runs, in seconds.
    public private(set) var times: [Double] = []
    private var started: UInt64 = 0

    /// A timer that starts running at once.
    public init() { start() }

    /// Starts (or restarts) the current run.
    public func start() { started = DispatchTime.now().uptimeNanoseconds }

    /// Ends the current run, records it and returns its length in seconds.
    @discardableResult
    public func stop() -> Double {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        times.append(elapsed)
        return elapsed
    }

    /// Mean run time.
    public func avg() -> Double { times.isEmpty ? 0 : sum() / Double(times.count) }

    /// Total of all runs.
    public func sum() -> Double { times.reduce(0, +) }

    /// Running totals: the time elapsed at the end of each run.
    public func cumsum() -> [Double] {
        var total = 0.0
        return times.map { total += $0; return total }
    }
}
