// d2l-bench section `augment`: how fast §13.1's augmentations go through whole batches.
import D2L
import Foundation

/// Images/sec of each §13.1 augmentation on a batch of `batchSize` random 3 × 32 × 32 images
/// (CIFAR-10's shape), median of `runs`: to be set against the training step's images/sec, which
/// they must not dominate.
func benchmarkAugmentation(batchSize: Int, runs: Int) {
    print("\nImage augmentation (§13.1) on [\(batchSize), 3, 32, 32] batches, median of \(runs) runs")
    let generator = RandomGenerator(seed: 13)
    let batch = Tensor.rand([batchSize, 3, 32, 32], generator: generator)
    let colorAug = ColorJitter(brightness: 0.5, contrast: 0.5, saturation: 0.5, hue: 0.5)
    let shapeAug = RandomResizedCrop(32, scale: (0.1, 1), ratio: (0.5, 2))
    let cases: [(String, any ImageAugmentation)] = [
        ("RandomHorizontalFlip()", RandomHorizontalFlip()),
        ("RandomResizedCrop(32, (0.1, 1), (0.5, 2))", shapeAug),
        ("ColorJitter(0.5, 0.5, 0.5, 0.5)", colorAug),
        ("Compose([flip, color_aug, shape_aug])", Compose([RandomHorizontalFlip(), colorAug, shapeAug])),
    ]
    print(row(["augmentation", "ms", "images/sec"], widths: [44, 10, 14]))
    for (name, aug) in cases {
        let seconds = medianSeconds(runs: runs) { _ = aug(batch, generator: generator) }
        print(row([name, fixed(seconds * 1e3, 2), fixed(Double(batchSize) / seconds, 0)], widths: [44, 10, 14]))
    }
}
