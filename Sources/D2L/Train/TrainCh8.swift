import Foundation

/// Continues `prefix` by `numPreds` characters, each the most likely next one.
///
/// d2l: `predict_ch8(prefix, num_preds, net, vocab, device)` (§8.5.2). The prefix is first fed
/// through the net one character at a time (the warm-up), so the state holds it when
/// generation starts; then every predicted character is fed back in.
public func predictCh8<Net: RecurrentLanguageModel>(_ prefix: String, numPreds: Int, net: Net, vocab: Vocab) -> String {
    let characters = prefix.map(String.init)
    check(!characters.isEmpty, "predictCh8: the prefix must not be empty")
    return noGrad {
        var state = net.beginState(batchSize: 1)
        var outputs = [vocab[characters[0]]]
        func lastAsInput() -> Tensor { Tensor(shape: [1, 1], values: [Float(outputs[outputs.count - 1])], dtype: .int64) }
        for character in characters.dropFirst() {  // warm-up
            state = net(lastAsInput(), state).1
            outputs.append(vocab[character])
        }
        for _ in 0..<numPreds {
            let (y, next) = net(lastAsInput(), state)
            state = next
            outputs.append(Int(y.argmax(axis: 1).item()))
        }
        return vocab.toTokens(outputs).joined()
    }
}

/// One epoch of a language model: the perplexity exp(mean cross-entropy per token) and the speed
/// in tokens per second.
///
/// d2l: `train_epoch_ch8(net, train_iter, loss, updater, device, use_random_iter)` (§8.5.4).
/// The state starts at zero for every random minibatch (its rows do not continue the previous
/// ones); for sequential minibatches it is carried over but detached, so backpropagation stops
/// at the minibatch edge. Gradients are clipped to norm 1 before every update.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up.
public func trainEpochCh8<Net: RecurrentLanguageModel>(
    _ net: Net, _ trainIter: SeqDataLoader, loss: CrossEntropyLoss, updater: Updater, useRandomIter: Bool,
    run: TrainingRun, epoch: Int
) throws -> (perplexity: Double, tokensPerSecond: Double) {
    var state: Net.State?
    var metric = Accumulator(2)  // summed loss, number of tokens
    let params = net.trainableParameters()
    let started = run.timer.sum()
    run.startEpoch(epoch)
    for (i, (X, Y)) in trainIter.enumerated() {
        if state == nil || useRandomIter {
            state = net.beginState(batchSize: X.shape[0])
        } else {
            state = state!.detached()
        }
        let y = Y.T.reshape([-1])
        let (yHat, next) = net(X, state!)
        state = next
        let l = loss(yHat, y).mean()
        for p in params { p.grad = nil }
        l.backward()
        gradClipping(params, theta: 1)
        switch updater {
        case .optimizer(let optimizer), .optimizerOnSum(let optimizer): optimizer.step()
        case .custom(let update): update(1)
        }
        let value = Double(l.item())
        try run.step(batch: i, size: y.count, loss: value)
        metric.add(value * Double(y.count), Double(y.count))
    }
    run.endEpoch()
    return (Foundation.exp(metric[0] / metric[1]), metric[1] / Swift.max(run.timer.sum() - started, 1e-9))
}

/// What `trainCh8` ends with: the last perplexity, the speed and the two predictions.
public struct LanguageModelResult {
    /// Perplexity of the last epoch.
    public let perplexity: Double
    /// Tokens per second of the last epoch.
    public let tokensPerSecond: Double
    /// `predictCh8("time traveller", 50)` and `predictCh8("traveller", 50)` after training.
    public let predictions: [String]

    /// The book's line `perplexity 1.0, 67212.6 tokens/sec on CPU`.
    public var summary: String { String(format: "perplexity %.1f, %.1f tokens/sec on CPU", perplexity, tokensPerSecond) }
}

/// Trains a character-level language model with SGD (learning rate `lr`) and gradient clipping,
/// printing a prediction and plotting the perplexity every 10 epochs.
///
/// d2l: `train_ch8(net, train_iter, vocab, lr, num_epochs, device, use_random_iter=False)`
/// (§8.5.4). A `Module` is trained with `torch.optim.SGD` (here `SGD`), the scratch model with
/// the book's `sgd(params, lr, batch_size=1)`; both step on the mean loss, so they agree. Ends
/// with the book's lines: perplexity and speed, then the continuations of `time traveller` and
/// `traveller`; the perplexity curve is written as `figureName`.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up.
@discardableResult
public func trainCh8<Net: RecurrentLanguageModel>(
    _ net: Net, _ trainIter: SeqDataLoader, vocab: Vocab, lr: Float, numEpochs: Int, useRandomIter: Bool = false,
    figureName: String = "train_ch8.svg"
) throws -> LanguageModelResult {
    let loss = CrossEntropyLoss()
    let updater: Updater
    if net is Module {
        updater = .optimizer(SGD(net.trainableParameters(), lr: lr))
    } else {
        let params = net.trainableParameters()
        updater = .custom { sgd(params, lr: lr, batchSize: $0) }
    }
    let run = TrainingRun(numEpochs: numEpochs, batchesPerEpoch: trainIter.count, legend: ["train"],
                          yLabel: "perplexity", xLimits: 10...Double(Swift.max(numEpochs, 11)),
                          figureName: figureName, unit: "tokens", learningRate: Double(lr))
    let predict = { (prefix: String) in predictCh8(prefix, numPreds: 50, net: net, vocab: vocab) }
    var last = (perplexity: Double.nan, tokensPerSecond: 0.0)
    for epoch in 0..<numEpochs {
        last = try trainEpochCh8(net, trainIter, loss: loss, updater: updater, useRandomIter: useRandomIter,
                                 run: run, epoch: epoch)
        if (epoch + 1) % 10 == 0 {
            run.plot(Double(epoch + 1), [last.perplexity])
            print(predict("time traveller"))
        }
    }
    let result = LanguageModelResult(perplexity: last.perplexity, tokensPerSecond: last.tokensPerSecond,
                                     predictions: [predict("time traveller"), predict("traveller")])
    run.finish([result.summary] + result.predictions)
    return result
}
