import D2L

/// §8.2 Text preprocessing: the lines, tokens, vocabulary and indices the section prints.
public enum TextPreprocessing {
    /// What the section computes from *The Time Machine*.
    public struct Report {
        /// The cleaned lines (3221).
        public let lines: [String]
        /// The lines as word tokens.
        public let tokens: [[String]]
        /// The word vocabulary.
        public let vocab: Vocab
        /// The character corpus and its vocabulary (§8.2.5: 170 580 tokens, 28 types).
        public let corpusCount: Int, charVocabCount: Int
    }

    /// Reads the book, tokenizes it into words and builds the vocabulary (§8.2.1–8.2.5).
    /// - Throws: `DataError` when the text cannot be found or read.
    public static func run() throws -> Report {
        let lines = try readTimeMachine()
        let tokens = tokenize(lines)
        let (corpus, charVocab) = try loadCorpusTimeMachine()
        return Report(lines: lines, tokens: tokens, vocab: Vocab(tokens: tokens),
                      corpusCount: corpus.count, charVocabCount: charVocab.count)
    }

    /// The section's printed lines, in the book's order.
    public static func printedLines(_ r: Report) -> [String] {
        var out = ["# text lines: \(r.lines.count)", r.lines[0], r.lines[10]]
        out += r.tokens.prefix(11).map { pythonList($0) }
        let first = r.vocab.idxToToken.prefix(10).enumerated().map { "('\($0.element)', \($0.offset))" }
        out.append("[" + first.joined(separator: ", ") + "]")
        for i in [0, 10] {
            out.append("text: " + pythonList(r.tokens[i]))
            out.append("indices: \(r.vocab[r.tokens[i]])")
        }
        out.append("(\(r.corpusCount), \(r.charVocabCount))")
        return out
    }

    /// A list of strings as Python prints it: `['the', 'time']`.
    public static func pythonList(_ items: [String]) -> String {
        "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
}
