import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where a data file comes from and how to recognise it.
///
/// d2l: one entry of the book's `DATA_HUB` dictionary (§4.10): a URL and a SHA-1 digest.
public struct DataHubEntry: Sendable {
    /// Where to download the file from.
    public let url: String
    /// The SHA-1 of the file, or of its decompressed contents when `digestOfContents` is set.
    public let sha1: String
    /// Whether `sha1` is of the gunzipped bytes: then a file recompressed by a package manager
    /// (Debian ships Fashion-MNIST recompressed) still verifies.
    public let digestOfContents: Bool

    /// An entry; see the properties.
    public init(url: String, sha1: String, digestOfContents: Bool = false) {
        self.url = url
        self.sha1 = sha1
        self.digestOfContents = digestOfContents
    }
}

/// The registry of data files the chapters use, by name (a path relative to the data folder).
public enum DataHub {
    private static let fashionMNISTBase = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"

    /// Every known file. Add an entry here before calling `download` for a new file.
    nonisolated(unsafe) public static var entries: [String: DataHubEntry] = [
        "fashion-mnist/train-images-idx3-ubyte.gz": .init(
            url: fashionMNISTBase + "train-images-idx3-ubyte.gz",
            sha1: "b9bd999c0106c9b8b4b0cefce58c9a6060f27095", digestOfContents: true),
        "fashion-mnist/train-labels-idx1-ubyte.gz": .init(
            url: fashionMNISTBase + "train-labels-idx1-ubyte.gz",
            sha1: "4bccf37222e01638381eaa326bf730337a597267", digestOfContents: true),
        "fashion-mnist/t10k-images-idx3-ubyte.gz": .init(
            url: fashionMNISTBase + "t10k-images-idx3-ubyte.gz",
            sha1: "880056926db704f9f713097915f99da346f5b1d1", digestOfContents: true),
        "fashion-mnist/t10k-labels-idx1-ubyte.gz": .init(
            url: fashionMNISTBase + "t10k-labels-idx1-ubyte.gz",
            sha1: "958122e8b4b97fd4e71eca2d08ef754ed77c3ad9", digestOfContents: true),
        // The book's photos (d2l-zh's img/ folder), for chapter 13.
        "img/cat1.jpg": .init(
            url: "https://raw.githubusercontent.com/d2l-ai/d2l-zh/master/img/cat1.jpg",
            sha1: "f9c5b905d908b97eeeb64ff34a46fa8b143f88f8"),
        "img/catdog.jpg": .init(
            url: "https://raw.githubusercontent.com/d2l-ai/d2l-zh/master/img/catdog.jpg",
            sha1: "60b7d540db03eef6b9834329bccc4417ef349bf6"),
        // The book's English–French pairs (§9.5), a zip holding fra-eng/fra.txt.
        "fra-eng.zip": .init(
            url: "http://d2l-data.s3-accelerate.amazonaws.com/fra-eng.zip",
            sha1: "94646ad1522d915e7b0f9296181140edcf86a4f5"),
        // The book's hot-dog photos (§13.2.1): hotdog/train and hotdog/test, one folder per class.
        "hotdog.zip": .init(
            url: "http://d2l-data.s3-accelerate.amazonaws.com/hotdog.zip",
            sha1: "fba480ffa8aa7e0febbb511d181409f899b9baa5"),
        // The banana-detection set of §13.6: bananas_{train,val}/label.csv and images/N.png.
        "banana-detection.zip": .init(
            url: "http://d2l-data.s3-accelerate.amazonaws.com/banana-detection.zip",
            sha1: "5de26c8fce5ccdea9f91267273464dc968d20d72"),
        "timemachine.txt": .init(
            url: "http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt",
            sha1: "090b5e7e70c295757f55df93cb0a180b9691891a"),
    ]
}

/// Checks `url` against `entry`'s digest.
/// - Throws: `DataError.checksumMismatch` (or a read error) naming the file.
public func verify(_ url: URL, against entry: DataHubEntry) throws {
    let bytes = entry.digestOfContents ? try readMaybeGzipped(url) : [UInt8](try Data(contentsOf: url))
    let actual = SHA1.hexDigest(of: bytes)
    guard actual == entry.sha1 else {
        throw DataError.checksumMismatch(url, expected: entry.sha1, actual: actual)
    }
}

/// Returns the local copy of the registry file `name`, downloading it into `folder` first when
/// it is missing or damaged.
///
/// d2l: `download(name, cache_dir)` (§4.10). The download goes to a temporary file that is
/// checked against the SHA-1 and only then renamed into place, so an interrupted or corrupted
/// download never leaves a file that looks complete.
/// - Throws: `DataError` when the name is unknown, the network is unreachable (the message says
///   where to put the file by hand) or the downloaded bytes fail the check.
@discardableResult
public func download(_ name: String, folder: URL = dataDirectory) throws -> URL {
    guard let entry = DataHub.entries[name] else {
        failCheck("download: \(name) is not in DataHub.entries; add its URL and SHA-1 first")
    }
    let target = folder.appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: target.path), (try? verify(target, against: entry)) != nil {
        return target
    }
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    let partial = target.deletingLastPathComponent()
        .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
    defer { try? FileManager.default.removeItem(at: partial) }
    let hint = "without network, copy the file to \(target.path)"
    do {
        let data = try fetch(entry.url)
        try data.write(to: partial)
    } catch {
        throw DataError.downloadFailed(name: name, url: entry.url, reason: reason(error), hint: hint)
    }
    try verify(partial, against: entry)
    if FileManager.default.fileExists(atPath: target.path) {
        try FileManager.default.removeItem(at: target)
    }
    try FileManager.default.moveItem(at: partial, to: target)
    return target
}

/// A short reason for a failed request, such as "Could not resolve host: ...", rather than
/// the whole NSError dump.
private func reason(_ error: Error) -> String {
    let e = error as NSError
    for candidate in [e.userInfo[NSUnderlyingErrorKey] as? NSError, e] {
        if let text = candidate?.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty { return text }
    }
    return "\(e.domain) error \(e.code)"
}

/// The body of an HTTP(S) GET, waiting for it (with a 60-second timeout).
private func fetch(_ address: String) throws -> Data {
    guard let url = URL(string: address) else { throw URLError(.badURL) }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: Result<Data, Error> = .failure(URLError(.unknown))
    var request = URLRequest(url: url)
    request.timeoutInterval = 60
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
        if let error {
            result = .failure(error)
        } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            result = .failure(URLError(.badServerResponse, userInfo: [NSLocalizedDescriptionKey: "HTTP \(http.statusCode)"]))
        } else {
            result = .success(data ?? Data())
        }
        done.signal()
    }
    task.resume()
    done.wait()
    return try result.get()
}
