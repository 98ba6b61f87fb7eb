import D2L
import Foundation
import RNN
import TestSupport
import XCTest

/// §9.5, §9.7 and §9.8 on the book's pairs (`../shared/data/fra-eng/fra.txt`).
final class Chapter9TranslationTests: XCTestCase {
    func testFirstTokenizedPairsAreTheBooks() throws {
        try requireFraEng(self)
        let text = preprocessNMT(try readDataNMT())
        XCTAssertTrue(text.hasPrefix("go .\tva !\nhi .\tsalut !\nrun !\tcours !\nrun !\tcourez !\nwho ?\tqui ?\nwow !\tça alors !"))
        let (source, target) = tokenizeNMT(text, numExamples: 600)
        XCTAssertEqual(source.count, 601, "the book's loop reads line indices 0…600")
        XCTAssertEqual(Array(source.prefix(6)), [["go", "."], ["hi", "."], ["run", "!"], ["run", "!"], ["who", "?"], ["wow", "!"]])
        XCTAssertEqual(Array(target.prefix(6)),
                       [["va", "!"], ["salut", "!"], ["cours", "!"], ["courez", "!"], ["qui", "?"], ["ça", "alors", "!"]])
        XCTAssertEqual(MachineTranslation.pythonList(Array(source.prefix(2))), "[['go', '.'], ['hi', '.']]")
    }

    func testLoaderGivesTheBooksBatchShapes() throws {
        try requireFraEng(self)
        let (iter, src, tgt) = try loadDataNMT(batchSize: 2, numSteps: 8, generator: RandomGenerator(seed: 0))
        XCTAssertEqual(iter.exampleCount, 601)
        XCTAssertEqual(Array(src.idxToToken.prefix(4)), ["<unk>", "<pad>", "<bos>", "<eos>"])
        XCTAssertEqual(Array(tgt.idxToToken.prefix(4)), ["<unk>", "<pad>", "<bos>", "<eos>"])
        var batches = iter.makeIterator()
        let (X, XValid, Y, YValid) = try XCTUnwrap(batches.next())
        XCTAssertEqual(X.shape, [2, 8])
        XCTAssertEqual(Y.shape, [2, 8])
        // Every valid length counts the ids before the first padding (the <eos> included).
        for (ids, lengths) in [(X, XValid), (Y, YValid)] {
            for row in 0..<2 {
                let values = ids[row].toIntArray()
                XCTAssertEqual(values.filter { $0 != 1 }.count, lengths.toIntArray()[row])
                XCTAssertTrue(values.contains(3) || lengths.toIntArray()[row] == 8, "ends with <eos> unless truncated")
            }
        }
        XCTAssertEqual(truncatePad(src[["go", "."]], numSteps: 10, paddingToken: src["<pad>"]).suffix(8),
                       Array(repeating: 1, count: 8))
    }

    func testLengthHistogramCountsEverySentence() throws {
        try requireFraEng(self)
        let (source, target) = tokenizeNMT(preprocessNMT(try readDataNMT()))
        let (edges, s, t) = MachineTranslation.lengthHistogram(source, target)
        XCTAssertEqual(edges.count, 11)
        XCTAssertEqual(s.reduce(0, +), source.count)
        XCTAssertEqual(t.reduce(0, +), target.count)
        XCTAssertEqual(edges.first, 2, "the shortest sentences have a word and a punctuation mark")
        let svg = MachineTranslation.lengthHistogramFigure(source, target).svg()
        XCTAssertTrue(svg.contains("# tokens per sequence") && svg.contains("target"))
    }

    func testTranslationLinesHaveTheBooksFormat() {
        XCTAssertEqual(Seq2Seq.translationLine("go .", "va !", reference: "va !"), "go . => va !, bleu 1.000")
        XCTAssertEqual(Seq2Seq.translationLine("he's calm .", "il est riche .", reference: "il est calme ."),
                       "he's calm . => il est riche ., bleu 0.658")
        XCTAssertEqual(Seq2Seq.translationLine("i'm home .", "je suis en retard ?", reference: "je suis chez moi ."),
                       "i'm home . => je suis en retard ?, bleu 0.447")
        XCTAssertEqual(Seq2Seq.examples.map(\.english), ["go .", "i lost .", "he's calm .", "i'm home ."])
    }

    /// A short run of the book's model on the book's pairs: the loss falls well below the
    /// untrained net's, and beam width 1 translates as greedy search does.
    func testShortSeq2seqRunLowersTheLossAndBeamOneIsGreedy() throws {
        try requireFraEng(self)
        let figures = try TemporaryFolder(holdingFigures: true)
        defer { figures.remove() }
        let generator = RandomGenerator(seed: 2)
        let (iter, src, tgt) = try loadDataNMT(batchSize: 64, numSteps: 10, generator: generator)
        let net = Seq2Seq.makeModel(srcVocabSize: src.count, tgtVocabSize: tgt.count, generator: generator)
        // Baseline: the untrained (Xavier-initialised) net's loss per token on the data.
        xavierInitSeq2seq(net, generator: generator)
        net.eval()
        var summed = 0.0, tokens = 0.0
        noGrad {
            for (X, XValid, Y, YValid) in iter {
                let bos = Tensor.full([Y.shape[0], 1], Float(tgt["<bos>"]), dtype: .int64)
                let decInput = Tensor.cat([bos, Y.narrow(1, start: 0, length: 9)], dim: 1)
                summed += Double(MaskedSoftmaxCELoss()(net(X, decInput, validLens: XValid).0, Y, YValid).sum().item())
                tokens += Double(YValid.sum().item())
            }
        }
        let untrained = summed / tokens
        let result = try trainSeq2seq(net, iter, lr: 0.005, numEpochs: 30, tgtVocab: tgt, figureName: "s2s.svg",
                                      generator: generator)
        XCTAssertLessThan(result.loss, 0.5 * untrained, "untrained \(untrained), after 30 epochs \(result.loss)")
        for pair in Seq2Seq.examples {
            let greedy = predictSeq2seq(net, pair.english, srcVocab: src, tgtVocab: tgt, numSteps: 10)
            let beam = beamSearchSeq2seq(net, pair.english, srcVocab: src, tgtVocab: tgt, numSteps: 10, beamSize: 1)
            XCTAssertEqual(tgt.toTokens(beam[0].tokens).joined(separator: " "), greedy)
            let wide = beamSearchSeq2seq(net, pair.english, srcVocab: src, tgtVocab: tgt, numSteps: 10, beamSize: 4)
            XCTAssertGreaterThanOrEqual(wide[0].score(), beam[0].score() - 1e-9)
        }
    }
}
