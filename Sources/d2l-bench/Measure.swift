// Timing and table helpers for d2l-bench.
import Foundation

/// Seconds on the monotonic clock: the same `clock_gettime(CLOCK_MONOTONIC)` the C baseline
/// (`Sources/sgemm-reference/main.c`) uses, so the two programs time calls the same way.
func monotonicSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Median wall-clock seconds of `body` over `runs` repetitions, after one untimed warm-up call
/// (which also faults in any fresh memory the call touches).
func medianSeconds(runs: Int, _ body: () -> Void) -> Double {
    withoutActuallyEscaping(body) { medianSeconds(runs: runs, [$0])[0] }
}

/// The median of the speeds that `epoch(0...runs)` returns, leaving out epoch 0 as a warm-up:
/// how the training benchmarks report one epoch's examples or tokens per second.
func medianEpochSpeed(runs: Int, _ epoch: (Int) throws -> Double) rethrows -> Double {
    var speeds: [Double] = []
    for e in 0...runs {
        let speed = try epoch(e)
        if e > 0 { speeds.append(speed) }
    }
    return speeds.sorted()[speeds.count / 2]
}

/// Median seconds of each of `bodies`, timed in turn within every repetition so that a burst of
/// load from elsewhere on the machine slows them alike and their ratio stays meaningful.
func medianSeconds(runs: Int, _ bodies: [() -> Void]) -> [Double] {
    for body in bodies { body() }
    var times = [[Double]](repeating: [], count: bodies.count)
    for _ in 0..<runs {
        for (i, body) in bodies.enumerated() {
            let start = monotonicSeconds()
            body()
            times[i].append(monotonicSeconds() - start)
        }
    }
    return times.map { $0.sorted()[$0.count / 2] }
}

/// One row of a right-aligned table: each cell padded on the left to its column's width.
func row(_ cells: [String], widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
        String(repeating: " ", count: max(0, width - cell.count)) + cell
    }.joined()
}

/// `value` with `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

/// The process's peak resident memory (VmHWM) in MiB, from /proc/self/status; 0 if unavailable.
func peakResidentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes / 1024
}

/// Starts a new peak-memory measurement: writing 5 to /proc/self/clear_refs sets the peak
/// (VmHWM) back to the current resident size (Linux 4.0 and later). Returns that size in MiB.
@discardableResult
func resetPeakResident() -> Int {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    return peakResidentMegabytes()
}
