/// How often each distinct token occurs, in the order tokens first appear.
///
/// d2l: the `collections.Counter` that `count_corpus` returns (§8.2.3). Python's `Counter`
/// remembers insertion order, and the book's vocabulary depends on it: tokens of equal
/// frequency keep the order in which they first appear.
public struct TokenCounts: Sendable {
    /// `(token, count)` for every distinct token, in first-appearance order.
    public private(set) var items: [(token: String, count: Int)] = []
    private var position: [String: Int] = [:]

    /// Counts the tokens of `tokens` in order.
    public init<S: Sequence>(_ tokens: S) where S.Element == String {
        for token in tokens { add(token) }
    }

    /// Counts one more occurrence of `token`.
    public mutating func add(_ token: String) {
        if let i = position[token] {
            items[i].count += 1
        } else {
            position[token] = items.count
            items.append((token, 1))
        }
    }

    /// The number of occurrences of `token` (0 when absent), as `counter[token]`.
    public subscript(token: String) -> Int {
        position[token].map { items[$0].count } ?? 0
    }

    /// Number of distinct tokens, as `len(counter)`.
    public var count: Int { items.count }
}

/// Counts the tokens of a list of token lists (flattened first).
///
/// d2l: `count_corpus(tokens)` (§8.2.3) for a 2-d list.
public func countCorpus(_ tokens: [[String]]) -> TokenCounts {
    TokenCounts(tokens.joined())
}

/// Counts the tokens of a flat list.
///
/// d2l: `count_corpus(tokens)` (§8.2.3) for a 1-d list.
public func countCorpus(_ tokens: [String]) -> TokenCounts {
    TokenCounts(tokens)
}

/// A vocabulary: maps tokens to indices and back.
///
/// d2l: `Vocab(tokens, min_freq=0, reserved_tokens=None)` (§8.2.3). Index 0 is the unknown
/// token `<unk>`, then come the reserved tokens, then the counted tokens by descending
/// frequency, tokens of equal frequency in the order they first appear (Python's stable
/// `sorted` over a `Counter`). Tokens rarer than `minFreq` are left out and map to `<unk>`.
public struct Vocab: Sendable {
    /// Every token, by index, as `idx_to_token`.
    public let idxToToken: [String]
    /// The index of every token, as `token_to_idx`.
    public let tokenToIdx: [String: Int]
    /// `(token, frequency)` of all counted tokens, most frequent first (before `minFreq` is
    /// applied), as `token_freqs`.
    public let tokenFreqs: [(token: String, freq: Int)]

    /// A vocabulary of the tokens of several lines.
    public init(tokens: [[String]] = [], minFreq: Int = 0, reservedTokens: [String] = []) {
        self.init(counts: countCorpus(tokens), minFreq: minFreq, reservedTokens: reservedTokens)
    }

    /// A vocabulary of a flat list of tokens (words, or bigrams written as `"of the"`).
    public init(tokens: [String], minFreq: Int = 0, reservedTokens: [String] = []) {
        self.init(counts: countCorpus(tokens), minFreq: minFreq, reservedTokens: reservedTokens)
    }

    /// A vocabulary of already counted tokens.
    public init(counts: TokenCounts, minFreq: Int = 0, reservedTokens: [String] = []) {
        // Sorting on (frequency descending, first appearance) is Python's stable sort by frequency.
        let ranked = counts.items.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }
        tokenFreqs = ranked.map { ($0.element.token, $0.element.count) }
        var tokens = ["<unk>"] + reservedTokens
        var index: [String: Int] = [:]
        // A reserved token listed twice maps to its last position, as the book's dict comprehension.
        for (i, token) in tokens.enumerated() { index[token] = i }
        for (token, freq) in tokenFreqs {
            if freq < minFreq { break }
            if index[token] == nil {
                index[token] = tokens.count
                tokens.append(token)
            }
        }
        idxToToken = tokens
        tokenToIdx = index
    }

    /// Number of tokens, `<unk>` and the reserved ones included, as `len(vocab)`.
    public var count: Int { idxToToken.count }

    /// The index of the unknown token, 0.
    public var unk: Int { 0 }

    /// The index of `token`, or `unk` for a token not in the vocabulary, as `vocab[token]`.
    public subscript(token: String) -> Int { tokenToIdx[token] ?? unk }

    /// The indices of `tokens`, as `vocab[tokens]` for a list.
    public subscript(tokens: [String]) -> [Int] { tokens.map { self[$0] } }

    /// The token at `index`, as `vocab.to_tokens(index)`.
    public func toTokens(_ index: Int) -> String {
        check(idxToToken.indices.contains(index), "Vocab.toTokens: index \(index) is outside 0..<\(count)")
        return idxToToken[index]
    }

    /// The tokens at `indices`, as `vocab.to_tokens(indices)` for a list.
    public func toTokens(_ indices: [Int]) -> [String] { indices.map { toTokens($0) } }

    /// The indices of all tokens of all lines, one flat list (the corpus of §8.2.5).
    public func indices(ofFlattened lines: [[String]]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for line in lines {
            for token in line { out.append(self[token]) }
        }
        return out
    }
}
