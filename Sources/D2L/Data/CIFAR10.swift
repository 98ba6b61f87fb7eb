import Foundation

/// The CIFAR-10 data set: 32×32 colour photos in 10 classes, 50 000 for training (five files of
/// 10 000) and 10 000 for testing, read from the data set's binary version.
///
/// d2l: `torchvision.datasets.CIFAR10(train=..., transform=ToTensor())` (§13.1.2, where the book
/// trains ResNet-18 with and without flips). Each file of `cifar-10-batches-bin/` is a run of
/// 3 073-byte records: the label (0–9), then the red, green and blue planes of 32 × 32 bytes, row
/// by row — already the [3, 32, 32] layout, so the bytes are kept as they are (`ByteImages`) and
/// become [0, 1] floats a batch at a time.
public struct CIFAR10 {
    /// The images as stored, converted to tensors on demand.
    public let pixels: ByteImages
    /// Class indices 0–9 (`int64`).
    public let labels: Tensor

    /// The class names, in label order.
    public static let textLabels = ["airplane", "automobile", "bird", "cat", "deer",
                                    "dog", "frog", "horse", "ship", "truck"]
    /// Bytes per record: one label, then 3 × 32 × 32 pixels.
    public static let recordSize = 1 + 3 * 32 * 32
    /// The folder of the binary version inside the data folder.
    public static var folder: URL { dataDirectory.appendingPathComponent("cifar-10-batches-bin") }
    /// The file names of the training split, in order.
    public static let trainFiles = (1...5).map { "data_batch_\($0).bin" }
    /// The file name of the test split.
    public static let testFile = "test_batch.bin"

    /// All images as one [n, 3, 32, 32] tensor in [0, 1] (for a slice, use `images(_:)`).
    public var images: Tensor { pixels.batch(0..<pixels.count) }
    /// The images at positions `range` as a [k, 3, 32, 32] tensor in [0, 1].
    public func images(_ range: Range<Int>) -> Tensor { pixels.batch(range) }

    /// Reads the training split (the five `data_batch_N.bin`) or the test split
    /// (`test_batch.bin`) from `folder`.
    /// - Throws: `DataError` naming the file that is missing, truncated or holds a bad label; a
    ///   missing file's message says where to get the data set.
    public static func load(train: Bool, from folder: URL = CIFAR10.folder) throws -> CIFAR10 {
        let names = train ? trainFiles : [testFile]
        let urls = names.map { folder.appendingPathComponent($0) }
        for url in urls where !FileManager.default.fileExists(atPath: url.path) {
            throw DataError.missingFile(url, hint: "download the binary version of CIFAR-10 "
                + "(https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz) and unpack it into \(folder.deletingLastPathComponent().path)")
        }
        return try CIFAR10(files: urls)
    }

    /// Reads and joins the records of `files`, in order.
    public init(files: [URL]) throws {
        var pixels: [UInt8] = [], labels: [Float] = []
        for url in files {
            let bytes = try readFileBytes(url, missingHint: "expected a CIFAR-10 binary file such as data_batch_1.bin")
            try CIFAR10.parse(bytes, source: url, pixels: &pixels, labels: &labels)
        }
        self.pixels = ByteImages(pixels: pixels, count: labels.count, channels: 3, height: 32, width: 32)
        self.labels = Tensor(shape: [labels.count], values: labels, dtype: .int64)
    }

    /// Appends the records of one file's `bytes` to `pixels` and `labels`, naming `source` in errors.
    static func parse(_ bytes: [UInt8], source: URL, pixels: inout [UInt8], labels: inout [Float]) throws {
        guard !bytes.isEmpty else { throw DataError.malformed(source, "the file is empty; expected 3 073-byte CIFAR-10 records") }
        guard bytes.count % recordSize == 0 else {
            throw DataError.malformed(source, "\(bytes.count) bytes is not a whole number of 3 073-byte CIFAR-10 records "
                + "(\(bytes.count / recordSize) records and \(bytes.count % recordSize) bytes over); the file is truncated or not CIFAR-10")
        }
        let count = bytes.count / recordSize
        pixels.reserveCapacity(pixels.count + count * (recordSize - 1))
        for r in 0..<count {
            let start = r * recordSize
            guard bytes[start] <= 9 else {
                throw DataError.malformed(source, "record \(r) has label \(bytes[start]), outside the classes 0–9")
            }
            labels.append(Float(bytes[start]))
            pixels += bytes[(start + 1)..<(start + recordSize)]
        }
    }
}
