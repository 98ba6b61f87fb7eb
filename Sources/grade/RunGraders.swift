import Foundation
import GradeKit

/// Runs `swift test --filter FILTER` on the exercise tests, skipping the tests that crashed
/// before, and returns everything it printed (standard output and error together). Runs after
/// the first reuse its build (`--skip-build`).
///
/// A crash's message is all `grade` reports, so the runtime's backtrace is turned off: it would
/// only slow the run down.
func runGraders(filter: String, skipping crashed: [TestOutput.Crash]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "test"] + (crashed.isEmpty ? [] : ["--skip-build"]) + ["--filter", filter]
        + crashed.flatMap { ["--skip", $0.skipPattern] }
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
