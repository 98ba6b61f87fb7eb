import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// `swift run chapter13 <section>`: the book's chapter 13, *Computer Vision*.
@main
struct Chapter13: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter13",
        abstract: "Chapter 13 of Dive into Deep Learning: Computer Vision.",
        subcommands: [Augmentation.self, AugmentationTrain.self, FineTuning.self, BoundingBox.self, Anchors.self,
                      Multiscale.self, BananaData.self, SSD.self, ChapterReportCommand<Chapter13>.self]
    )
}

/// §13.1.1 The book's augmentations of its cat photo, each written as a 2×4 grid of results.
struct Augmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "§13.1.1 Flip, crop and colour-jitter the cat photo, eight draws each, as 2×4 PNG grids.")
    @Option(help: "A JPEG or PNG photo to use instead of the book's cat (img/cat1.jpg in the data folder).")
    var image: String?
    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 0

    func run() throws {
        printSection("13.1.1", "Common image augmentation methods")
        let photo: Image
        if let image {
            photo = try readImage(URL(fileURLWithPath: image))
        } else {
            photo = try loadBookPhoto("cat1.jpg", ImageAugmentationSection.loadCat)
        }
        print("img: \(photo.width)×\(photo.height) pixels, \(photo.channels) channels (shape [H, W, C] = \(photo.shape))")
        let img = photo.toTensor()
        let generator = RandomGenerator(seed: seed)
        var grids: [(String, Image)] = []
        for figure in ImageAugmentationSection.figures {
            let grid = ImageAugmentationSection.apply(img, figure.aug, generator: generator)
            print("§\(figure.section) apply(img, \(figure.code))")
            grids.append(("chapter13-augmentation-\(figure.name).png", grid))
        }
        for (name, grid) in grids { writeFigure(grid, name, label: "grid written to") }
    }
}
