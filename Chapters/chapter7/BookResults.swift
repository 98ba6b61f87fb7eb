import ChapterSupport
import ModernConvNets

/// The values chapter 7 of the book prints, for `chapter7 report`: each net's test accuracy at the
/// book's settings, from `TrainableNet.bookTestAccuracy` (the table behind the CPU presets).
///
/// Checked against the book (zh-v2, PyTorch, zh.d2l.ai chapter_convolutional-modern/), whose pages
/// are not in the search index; the result lines were read from a public copy of the pages' output
/// (with the book's figure names, e.g. `output_vgg_4a7574_71_1.svg`): VGG
/// `loss 0.178, train acc 0.935, test acc 0.920`, GoogLeNet `loss 0.262, train acc 0.900, test acc
/// 0.886`, ResNet `loss 0.012, train acc 0.997, test acc 0.893`, DenseNet `loss 0.140, train acc
/// 0.948, test acc 0.885`. AlexNet's `loss 0.327, train acc 0.880, test acc 0.883` appears in two
/// notes that do not name their source (identical in both, so copied rather than rerun). NiN's 0.790
/// could not be found in any copy and is unverified.
///
/// The nets train on a CPU preset here (smaller images, part of the data, fewer epochs), so the
/// header names each preset and a ✗ says how far a few CPU minutes fall short of the book's
/// GPU hours; the tolerance is the run-to-run swing of a full run.
extension Chapter7: ReportableChapter {
    static let bookResults: [BookResult] = TrainableNet.all.map {
        // `, test acc` is the result line; the preset's note after it names the book's value too.
        BookResult(section: $0.section, name: "test acc", book: Double($0.bookTestAccuracy) ?? .nan, tolerance: 0.03,
                   printedAs: ", test acc")
    }

    /// `shapes` walks one net at a time: all six, in the book's order.
    static let sectionArguments = ["shapes": TrainableNet.all.map { [$0.name] }]

    /// Each net's preset against the book's settings.
    static let presets = TrainableNet.all.map {
        "\($0.name): CPU preset \($0.describe($0.preset)); the book: \($0.bookSummary)"
    }

    /// One epoch on the first 4 000 images for each net, one epoch of batch norm's ten.
    static let quickRuns = TrainableNet.all.map {
        QuickRun($0.name, ["--epochs", "1", "--train-examples", "4000"], note: "1 epoch on 4 000 images")
    } + ["batch-norm", "batch-norm-concise"].map { QuickRun($0, ["--epochs", "1"], note: "1 epoch; the book: 10") }
}
