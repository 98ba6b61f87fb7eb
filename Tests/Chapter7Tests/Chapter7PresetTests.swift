import D2L
import ModernConvNets
import XCTest

/// The CPU presets of `chapter7 NET`: `--book` runs exactly the book's settings, the first line
/// names every change a preset makes, and the time estimate follows from the measured step.
final class Chapter7PresetTests: XCTestCase {
    /// The book's `train_ch6` settings of each section, written out from the book:
    /// (resize, lr, batch size, epochs).
    private let bookSettings: [String: (resize: Int, lr: Float, batchSize: Int, epochs: Int)] = [
        "alexnet": (224, 0.01, 128, 10),   // §7.1.3
        "vgg": (224, 0.05, 128, 10),       // §7.2.3
        "nin": (224, 0.1, 128, 10),        // §7.3.3
        "googlenet": (96, 0.1, 128, 10),   // §7.4.3
        "resnet": (96, 0.05, 256, 10),     // §7.6.3
        "densenet": (96, 0.1, 256, 10),    // §7.7.5
    ]

    func testBookFlagGivesExactlyTheBooksSettings() throws {
        XCTAssertEqual(TrainableNet.all.map(\.name), ["alexnet", "vgg", "nin", "googlenet", "resnet", "densenet"])
        for net in TrainableNet.all {
            let expected = try XCTUnwrap(bookSettings[net.name], net.name)
            let run = net.settings(book: true)
            XCTAssertEqual(run.resize, expected.resize, "\(net.name) --book resize")
            XCTAssertEqual(run.lr, expected.lr, "\(net.name) --book lr")
            XCTAssertEqual(run.batchSize, expected.batchSize, "\(net.name) --book batch size")
            XCTAssertEqual(run.epochs, expected.epochs, "\(net.name) --book epochs")
            XCTAssertEqual(run.examplesPerEpoch, 60_000, "\(net.name) --book uses every training image")
            XCTAssertEqual(net.firstLine(run), "the book's settings: \(net.describe(run))",
                           "\(net.name) --book must not call itself a preset")
            XCTAssert(net.presetChanges(run).isEmpty, "\(net.name): \(net.presetChanges(run))")
        }
    }

    func testCommandLineValuesOverrideThePresetAndTheBook() {
        let net = TrainableNet.alexnet
        XCTAssertEqual(net.settings(), net.preset)
        let run = net.settings(book: true, epochs: 3, lr: 0.2, batchSize: 8, resize: 28, trainExamples: 1000)
        XCTAssertEqual(run, NetSettings(epochs: 3, lr: 0.2, batchSize: 8, resize: nil, trainExamples: 1000))
        XCTAssertNil(net.settings(trainExamples: 70_000).trainExamples, "60 000 or more means all images")
    }

    /// Each value that differs from the book appears in the first line with the book's value.
    func testFirstLineNamesEveryChangeAPresetMakes() {
        for net in TrainableNet.all {
            let (p, b) = (net.preset, net.book)
            let line = net.firstLine(p)
            var expected: [String] = []
            if p.imageSide != b.imageSide { expected.append("\(p.imageSide) px (book \(b.imageSide))") }
            if p.examplesPerEpoch != b.examplesPerEpoch {
                expected.append("the first \(p.examplesPerEpoch) of the 60000 training images")
            }
            if p.epochs != b.epochs { expected.append("(book \(b.epochs))") }
            if p.lr != b.lr { expected.append("lr \(p.lr) (book \(b.lr))") }
            if p.batchSize != b.batchSize { expected.append("batch \(p.batchSize) (book \(b.batchSize))") }
            XCTAssertFalse(expected.isEmpty, "\(net.name)'s preset should change something")
            XCTAssert(line.hasPrefix("CPU preset"), "\(net.name): \(line)")
            for change in expected {
                XCTAssert(line.contains(change), "\(net.name)'s first line does not name \"\(change)\": \(line)")
            }
        }
    }

    /// One setting changed at a time from the book's: the first line names exactly that one.
    func testFirstLineNamesASingleChange() {
        let net = TrainableNet.resnet
        let cases: [(NetSettings, String)] = [
            (net.settings(book: true, resize: 64), "64 px (book 96)"),
            (net.settings(book: true, trainExamples: 5000), "the first 5000 of the 60000 training images"),
            (net.settings(book: true, epochs: 1), "1 epoch (book 10)"),
            (net.settings(book: true, lr: 0.5), "lr 0.5 (book 0.05)"),
            (net.settings(book: true, batchSize: 64), "batch 64 (book 256)"),
        ]
        for (run, change) in cases {
            XCTAssertEqual(net.presetChanges(run), [change])
            XCTAssert(net.firstLine(run).hasPrefix("CPU preset (the book trains for hours here): \(change); "),
                      net.firstLine(run))
        }
    }

    func testHelpShowsThePresetsValueAndTheBooks() {
        let net = TrainableNet.alexnet
        XCTAssertEqual(net.defaultsNote { $0.lr }, "(default: \(net.preset.lr); the book: 0.01)")
        XCTAssertEqual(net.defaultsNote { $0.batchSize }, "(default: \(net.preset.batchSize); the book: 128)")
        XCTAssertEqual(net.defaultsNote { $0.imageSide }, "(default: \(net.preset.imageSide); the book: 224)")
        XCTAssertEqual(net.bookSummary, "224 px, all 60000 images, 10 epochs, lr 0.01, batch 128")
    }

    /// The estimate is the measured time per image times the images of the book's run: 60 000
    /// training images and 10 000 test images at a third of the cost, for each of 10 epochs.
    func testBookEstimateIsComputedFromTheMeasuredStep() {
        let net = TrainableNet.alexnet
        XCTAssertEqual(net.bookDuration(secondsPerTrainingImage: 0.003), 0.003 * (60_000 + 10_000.0 / 3) * 10,
                       accuracy: 1e-6)
        XCTAssertEqual(net.bookDuration(secondsPerTrainingImage: 0.006),
                       2 * net.bookDuration(secondsPerTrainingImage: 0.003), accuracy: 1e-6)
        let line = net.bookTimeEstimate(secondsPerTrainingImage: 0.003)
        XCTAssert(line.hasPrefix("--book (224 px, all 60000 images, 10 epochs) would take about "
                                 + "31m40s here"), line)
        XCTAssert(line.hasSuffix("(measured: 3.0 ms per training image at 224 px)"), line)
    }
}
