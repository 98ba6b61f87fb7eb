import D2L
import Foundation

/// §13.2.1 The book's hot-dog data set: 1 400 photos of hot dogs and 1 400 of other things,
/// split into `hotdog/train` (1 000 of each) and `hotdog/test` (the other 800), one subfolder
/// per class (`hotdog`, `not-hotdog`), read as torchvision's `ImageFolder` does.
///
/// The photos come in many sizes. The book resizes per example as it loads: the training
/// images get `RandomResizedCrop(224)` and a flip, the test images `Resize([256, 256])` and
/// `CenterCrop(224)`, and both ImageNet's normalisation, the statistics the pretrained ResNet
/// was trained with. Here every photo is decoded once and resized to 256 × 256 bytes (the test
/// ones then centre-cropped to 224 × 224), and the random crop and flip run per batch on those
/// (`trainAugs`); the crop is taken from the 256 × 256 picture rather than from the original.
public enum HotDogSection {
    /// ImageNet's per-channel mean (red, green, blue), the book's `normalize` of §13.2.1.
    public static let imageNetMean: [Float] = [0.485, 0.456, 0.406]
    /// ImageNet's per-channel standard deviation.
    public static let imageNetStd: [Float] = [0.229, 0.224, 0.225]
    /// The side every photo is resized to when it is read (the book's test `Resize([256, 256])`).
    public static let storedSize = 256
    /// The side of the network's input (`RandomResizedCrop(224)`, `CenterCrop(224)`).
    public static let inputSize = 224

    /// The book's `train_augs` without the tensor conversion and normalisation, which the loader
    /// does: a random crop of 8 %–100 % of the area with aspect ratio 3/4–4/3, resized to 224, then
    /// a random horizontal flip. (Normalising before or after them is the same: both only move and
    /// average pixels within a channel.)
    public static var trainAugs: Compose {
        Compose([RandomResizedCrop(inputSize), RandomHorizontalFlip()])
    }

    /// The unpacked data set: `hotdog/` in the data folder, else the book's `hotdog.zip`
    /// downloaded, checked against its SHA-1 and unpacked there.
    ///
    /// d2l: `d2l.download_extract('hotdog')` (§13.2.1).
    /// - Throws: `DataError` when the folder is missing and the archive cannot be had.
    public static func dataFolder(in folder: URL = dataDirectory) throws -> URL {
        try downloadExtract("hotdog.zip", folderName: "hotdog", in: folder)
    }

    /// The images of one split (`root/<class>/*.jpg`), decoded and resized to 256 × 256, and
    /// centre-cropped to 224 × 224 when `centerCrop` is set; with their labels and class names.
    /// - Throws: `DataError` naming a missing folder or a corrupt image file.
    public static func readSplit(_ root: URL, centerCrop: Bool) throws -> (images: ByteImages, labels: Tensor, classes: [String]) {
        let folder = try ImageFolder(root: root)
        let side = centerCrop ? inputSize : storedSize, margin = (storedSize - inputSize) / 2
        var pixels: [UInt8] = []
        pixels.reserveCapacity(folder.samples.count * 3 * side * side)
        for sample in folder.samples {
            var image = try readImage(sample.url, color: .rgb).resized(height: storedSize, width: storedSize)
            if centerCrop { image = image.crop(top: margin, left: margin, height: inputSize, width: inputSize) }
            pixels += channelsFirst(image)
        }
        let labels = Tensor(shape: [folder.samples.count], values: folder.samples.map { Float($0.label) }, dtype: .int64)
        let normalization = (mean: imageNetMean, std: imageNetStd)
        let images = ByteImages(pixels: pixels, count: folder.samples.count, channels: 3, height: side, width: side,
                                normalization: normalization)
        return (images, labels, folder.classes)
    }

    /// The training loader (256 × 256 photos, shuffled; apply `trainAugs` per batch) and the test
    /// loader (224 × 224 centre crops), both normalised with ImageNet's statistics.
    ///
    /// d2l: the `train_iter` and `test_iter` that `train_fine_tuning` builds from
    /// `ImageFolder(os.path.join(data_dir, 'train'), transform=train_augs)` and its test twin.
    /// - Throws: `DataError` as `readSplit`.
    public static func loadHotdog(batchSize: Int, root: URL, generator: RandomGenerator = .global) throws
        -> (train: DataLoader, test: DataLoader, classes: [String]) {
        let train = try readSplit(root.appendingPathComponent("train"), centerCrop: false)
        let test = try readSplit(root.appendingPathComponent("test"), centerCrop: true)
        check(train.classes == test.classes,
              "loadHotdog: the train classes \(train.classes) and test classes \(test.classes) differ")
        return (DataLoader(images: train.images, labels: train.labels, batchSize: batchSize, shuffle: true,
                           generator: generator),
                DataLoader(images: test.images, labels: test.labels, batchSize: batchSize, shuffle: false),
                train.classes)
    }

    /// An image's bytes reordered from pixel after pixel ([H, W, C], as decoded) to plane after
    /// plane ([C, H, W], as `ByteImages` keeps them).
    static func channelsFirst(_ image: Image) -> [UInt8] {
        let plane = image.height * image.width, channels = image.channels
        var out = [UInt8](repeating: 0, count: channels * plane)
        for p in 0..<plane {
            for c in 0..<channels { out[c * plane + p] = image.pixels[p * channels + c] }
        }
        return out
    }
}
