import Foundation

/// Where and how a report was made: the page's header.
public struct ReportHeader: Sendable {
    /// The processor and the number of cores, e.g. `Intel(R) Xeon(R) … · 2 cores`.
    public let machine: String
    /// `debug` or `release`.
    public let build: String
    /// When the report started, ISO 8601 in UTC.
    public let date: String
    /// True for a `--quick` report.
    public let quick: Bool
    /// The settings that differ from the book's, one line each, e.g.
    /// `CPU preset: 32 px, 1 epoch; the book: 224 px, 10 epochs`.
    public let presets: [String]

    /// A header with the given values.
    public init(machine: String, build: String, date: String, quick: Bool, presets: [String]) {
        self.machine = machine
        self.build = build
        self.date = date
        self.quick = quick
        self.presets = presets
    }

    /// The header of a report run now on this machine, by this build.
    public static func current(quick: Bool, presets: [String]) -> ReportHeader {
        ReportHeader(machine: machineDescription(), build: buildConfiguration, date: isoDate(Date()),
                     quick: quick, presets: presets)
    }
}

/// What the index keeps of each chapter's report: enough for one row.
public struct ReportSummary: Codable, Sendable, Equatable {
    /// The program, e.g. `chapter3`.
    public var program: String
    /// The chapter's title.
    public var title: String
    /// Sections that exited normally, out of `sections`.
    public var sectionsFinished: Int
    /// Sections run.
    public var sections: Int
    /// Book values reproduced within their tolerance, out of `values`.
    public var valuesPassed: Int
    /// Book values compared.
    public var values: Int
    /// True for a `--quick` report.
    public var quick: Bool
    /// When the report started.
    public var date: String
    /// Wall time of the report in seconds.
    public var seconds: Double
}

/// `debug` or `release`: how the chapter program running the report was compiled.
public var buildConfiguration: String {
    #if DEBUG
    "debug"
    #else
    "release"
    #endif
}

/// The processor's model name from `/proc/cpuinfo` and the number of cores the program may use.
func machineDescription() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n")
        .first { $0.hasPrefix("model name") }
        .flatMap { $0.split(separator: ":", maxSplits: 1).last }
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown processor"
    return "\(model) · \(cores) core\(cores == 1 ? "" : "s")"
}

/// `2026-12-05 12:34 UTC`.
func isoDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
}

/// `0.4 s`, `12.3 s`, `2 min 05 s`.
func duration(_ seconds: Double) -> String {
    if seconds < 60 { return String(format: "%.1f s", seconds) }
    let whole = Int(seconds.rounded())
    return String(format: "%d min %02d s", whole / 60, whole % 60)
}
