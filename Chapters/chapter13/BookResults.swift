import ChapterSupport

/// The values chapter 13 of the book prints, for `chapter13 report`: §13.4.1's anchor boxes on the
/// 561 × 728 photo (zh-v2, PyTorch, zh.d2l.ai chapter_computer-vision/anchor.html, read from public
/// copies of the page's output, as the page itself is not in the search index). The book prints
/// `torch.Size([1, 2042040, 4])` (561 · 728 · 5 anchors, exact) and
/// `boxes[250, 250, 0, :]` = `tensor([0.06, 0.07, 0.63, 0.82])`, to two decimals (its
/// `torch.set_printoptions(2)`): the first coordinate is 0.0551 unrounded, so ±0.005 is the rounding
/// of the printed digit.
///
/// §13.7's TinySSD ends the book's 20 epochs with `class err 3.22e-03, bbox mae 3.16e-03` (as the
/// issue that asked for the section quotes the book). Here it trains on the generated look-alike of
/// the banana set, not the book's images, at the CPU preset's 128 × 128 for 30 epochs, so the
/// figures can only be alike: ±0.005 keeps both under the 1e-2 the issue asks of a run.
///
/// §13.1.2 and §13.2 run offline substitutes here (Fashion-MNIST and MNIST-5k instead of CIFAR-10
/// and the hot-dog photos), so the book's accuracies are not compared; the presets say so.
extension Chapter13: ReportableChapter {
    static let bookResults: [BookResult] = [
        BookResult(section: "13.4.1", name: "anchors on catdog.jpg", book: 2_042_040, tolerance: 0, printedAs: "Y.shape = [1,"),
        BookResult(section: "13.4.1", name: "boxes[250, 250, 0, 0]", book: 0.06, tolerance: 0.005,
                   printedAs: "boxes[250, 250, 0, :] = tensor(["),
        BookResult(section: "13.7", name: "class err", book: 3.22e-3, tolerance: 5e-3),
        BookResult(section: "13.7", name: "bbox mae", book: 3.16e-3, tolerance: 5e-3),
    ]

    /// The offline substitutes.
    static let presets = [
        "augmentation-train: the first 300 Fashion-MNIST images, 20 epochs; the book: CIFAR-10, 10 epochs (test acc 0.854 with flips)",
        "fine-tuning: a ResNet-18 pretrained here on Fashion-MNIST, fine-tuned on 500 MNIST digits; the book: ImageNet weights on the hot-dog photos",
        "ssd: a generated look-alike of the banana set at 128×128, 30 epochs; the book: its banana photos at 256×256, 20 epochs",
    ]

    /// Fewer epochs of the three training sections.
    static let quickRuns = [
        QuickRun("augmentation-train", ["--epochs", "3"], note: "3 epochs; the substitute's default: 20"),
        QuickRun("fine-tuning", ["--epochs", "1"], note: "1 epoch; the book: 5"),
        QuickRun("ssd", ["--epochs", "3"], note: "3 epochs at 128×128; the book: 20 at 256×256"),
    ]
}
