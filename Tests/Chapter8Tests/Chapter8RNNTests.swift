import D2L
import RNN
import TestSupport
import XCTest

/// A model whose logits point at (number of characters it has been fed) mod vocab: its output
/// depends only on its state, so it shows whether `predictCh8` fed the prefix first.
private final class CountingModel: RecurrentLanguageModel {
    let vocabSize: Int
    init(vocabSize: Int) { self.vocabSize = vocabSize }
    func callAsFunction(_ X: Tensor, _ state: Tensor) -> (Tensor, Tensor) {
        let seen = Int(state.item()) + X.shape[1]
        let logits = Tensor.oneHot(Tensor(shape: [1], values: [Float(seen % vocabSize)], dtype: .int64),
                                   numClasses: vocabSize).float()
        return (logits, Tensor(shape: [1, 1], values: [Float(seen)]))
    }
    func beginState(batchSize: Int) -> Tensor { Tensor.zeros([1, 1]) }
    func trainableParameters() -> [Tensor] { [] }
}

/// A few epochs of `trainEpochCh8` with no figure; returns the last perplexity.
private func shortRun<Net: RecurrentLanguageModel>(_ net: Net, _ iter: SeqDataLoader, epochs: Int, updater: Updater) throws -> Double {
    let run = TrainingRun(numEpochs: epochs, batchesPerEpoch: iter.count, legend: [], figureName: "", unit: "tokens")
    var perplexity = Double.nan
    for epoch in 0..<epochs {
        perplexity = try trainEpochCh8(net, iter, loss: CrossEntropyLoss(), updater: updater, useRandomIter: false,
                                       run: run, epoch: epoch).perplexity
    }
    return perplexity
}

final class Chapter8RNNTests: XCTestCase {
    func testConciseModelEqualsScratchModelOnTheSameWeights() {
        let g = RandomGenerator(seed: 2)
        let scratch = RNNModelScratch(vocabSize: 6, numHiddens: 5,
                                      getParams: { RNNScratch.getParams(vocabSize: $0, numHiddens: $1, generator: g) })
        for p in scratch.params { noGrad { p += Tensor.randn(p.shape, generator: g) * 0.3 } }  // not tiny, not zero
        let (Wxh, Whh, bh, Whq, bq) = (scratch.params[0], scratch.params[1], scratch.params[2], scratch.params[3],
                                      scratch.params[4])
        let concise = RNNModel(RNN(6, 5), vocabSize: 6)
        concise.rnn.weightIH = Wxh.T.contiguous().detach()
        concise.rnn.weightHH = Whh.T.contiguous().detach()
        concise.rnn.biasIH = bh.clone().detach()
        concise.rnn.biasHH = Tensor.zeros([5])
        concise.linear.weight = Whq.T.contiguous().detach()
        concise.linear.bias = bq.clone().detach()
        let X = Tensor(shape: [3, 4], values: [0, 1, 2, 3, 5, 4, 3, 2, 1, 1, 0, 5], dtype: .int64)
        let (outS, hS) = scratch(X, scratch.beginState(batchSize: 3))
        let (outC, hC) = concise(X, concise.beginState(batchSize: 3))
        assertClose(outC, outS, atol: 1e-5)
        assertClose(hC[0], hS, atol: 1e-6)
        let weights = sample(outS.shape, seed: 3)
        (outS * weights).sum().backward()
        (outC * weights).sum().backward()
        assertClose(concise.rnn.weightIH.grad!, Wxh.grad!.T, atol: 1e-5)
        assertClose(concise.rnn.weightHH.grad!, Whh.grad!.T, atol: 1e-5)
        assertClose(concise.rnn.biasIH!.grad!, bh.grad!, atol: 1e-5)
        assertClose(concise.rnn.biasHH!.grad!, bh.grad!, atol: 1e-5)
        assertClose(concise.linear.weight.grad!, Whq.grad!.T, atol: 1e-5)
        assertClose(concise.linear.bias!.grad!, bq.grad!, atol: 1e-5)
    }

    func testPredictFeedsThePrefixBeforeGenerating() {
        let vocab = Vocab(tokens: "aaabbc".map(String.init))  // <unk> 0, a 1, b 2, c 3
        // Warm-up feeds "a" (1 seen); generating feeds "b" (2 → b), then b (3 → c), then c (4 → <unk>).
        XCTAssertEqual(predictCh8("ab", numPreds: 3, net: CountingModel(vocabSize: 4), vocab: vocab), "abbc<unk>")
        XCTAssertEqual(predictCh8("a", numPreds: 2, net: CountingModel(vocabSize: 4), vocab: vocab), "aab")
    }

    func testShortTrainingLearnsFarBelowTheBrokenPortsPerplexity() throws {
        try requireTimeMachine(self)
        let (iter, vocab) = try loadDataTimeMachine(batchSize: 32, numSteps: 35, generator: RandomGenerator(seed: 0))
        let g = RandomGenerator(seed: 0)
        let concise = RNNModel(RNN(vocab.count, 256, generator: g), vocabSize: vocab.count, generator: g)
        let ppl = try shortRun(concise, iter, epochs: 40, updater: .optimizer(SGD(concise.parameters(), lr: 1)))
        XCTAssertLessThan(ppl, 8, "a broken port stalls near 17")
        let text = predictCh8("time traveller", numPreds: 50, net: concise, vocab: vocab)
        let generated = text.dropFirst("time traveller".count)
        XCTAssertEqual(generated.count, 50)
        XCTAssertGreaterThan(generated.filter(\.isLetter).count, 25, "predicted \(generated)")

        let scratch = RNNModelScratch(vocabSize: vocab.count, numHiddens: 128,
                                      getParams: { RNNScratch.getParams(vocabSize: $0, numHiddens: $1, generator: g) })
        let params = scratch.params
        let scratchPpl = try shortRun(scratch, iter, epochs: 40, updater: .custom { sgd(params, lr: 1, batchSize: $0) })
        XCTAssertLessThan(scratchPpl, 11, "a broken port stalls near 17")
        let scratchText = predictCh8("time traveller", numPreds: 50, net: scratch, vocab: vocab).dropFirst(14)
        XCTAssertGreaterThan(scratchText.filter(\.isLetter).count, 25, "predicted \(scratchText)")
    }
}
