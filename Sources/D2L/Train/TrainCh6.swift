/// Accuracy of `net` on `dataIter`, as the book's `evaluate_accuracy_gpu(net, data_iter,
/// device=None)` (§6.6). This library computes on the CPU, so it is `evaluateAccuracy`.
public func evaluateAccuracyGPU(_ net: Module, _ dataIter: DataLoader, device: Device = tryGPU()) -> Double {
    evaluateAccuracy(net, dataIter)
}

/// Trains a model with minibatch SGD and cross-entropy, evaluating on `testIter` after each
/// epoch, with a progress line and the curves written as SVG.
///
/// d2l: `train_ch6(net, train_iter, test_iter, num_epochs, lr, device)` (§6.6). As the book does,
/// it first re-initialises every `Linear` and `Conv2d` weight with Xavier-uniform. Unlike the book
/// it runs on the CPU and prints `… examples/sec on CPU`.
@discardableResult
public func trainCh6(_ net: Module, _ trainIter: DataLoader, _ testIter: DataLoader, numEpochs: Int, lr: Float,
                     device: Device = tryGPU(), generator: RandomGenerator = .global,
                     figureName: String = "train_ch6.svg") throws -> TrainingResult {
    net.apply { module in
        if let linear = module as? Linear { Init.xavierUniform(linear.weight, generator: generator) }
        if let conv = module as? Conv2d { Init.xavierUniform(conv.weight, generator: generator) }
    }
    let optimizer = SGD(net.parameters(), lr: lr)
    let loss = CrossEntropyLoss()
    let animator = Animator(xLabel: "epoch", legend: ["train loss", "train acc", "test acc"],
                            xLimits: 1...Double(Swift.max(numEpochs, 2)), name: figureName)
    let timer = Timer()
    var metric = Accumulator(3)
    var testAccuracy = 0.0
    var examples = 0
    for epoch in 0..<numEpochs {
        metric.reset()
        net.train()
        let batches = trainIter.count
        for (i, (X, y)) in trainIter.enumerated() {
            timer.start()
            optimizer.zeroGrad()
            let yHat = net(X)
            let l = loss(yHat, y)
            l.backward()
            optimizer.step()
            metric.add(Double(l.item()) * Double(X.shape[0]), accuracy(yHat.detach(), y), Double(X.shape[0]))
            timer.stop()
            examples += X.shape[0]
            if (i + 1) % Swift.max(1, batches / 5) == 0 || i == batches - 1 {
                animator.add(Double(epoch) + Double(i + 1) / Double(batches), [metric[0] / metric[2], metric[1] / metric[2], nil])
            }
        }
        testAccuracy = evaluateAccuracyGPU(net, testIter)
        animator.add(Double(epoch + 1), [nil, nil, testAccuracy])
    }
    let figure = try animator.finish()
    let result = TrainingResult(trainLoss: metric[0] / metric[2], trainAccuracy: metric[1] / metric[2],
                                testAccuracy: testAccuracy, examplesPerSecond: Double(examples) / timer.sum())
    print(result.summary)
    print(String(format: "%.1f examples/sec on CPU", result.examplesPerSecond))
    print("training curves written to \(figure.path)")
    return result
}
