import Foundation

// The banana-detection data of §13.6: 256 × 256 images with one banana each, read from the book's
// layout (bananas_{train,val}/label.csv and images/) into minibatches of images and boxes.

/// The folder holding the banana-detection set (`bananas_train/`, `bananas_val/`): `folder`'s
/// `banana-detection/` when present, else the book's `banana-detection.zip` downloaded and
/// unpacked there; offline, a look-alike generated once from `parts` (the cut-out and
/// backgrounds of `../shared/data/banana-parts/`) with one line saying so.
///
/// d2l: `d2l.download_extract('banana-detection')` (§13.6), with the offline stand-in of
/// `generateBananaDetection`.
/// - Throws: `DataError` when the set is not there, cannot be downloaded and no parts are found.
public func bananaDetectionDirectory(folder: URL = dataDirectory, parts: URL? = nil, seed: UInt64 = 0) throws -> URL {
    do {
        return try downloadExtract("banana-detection.zip", folderName: "banana-detection", in: folder)
    } catch let error as DataError {
        let candidates = [parts, folder.appendingPathComponent("banana-parts"),
                          URL(fileURLWithPath: "../shared/data/banana-parts")].compactMap { $0 }
        guard let found = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("banana-cutout.png").path)
        }) else { throw error }
        print("banana-detection.zip is not in \(folder.path) and could not be downloaded; generating a look-alike "
              + "(1000 + 100 images, seed \(seed)) from \(found.path) into \(folder.path)/banana-detection")
        return try generateBananaDetection(parts: BananaParts(folder: found), in: folder, seed: seed)
    }
}

/// Reads the training or validation images and their boxes.
///
/// d2l: `read_data_bananas(is_train=True)` (§13.6.2). `label.csv` has a header
/// `img_name,label,xmin,ymin,xmax,ymax` and one row per image; boxes are in pixels and come back
/// divided by the image's width and height, as the book divides by 256.
/// - Parameter dataDir: the folder with `bananas_train/` and `bananas_val/`
///   (`bananaDetectionDirectory()` by default).
/// - Returns: the images (RGB) and labels `[n, 1, 5]`, each row (class, xmin, ymin, xmax, ymax).
/// - Throws: `DataError` naming the file for a missing or malformed CSV row or image.
public func readDataBananas(isTrain: Bool = true, dataDir: URL? = nil) throws -> (images: [Image], labels: Tensor) {
    var images: [Image] = [], targets: [Float] = []
    try forEachBanana(isTrain: isTrain, dataDir: dataDir) { image, target in
        images.append(image)
        targets += target
    }
    return (images, Tensor(shape: [images.count, 1, 5], values: targets))
}

/// Reads `label.csv` of the split and calls `body` with each image in turn and its target
/// (class, then the corners as fractions of the image), so a caller can keep the images in
/// whatever form it needs without holding them all twice.
func forEachBanana(isTrain: Bool, dataDir: URL?, _ body: (Image, [Float]) throws -> Void) throws {
    let split = (try dataDir ?? bananaDetectionDirectory()).appendingPathComponent(isTrain ? "bananas_train" : "bananas_val")
    let csvURL = split.appendingPathComponent("label.csv")
    let text = String(decoding: try readFileBytes(csvURL, missingHint: "the banana-detection layout needs it"), as: UTF8.self)
    var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    guard lines.first == "img_name,label,xmin,ymin,xmax,ymax" else {
        throw DataError.malformed(csvURL, "the first line should be img_name,label,xmin,ymin,xmax,ymax, got \(lines.first ?? "nothing")")
    }
    lines.removeFirst()
    for (n, line) in lines.enumerated() where !line.isEmpty {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let numbers = cells.dropFirst().compactMap { Float($0) }
        guard cells.count == 6, numbers.count == 5 else {
            throw DataError.malformed(csvURL, "line \(n + 2) should be a name and 5 numbers, got \"\(line)\"")
        }
        let image = try readImage(split.appendingPathComponent("images").appendingPathComponent(cells[0]))
        let (w, h) = (Float(image.width), Float(image.height))
        guard numbers[1] >= 0, numbers[2] >= 0, numbers[1] < numbers[3], numbers[2] < numbers[4],
              numbers[3] <= w, numbers[4] <= h else {
            throw DataError.malformed(csvURL, "line \(n + 2): box \(Array(numbers[1...])) is not inside its "
                                      + "\(image.width)×\(image.height) image")
        }
        try body(image, [numbers[0], numbers[1] / w, numbers[2] / h, numbers[3] / w, numbers[4] / h])
    }
}

/// The banana images and their labels, ready for a `DataLoader`.
///
/// d2l: `BananasDataset(is_train)` (§13.6.2), which prints `read 1000 training examples` or
/// `read 100 validation examples`. Images are kept as bytes and come in batches as `[0, 1]`
/// floats (the book's `.float()` keeps 0–255; multiply by 255 for its scale).
public struct BananasDataset {
    /// The images, `[3, h, w]` each, all the same size.
    public let images: ByteImages
    /// `[n, 1, 5]`: class and box corners as fractions of the image.
    public let labels: Tensor

    /// Reads the training (`isTrain`) or validation split of `dataDir` and prints how many
    /// examples it read, as the book does.
    public init(isTrain: Bool, dataDir: URL? = nil) throws {
        // Each image goes straight from [H, W, C] bytes to [C, H, W] planes, so the split is
        // held once (196 MB for the 1 000 training images), not also as a list of images.
        var planes: [UInt8] = [], targets: [Float] = [], count = 0
        var size: (h: Int, w: Int)?
        try forEachBanana(isTrain: isTrain, dataDir: dataDir) { image, target in
            let (h, w) = size ?? (image.height, image.width)
            guard image.height == h, image.width == w else {
                throw DataError.malformed(dataDir ?? dataDirectory, "image \(count) is \(image.width)×\(image.height), "
                                          + "the first is \(w)×\(h); a batch needs one size")
            }
            size = (h, w)
            let base = planes.count
            planes += repeatElement(0, count: 3 * h * w)
            for p in 0..<(h * w) {
                for c in 0..<3 { planes[base + c * h * w + p] = image.pixels[p * 3 + c] }
            }
            targets += target
            count += 1
        }
        guard let (h, w) = size else {
            throw DataError.malformed(dataDir ?? dataDirectory, "the \(isTrain ? "training" : "validation") split has no images")
        }
        self.images = ByteImages(pixels: planes, count: count, channels: 3, height: h, width: w)
        self.labels = Tensor(shape: [count, 1, 5], values: targets)
        print("read \(count) \(isTrain ? "training" : "validation") examples")
    }

    /// Number of examples, as `len(dataset)`.
    public var count: Int { images.count }
}

/// Loaders over the banana-detection training split (shuffled) and validation split.
///
/// d2l: `load_data_bananas(batch_size)` (§13.6.2). Batches are images `[b, 3, 256, 256]` in
/// [0, 1] and labels `[b, 1, 5]`.
public func loadDataBananas(batchSize: Int, dataDir: URL? = nil,
                            generator: RandomGenerator = .global) throws -> (train: DataLoader, val: DataLoader) {
    let dir = try dataDir ?? bananaDetectionDirectory()
    let train = try BananasDataset(isTrain: true, dataDir: dir), val = try BananasDataset(isTrain: false, dataDir: dir)
    return (DataLoader(images: train.images, labels: train.labels, batchSize: batchSize, shuffle: true, generator: generator),
            DataLoader(images: val.images, labels: val.labels, batchSize: batchSize, shuffle: false))
}
