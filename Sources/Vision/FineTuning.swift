import D2L
import Foundation

/// §13.2 Fine-tuning: a ResNet-18 trained on a large source data set gets a new output layer and
/// is trained briefly on a small target data set, the new layer with ten times the learning rate
/// of the copied ones; the same net trained from scratch is the baseline.
///
/// Offline the source model is torchvision's ResNet-18 trained here on Fashion-MNIST (grey images
/// repeated to 3 channels) and the target is a small split of MNIST-5k, real handwritten digits.
public enum FineTuningSection {
    /// The cached source model's file name in the data folder.
    public static let sourceModelFile = "resnet18-fashion-mnist.safetensors"

    /// The cached source model's location: `sourceModelFile` in the data folder.
    public static var sourceModelURL: URL { dataDirectory.appendingPathComponent(sourceModelFile) }

    /// Grey images as 3-channel ones, each byte repeated in the red, green and blue planes, so a
    /// network made for colour photos (3 input channels) takes them unchanged.
    ///
    /// d2l: what `transforms.Grayscale(num_output_channels=3)` does for a grey picture.
    public static func repeatedToRGB(_ images: ByteImages) -> ByteImages {
        check(images.channels == 1, "repeatedToRGB: expects grey images, got \(images.channels) channels")
        let plane = images.height * images.width
        var pixels = [UInt8](repeating: 0, count: images.count * 3 * plane)
        images.pixels.withUnsafeBufferPointer { src in
            pixels.withUnsafeMutableBufferPointer { dst in
                for i in 0..<images.count {
                    for c in 0..<3 {
                        let to = dst.baseAddress! + (i * 3 + c) * plane
                        to.update(from: src.baseAddress! + i * plane, count: plane)
                    }
                }
            }
        }
        return ByteImages(pixels: pixels, count: images.count, channels: 3, height: images.height,
                          width: images.width, resize: images.resize)
    }

    /// The source model's net: torchvision's ResNet-18 (3 input channels, 10 classes).
    public static func sourceNet(generator: RandomGenerator = .global) -> TorchvisionResNet {
        TorchvisionResNet(numClasses: 10, inputChannels: 3, generator: generator)
    }

    /// Trains the source model on Fashion-MNIST (grey repeated to 3 channels) with Adam, the way
    /// torchvision's ImageNet weights were made for the book: a large labelled set, many classes.
    ///
    /// d2l: stands in for `torchvision.models.resnet18(pretrained=True)` (§13.2.2), which needs a
    /// download; the result is saved with `saveParameters(to:)` and reused.
    public static func trainSourceModel(numEpochs: Int, batchSize: Int = 128, lr: Float = 0.001,
                                        generator: RandomGenerator = .global) throws -> (TorchvisionResNet, TrainingResult) {
        let train = try FashionMNIST.load(train: true), test = try FashionMNIST.load(train: false)
        let trainIter = DataLoader(images: repeatedToRGB(train.pixels), labels: train.labels, batchSize: batchSize,
                                   shuffle: true, generator: generator)
        let testIter = DataLoader(images: repeatedToRGB(test.pixels), labels: test.labels, batchSize: 500, shuffle: false)
        let net = sourceNet(generator: generator)
        let loss = CrossEntropyLoss(reduction: .none)
        let trainer = Adam(net.trainableParameters(), lr: lr)
        // The summed loss of train_ch13 is fine for Adam, whose steps do not depend on the loss's scale.
        let result = try trainCh13(net, trainIter, testIter, loss: { loss($0, $1) }, trainer: trainer,
                                   numEpochs: numEpochs, generator: generator,
                                   figureName: "chapter13-fine-tuning-source.svg")
        return (net, result)
    }

    /// MNIST-5k (`mnist-5k/` in the data folder: 500 real MNIST digits per class, stored sorted
    /// by class), shuffled with `generator` and split into the first `trainExamples` for
    /// training and the rest for testing, both as 3-channel images.
    /// - Throws: `DataError` when the files are missing or corrupt.
    public static func loadMNIST5k(trainExamples: Int, batchSize: Int, generator: RandomGenerator,
                                   folder: URL = dataDirectory.appendingPathComponent("mnist-5k"))
        throws -> (train: DataLoader, test: DataLoader) {
        func file(_ name: String) -> URL {
            let plain = folder.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: plain.path) ? plain : plain.appendingPathExtension("gz")
        }
        let images = try FashionMNIST(imagesAt: file("mnist-5k-images-idx3-ubyte"),
                                      labelsAt: file("mnist-5k-labels-idx1-ubyte"))
        check(trainExamples >= 1 && trainExamples < images.pixels.count,
              "loadMNIST5k: trainExamples must be in 1..<\(images.pixels.count), got \(trainExamples)")
        var order = Array(0..<images.pixels.count)
        generator.shuffle(&order)
        let rgb = repeatedToRGB(images.pixels), allLabels = images.labels.toArray()
        func split(_ rows: ArraySlice<Int>, shuffle: Bool, size: Int) -> DataLoader {
            let plane = 3 * rgb.height * rgb.width
            var pixels: [UInt8] = []
            pixels.reserveCapacity(rows.count * plane)
            for r in rows { pixels += rgb.pixels[(r * plane)..<((r + 1) * plane)] }
            let part = ByteImages(pixels: pixels, count: rows.count, channels: 3, height: rgb.height, width: rgb.width)
            let labels = Tensor(shape: [rows.count], values: rows.map { allLabels[$0] }, dtype: .int64)
            return DataLoader(images: part, labels: labels, batchSize: size, shuffle: shuffle, generator: generator)
        }
        return (split(order[..<trainExamples], shuffle: true, size: batchSize),
                split(order[trainExamples...], shuffle: false, size: 500))
    }

    /// `net` with a new 10-way output layer, Xavier-initialised as the book's `finetune_net.fc`.
    ///
    /// d2l: `finetune_net.fc = nn.Linear(finetune_net.fc.in_features, 2)` and
    /// `nn.init.xavier_uniform_(finetune_net.fc.weight)` (§13.2.2).
    public static func replaceOutputLayer(_ net: TorchvisionResNet, numClasses: Int = 10,
                                          generator: RandomGenerator = .global) {
        let fc = Linear(net.fc.weight.shape[1], numClasses, generator: generator)
        Init.xavierUniform(fc.weight, generator: generator)
        net.fc = fc
    }

    /// Loads a safetensors file of torchvision-named ResNet-18 weights into `net`, all but the
    /// output layer (`fc.*`), which keeps its new initialisation; returns what was left out.
    ///
    /// d2l: `torchvision.models.resnet18(pretrained=True)` followed by replacing `fc` (§13.2.2),
    /// as `load_state_dict(state, strict=False)` without the old head.
    /// - Throws: `DataError` when the file cannot be read.
    @discardableResult
    public static func loadPretrained(_ net: TorchvisionResNet, from url: URL) throws -> LoadedStateReport {
        let state = try SafeTensors.load(url).filter { !$0.key.hasPrefix("fc.") }
        return try net.loadStateDict(state, strict: false)
    }

    /// The optimizer of §13.2.2: with `paramGroup`, SGD at `lr` on the copied layers and `10 · lr`
    /// on the output layer; without, `lr` on everything. Weight decay 0.001 either way; frozen
    /// parameters are left out.
    ///
    /// d2l: the `trainer` of `train_fine_tuning(net, learning_rate, batch_size=128, num_epochs=5,
    /// param_group=True)`.
    public static func fineTuningTrainer(_ net: TorchvisionResNet, lr: Float, paramGroup: Bool) -> SGD {
        guard paramGroup else { return SGD(net.trainableParameters(), lr: lr, weightDecay: 0.001) }
        let head = net.fc.trainableParameters()
        let headIDs = Set(head.map(ObjectIdentifier.init))
        let body = net.trainableParameters().filter { !headIDs.contains(ObjectIdentifier($0)) }
        let groups = (body.isEmpty ? [] : [ParameterGroup(body)]) + [ParameterGroup(head, lr: lr * 10)]
        return SGD(groups: groups, lr: lr, weightDecay: 0.001)
    }

    /// Trains `net` on the target data with the summed cross-entropy and `fineTuningTrainer`.
    ///
    /// d2l: `train_fine_tuning(net, learning_rate, batch_size=128, num_epochs=5, param_group=True)`
    /// (§13.2.2), which loads the hot-dog images itself; here the loaders are given, with the
    /// training batches' `augmentation` (the hot-dog task's `HotDogSection.trainAugs`).
    public static func trainFineTuning(_ net: TorchvisionResNet, _ trainIter: DataLoader, _ testIter: DataLoader,
                                       lr: Float, numEpochs: Int = 5, paramGroup: Bool = true,
                                       augmentation: (any ImageAugmentation)? = nil,
                                       generator: RandomGenerator = .global,
                                       figureName: String = "chapter13-fine-tuning.svg") throws -> TrainingResult {
        let loss = CrossEntropyLoss(reduction: .none)
        let trainer = fineTuningTrainer(net, lr: lr, paramGroup: paramGroup)
        return try trainCh13(net, trainIter, testIter, loss: { loss($0, $1) }, trainer: trainer, numEpochs: numEpochs,
                             augmentation: augmentation, generator: generator, figureName: figureName)
    }
}
