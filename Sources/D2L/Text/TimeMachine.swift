import Foundation

/// Where *The Time Machine* is looked for, and its registry name.
///
/// d2l: `DATA_HUB['time_machine']` (§8.2). The book's file, H. G. Wells's novel as 3221 lines.
public enum TimeMachine {
    /// The file's name in `DataHub.entries` and in every data folder.
    public static let fileName = "timemachine.txt"

    /// Folders searched before downloading: the data folder (`$D2L_DATA_DIR` or `./data`). A copy
    /// kept elsewhere is used by pointing `D2L_DATA_DIR` at its folder.
    public static var searchFolders: [URL] { [dataDirectory] }

    /// The first copy in `searchFolders` whose SHA-1 is the book's, else a fresh download into
    /// the data folder.
    /// - Throws: `DataError.downloadFailed` (saying where to copy the file) when no good copy is
    ///   found and the download fails.
    public static func locate() throws -> URL {
        guard let entry = DataHub.entries[fileName] else {
            failCheck("TimeMachine: \(fileName) is missing from DataHub.entries")
        }
        for folder in searchFolders {
            let url = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: url.path), (try? verify(url, against: entry)) != nil {
                return url
            }
        }
        return try download(fileName)
    }
}

/// The lines of *The Time Machine*, each reduced to lower-case words separated by single spaces.
///
/// d2l: `read_time_machine` (§8.2.1). Finds the file with `TimeMachine.locate()` (the data
/// folder, else the checked download).
/// - Throws: `DataError` when the file cannot be found, downloaded or read.
public func readTimeMachine() throws -> [String] {
    try readTimeMachine(from: TimeMachine.locate())
}

/// The lines of the text file at `url`, cleaned as the book cleans *The Time Machine*.
///
/// d2l: `read_time_machine` (§8.2.1) on any file: every run of characters other than the
/// ASCII letters `A–Z`, `a–z` becomes one space, the line is stripped and lower-cased, exactly
/// as `re.sub('[^A-Za-z]+', ' ', line).strip().lower()`. Lines end at `\n`, `\r\n` or `\r`, as
/// in Python's text mode; an empty line stays an empty string.
/// - Throws: `DataError.missingFile` or `.malformed` naming the file.
public func readTimeMachine(from url: URL) throws -> [String] {
    let bytes = try readFileBytes(url, missingHint: "copy the book's \(TimeMachine.fileName) there, or call "
                                  + "readTimeMachine() to find or download it")
    return cleanTextLines(bytes)
}

/// Splits `bytes` into lines and cleans each as `read_time_machine` does; one pass over the bytes.
func cleanTextLines(_ bytes: [UInt8]) -> [String] {
    var lines: [String] = []
    var line: [UInt8] = []
    line.reserveCapacity(128)
    var pendingSpace = false
    func endLine() {
        lines.append(String(decoding: line, as: UTF8.self))
        line.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        i += 1
        switch b {
        case UInt8(ascii: "\n"):
            endLine()
        case UInt8(ascii: "\r"):
            if i < n, bytes[i] == UInt8(ascii: "\n") { i += 1 }
            endLine()
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            // A space is written only between letters: that is the substitution plus strip().
            if pendingSpace && !line.isEmpty { line.append(UInt8(ascii: " ")) }
            pendingSpace = false
            line.append(b | 0x20)
        default:
            pendingSpace = true
        }
    }
    // Python's readlines() gives a last line without a newline, but none after a final newline.
    if let last = bytes.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") {
        endLine()
    }
    return lines
}

/// The character-level corpus of *The Time Machine* as token indices, with its vocabulary.
///
/// d2l: `load_corpus_time_machine(max_tokens=-1)` (§8.2.5). Lines are split into characters
/// (spaces included), the vocabulary is built from them, and all lines are joined into one list
/// of indices; `maxTokens > 0` keeps only the first `maxTokens`. The whole book gives 170 580
/// tokens and a vocabulary of 28 (`<unk>`, the space and 26 letters).
/// - Throws: `DataError` when the text cannot be found or read.
public func loadCorpusTimeMachine(maxTokens: Int = -1) throws -> (corpus: [Int], vocab: Vocab) {
    let tokens = tokenize(try readTimeMachine(), token: .char)
    let vocab = Vocab(tokens: tokens)
    var corpus = vocab.indices(ofFlattened: tokens)
    if maxTokens > 0 && maxTokens < corpus.count { corpus.removeSubrange(maxTokens...) }
    return (corpus, vocab)
}
