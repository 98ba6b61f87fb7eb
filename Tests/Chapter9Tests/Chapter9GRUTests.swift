import Foundation
import D2L
import RNN
import TestSupport
import XCTest

/// A few epochs of `trainEpochCh8` with no figure; returns the last perplexity.
func shortRun<Net: RecurrentLanguageModel>(_ net: Net, _ iter: SeqDataLoader, epochs: Int, lr: Float) throws -> Double {
    let run = TrainingRun(numEpochs: epochs, batchesPerEpoch: iter.count, legend: [], figureName: "", unit: "tokens")
    let params = net.trainableParameters()
    let updater: Updater = net is Module ? .optimizer(SGD(params, lr: lr)) : .custom { sgd(params, lr: lr, batchSize: $0) }
    var perplexity = Double.nan
    for epoch in 0..<epochs {
        perplexity = try trainEpochCh8(net, iter, loss: CrossEntropyLoss(), updater: updater, useRandomIter: false,
                                       run: run, epoch: epoch).perplexity
    }
    return perplexity
}

/// A diagonal matrix with the entries of `values` [n].
func diagonal(_ values: Tensor) -> Tensor {
    let n = values.shape[0]
    return Tensor.eye(n) * values.reshape([1, n])
}

final class Chapter9GRUTests: XCTestCase {
    /// The book's scratch `gru` multiplies the state by the reset gate before the product
    /// ((R ⊙ H) W_hh), PyTorch after it (R ⊙ (H W_hh)); the two agree when the candidate's W_hh is
    /// diagonal. With such a W_hh, the layer equals the §9.1 function on the same weights, forward
    /// and every gradient (of W_hh only the diagonal, where both models have the same entry).
    func testConciseGRUEqualsTheScratchGRUOnTheSameWeights() {
        let g = RandomGenerator(seed: 2)
        let (vocab, hidden) = (6, 5)
        let params = GRUScratch.getParams(vocabSize: vocab, numHiddens: hidden, generator: g)
        for p in params { noGrad { p += Tensor.randn(p.shape, generator: g) * 0.5 } }
        noGrad { params[7].copy(from: diagonal(Tensor.randn([hidden], generator: g))) }
        let scratch = RNNModelScratch(vocabSize: vocab, numHiddens: hidden, getParams: { _, _ in params },
                                      initState: { GRUScratch.initGRUState(batchSize: $0, numHiddens: $1) },
                                      forwardFn: { GRUScratch.gru($0, $1, $2) })
        let (Wxz, Whz, bz, Wxr, Whr, br) = (params[0], params[1], params[2], params[3], params[4], params[5])
        let (Wxh, Whh, bh, Whq, bq) = (params[6], params[7], params[8], params[9], params[10])
        let concise = GRUConcise.makeModel(vocabSize: vocab, numHiddens: hidden)
        // PyTorch stacks the gates r, z, n; the book's matrices are the transposes.
        concise.rnn.weightIH = Tensor.cat([Wxr.T, Wxz.T, Wxh.T], dim: 0).contiguous().detach()
        concise.rnn.weightHH = Tensor.cat([Whr.T, Whz.T, Whh.T], dim: 0).contiguous().detach()
        concise.rnn.biasIH = Tensor.cat([br, bz, bh], dim: 0).detach()
        concise.rnn.biasHH = Tensor.zeros([3 * hidden])
        concise.linear.weight = Whq.T.contiguous().detach()
        concise.linear.bias = bq.clone().detach()
        let X = Tensor(shape: [3, 4], values: [0, 1, 2, 3, 5, 4, 3, 2, 1, 1, 0, 5], dtype: .int64)
        let h0 = sample([3, hidden], seed: 5)
        let (outS, hS) = scratch(X, h0)
        let (outC, hC) = concise(X, h0.unsqueeze(0))
        assertClose(outC, outS, atol: 1e-5)
        assertClose(hC[0], hS, atol: 1e-5)
        XCTAssertGreaterThan(hS.abs().mean().item(), 0.05, "a state far from zero")
        let weights = sample(outS.shape, seed: 3)
        (outS * weights).sum().backward()
        (outC * weights).sum().backward()
        let (dIH, dHH, dB) = (concise.rnn.weightIH.grad!.chunk(3, dim: 0), concise.rnn.weightHH.grad!.chunk(3, dim: 0),
                              concise.rnn.biasIH!.grad!.chunk(3, dim: 0))
        assertClose(dIH[0], Wxr.grad!.T, atol: 1e-4)
        assertClose(dIH[1], Wxz.grad!.T, atol: 1e-4)
        assertClose(dIH[2], Wxh.grad!.T, atol: 1e-4)
        assertClose(dHH[0], Whr.grad!.T, atol: 1e-4)
        assertClose(dHH[1], Whz.grad!.T, atol: 1e-4)
        let eye = Tensor.eye(hidden)
        assertClose(dHH[2] * eye, Whh.grad! * eye, atol: 1e-4)
        assertClose(dB[0], br.grad!, atol: 1e-4)
        assertClose(dB[1], bz.grad!, atol: 1e-4)
        assertClose(dB[2], bh.grad!, atol: 1e-4)
        assertClose(concise.linear.weight.grad!, Whq.grad!.T, atol: 1e-4)
        assertClose(concise.linear.bias!.grad!, bq.grad!, atol: 1e-4)
    }

    func testScratchParametersFollowTheBook() {
        let params = GRUScratch.getParams(vocabSize: 28, numHiddens: 256, generator: RandomGenerator(seed: 0))
        XCTAssertEqual(params.map(\.shape), [[28, 256], [256, 256], [256], [28, 256], [256, 256], [256],
                                             [28, 256], [256, 256], [256], [256, 28], [28]])
        XCTAssertTrue(params.allSatisfy(\.requiresGrad))
        XCTAssertEqual(params[0].std().item(), 0.01, accuracy: 0.001)
        XCTAssertEqual(params[2].abs().sum().item(), 0)
    }

    func testShortTrainingOfBothGRUsBeatsTheUnigramBaseline() throws {
        try requireTimeMachine(self)
        let (iter, vocab) = try ModernRNNTraining.loadData(generator: RandomGenerator(seed: 0))
        // The perplexity of predicting every character by its frequency alone.
        let counts = vocab.tokenFreqs.map { Double($0.freq) }
        let total = counts.reduce(0, +)
        let unigram = exp(-counts.map { $0 / total * log($0 / total) }.reduce(0, +))
        let g = RandomGenerator(seed: 0)
        let concise = GRUConcise.makeModel(vocabSize: vocab.count, numHiddens: 64, generator: g)
        let ppl = try shortRun(concise, iter, epochs: 25, lr: 4)
        XCTAssertLessThan(ppl, unigram - 6, "unigram baseline \(unigram)")
        let text = predictCh8("time traveller", numPreds: 30, net: concise, vocab: vocab).dropFirst(14)
        XCTAssertGreaterThan(text.filter(\.isLetter).count, 15, "predicted \(text)")
        let scratch = GRUScratch.makeModel(vocabSize: vocab.count, numHiddens: 64, generator: g)
        let scratchPpl = try shortRun(scratch, iter, epochs: 25, lr: 4)
        XCTAssertLessThan(scratchPpl, unigram - 5, "unigram baseline \(unigram)")
    }
}
