import D2L
import Foundation
import RNN
import TestSupport
import XCTest

final class Chapter9LSTMTests: XCTestCase {
    /// The book's scratch `lstm` and `nn.LSTM` are the same model: on the same weights (the
    /// book's four gates i, f, o, c restacked in PyTorch's order i, f, g, o) they agree, forward
    /// and every gradient.
    func testConciseLSTMEqualsTheScratchLSTMOnTheSameWeights() {
        let g = RandomGenerator(seed: 2)
        let (vocab, hidden) = (6, 5)
        let params = LSTMScratch.getLSTMParams(vocabSize: vocab, numHiddens: hidden, generator: g)
        for p in params { noGrad { p += Tensor.randn(p.shape, generator: g) * 0.5 } }
        let scratch = RNNModelScratch(vocabSize: vocab, numHiddens: hidden, getParams: { _, _ in params },
                                      initState: { LSTMScratch.initLSTMState(batchSize: $0, numHiddens: $1) },
                                      forwardFn: { LSTMScratch.lstm($0, $1, $2) })
        let (Wxi, Whi, bi, Wxf, Whf, bf) = (params[0], params[1], params[2], params[3], params[4], params[5])
        let (Wxo, Who, bo, Wxc, Whc, bc) = (params[6], params[7], params[8], params[9], params[10], params[11])
        let (Whq, bq) = (params[12], params[13])
        let concise = LSTMConcise.makeModel(vocabSize: vocab, numHiddens: hidden)
        concise.rnn.weightIH = Tensor.cat([Wxi.T, Wxf.T, Wxc.T, Wxo.T], dim: 0).contiguous().detach()
        concise.rnn.weightHH = Tensor.cat([Whi.T, Whf.T, Whc.T, Who.T], dim: 0).contiguous().detach()
        concise.rnn.biasIH = Tensor.cat([bi, bf, bc, bo], dim: 0).detach()
        concise.rnn.biasHH = Tensor.zeros([4 * hidden])
        concise.linear.weight = Whq.T.contiguous().detach()
        concise.linear.bias = bq.clone().detach()
        let X = Tensor(shape: [3, 4], values: [0, 1, 2, 3, 5, 4, 3, 2, 1, 1, 0, 5], dtype: .int64)
        let (h0, c0) = (sample([3, hidden], seed: 5), sample([3, hidden], seed: 6))
        let (outS, stateS) = scratch(X, LSTMState(h: h0, c: c0))
        let (outC, stateC) = concise(X, LSTMState(h: h0.unsqueeze(0), c: c0.unsqueeze(0)))
        assertClose(outC, outS, atol: 1e-5)
        assertClose(stateC.h[0], stateS.h, atol: 1e-5)
        assertClose(stateC.c[0], stateS.c, atol: 1e-5)
        XCTAssertGreaterThan(stateS.c.abs().mean().item(), 0.05, "a cell far from zero")
        let (weights, weightsC) = (sample(outS.shape, seed: 3), sample([3, hidden], seed: 4))
        ((outS * weights).sum() + (stateS.c * weightsC).sum()).backward()
        ((outC * weights).sum() + (stateC.c[0] * weightsC).sum()).backward()
        let dIH = concise.rnn.weightIH.grad!.chunk(4, dim: 0), dHH = concise.rnn.weightHH.grad!.chunk(4, dim: 0)
        let dB = concise.rnn.biasIH!.grad!.chunk(4, dim: 0), dB2 = concise.rnn.biasHH!.grad!.chunk(4, dim: 0)
        for (k, (Wx, Wh, b)) in [(Wxi, Whi, bi), (Wxf, Whf, bf), (Wxc, Whc, bc), (Wxo, Who, bo)].enumerated() {
            assertClose(dIH[k], Wx.grad!.T, atol: 1e-4)
            assertClose(dHH[k], Wh.grad!.T, atol: 1e-4)
            assertClose(dB[k], b.grad!, atol: 1e-4)
            assertClose(dB2[k], b.grad!, atol: 1e-4)
        }
        assertClose(concise.linear.weight.grad!, Whq.grad!.T, atol: 1e-4)
        assertClose(concise.linear.bias!.grad!, bq.grad!, atol: 1e-4)
    }

    func testScratchParametersFollowTheBook() {
        let params = LSTMScratch.getLSTMParams(vocabSize: 28, numHiddens: 16, generator: RandomGenerator(seed: 0))
        XCTAssertEqual(params.map(\.shape), [[28, 16], [16, 16], [16], [28, 16], [16, 16], [16], [28, 16], [16, 16],
                                             [16], [28, 16], [16, 16], [16], [16, 28], [28]])
        XCTAssertTrue(params.allSatisfy(\.requiresGrad))
        let state = LSTMScratch.initLSTMState(batchSize: 3, numHiddens: 16)
        XCTAssertEqual([state.h.shape, state.c.shape], [[3, 16], [3, 16]])
    }

    func testShortTrainingOfBothLSTMsBeatsTheUnigramBaseline() throws {
        try requireTimeMachine(self)
        let (iter, vocab) = try ModernRNNTraining.loadData(generator: RandomGenerator(seed: 0))
        let counts = vocab.tokenFreqs.map { Double($0.freq) }
        let total = counts.reduce(0, +)
        let unigram = exp(-counts.map { $0 / total * log($0 / total) }.reduce(0, +))
        let g = RandomGenerator(seed: 0)
        let concise = LSTMConcise.makeModel(vocabSize: vocab.count, numHiddens: 64, generator: g)
        let ppl = try shortRun(concise, iter, epochs: 25, lr: 4)
        let scratch = LSTMScratch.makeModel(vocabSize: vocab.count, numHiddens: 64, generator: g)
        let scratchPpl = try shortRun(scratch, iter, epochs: 25, lr: 4)
        XCTAssertLessThan(ppl, unigram - 6, "unigram baseline \(unigram)")
        XCTAssertLessThan(scratchPpl, unigram - 5, "unigram baseline \(unigram)")
    }
}
