import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.6 The banana-detection data: the book's set from the data folder or its zip, offline a
/// look-alike generated once from the cut-out and backgrounds of `banana-parts/`.
struct BananaData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banana-data",
        abstract: "§13.6 The banana detection dataset: load_data_bananas, one batch's shapes and ten images with their boxes.")

    @Option(help: "Examples per minibatch (the book: 32).")
    var batchSize = 32
    @Option(help: "Folder with banana-cutout.png and background photos, for generating the offline look-alike.")
    var parts: String?
    @Option(help: "Seed of the training order.")
    var seed: UInt64 = 0

    func validate() throws {
        try OptionChecks.atLeast(1, batchSize, option: "--batch-size")
    }

    func run() throws {
        printSection("13.6", "The object detection dataset")
        let dir = try bananaDetectionDirectory(parts: parts.map { URL(fileURLWithPath: $0) })
        let (trainIter, _) = try loadDataBananas(batchSize: batchSize, dataDir: dir, generator: RandomGenerator(seed: seed))
        var batches = trainIter.makeIterator()
        guard let (X, Y) = batches.next() else { return }
        print("batch[0].shape, batch[1].shape = \(X.shape), \(Y.shape)")
        writeFigure(BananaDataSection.figure(X, Y), "chapter13-banana-data.png")
    }
}
