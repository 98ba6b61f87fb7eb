import D2L
import Foundation
import TestSupport
import XCTest

/// §8.2 text preprocessing and §8.3 language-model data: the book's printed values and the
/// iterators' properties.
final class TextTests: XCTestCase {
    // MARK: §8.2 on the book's file

    func testReadTimeMachineGivesTheBooksLines() throws {
        try requireTimeMachine(self)
        let lines = try readTimeMachine()
        XCTAssertEqual(lines.count, 3221)
        XCTAssertEqual(lines[0], "the time machine by h g wells")
        XCTAssertEqual(lines[10], "twinkled and his usually pale face was flushed and animated the")
    }

    func testTokenizeGivesTheBooksFirstLines() throws {
        try requireTimeMachine(self)
        let tokens = tokenize(try readTimeMachine())
        XCTAssertEqual(tokens[0], ["the", "time", "machine", "by", "h", "g", "wells"])
        XCTAssertEqual(tokens[1..<8].map(\.count), [0, 0, 0, 0, 1, 0, 0])
        XCTAssertEqual(tokens[5], ["i"])
        XCTAssertEqual(tokens[8], ["the", "time", "traveller", "for", "so", "it", "will", "be", "convenient",
                                   "to", "speak", "of", "him"])
        XCTAssertEqual(tokens[9], ["was", "expounding", "a", "recondite", "matter", "to", "us", "his", "grey",
                                   "eyes", "shone", "and"])
    }

    func testWordVocabularyMatchesTheBook() throws {
        try requireTimeMachine(self)
        let tokens = tokenize(try readTimeMachine())
        let vocab = Vocab(tokens: tokens)
        XCTAssertEqual(Array(vocab.idxToToken.prefix(10)),
                       ["<unk>", "the", "i", "and", "of", "a", "to", "was", "in", "that"])
        XCTAssertEqual(vocab.count, 4580)
        // These indices depend on the order of the many words seen once: first appearance.
        XCTAssertEqual(vocab[tokens[0]], [1, 19, 50, 40, 2183, 2184, 400])
        XCTAssertEqual(vocab[tokens[10]], [2186, 3, 25, 1044, 362, 113, 7, 1421, 3, 1045, 1])
        XCTAssertEqual(vocab.toTokens([1, 19, 50]), ["the", "time", "machine"])
        XCTAssertEqual(vocab.tokenFreqs.prefix(3).map(\.freq), [2261, 1267, 1245])
    }

    func testMinFreqShrinksTheWordVocabulary() throws {
        try requireTimeMachine(self)
        let tokens = tokenize(try readTimeMachine())
        XCTAssertEqual(Vocab(tokens: tokens, minFreq: 2).count, 2183)
        XCTAssertEqual(Vocab(tokens: tokens, minFreq: 5).count, 825)
        XCTAssertEqual(Vocab(tokens: tokens, minFreq: 3).idxToToken.suffix(2), ["rocks", "crab"])
    }

    func testCharacterCorpusHas170580TokensAnd28Types() throws {
        try requireTimeMachine(self)
        let (corpus, vocab) = try loadCorpusTimeMachine()
        XCTAssertEqual(corpus.count, 170_580)
        XCTAssertEqual(vocab.count, 28)
        XCTAssertEqual(vocab.idxToToken.joined(), "<unk> etainoshrdlmucfwgypbvkxzjq")
        XCTAssertEqual(Array(corpus.prefix(8)), [3, 9, 2, 1, 3, 5, 13, 2])  // "the time"
        XCTAssertEqual(try loadCorpusTimeMachine(maxTokens: 10_000).corpus, Array(corpus.prefix(10_000)))
    }

    func testLoadDataTimeMachineBatchesTheFirst10000Characters() throws {
        try requireTimeMachine(self)
        let (loader, vocab) = try loadDataTimeMachine(batchSize: 32, numSteps: 35, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(vocab.count, 28)
        XCTAssertEqual(loader.corpus.count, 10_000)
        XCTAssertEqual(loader.count, 8, "9999 / 32 = 312 tokens a row, 8 windows of 35")
        var batches = 0
        for (X, Y) in loader {
            XCTAssertEqual(X.shape, [32, 35])
            XCTAssertEqual(X.dtype, .int64)
            XCTAssertEqual(Y.dtype, .int64)
            batches += 1
        }
        XCTAssertEqual(batches, 8)
        let random = SeqDataLoader(corpus: loader.corpus, vocab: vocab, batchSize: 32, numSteps: 35, useRandomIter: true)
        XCTAssertEqual(random.count, 8, "285 subsequences of 35 make 8 minibatches of 32")
    }

    // MARK: Reading and tokenizing on small files

    func testCleaningReplacesRunsOfNonLettersByOneSpaceAndLowerCases() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.appendingPathComponent("tiny.txt")
        try Data("  The TIME-machine, by H. G. Wells\r\n\n1895 ... caf\u{e9}s!\rend".utf8).write(to: file)
        XCTAssertEqual(try readTimeMachine(from: file), ["the time machine by h g wells", "", "caf s", "end"])
        try Data("one\ntwo\n".utf8).write(to: file)
        XCTAssertEqual(try readTimeMachine(from: file), ["one", "two"], "no empty line after the final newline")
        XCTAssertThrowsError(try readTimeMachine(from: folder.appendingPathComponent("absent.txt"))) {
            XCTAssertTrue("\($0)".contains("absent.txt: file not found"), "\($0)")
        }
    }

    func testTokenizeSplitsWordsOrCharacters() {
        XCTAssertEqual(tokenize(["a bc", ""]), [["a", "bc"], []])
        XCTAssertEqual(tokenize(["a bc"], token: .char), [["a", " ", "b", "c"]])
    }

    // MARK: Vocab

    func testVocabKeepsTiesInFirstAppearanceOrder() {
        // c and a occur twice (c first), then d, b, e once each in the order they appear.
        let vocab = Vocab(tokens: [["c", "d", "a"], ["b", "c", "a", "e"]])
        XCTAssertEqual(vocab.idxToToken, ["<unk>", "c", "a", "d", "b", "e"])
        XCTAssertEqual(vocab.tokenFreqs.map(\.token), ["c", "a", "d", "b", "e"])
        XCTAssertEqual(vocab.tokenFreqs.map(\.freq), [2, 2, 1, 1, 1])
        XCTAssertEqual(vocab["a"], 2)
        XCTAssertEqual(vocab["zebra"], 0, "unknown tokens map to <unk>")
        XCTAssertEqual(vocab[["d", "zebra", "e"]], [3, 0, 5])
        XCTAssertEqual(vocab.toTokens(4), "b")
        XCTAssertEqual(vocab.toTokens([1, 0]), ["c", "<unk>"])
    }

    func testVocabWithReservedTokensAndMinFreq() {
        let vocab = Vocab(tokens: ["x", "y", "x", "<pad>", "z", "x", "y"], minFreq: 2, reservedTokens: ["<pad>", "<bos>"])
        XCTAssertEqual(vocab.idxToToken, ["<unk>", "<pad>", "<bos>", "x", "y"], "<pad> is not added twice; z is too rare")
        XCTAssertEqual(vocab["z"], vocab.unk)
        XCTAssertEqual(vocab["<pad>"], 1)
        XCTAssertEqual(Vocab().count, 1, "an empty vocabulary holds only <unk>")
    }

    func testCountCorpusCountsFlatAndNestedLists() {
        let counts = countCorpus([["a", "b"], ["a"]])
        XCTAssertEqual(counts["a"], 2)
        XCTAssertEqual(counts["b"], 1)
        XCTAssertEqual(counts["q"], 0)
        XCTAssertEqual(counts.count, 2)
        XCTAssertEqual(countCorpus(["b", "a", "b"]).items.map(\.token), ["b", "a"])
    }

    // MARK: §8.3.4 the iterators on 0..<35, batch 2, 5 steps

    private let mySeq = Array(0..<35)

    private func rows(_ t: Tensor) -> [[Int]] { t.toArray2D().map { $0.map { Int($0) } } }

    func testSequentialPartitioningPrintsTheBooksMinibatches() {
        let batches = Array(seqDataIterSequential(mySeq, batchSize: 2, numSteps: 5, offset: 0))
        XCTAssertEqual(batches.count, 3)
        XCTAssertEqual(batches.map { rows($0.0) }, [[[0, 1, 2, 3, 4], [17, 18, 19, 20, 21]],
                                                   [[5, 6, 7, 8, 9], [22, 23, 24, 25, 26]],
                                                   [[10, 11, 12, 13, 14], [27, 28, 29, 30, 31]]])
        XCTAssertEqual(rows(batches[2].1), [[11, 12, 13, 14, 15], [28, 29, 30, 31, 32]])
        XCTAssertEqual(batches[0].0.description, "tensor([[ 0,  1,  2,  3,  4],\n        [17, 18, 19, 20, 21]])")
        let shifted = Array(seqDataIterSequential(mySeq, batchSize: 2, numSteps: 5, offset: 5))
        XCTAssertEqual(shifted.map { rows($0.0) }, [[[5, 6, 7, 8, 9], [19, 20, 21, 22, 23]],
                                                   [[10, 11, 12, 13, 14], [24, 25, 26, 27, 28]]],
                       "offset 5 leaves 29 tokens: rows of 14, two windows")
    }

    func testRandomSamplingWithAFixedOffsetUsesEachSubsequenceOnce() {
        let batches = Array(seqDataIterRandom(mySeq, batchSize: 2, numSteps: 5, offset: 3, generator: RandomGenerator(seed: 4)))
        XCTAssertEqual(batches.count, 3)
        let starts = batches.flatMap { rows($0.0).map { $0[0] } }
        XCTAssertEqual(starts.sorted(), [3, 8, 13, 18, 23, 28])
        for (X, Y) in batches {
            for row in rows(X) { XCTAssertEqual(row, Array(row[0]..<(row[0] + 5))) }
            XCTAssertEqual(rows(Y), rows(X).map { $0.map { $0 + 1 } })
        }
    }

    func testYIsXShiftedByOneForBothSamplers() {
        let corpus = (0..<200).map { ($0 * 7) % 13 }
        let g = RandomGenerator(seed: 9)
        for batches in [seqDataIterRandom(corpus, batchSize: 3, numSteps: 4, generator: g),
                        seqDataIterSequential(corpus, batchSize: 3, numSteps: 4, generator: g)] {
            XCTAssertGreaterThan(batches.count, 0)
            let all = Array(batches)
            XCTAssertEqual(all.count, batches.count)
            for (X, Y) in all {
                XCTAssertEqual(X.shape, [3, 4])
                XCTAssertEqual(rows(X).map { Array($0.dropFirst()) }, rows(Y).map { Array($0.dropLast()) })
            }
            for (k, start) in batches.starts.enumerated() {
                XCTAssertEqual(rows(all[k / 3].0)[k % 3], Array(corpus[start..<(start + 4)]))
                XCTAssertEqual(rows(all[k / 3].1)[k % 3], Array(corpus[(start + 1)..<(start + 5)]))
            }
        }
    }

    func testRandomSamplingNeverRepeatsASubsequenceInAPass() {
        let corpus = Array(0..<1000)
        let g = RandomGenerator(seed: 3)
        var orders = Set<[Int]>()
        for _ in 0..<20 {
            let pass = seqDataIterRandom(corpus, batchSize: 4, numSteps: 7, generator: g)
            XCTAssertTrue((0..<7).contains(pass.offset))
            let starts = pass.starts
            XCTAssertEqual(Set(starts).count, starts.count, "a subsequence used twice in one pass")
            XCTAssertTrue(starts.allSatisfy { ($0 - pass.offset) % 7 == 0 && $0 + 7 < corpus.count })
            XCTAssertEqual(starts.count, (999 - pass.offset) / 7 / 4 * 4)
            orders.insert(starts)
        }
        XCTAssertGreaterThan(orders.count, 1, "every pass draws a new order")
    }

    func testSequentialMinibatchesContinueEachOther() {
        let corpus = Array(0..<1000)
        let g = RandomGenerator(seed: 5)
        var offsets = Set<Int>()
        for _ in 0..<20 {
            let pass = seqDataIterSequential(corpus, batchSize: 4, numSteps: 7, generator: g)
            offsets.insert(pass.offset)
            let batches = Array(pass)
            XCTAssertEqual(batches.count, (999 - pass.offset) / 4 / 7)
            for (previous, next) in zip(batches, batches.dropFirst()) {
                let ended = rows(previous.0).map { $0.last! + 1 }
                XCTAssertEqual(rows(next.0).map { $0[0] }, ended, "row r of batch k+1 starts where batch k ended")
            }
        }
        XCTAssertTrue(offsets.isSubset(of: Set(0...7)))
        XCTAssertGreaterThan(offsets.count, 3, "offsets are drawn from 0...numSteps")
    }

    func testLoaderDrawsANewPassEachTime() {
        let vocab = Vocab(tokens: ["a"])
        let loader = SeqDataLoader(corpus: Array(repeating: 1, count: 500).enumerated().map { $0.offset % 20 },
                                   vocab: vocab, batchSize: 2, numSteps: 5, useRandomIter: true,
                                   generator: RandomGenerator(seed: 2))
        let first = loader.makeIterator().starts, second = loader.makeIterator().starts
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(loader.count, 49, "499 / 5 = 99 subsequences, 49 pairs")
        XCTAssertLessThanOrEqual(loader.makeIterator().count, loader.count)
    }

    func testTooShortCorpusGivesNoMinibatches() {
        XCTAssertEqual(Array(seqDataIterSequential([1, 2, 3], batchSize: 2, numSteps: 5, offset: 0)).count, 0)
        XCTAssertEqual(Array(seqDataIterRandom([1, 2, 3], batchSize: 2, numSteps: 5, offset: 0)).count, 0)
        XCTAssertEqual(Array(seqDataIterRandom([], batchSize: 2, numSteps: 5)).count, 0)
    }
}
