import Foundation

/// A labelled image data set stored as one folder per class: `root/hotdog/1.png`,
/// `root/not-hotdog/7.jpg`, … The classes are the subfolder names in sorted order, numbered from 0.
///
/// d2l: `torchvision.datasets.ImageFolder(root)` (§13.2 reads `hotdog/train` this way). Only
/// the file list is read when it is made; each image is decoded when asked for.
public struct ImageFolder {
    /// The file name endings taken as images (compared without case).
    public static let extensions: Set<String> = ["jpg", "jpeg", "png"]

    /// The folder holding one subfolder per class.
    public let root: URL
    /// The class names (subfolder names), sorted; a label is a position in this list.
    public let classes: [String]
    /// Every image file with its label, class by class, files in sorted order.
    public let samples: [(url: URL, label: Int)]

    /// Lists the class subfolders of `root` and the JPEG and PNG files in each (hidden files and
    /// other files are skipped, as torchvision does).
    /// - Throws: `DataError` when `root` is missing or is not a folder, or holds no image at all.
    public init(root: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw DataError.missingFile(root, hint: "expected a folder with one subfolder of images per class")
        }
        guard isDirectory.boolValue else {
            throw DataError.malformed(root, "is a file; expected a folder with one subfolder of images per class")
        }
        func visibleEntries(_ folder: URL) throws -> [String] {
            do {
                return try fileManager.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            } catch {
                throw DataError.malformed(folder, "cannot list the folder (\(error.localizedDescription))")
            }
        }
        let classes = try visibleEntries(root).filter { name in
            var isFolder: ObjCBool = false
            return fileManager.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }
        guard !classes.isEmpty else {
            throw DataError.malformed(root, "has no class subfolders; expected root/<class>/<image>.jpg")
        }
        var samples: [(url: URL, label: Int)] = []
        for (label, name) in classes.enumerated() {
            let folder = root.appendingPathComponent(name)
            for file in try visibleEntries(folder)
            where Self.extensions.contains((file as NSString).pathExtension.lowercased()) {
                samples.append((folder.appendingPathComponent(file), label))
            }
        }
        guard !samples.isEmpty else {
            throw DataError.malformed(root, "holds no .jpg, .jpeg or .png files in its class subfolders \(classes)")
        }
        self.root = root
        self.classes = classes
        self.samples = samples
    }

    /// Number of images.
    public var count: Int { samples.count }

    /// The class name → label table, as torchvision's `class_to_idx`.
    public var classToIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    }

    /// Decodes image `index` and returns it with its label.
    ///
    /// d2l: `train_imgs[i]` (§13.2 shows the first hot dogs this way).
    /// - Throws: `DataError` naming the file when it cannot be read or decoded.
    public func image(at index: Int, color: ImageColor = .rgb) throws -> (image: Image, label: Int) {
        check(index >= 0 && index < samples.count, "ImageFolder: image \(index) is out of range for \(samples.count) images")
        let sample = samples[index]
        return (try readImage(sample.url, color: color), sample.label)
    }
}
