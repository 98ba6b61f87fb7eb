@testable import D2L
import Foundation
import XCTest

/// Every seed of the fuzz corpus (`Tests/Fuzz/corpus/<target>/`) goes once through the entry point its
/// fuzz target (`Tests/Fuzz/Targets/<target>.swift`) calls, so `swift test` runs the seeds without
/// libFuzzer: `valid-*` seeds must be accepted, `bad-*` seeds rejected with a `DataError` that
/// names `<bytes>`.
final class FuzzCorpusTests: XCTestCase {
    /// The reader each fuzz target calls, with the same arguments.
    static let entryPoints: [String: ([UInt8]) throws -> Void] = [
        "idx": { bytes in
            if bytes.count >= 4 && bytes[3] == 3 {
                _ = try IDX.images(in: bytes, source: DataError.inMemory)
            } else {
                _ = try IDX.labels(in: bytes, source: DataError.inMemory)
            }
        },
        "gzip": { _ = try Gzip.decompressIfNeeded($0, source: DataError.inMemory) },
        "csv": { bytes in
            let table = try DataTable.parseCSV(bytes, source: DataError.inMemory)
            _ = table.description
            _ = try? table.fillingMissingWithMean().oneHotEncoded(dummyNA: true).toTensor()
        },
        "safetensors": { _ = try SafeTensors.load(bytes: $0, source: DataError.inMemory) },
        "image": { _ = try decodeImage($0, color: .unchanged) },
        "cifar10": { bytes in
            var pixels: [UInt8] = [], labels: [Float] = []
            try CIFAR10.parse(bytes, source: DataError.inMemory, pixels: &pixels, labels: &labels)
        },
    ]

    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fuzz/corpus")

    private func seeds(of target: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: Self.corpus.appendingPathComponent(target),
                                                    includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testEveryCorpusFolderHasAnEntryPointAndSeedsOfBothKinds() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        XCTAssertEqual(folders, Self.entryPoints.keys.sorted(),
                       "each Tests/Fuzz/corpus/<target>/ needs its entry point here, and each entry point its seeds")
        for target in folders {
            let names = try seeds(of: target).map(\.lastPathComponent)
            XCTAssertTrue(names.contains { $0.hasPrefix("valid-") }, "\(target): no valid-* seed")
            XCTAssertTrue(names.contains { $0.hasPrefix("bad-") }, "\(target): no bad-* seed")
            for name in names where !name.hasPrefix("valid-") && !name.hasPrefix("bad-") {
                XCTFail("\(target)/\(name): a seed's name starts with valid- or bad-")
            }
        }
    }

    func testValidSeedsAreReadAndBadSeedsAreDataErrorsNamingTheSource() throws {
        var ran = 0
        for (target, parse) in Self.entryPoints.sorted(by: { $0.key < $1.key }) {
            for seed in try seeds(of: target) {
                let bytes = [UInt8](try Data(contentsOf: seed))
                let label = "\(target)/\(seed.lastPathComponent)"
                ran += 1
                if seed.lastPathComponent.hasPrefix("valid-") {
                    XCTAssertNoThrow(try parse(bytes), label)
                    continue
                }
                XCTAssertThrowsError(try parse(bytes), label) { error in
                    guard let error = error as? DataError else { return XCTFail("\(label): not a DataError: \(error)") }
                    XCTAssertTrue(error.description.hasPrefix("<bytes>: "), "\(label): \(error)")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(ran, 20)
    }
}
