import D2L
import Foundation

/// §8.3 Language models and the data set: word, bigram and trigram frequencies (Zipf's law)
/// and the two ways of cutting a corpus into minibatches.
public enum LanguageModels {
    /// The vocabularies of single words, word pairs and word triples of *The Time Machine*.
    public struct NGrams {
        /// Words (§8.3.3), pairs written `"of the"`, triples `"the time traveller"`.
        public let unigrams: Vocab, bigrams: Vocab, trigrams: Vocab
    }

    /// The consecutive `n`-word sequences of `words`, each joined by a space.
    public static func nGrams(_ words: [String], n: Int) -> [String] {
        check(n > 0, "nGrams: n must be positive, got \(n)")
        guard words.count >= n else { return [] }
        return (0...(words.count - n)).map { words[$0..<($0 + n)].joined(separator: " ") }
    }

    /// Counts the words, bigrams and trigrams of the book (§8.3.3).
    /// - Throws: `DataError` when the text cannot be found or read.
    public static func nGramVocabularies() throws -> NGrams {
        let words = Array(tokenize(try readTimeMachine()).joined())
        return NGrams(unigrams: Vocab(tokens: words), bigrams: Vocab(tokens: nGrams(words, n: 2)),
                      trigrams: Vocab(tokens: nGrams(words, n: 3)))
    }

    /// `token: freq` lines for the `k` most frequent tokens, as `vocab.token_freqs[:10]`.
    public static func top(_ vocab: Vocab, _ k: Int = 10) -> [String] {
        vocab.tokenFreqs.prefix(k).map { "\($0.token): \($0.freq)" }
    }

    /// The log-log frequency plots: words alone, then words, bigrams and trigrams together.
    /// - Returns: where the two SVG files were written.
    public static func writeZipfPlots(_ g: NGrams) throws -> [URL] {
        func freqs(_ v: Vocab) -> [Float] { v.tokenFreqs.map { Float($0.freq) } }
        let words = freqs(g.unigrams)
        let single = try plot((1...words.count).map(Float.init), [words], xLabel: "token: x",
                              yLabel: "frequency: n(x)", xScale: .log, yScale: .log, name: "chapter8-zipf-unigram.svg")
        // The three curves have different lengths: each is drawn over its own ranks.
        let curves = [g.unigrams, g.bigrams, g.trigrams].map(freqs)
        let all = try plot(curves.map { f in (1...f.count).map(Float.init) }, curves, xLabel: "token: x",
                           yLabel: "frequency: n(x)", legend: ["unigram", "bigram", "trigram"], xScale: .log,
                           yScale: .log, name: "chapter8-zipf-ngrams.svg")
        return [single, all]
    }

    /// The minibatches of both samplers on `0..<35` with batch 2 and 5 steps, as printed in
    /// §8.3.4 (`X:` and `Y:` tensors), with offsets from `generator`.
    public static func iteratorDemo(generator: RandomGenerator) -> (random: [(Tensor, Tensor)], sequential: [(Tensor, Tensor)]) {
        let mySeq = Array(0..<35)
        return (Array(seqDataIterRandom(mySeq, batchSize: 2, numSteps: 5, generator: generator)),
                Array(seqDataIterSequential(mySeq, batchSize: 2, numSteps: 5, generator: generator)))
    }
}
