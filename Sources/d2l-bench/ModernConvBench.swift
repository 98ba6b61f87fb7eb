// d2l-bench sections `lenet-bn` and `resnet`: training speed of the chapter 7 networks.
import D2L
import Foundation
import ModernConvNets

/// The `lenet-bn` section: one training epoch of LeNet with the concise batch norm layers
/// (§7.5.6, lr 1.0, batch 256) on Fashion-MNIST, and the peak memory while training.
func benchmarkLeNetBatchNorm() {
    let baseline = resetPeakResident()
    benchmarkEpoch("LeNet with batch norm (§7.5.6)", lr: 1.0) { BatchNormalization.lenetConcise(generator: $0) }
    printPeakResident(baseline: baseline, section: "lenet-bn")
}

/// The `resnet` section: ResNet-18 of §7.6 (one input channel, ten classes) on random batches of
/// 256 images of 28×28, (a) forward, cross-entropy and backward, (b) the same plus an SGD step.
/// Each figure is the median time per batch over `batches` batches after one warm-up batch.
func benchmarkResNet(batches: Int, batchSize: Int) {
    print("\nResNet-18 (§7.6), random 1x28x28 images, batch \(batchSize), median of \(batches) batches "
          + "after one warm-up batch")
    let baseline = resetPeakResident()
    let g = RandomGenerator(seed: 5)
    let net = ResNet.makeNet(generator: g)
    let X = Tensor.rand([batchSize, 1, 28, 28], generator: g)
    let y = Tensor.randint(0, 10, shape: [batchSize], generator: g)
    let loss = CrossEntropyLoss()
    let trainer = SGD(net.parameters(), lr: 0.05)
    let backward = { trainer.zeroGrad(); loss(net(X), y).backward() }
    let steps: [(String, () -> Void)] = [
        ("forward + loss + backward", backward),
        ("the same + SGD step", { backward(); trainer.step() }),
    ]
    let widths = [28, 12, 18]
    print(row(["pass", "ms/batch", "images/sec"], widths: widths))
    for (name, step) in steps {
        let seconds = medianSeconds(runs: batches, step)
        print(row([name, fixed(seconds * 1e3, 1), fixed(Double(batchSize) / seconds, 0)], widths: widths))
    }
    printPeakResident(baseline: baseline, section: "resnet")
}

/// Prints the peak resident memory since `resetPeakResident()` returned `baseline` MiB.
func printPeakResident(baseline: Int, section: String) {
    print("peak resident memory: \(peakResidentMegabytes()) MiB"
          + (baseline > 100 ? " (includes \(baseline) MiB held by earlier sections; run `d2l-bench \(section)` alone)" : ""))
}
