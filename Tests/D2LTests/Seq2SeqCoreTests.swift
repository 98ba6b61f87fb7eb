import Foundation
import XCTest
import D2L
import TestSupport

/// §9.5–9.8 in the core: `Embedding`, `sequenceMask`, `MaskedSoftmaxCELoss`, the translation data
/// helpers on generated text, `bleu`, the seq2seq encoder and decoder, greedy and beam search.
final class Seq2SeqCoreTests: XCTestCase {
    func testEmbeddingHasPyTorchsNameShapeAndGradient() {
        let embedding = Embedding(10, 4, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(embedding.namedParameters().map(\.0), ["weight"])
        XCTAssertEqual(embedding.weight.shape, [10, 4])
        let ids = Tensor(shape: [2, 3], values: [1, 2, 1, 9, 0, 1], dtype: .int64)
        let out = embedding(ids)
        XCTAssertEqual(out.shape, [2, 3, 4])
        XCTAssertEqual(out[1, 0].toArray(), embedding.weight[9].toArray())
        assertGradientsMatch([embedding.weight]) { w in (Tensor.embedding(ids, weight: w[0]) * sample([2, 3, 4])).sum() }
        // Row 1 occurs three times: its gradient of the plain sum is 3 in every entry.
        let w = embedding.weight.detach().requiresGrad(true)
        Tensor.embedding(ids, weight: w).sum().backward()
        XCTAssertEqual(w.grad![1].toArray(), [3, 3, 3, 3])
        XCTAssertEqual(w.grad![5].toArray(), [0, 0, 0, 0])
    }

    func testSequenceMaskAsTheBookPrints() {
        let X = Tensor([[1, 2, 3], [4, 5, 6]] as [[Float]])
        assertClose(sequenceMask(X, validLen: Tensor(shape: [2], values: [1, 2], dtype: .int64)), [1, 0, 0, 4, 5, 0])
        let ones = Tensor.ones([2, 3, 4])
        let masked = sequenceMask(ones, validLen: Tensor(shape: [2], values: [1, 2], dtype: .int64), value: -1)
        XCTAssertEqual(masked[0].toArray(), [1, 1, 1, 1] + Array(repeating: -1, count: 8))
        XCTAssertEqual(masked[1].toArray(), Array(repeating: 1, count: 8) + [-1, -1, -1, -1])
    }

    func testMaskedSoftmaxCELossAsTheBookPrints() {
        let loss = MaskedSoftmaxCELoss()
        let l = loss(Tensor.ones([3, 4, 10]), Tensor.ones([3, 4], dtype: .int64),
                     Tensor(shape: [3], values: [4, 2, 0], dtype: .int64))
        assertClose(l, [2.3026, 1.1513, 0.0000], shape: [3], atol: 1e-4)
        let labels = Tensor(shape: [2, 3], values: [1, 4, 0, 2, 2, 3], dtype: .int64)
        let validLen = Tensor(shape: [2], values: [3, 1], dtype: .int64)
        assertGradientsMatch([sample([2, 3, 5])]) { p in (loss(p[0], labels, validLen) * Tensor([1, 2])).sum() }
        // Scores past a valid length get no gradient.
        let p = sample([2, 3, 5]).requiresGrad(true)
        loss(p, labels, validLen).sum().backward()
        XCTAssertEqual(p.grad![1, 1].toArray(), [0, 0, 0, 0, 0])
    }

    func testPreprocessSpacesPunctuationAndNoBreakSpaces() {
        XCTAssertEqual(preprocessNMT("Go.\tVa\u{202F}!\nHi.\tSalut\u{00A0}!\nWait, I'm here!"),
                       "go .\tva !\nhi .\tsalut !\nwait , i'm here !")
        XCTAssertEqual(preprocessNMT("Who? ?"), "who ? ?")
        XCTAssertEqual(preprocessNMT(".Go"), ".go", "the first character gets no space before it")
    }

    func testTokenizeTruncatePadAndBuildArray() {
        let text = preprocessNMT("Go.\tVa !\nHi.\tSalut !\nRun!\tCours !\nRun!\tCourez !\nbad line\n")
        let (source, target) = tokenizeNMT(text)
        XCTAssertEqual(source, [["go", "."], ["hi", "."], ["run", "!"], ["run", "!"]])
        XCTAssertEqual(target, [["va", "!"], ["salut", "!"], ["cours", "!"], ["courez", "!"]])
        XCTAssertEqual(tokenizeNMT(text, numExamples: 1).source.count, 2, "the book reads line index 0…numExamples")
        XCTAssertEqual(truncatePad([47, 4], numSteps: 5, paddingToken: 1), [47, 4, 1, 1, 1])
        XCTAssertEqual(truncatePad([1, 2, 3, 4], numSteps: 2, paddingToken: 0), [1, 2])
        let vocab = Vocab(tokens: source, minFreq: 2, reservedTokens: ["<pad>", "<bos>", "<eos>"])
        XCTAssertEqual(vocab.idxToToken, ["<unk>", "<pad>", "<bos>", "<eos>", ".", "run", "!"])
        let (array, validLen) = buildArrayNMT(source, vocab: vocab, numSteps: 4)
        XCTAssertEqual(array.shape, [4, 4])
        XCTAssertEqual(array.toIntArray(), [0, 4, 3, 1, 0, 4, 3, 1, 5, 6, 3, 1, 5, 6, 3, 1])
        XCTAssertEqual(validLen.toIntArray(), [3, 3, 3, 3])
        XCTAssertEqual(buildArrayNMT([["run", "!", "run", "!"]], vocab: vocab, numSteps: 3).validLen.toIntArray(), [3])
    }

    func testLoadDataNMTFromAGeneratedFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.appendingPathComponent("fra.txt")
        let pairs = (0..<10).map { "I see \($0 % 3).\tJe vois \($0 % 3)." }
        try pairs.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let (loader, src, tgt) = try loadDataNMT(batchSize: 4, numSteps: 6, numExamples: 600, from: url,
                                                 generator: RandomGenerator(seed: 0))
        XCTAssertEqual(loader.exampleCount, 10)
        XCTAssertEqual(loader.count, 3)
        XCTAssertEqual(Array(src.idxToToken.prefix(4)), ["<unk>", "<pad>", "<bos>", "<eos>"])
        XCTAssertTrue(tgt.idxToToken.contains("vois"))
        var sizes: [Int] = []
        for (X, XValid, Y, YValid) in loader {
            XCTAssertEqual(X.shape[1], 6)
            XCTAssertEqual(Y.shape, X.shape)
            XCTAssertEqual(XValid.toIntArray(), Array(repeating: 5, count: X.shape[0]))  // i see k . <eos>
            XCTAssertEqual(YValid.toIntArray(), Array(repeating: 5, count: X.shape[0]))
            sizes.append(X.shape[0])
        }
        XCTAssertEqual(sizes, [4, 4, 2])
        XCTAssertThrowsError(try readDataNMT(from: folder.appendingPathComponent("missing.txt")))
    }

    func testBLEUAsTheBookPrints() {
        XCTAssertEqual(bleu("il est riche .", "il est calme .", k: 2), 0.658, accuracy: 5e-4)
        XCTAssertEqual(bleu("je suis en retard ?", "je suis chez moi .", k: 2), 0.447, accuracy: 5e-4)
        XCTAssertEqual(bleu("va !", "va !", k: 2), 1)
        XCTAssertEqual(bleu("j'ai perdu .", "j'ai perdu .", k: 2), 1)
        // The brevity penalty: a correct but short prediction scores below 1.
        XCTAssertEqual(bleu("il est", "il est calme .", k: 2), Foundation.exp(-1), accuracy: 1e-9)
        // Each reference n-gram is matched at most as often as it occurs.
        XCTAssertEqual(bleu("a a a a", "a b c d", k: 1), 0.5, accuracy: 1e-9)
        XCTAssertEqual(bleu("a", "a b", k: 2), 0, "no bigram in a one-token prediction")
    }

    func testEncoderAndDecoderShapesAsTheBookPrints() {
        let encoder = Seq2SeqEncoder(vocabSize: 10, embedSize: 8, numHiddens: 16, numLayers: 2)
        encoder.eval()
        let X = Tensor.zeros([4, 7], dtype: .int64)
        let (output, state) = encoder(X)
        XCTAssertEqual(output.shape, [7, 4, 16])
        XCTAssertEqual(state.shape, [2, 4, 16])
        let decoder = Seq2SeqDecoder(vocabSize: 10, embedSize: 8, numHiddens: 16, numLayers: 2)
        decoder.eval()
        let (decOut, decState) = decoder(X, decoder.initState((output, state)))
        XCTAssertEqual(decOut.shape, [4, 7, 10])
        XCTAssertEqual(decState.shape, [2, 4, 16])
        XCTAssertEqual(decoder.namedParameters().map(\.0),
                       ["embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                        "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
                        "dense.weight", "dense.bias"])
        XCTAssertEqual(decoder.rnn.inputSize, 8 + 16, "the context sits beside the embedding")
    }

    func testSeq2seqGradientsMatchFiniteDifferences() {
        let generator = RandomGenerator(seed: 4)
        let net = EncoderDecoder(Seq2SeqEncoder(vocabSize: 6, embedSize: 3, numHiddens: 4, numLayers: 2, generator: generator),
                                 Seq2SeqDecoder(vocabSize: 6, embedSize: 3, numHiddens: 4, numLayers: 2, generator: generator))
        let X = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 0], dtype: .int64)
        let Y = Tensor(shape: [2, 3], values: [2, 3, 1, 5, 4, 1], dtype: .int64)
        let validLen = Tensor(shape: [2], values: [3, 2], dtype: .int64)
        let loss = MaskedSoftmaxCELoss()
        net.eval()  // no dropout, so the loss is a fixed function of the weights
        func value() -> Double { Double(loss(net(X, Y).0, Y, validLen).sum().item()) }
        for p in net.parameters() { p.grad = nil }
        loss(net(X, Y).0, Y, validLen).sum().backward()
        var checked = 0
        for (name, p) in net.namedParameters() {
            let analytic = p.grad!.toArray()
            // Central differences on a few entries of every parameter.
            for i in stride(from: 0, to: p.count, by: Swift.max(1, p.count / 3)) {
                let h: Float = 1e-2
                let original = p.toArray()
                var plus = original, minus = original
                plus[i] += h
                minus[i] -= h
                noGrad { p.copy(from: Tensor(shape: p.shape, values: plus)) }
                let up = value()
                noGrad { p.copy(from: Tensor(shape: p.shape, values: minus)) }
                let down = value()
                noGrad { p.copy(from: Tensor(shape: p.shape, values: original)) }
                let numeric = (up - down) / Double(2 * h)
                XCTAssertEqual(Double(analytic[i]), numeric, accuracy: 2e-3 + 2e-2 * abs(numeric), "\(name)[\(i)]")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testBeamSizeOneEqualsGreedyAndWiderBeamsScoreAtLeastAsWell() {
        let generator = RandomGenerator(seed: 7)
        let words = ["a", "b", "c", "d", "e", "f"]
        let vocab = Vocab(tokens: [words, words], minFreq: 2, reservedTokens: ["<pad>", "<bos>", "<eos>"])
        for seed in 0..<4 {
            generator.reseed(UInt64(seed))
            let net = EncoderDecoder(
                Seq2SeqEncoder(vocabSize: vocab.count, embedSize: 4, numHiddens: 8, numLayers: 2, generator: generator),
                Seq2SeqDecoder(vocabSize: vocab.count, embedSize: 4, numHiddens: 8, numLayers: 2, generator: generator))
            for sentence in ["a b", "c d e", "f"] {
                let greedy = predictSeq2seq(net, sentence, srcVocab: vocab, tgtVocab: vocab, numSteps: 6)
                let beams = beamSearchSeq2seq(net, sentence, srcVocab: vocab, tgtVocab: vocab, numSteps: 6, beamSize: 1)
                XCTAssertEqual(vocab.toTokens(beams[0].tokens).joined(separator: " "), greedy, "seed \(seed), \(sentence)")
                let wide = beamSearchSeq2seq(net, sentence, srcVocab: vocab, tgtVocab: vocab, numSteps: 6, beamSize: 4)
                XCTAssertFalse(wide.isEmpty)
                XCTAssertGreaterThanOrEqual(wide[0].score(), beams[0].score() - 1e-9, "seed \(seed), \(sentence)")
                XCTAssertEqual(wide.map { $0.score() }, wide.map { $0.score() }.sorted(by: >))
            }
        }
    }

    func testBeamSearchStepKeepsTheKMostProbableExtensions() {
        let chosen = beamSearchStep(beamLogProbs: [-1, -2], nextLogProbs: [[-3, -0.5, -2], [-0.1, -4, -0.2]], k: 3)
        XCTAssertEqual(chosen.map(\.beam), [0, 1, 1])
        XCTAssertEqual(chosen.map(\.token), [1, 0, 2])
        XCTAssertEqual(chosen.map(\.logProb), [-1.5, -2.1, -2.2])
        XCTAssertEqual(beamSearchStep(beamLogProbs: [0], nextLogProbs: [[-1, -1]], k: 1).first?.token, 0, "ties as argmax")
        let h = BeamHypothesis(tokens: [4, 5, 6], finished: true, logProb: -2)
        XCTAssertEqual(h.length, 4)
        XCTAssertEqual(h.score(), -2 / Foundation.pow(4, 0.75), accuracy: 1e-12)
    }

    func testShortTrainingLowersTheMaskedLoss() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let url = folder.appendingPathComponent("fra.txt")
        let english = ["go", "run", "stop", "wait", "hello", "help"], french = ["va", "cours", "arrête", "attends", "salut", "aide"]
        var lines: [String] = []
        for i in 0..<48 { lines.append("\(english[i % 6]) \(english[(i / 6) % 6]).\t\(french[i % 6]) \(french[(i / 6) % 6]) !") }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        let generator = RandomGenerator(seed: 0)
        let (loader, src, tgt) = try loadDataNMT(batchSize: 8, numSteps: 6, from: url, generator: generator)
        let net = EncoderDecoder(
            Seq2SeqEncoder(vocabSize: src.count, embedSize: 16, numHiddens: 16, numLayers: 2, dropout: 0.1, generator: generator),
            Seq2SeqDecoder(vocabSize: tgt.count, embedSize: 16, numHiddens: 16, numLayers: 2, dropout: 0.1, generator: generator))
        let first = try trainSeq2seq(net, loader, lr: 0.005, numEpochs: 1, tgtVocab: tgt, figureName: "first.svg",
                                     generator: generator)
        let later = try trainSeq2seq(net, loader, lr: 0.005, numEpochs: 40, tgtVocab: tgt, figureName: "later.svg",
                                     generator: generator)
        // trainSeq2seq re-initialises, so `first` is the untrained net's first epoch.
        XCTAssertLessThan(later.loss, 0.5 * first.loss, "first epoch \(first.loss), after 40 epochs \(later.loss)")
        XCTAssertTrue(later.summary.hasPrefix(String(format: "loss %.3f, ", later.loss)))
        XCTAssertTrue(later.summary.hasSuffix("tokens/sec on CPU"))
        XCTAssertEqual(predictSeq2seq(net, "go run .", srcVocab: src, tgtVocab: tgt, numSteps: 6), "va cours !")
    }
}
