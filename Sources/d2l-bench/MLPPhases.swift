// The `mlp-phases` section: where one training batch of the §4.3 MLP spends its time.
import D2L
import Foundation
import MLP

/// Runs the steps of `trainEpochCh3` for the concise MLP one by one over `batches` batches of
/// Fashion-MNIST and prints the median microseconds of each step per batch, so a change can be
/// aimed at the step that costs the most.
/// With `testImages` it reads the 10 000 test images, which load six times faster (for a quick run
/// or one under valgrind).
func profileMLPPhases(batches: Int, testImages: Bool) {
    print("\nMLP 784-256-10 (§4.3), the steps of one training batch of 256, median µs over \(batches) batches")
    let data: (pixels: ByteImages, labels: Tensor)
    do {
        let loaded = try FashionMNIST.load(train: !testImages)
        data = (loaded.pixels, loaded.labels)
    } catch {
        print("skipped: \(error)")
        return
    }
    let loader = DataLoader(images: data.pixels, labels: data.labels, batchSize: 256, shuffle: true,
                            generator: RandomGenerator(seed: 0))
    let net = MLPConcise.makeNet(generator: RandomGenerator(seed: 0))
    let layers = net.layers
    let trainer = SGD(net.parameters(), lr: 0.1)
    let loss = CrossEntropyLoss(reduction: .none)
    let names = ["batch from bytes", "flatten + linear 1", "relu", "linear 2", "cross-entropy",
                 "zeroGrad", "mean + backward", "SGD step", "loss sum + accuracy", "whole batch"]
    var times = [[Double]](repeating: [], count: names.count)
    var iterator = loader.makeIterator()
    // The first batches warm the buffer cache up; they are not counted.
    for index in 0..<(batches + 5) {
        var marks = [monotonicSeconds()]
        func mark() { marks.append(monotonicSeconds()) }
        guard let (X, y) = iterator.next() else { iterator = loader.makeIterator(); continue }
        mark()
        let h1 = layers[1](layers[0](X)); mark()
        let a1 = layers[2](h1); mark()
        let yHat = layers[3](a1); mark()
        let l = loss(yHat, y); mark()
        trainer.zeroGrad(); mark()
        l.mean().backward(); mark()
        trainer.step(); mark()
        _ = (l.detach().sum().item(), accuracy(yHat.detach(), y)); mark()
        if index < 5 { continue }
        for i in 0..<(names.count - 1) { times[i].append(marks[i + 1] - marks[i]) }
        times[names.count - 1].append(marks[marks.count - 1] - marks[0])
    }
    let medians = times.map { $0.sorted()[$0.count / 2] }
    let sumOfSteps = medians.dropLast().reduce(0, +)
    print(row(["step", "µs", "% of steps"], widths: [22, 10, 12]))
    for (name, t) in zip(names, medians) {
        print(row([name, fixed(t * 1e6, 0), fixed(100 * t / sumOfSteps, 1)], widths: [22, 10, 12]))
    }
    print("whole batch ≈ \(fixed(256 / medians[names.count - 1], 0)) examples/sec")
}
