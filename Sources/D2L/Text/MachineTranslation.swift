import Foundation

/// Where the English–French pairs of §9.5 are looked for.
///
/// d2l: `DATA_HUB['fra-eng']` (§9.5.1), the book's `fra-eng.zip` holding `fra-eng/fra.txt`: one
/// pair a line, English and French separated by a tab. `readDataNMT` reads it from the data
/// folder and, when it is missing there, downloads the zip and unpacks it (`downloadExtract`).
public enum FraEng {
    /// The file's path inside the data folder.
    public static let relativePath = "fra-eng/fra.txt"

    /// `fra-eng/fra.txt` in the data folder (`$D2L_DATA_DIR` or `./data`).
    public static var url: URL { dataDirectory.appendingPathComponent(relativePath) }
}

/// The whole text of `fra-eng/fra.txt`.
///
/// d2l: `read_data_nmt()` (§9.5.1). Reads `FraEng.url`, or the file at `url` when given. When
/// the default file is missing, it first downloads and unpacks `fra-eng.zip` into the data folder.
/// - Throws: `DataError.missingFile` saying where to put the file (when there is no network),
///   `.checksumMismatch` or `.malformed` for a damaged download, or `.malformed` when the file
///   is not UTF-8.
public func readDataNMT(from url: URL = FraEng.url) throws -> String {
    if url == FraEng.url, !FileManager.default.fileExists(atPath: url.path) {
        do {
            try downloadExtract("fra-eng.zip", folderName: "fra-eng", in: url.deletingLastPathComponent().deletingLastPathComponent())
        } catch DataError.downloadFailed {
            // No network: the missing-file error below says where to put the file by hand.
        }
    }
    let bytes = try readFileBytes(url, missingHint: "unzip the book's fra-eng.zip (d2l DATA_HUB['fra-eng']) into "
                                  + "\(url.deletingLastPathComponent().deletingLastPathComponent().path), "
                                  + "or point D2L_DATA_DIR at a folder holding \(FraEng.relativePath)")
    guard let text = String(bytes: bytes, encoding: .utf8) else {
        throw DataError.malformed(url, "is not UTF-8 text")
    }
    return text
}

/// `text` lower-cased, with no-break spaces made plain and a space put before every `,`, `.`,
/// `!` and `?` that does not already follow one.
///
/// d2l: `preprocess_nmt(text)` (§9.5.1). Narrow no-break spaces (U+202F) and no-break spaces
/// (U+00A0) become spaces first, so `Va !` written with U+202F ends as `va !`. Works on Unicode
/// scalars, as Python works on code points.
public func preprocessNMT(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in text.lowercased().unicodeScalars {
        let c: Unicode.Scalar = scalar == "\u{202F}" || scalar == "\u{00A0}" ? " " : scalar
        if let previous, ",.!?".unicodeScalars.contains(c), previous != " " { out.append(" ") }
        out.append(c)
        previous = c
    }
    return String(out)
}

/// The source and target sentences of preprocessed text, each split at spaces into tokens.
///
/// d2l: `tokenize_nmt(text, num_examples=None)` (§9.5.2). Lines without exactly one tab are
/// skipped. As in the book, `numExamples` stops after line index `numExamples`, so up to
/// `numExamples + 1` pairs are read (601 for the book's 600).
public func tokenizeNMT(_ text: String, numExamples: Int? = nil) -> (source: [[String]], target: [[String]]) {
    var source: [[String]] = [], target: [[String]] = []
    for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if let numExamples, numExamples > 0, i > numExamples { break }
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        if parts.count == 2 {
            source.append(parts[0].split(separator: " ", omittingEmptySubsequences: false).map(String.init))
            target.append(parts[1].split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
    }
    return (source, target)
}

/// `line` cut to `numSteps` ids, or filled up to `numSteps` with `paddingToken`.
///
/// d2l: `truncate_pad(line, num_steps, padding_token)` (§9.5.4).
public func truncatePad(_ line: [Int], numSteps: Int, paddingToken: Int) -> [Int] {
    line.count > numSteps ? Array(line.prefix(numSteps))
        : line + Array(repeating: paddingToken, count: numSteps - line.count)
}

/// Token lines as an id matrix [lines, numSteps] (each line ended by `<eos>`, then truncated or
/// padded) and the number of non-padding ids of each line [lines].
///
/// d2l: `build_array_nmt(lines, vocab, num_steps)` (§9.5.4). Both tensors are `int64`.
public func buildArrayNMT(_ lines: [[String]], vocab: Vocab, numSteps: Int) -> (array: Tensor, validLen: Tensor) {
    let pad = vocab["<pad>"], eos = vocab["<eos>"]
    let rows = lines.map { truncatePad(vocab[$0] + [eos], numSteps: numSteps, paddingToken: pad) }
    let array = Tensor(shape: [rows.count, numSteps], values: rows.flatMap { $0.map(Float.init) }, dtype: .int64)
    let validLen = Tensor(shape: [rows.count], values: rows.map { Float($0.filter { $0 != pad }.count) },
                          dtype: .int64)
    return (array, validLen)
}

/// Minibatches `(X, XValidLen, Y, YValidLen)` of a translation data set: source ids [N, T],
/// source lengths [N], target ids [N, T] and target lengths [N].
///
/// d2l: `load_array((src_array, src_valid_len, tgt_array, tgt_valid_len), batch_size)` (§9.5.4):
/// a new random order each pass, drawn from `generator`; the last batch may be smaller.
public struct NMTDataLoader: Sequence {
    /// Source ids [pairs, numSteps] and their valid lengths [pairs].
    public let source: Tensor, sourceValidLen: Tensor
    /// Target ids [pairs, numSteps] and their valid lengths [pairs].
    public let target: Tensor, targetValidLen: Tensor
    /// Pairs per batch.
    public let batchSize: Int
    /// Whether every pass visits the pairs in a new random order.
    public let shuffle: Bool
    /// The source of those orders.
    public let generator: RandomGenerator

    /// A loader over the four tensors, whose first axes must agree.
    public init(source: Tensor, sourceValidLen: Tensor, target: Tensor, targetValidLen: Tensor, batchSize: Int,
                shuffle: Bool = true, generator: RandomGenerator = .global) {
        check(batchSize > 0, "NMTDataLoader: batchSize must be positive, got \(batchSize)")
        let n = source.shape.first ?? 0
        check([sourceValidLen, target, targetValidLen].allSatisfy { $0.shape.first == n },
              "NMTDataLoader: shapes \(source.shape), \(sourceValidLen.shape), \(target.shape), "
              + "\(targetValidLen.shape) must share their first axis")
        self.source = source.contiguous()
        self.sourceValidLen = sourceValidLen.contiguous()
        self.target = target.contiguous()
        self.targetValidLen = targetValidLen.contiguous()
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.generator = generator
    }

    /// Number of pairs.
    public var exampleCount: Int { source.shape[0] }
    /// Batches in one pass, `len(train_iter)`.
    public var count: Int { (exampleCount + batchSize - 1) / batchSize }

    /// A new pass over the pairs.
    public func makeIterator() -> Iterator {
        var order = Array(0..<exampleCount)
        if shuffle { generator.shuffle(&order) }
        return Iterator(loader: self, order: order)
    }

    /// One pass, copying each batch's rows into fresh tensors.
    public struct Iterator: IteratorProtocol {
        let loader: NMTDataLoader
        let order: [Int]
        var position = 0

        /// The next `(X, XValidLen, Y, YValidLen)`, or `nil` at the end of the pass.
        public mutating func next() -> (Tensor, Tensor, Tensor, Tensor)? {
            guard position < order.count else { return nil }
            let end = Swift.min(position + loader.batchSize, order.count)
            let rows = order[position..<end]
            position = end
            let pick = { (t: Tensor) in DataLoader.Iterator.gather(t, rows) }
            return (pick(loader.source), pick(loader.sourceValidLen), pick(loader.target), pick(loader.targetValidLen))
        }
    }
}

/// The translation data set of §9.5 as minibatches, with its source and target vocabularies.
///
/// d2l: `load_data_nmt(batch_size, num_steps, num_examples=600)` (§9.5.4). Both vocabularies keep
/// tokens seen at least twice and reserve `<pad>`, `<bos>` and `<eos>` after `<unk>`.
/// - Throws: `DataError` when `fra-eng/fra.txt` cannot be read.
public func loadDataNMT(batchSize: Int, numSteps: Int, numExamples: Int = 600, from url: URL = FraEng.url,
                        generator: RandomGenerator = .global) throws
    -> (dataIter: NMTDataLoader, srcVocab: Vocab, tgtVocab: Vocab) {
    let text = preprocessNMT(try readDataNMT(from: url))
    let (source, target) = tokenizeNMT(text, numExamples: numExamples)
    let reserved = ["<pad>", "<bos>", "<eos>"]
    let srcVocab = Vocab(tokens: source, minFreq: 2, reservedTokens: reserved)
    let tgtVocab = Vocab(tokens: target, minFreq: 2, reservedTokens: reserved)
    let (srcArray, srcValidLen) = buildArrayNMT(source, vocab: srcVocab, numSteps: numSteps)
    let (tgtArray, tgtValidLen) = buildArrayNMT(target, vocab: tgtVocab, numSteps: numSteps)
    let loader = NMTDataLoader(source: srcArray, sourceValidLen: srcValidLen, target: tgtArray,
                               targetValidLen: tgtValidLen, batchSize: batchSize, generator: generator)
    return (loader, srcVocab, tgtVocab)
}
