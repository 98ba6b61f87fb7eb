import Foundation
import XCTest

/// The package's root folder: this file is `Tests/DocumentationTests/ProgramCommands.swift`.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// One subcommand of a chapter program, as its command tree gives it.
struct ProgramCommand: Equatable {
    /// What follows `swift run chapterN`: `alexnet`, `batch-norm-concise`.
    let name: String
    /// Its one-line help, which starts with the book section: `§7.1.3 Train AlexNet …`.
    let abstract: String

    /// The book sections the abstract names first, as `[7, 1]` for `§7.1.3` or `§7.1–7.4`.
    var section: [Int]? {
        guard let range = abstract.range(of: #"§\d+\.\d+"#, options: .regularExpression) else { return nil }
        return abstract[range].dropFirst().split(separator: ".").compactMap { Int($0) }
    }
}

/// The command trees of the chapter programs (`Chapters/chapterN/`), read from the built programs
/// themselves with ArgumentParser's `--experimental-dump-help`, so what the tests compare the
/// documents with is exactly what `swift run chapterN --help` would list.
enum ChapterPrograms {
    /// The chapter numbers that have a program: the folders `Chapters/chapterN/`.
    static let chapters: [Int] = {
        let folder = packageRoot.appendingPathComponent("Chapters")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name in name.hasPrefix("chapter") ? Int(name.dropFirst("chapter".count)) : nil }
            .sorted()
    }()

    /// The folders a built `chapterN` may be in: next to the test bundle (`swift test` builds every
    /// program before it runs the tests), else the package's `.build/debug`.
    static var buildFolders: [URL] {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folders = [bundle.deletingLastPathComponent()]
        // On some platforms the test binary sits inside `….xctest/Contents/MacOS/`.
        var up = bundle
        for _ in 0..<4 {
            up = up.deletingLastPathComponent()
            if up.pathExtension == "xctest" { folders.append(up.deletingLastPathComponent()) }
        }
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        return folders
    }

    /// The subcommands of `chapterN`, in the program's order (without ArgumentParser's `help`).
    static func subcommands(ofChapter n: Int) throws -> [ProgramCommand] {
        if let cached = cache.withLock({ $0[n] }) { return cached }
        let name = "chapter\(n)"
        guard let program = buildFolders.map({ $0.appendingPathComponent(name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw DocumentationError("\(name) is not built in \(buildFolders.map(\.path)); `swift test` builds it, or run `swift build`")
        }
        let process = Process()
        process.executableURL = program
        process.arguments = ["--experimental-dump-help"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let command = json["command"] as? [String: Any] else {
            throw DocumentationError("\(program.path) --experimental-dump-help gave no command tree "
                                     + "(status \(process.terminationStatus))")
        }
        let children = command["subcommands"] as? [[String: Any]] ?? []
        let commands = children.compactMap { child -> ProgramCommand? in
            guard let name = child["commandName"] as? String, name != "help" else { return nil }
            return ProgramCommand(name: name, abstract: child["abstract"] as? String ?? "")
        }
        cache.withLock { $0[n] = commands }
        return commands
    }

    private static let cache = Mutex<[Int: [ProgramCommand]]>([:])
}

/// A small lock around a value, so the cached command trees can be shared between tests.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// A problem with the package's files themselves (not a disagreement between them).
struct DocumentationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
