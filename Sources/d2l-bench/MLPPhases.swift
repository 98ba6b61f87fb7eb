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

/// One training step of the MLP with the fused ops (`Tensor.linear`, the one-pass
/// cross-entropy, the one-pass SGD update) against the same step built from the unfused ops
/// (`matmul` with a transposed weight, a broadcast bias add, six ops of log-sum-exp, `p -= lr * g`),
/// timed in turn on one batch so that load from elsewhere slows both alike.
func compareFusedStep(runs: Int) {
    print("\nMLP training step on one batch of 256, fused ops vs the same step unfused, median of \(runs) runs")
    let g = RandomGenerator(seed: 5)
    let X = Tensor.rand([256, 1, 28, 28], generator: g), y = Tensor.randint(0, 10, shape: [256], generator: g)
    func parameters() -> [Tensor] {
        [Tensor.normal(mean: 0, std: 0.01, shape: [256, 784], generator: g).requiresGrad(),
         Tensor.zeros([256], requiresGrad: true),
         Tensor.normal(mean: 0, std: 0.01, shape: [10, 256], generator: g).requiresGrad(),
         Tensor.zeros([10], requiresGrad: true)]
    }
    let fused = parameters(), unfused = parameters()
    let trainer = SGD(fused, lr: 0.1), loss = CrossEntropyLoss(reduction: .none)
    let flat = X.reshape(256, 784)
    let times = medianSeconds(runs: runs, [
        {
            let h = Tensor.linear(flat, fused[0], fused[1]).relu()
            let l = loss(Tensor.linear(h, fused[2], fused[3]), y)
            trainer.zeroGrad()
            l.mean().backward()
            trainer.step()
        },
        {
            let h = (matmul(flat, unfused[0].T) + unfused[1]).relu()
            let o = matmul(h, unfused[2].T) + unfused[3]
            let shifted = o - o.max(axis: 1, keepDims: true).detach()
            let l = shifted.exp().sum(axis: 1).log() - shifted[Tensor.arange(256), y]
            for p in unfused { p.grad?.zero() }
            l.mean().backward()
            noGrad { for p in unfused { p -= 0.1 * p.grad! } }
        },
    ])
    print(row(["", "fused µs", "unfused µs", "ratio"], widths: [6, 12, 12, 8]))
    print(row(["", fixed(times[0] * 1e6, 0), fixed(times[1] * 1e6, 0), fixed(times[1] / times[0], 2)],
              widths: [6, 12, 12, 8]))
}
