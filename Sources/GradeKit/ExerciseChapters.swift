import Foundation

/// Which chapters have exercises, so `grade chapter9` can say so at once instead of running
/// `swift test` for nothing.
///
/// A chapter has exercises when the package has an `Exercises/ChapterN` folder with Swift files
/// in it (the student's stubs).
public enum ExerciseChapters {
    /// The package `grade` works on: `directory` or the nearest folder above it that holds both
    /// `Package.swift` and `Exercises/`; `nil` when there is none.
    public static func packageRoot(from directory: URL) -> URL? {
        let files = FileManager.default
        var folder = directory.standardizedFileURL
        while true {
            if files.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               files.fileExists(atPath: folder.appendingPathComponent("Exercises").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The chapter numbers with an `Exercises/ChapterN` folder holding a `.swift` file, in order.
    public static func available(inPackage root: URL) -> [Int] {
        let exercises = root.appendingPathComponent("Exercises")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: exercises.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("Chapter"), let number = Int(name.dropFirst(7)) else { return nil }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: exercises.appendingPathComponent(name).path)) ?? []
            return files.contains { $0.hasSuffix(".swift") } ? number : nil
        }.sorted()
    }

    /// What `grade` says for a chapter without exercises: which chapters have some.
    public static func noExercises(in chapter: Int, available: [Int]) -> String {
        guard let first = available.first else {
            return "grade: chapter\(chapter) has no exercises, and no chapter has any yet"
        }
        let list = available.map { "chapter\($0)" }.joined(separator: ", ")
        return "grade: chapter\(chapter) has no exercises; chapters with exercises: \(list) (e.g. swift run grade chapter\(first))"
    }
}
