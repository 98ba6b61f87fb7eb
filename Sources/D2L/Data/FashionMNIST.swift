import Foundation

/// The Fashion-MNIST data set: 28×28 grey images of clothing in 10 classes, 60 000 for training
/// and 10 000 for testing.
///
/// d2l: `torchvision.datasets.FashionMNIST` with `transforms.ToTensor()` (§3.5): pixels are
/// scaled to [0, 1] and images have shape [1, 28, 28]. The pixels stay bytes until a batch is
/// taken (`ByteImages`), as torchvision keeps them.
public struct FashionMNIST {
    /// The images as stored, converted to tensors on demand.
    public let pixels: ByteImages
    /// All images as one [n, 1, height, width] tensor in [0, 1] (for a slice, use `images(_:)`).
    public var images: Tensor { pixels.batch(0..<pixels.count) }
    /// The images at positions `range` as a [k, 1, height, width] tensor in [0, 1].
    public func images(_ range: Range<Int>) -> Tensor { pixels.batch(range) }
    /// Class indices 0–9 (`int64`).
    public let labels: Tensor

    /// The class names, in label order, as the book's `get_fashion_mnist_labels`.
    public static let textLabels = ["t-shirt", "trouser", "pullover", "dress", "coat",
                                    "sandal", "shirt", "sneaker", "bag", "ankle boot"]

    /// Folders searched, in order, for the IDX files before downloading.
    public static var searchFolders: [URL] {
        [dataDirectory.appendingPathComponent("fashion-mnist"),
         URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist")]
    }

    /// Reads the training or test split, optionally resized to `resize`×`resize` pixels.
    /// Files are looked up in `searchFolders` (plain or `.gz`), else downloaded.
    /// - Throws: `DataError` naming the file for missing, truncated or corrupt data.
    public static func load(train: Bool, resize: Int? = nil) throws -> FashionMNIST {
        let prefix = train ? "train" : "t10k"
        let imageFile = try locate("\(prefix)-images-idx3-ubyte")
        let labelFile = try locate("\(prefix)-labels-idx1-ubyte")
        return try FashionMNIST(imagesAt: imageFile, labelsAt: labelFile, resize: resize)
    }

    /// Reads a pair of IDX files, checking that they hold the same number of examples.
    public init(imagesAt imageFile: URL, labelsAt labelFile: URL, resize: Int? = nil) throws {
        let (count, rows, columns, pixels) = try IDX.readImages(imageFile)
        let labelBytes = try IDX.readLabels(labelFile)
        guard labelBytes.count == count else {
            throw DataError.malformed(labelFile, "holds \(labelBytes.count) labels but \(imageFile.lastPathComponent) "
                + "holds \(count) images; the two files do not belong together")
        }
        if let bad = labelBytes.first(where: { $0 > 9 }) {
            throw DataError.malformed(labelFile, "label \(bad) is outside the classes 0–9")
        }
        self.pixels = ByteImages(pixels: pixels, count: count, height: rows, width: columns, resize: resize)
        self.labels = Tensor(shape: [count], values: labelBytes.map(Float.init), dtype: .int64)
    }

    /// The first `count` examples (all of them when there are fewer), as a smaller data set; the
    /// training set is in no particular class order, so a prefix keeps the classes balanced.
    /// The CPU presets of chapter 7 train on such a subset.
    public func prefix(_ count: Int) -> FashionMNIST {
        check(count >= 1, "FashionMNIST.prefix: count must be at least 1, got \(count)")
        let n = Swift.min(count, pixels.count)
        let size = pixels.channels * pixels.height * pixels.width
        let images = ByteImages(pixels: Array(pixels.pixels[0..<(n * size)]), count: n, channels: pixels.channels,
                                height: pixels.height, width: pixels.width, resize: pixels.resize)
        return FashionMNIST(pixels: images, labels: labels[0..<n].contiguous())
    }

    /// A data set of the given images and labels.
    init(pixels: ByteImages, labels: Tensor) {
        self.pixels = pixels
        self.labels = labels
    }

    /// Finds `name` (or `name.gz`) in the search folders, else downloads `name.gz`.
    static func locate(_ name: String) throws -> URL {
        for folder in searchFolders {
            for candidate in [name, name + ".gz"] {
                let url = folder.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: url.path) { return url }
            }
        }
        do {
            return try download("fashion-mnist/\(name).gz")
        } catch let error as DataError {
            throw DataError.missingFile(dataDirectory.appendingPathComponent("fashion-mnist/\(name).gz"),
                hint: "\(error); install the Debian package dataset-fashion-mnist (bash .ci/setup does) "
                    + "or copy the four Fashion-MNIST .gz files into \(dataDirectory.appendingPathComponent("fashion-mnist").path)")
        }
    }
}

/// The text names of numeric Fashion-MNIST labels, as `get_fashion_mnist_labels` (§3.5).
public func getFashionMNISTLabels(_ labels: [Int]) -> [String] {
    labels.map { FashionMNIST.textLabels[$0] }
}

/// Loaders over Fashion-MNIST: a shuffled one for training and an ordered one for testing.
///
/// d2l: `load_data_fashion_mnist(batch_size, resize=None)` (§3.5). `trainExamples`, when set,
/// keeps only the first that many training images (the test set stays whole).
public func loadDataFashionMNIST(batchSize: Int, resize: Int? = nil, trainExamples: Int? = nil,
                                 generator: RandomGenerator = .global) throws -> (train: DataLoader, test: DataLoader) {
    let all = try FashionMNIST.load(train: true, resize: resize)
    let train = trainExamples.map { all.prefix($0) } ?? all
    let test = try FashionMNIST.load(train: false, resize: resize)
    return (DataLoader(images: train.pixels, labels: train.labels, batchSize: batchSize, shuffle: true, generator: generator),
            DataLoader(images: test.pixels, labels: test.labels, batchSize: batchSize, shuffle: false, generator: generator))
}
