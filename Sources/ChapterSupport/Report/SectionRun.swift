import Foundation

/// What one section printed when a report ran it, how it ended and how long it took.
public struct SectionRun: Sendable {
    /// How a section's run ended.
    public enum Ending: Sendable, Equatable {
        /// Exit status 0.
        case finished
        /// A non-zero exit status: the section threw (its message is in the output).
        case failed(status: Int32)
        /// Killed by a signal: a crash (a failed check, a segmentation fault) or a kill.
        case crashed(signal: Int32)
        /// The program could not be started at all.
        case notStarted(reason: String)

        /// `nil` for a finished run, otherwise a sentence for the page.
        public var problem: String? {
            switch self {
            case .finished: nil
            case .failed(let status): "the section failed (exit status \(status)); its output above ends with why"
            case .crashed(let signal): "the section crashed (signal \(signal)\(signalName(signal)))"
            case .notStarted(let reason): "the section could not be started: \(reason)"
            }
        }
    }

    /// Standard output and standard error, interleaved as they were written.
    public let output: String
    /// How the run ended.
    public let ending: Ending
    /// Wall time in seconds.
    public let seconds: Double

    /// A run with the given output, ending and time.
    public init(output: String, ending: Ending, seconds: Double) {
        self.output = output
        self.ending = ending
        self.seconds = seconds
    }
}

/// Runs a section's command line and keeps what it printed: the seam between a report and the
/// programs it runs, so a test can hand a report made-up sections.
public typealias SectionRunner = @Sendable (_ arguments: [String]) -> SectionRun

/// Runs `arguments` as a child process of `executable`, with standard output and standard error
/// sent into one pipe (so an error line stays where it was printed), and times it.
///
/// A crash or a thrown error stays in the child: the report records how it ended and goes on.
/// The child inherits the working folder and environment, so figures land where a run from the
/// shell would put them (`./figures`, or `D2L_FIGURES`).
public func runChild(_ executable: URL, _ arguments: [String]) -> SectionRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    do {
        try process.run()
    } catch {
        return SectionRun(output: "", ending: .notStarted(reason: "\(error)"), seconds: 0)
    }
    // Read before waiting: a child that fills the pipe would otherwise wait for us forever.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    let output = String(decoding: data, as: UTF8.self)
    let ending: SectionRun.Ending = switch (process.terminationReason, process.terminationStatus) {
    case (.uncaughtSignal, let signal): .crashed(signal: signal)
    case (_, 0): .finished
    case (_, let status): .failed(status: status)
    }
    return SectionRun(output: output, ending: ending, seconds: seconds)
}

/// The running program's own executable, so a report can run its sections as children of the
/// same program: `/proc/self/exe` on Linux, else the first command-line argument.
public func currentExecutable() -> URL {
    let link = "/proc/self/exe"
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) {
        return URL(fileURLWithPath: target)
    }
    return URL(fileURLWithPath: CommandLine.arguments[0])
}

/// `, SIGSEGV` for the usual crash signals, empty for others.
private func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGILL: "SIGILL", SIGABRT: "SIGABRT",
                                  SIGTRAP: "SIGTRAP", SIGKILL: "SIGKILL", SIGBUS: "SIGBUS",
                                  SIGFPE: "SIGFPE", SIGTERM: "SIGTERM"]
    return names[signal].map { ", \($0)" } ?? ""
}
