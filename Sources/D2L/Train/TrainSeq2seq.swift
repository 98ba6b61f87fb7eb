import Foundation

/// What `trainSeq2seq` ends with: the last epoch's loss per token and its speed.
public struct Seq2SeqResult {
    /// Summed masked loss over target tokens, divided by the number of tokens, in the last epoch.
    public let loss: Double
    /// Target tokens per second of training in the last epoch.
    public let tokensPerSecond: Double

    /// The book's line `loss 0.019, 12345.6 tokens/sec on CPU`.
    public var summary: String { String(format: "loss %.3f, %.1f tokens/sec on CPU", loss, tokensPerSecond) }
}

/// Re-initialises `net` as the book does before training a seq2seq model: Xavier-uniform weights
/// for every `Linear` and for the weight matrices (not the biases) of every `GRU`.
///
/// d2l: `xavier_init_weights` inside `train_seq2seq` (§9.7.3). Embeddings keep their N(0, 1) start.
public func xavierInitSeq2seq(_ net: Module, generator: RandomGenerator = .global) {
    net.apply { module in
        if let linear = module as? Linear { Init.xavierUniform(linear.weight, generator: generator) }
        if let gru = module as? GRU {
            for (name, tensor) in gru.weights.namedTensors where name.hasPrefix("weight") {
                Init.xavierUniform(tensor, generator: generator)
            }
        }
    }
}

/// One epoch of seq2seq training: the summed masked loss per target token and the speed in
/// target tokens per second of training time.
///
/// d2l: the body of the epoch loop of `train_seq2seq` (§9.7.3). For every minibatch the decoder
/// reads `<bos>` followed by the target without its last token (teacher forcing); the masked
/// losses are summed and backpropagated, gradients are clipped to norm 1, and `optimizer` steps.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up.
public func trainEpochSeq2seq<E: Encoder, D: Decoder>(
    _ net: EncoderDecoder<E, D>, _ dataIter: NMTDataLoader, loss: MaskedSoftmaxCELoss, optimizer: Adam,
    tgtVocab: Vocab, run: TrainingRun, epoch: Int
) throws -> (loss: Double, tokensPerSecond: Double) {
    let params = optimizer.parameters
    let bosID = Float(tgtVocab["<bos>"])
    var metric = Accumulator(2)  // summed loss, number of tokens
    let started = run.timer.sum()
    run.startEpoch(epoch)
    for (i, (X, XValidLen, Y, YValidLen)) in dataIter.enumerated() {
        optimizer.zeroGrad()
        let bos = Tensor.full([Y.shape[0], 1], bosID, dtype: .int64)
        let decInput = Tensor.cat([bos, Y.narrow(1, start: 0, length: Y.shape[1] - 1)], dim: 1)
        let (YHat, _) = net(X, decInput, validLens: XValidLen)
        let l = loss(YHat, Y, YValidLen).sum()
        l.backward()
        gradClipping(params, theta: 1)
        optimizer.step()
        let tokens = Int(YValidLen.sum().item())
        let value = Double(l.item())
        try run.step(batch: i, size: tokens, loss: value / Double(Swift.max(tokens, 1)))
        metric.add(value, Double(tokens))
    }
    run.endEpoch()
    return (metric[0] / metric[1], metric[1] / Swift.max(run.timer.sum() - started, 1e-9))
}

/// Trains an encoder–decoder on translation pairs with Adam, teacher forcing and the masked loss,
/// plotting the loss per token every 10 epochs.
///
/// d2l: `train_seq2seq(net, data_iter, lr, num_epochs, tgt_vocab, device)` (§9.7.3). The weights
/// are first re-initialised (`xavierInitSeq2seq`); every step the decoder reads `<bos>` followed
/// by the target without its last token, the summed masked loss is backpropagated, gradients are
/// clipped to norm 1 and Adam steps. Ends with the book's line and writes the curve as
/// `figureName`.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up.
@discardableResult
public func trainSeq2seq<E: Encoder, D: Decoder>(
    _ net: EncoderDecoder<E, D>, _ dataIter: NMTDataLoader, lr: Float, numEpochs: Int, tgtVocab: Vocab,
    figureName: String = "train_seq2seq.svg", generator: RandomGenerator = .global
) throws -> Seq2SeqResult {
    xavierInitSeq2seq(net, generator: generator)
    let optimizer = Adam(net.trainableParameters(), lr: lr)
    let loss = MaskedSoftmaxCELoss()
    net.train()
    let run = TrainingRun(numEpochs: numEpochs, batchesPerEpoch: dataIter.count, legend: ["train"], yLabel: "loss",
                          xLimits: 10...Double(Swift.max(numEpochs, 11)), figureName: figureName, unit: "tokens",
                          learningRate: Double(lr))
    var last = (loss: Double.nan, tokensPerSecond: 0.0)
    for epoch in 0..<numEpochs {
        last = try trainEpochSeq2seq(net, dataIter, loss: loss, optimizer: optimizer, tgtVocab: tgtVocab, run: run,
                                     epoch: epoch)
        if (epoch + 1) % 10 == 0 { run.plot(Double(epoch + 1), [last.loss]) }
    }
    let result = Seq2SeqResult(loss: last.loss, tokensPerSecond: last.tokensPerSecond)
    run.finish([result.summary])
    return result
}

/// The source ids of `sentence` as the book's predictor feeds them: lower-cased, split at
/// spaces, `<eos>` appended, padded or cut to `numSteps`, as a batch of one [1, numSteps]; and
/// the valid length before padding [1].
///
/// d2l: the first lines of `predict_seq2seq` (§9.7.5).
public func encodeSourceSentence(_ sentence: String, srcVocab: Vocab, numSteps: Int) -> (X: Tensor, validLen: Tensor) {
    let tokens = srcVocab[sentence.lowercased().split(separator: " ", omittingEmptySubsequences: false)
        .map(String.init)] + [srcVocab["<eos>"]]
    let padded = truncatePad(tokens, numSteps: numSteps, paddingToken: srcVocab["<pad>"])
    return (Tensor(shape: [1, numSteps], values: padded.map(Float.init), dtype: .int64),
            Tensor(shape: [1], values: [Float(tokens.count)], dtype: .int64))
}

/// Translates `srcSentence` greedily: each step feeds back the most likely token, until `<eos>`
/// or `numSteps` tokens.
///
/// d2l: `predict_seq2seq(net, src_sentence, src_vocab, tgt_vocab, num_steps, device)` (§9.7.5),
/// without the attention weights. Puts `net` in evaluation mode. Returns the tokens joined by
/// spaces, without `<eos>`.
public func predictSeq2seq<E: Encoder, D: Decoder>(
    _ net: EncoderDecoder<E, D>, _ srcSentence: String, srcVocab: Vocab, tgtVocab: Vocab, numSteps: Int
) -> String {
    net.eval()
    return noGrad {
        let (encX, validLen) = encodeSourceSentence(srcSentence, srcVocab: srcVocab, numSteps: numSteps)
        var state = net.decoder.initState(net.encoder(encX, validLens: validLen), validLens: validLen)
        var decX = Tensor.full([1, 1], Float(tgtVocab["<bos>"]), dtype: .int64)
        var output: [Int] = []
        let eos = tgtVocab["<eos>"]
        for _ in 0..<numSteps {
            let (Y, next) = net.decoder(decX, state)
            state = next
            let pred = Int(Y.argmax(axis: 2).item())
            if pred == eos { break }
            output.append(pred)
            decX = Tensor.full([1, 1], Float(pred), dtype: .int64)
        }
        return tgtVocab.toTokens(output).joined(separator: " ")
    }
}
