import D2L
import Foundation

/// The book's photo `img/<name>` through `load` (the data folder, else a download); offline,
/// the project's shared copy (`../shared/data/img/<name>`, the same file) with one line saying so.
func loadBookPhoto(_ name: String, _ load: () throws -> Image) throws -> Image {
    do {
        return try load()
    } catch let error as DataError {
        let shared = URL(fileURLWithPath: "../shared/data/img/\(name)")
        guard FileManager.default.fileExists(atPath: shared.path) else { throw error }
        print("img/\(name) is not in the data folder and could not be downloaded; using \(shared.path)")
        return try readImage(shared)
    }
}

/// Writes `image` as `name` (a PNG file) under the figures folder and prints its path.
func writeFigure(_ image: Image, _ name: String, label: String = "figure written to") {
    reportWritten(label) {
        let url = figuresDirectory.appendingPathComponent(name)
        try image.writePNG(to: url)
        return url
    }
}
