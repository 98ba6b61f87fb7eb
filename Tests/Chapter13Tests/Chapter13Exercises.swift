import D2L
import Exercises
import Foundation
import TestSupport
import XCTest

/// Graders of chapter 13's exercises.
enum Chapter13Graders {
    /// Non-square images with distinct values, so a vertical flip or a transpose shows.
    static let flipInputs = [Tensor.arange(0.0, 24.0).reshape(2, 3, 4), Tensor.arange(0.0, 30.0).reshape(3, 5, 2) / 30]

    static let horizontalFlip = Grader<(Tensor) throws -> Tensor>("13.1.1 horizontalFlip") { impl in
        try flipInputs.compactMap { x in mismatch(try impl(x), x.flip(-1), context: "an image of shape \(x.shape)") }
    }

    typealias Box = (top: Int, left: Int, height: Int, width: Int)

    static let cropBox = Grader<(Int, Int, Float, Float, (Float, Float)) throws -> Box?>("13.1.2 cropBox") { impl in
        let cases: [(Int, Int, Float, Float, (Float, Float))] = [
            (400, 500, 0.25, 1, (0, 0)), (400, 500, 0.3, 0.5, (0.5, 0.25)), (400, 500, 0.2, 2, (0.99, 0.7)),
            (400, 500, 1, 2, (0.5, 0.5)), (32, 48, 0.08, 1.3, (0.3, 0.9)),
        ]
        return try cases.compactMap { h, w, area, ratio, position in
            let expected = RandomResizedCrop.cropBox(imageHeight: h, imageWidth: w, areaFraction: area,
                                                     aspectRatio: ratio, position: position)
            let got = try impl(h, w, area, ratio, position)
            let same = (got == nil && expected == nil) || (got != nil && expected != nil && got! == expected!)
            return same ? nil : "a \(h)×\(w) image, area fraction \(area), ratio \(ratio), position \(position): "
                + "expected \(expected.map { "\($0)" } ?? "nil"), got \(got.map { "\($0)" } ?? "nil")"
        }
    }

    static let brightness = Grader<(Tensor, Float) throws -> Tensor>("13.1.3 adjustBrightness") { impl in
        let x = Tensor.uniform(low: 0, high: 1, shape: [3, 4, 5], generator: RandomGenerator(seed: 131))
        return try [0.5, 1, 1.5, 0].compactMap { (f: Float) in
            mismatch(try impl(x, f), ColorJitter.apply(.init(brightness: f), to: x), context: "factor \(f)")
        }
    }

    static let saturation = Grader<(Tensor, Float) throws -> Tensor>("13.1.4 adjustSaturation") { impl in
        let x = Tensor.uniform(low: 0, high: 1, shape: [3, 4, 5], generator: RandomGenerator(seed: 132))
        return try [0, 0.5, 1, 1.7].compactMap { (f: Float) in
            mismatch(try impl(x, f), ColorJitter.apply(.init(saturation: f), to: x), context: "factor \(f)")
        }
    }

    static let toTensor = Grader<(Image) throws -> Tensor>("13.1.5 toTensor") { impl in
        let generator = RandomGenerator(seed: 135)
        return try [(2, 3, 3), (4, 2, 1), (3, 5, 4)].compactMap { h, w, c in
            let image = Image(pixels: (0..<(h * w * c)).map { _ in UInt8(generator.nextInt(in: 0..<256)) },
                              height: h, width: w, channels: c)
            return mismatch(try impl(image), image.toTensor(), context: "an image of shape [H, W, C] = \(image.shape)")
        }
    }

    /// One SGD step of cross-entropy on four random images through a fresh ResNet-18 after
    /// `impl` has frozen it: every parameter outside `fc` must keep its value and stop requiring
    /// gradients, and both of `fc`'s must move.
    static let freezeAllButOutput = Grader<(TorchvisionResNet, Float) throws -> SGD>("13.2.1 freezeAllButOutput") { impl in
        let generator = RandomGenerator(seed: 1321)
        let net = TorchvisionResNet(numClasses: 5, inputChannels: 3, generator: generator)
        let before = Dictionary(uniqueKeysWithValues: net.namedParameters().map { ($0.0, $0.1.toArray()) })
        let optimizer = try impl(net, 0.1)
        let X = Tensor.uniform(low: 0, high: 1, shape: [4, 3, 16, 16], generator: generator)
        let y = Tensor(shape: [4], values: [0, 1, 2, 3], dtype: .int64)
        optimizer.zeroGrad()
        CrossEntropyLoss()(net(X), y).backward()
        optimizer.step()
        var problems: [String] = []
        let changedBody = net.namedParameters().filter { !$0.0.hasPrefix("fc.") && $0.1.toArray() != before[$0.0]! }
        if let first = changedBody.first {
            problems.append("\(changedBody.count) parameters outside fc changed after a step, e.g. \(first.0)")
        }
        let stillTrainable = net.namedParameters().filter { !$0.0.hasPrefix("fc.") && $0.1.requiresGrad }
        if let first = stillTrainable.first {
            problems.append("\(stillTrainable.count) parameters outside fc still require gradients, e.g. \(first.0)")
        }
        for name in ["fc.weight", "fc.bias"] where net.namedParameters().first(where: { $0.0 == name })!.1.toArray() == before[name]! {
            problems.append("\(name) did not change after a step; the output layer must keep training")
        }
        return problems
    }

    /// Random boxes [n, 4] in corner form inside the unit square, with the book's dog and cat.
    static func randomBoxes(_ n: Int, seed: UInt64) -> Tensor {
        let g = RandomGenerator(seed: seed)
        let corner = Tensor.uniform(low: 0, high: 0.7, shape: [n, 2], generator: g)
        let size = Tensor.uniform(low: 0.05, high: 0.3, shape: [n, 2], generator: g)
        return Tensor.cat([corner, corner + size], dim: 1)
    }

    static let cornerToCenter = Grader<(Tensor) throws -> Tensor>("13.3.1 cornerToCenter") { impl in
        let dogCat = Tensor(shape: [2, 4], values: [60, 45, 378, 516, 400, 112, 655, 493])
        return try [dogCat, randomBoxes(7, seed: 1331)].compactMap { x in
            mismatch(try impl(x), boxCornerToCenter(x), context: "boxes \(x.toArray2D())")
        }
    }

    static let iou = Grader<([Float], [Float]) throws -> Float>("13.4.1 iou") { impl in
        let cases: [([Float], [Float], String)] = [
            ([0, 0, 2, 2], [1, 1, 3, 3], "overlapping in a unit square"), ([0, 0, 1, 1], [2, 2, 3, 3], "disjoint"),
            ([0, 0, 1, 1], [1, 0, 2, 1], "touching along an edge"), ([0, 0, 4, 4], [1, 1, 2, 2], "one inside the other"),
            ([0.1, 0.08, 0.52, 0.92], [0.55, 0.2, 0.9, 0.88], "the book's dog and cat"),
            ([0.1, 0.08, 0.52, 0.92], [0.08, 0.2, 0.56, 0.95], "the book's two dog boxes"),
        ]
        return try cases.compactMap { a, b, what in
            let expected = boxIoU(Tensor(shape: [1, 4], values: a), Tensor(shape: [1, 4], values: b)).item()
            let got = try impl(a, b)
            return abs(got - expected) <= 1e-5 ? nil : "\(what), \(a) and \(b): expected \(expected), got \(got)"
        }
    }

    static let anchorCount = Grader<(Int, Int, Int, Int) throws -> Int>("13.4.2 anchorCount") { impl in
        try [(561, 728, 3, 3), (4, 4, 1, 3), (2, 3, 2, 1), (1, 1, 4, 5)].compactMap { h, w, n, m in
            let expected = multiboxPrior(Tensor.zeros([h, w]), sizes: (1...n).map { 1 / Float($0) },
                                         ratios: (1...m).map(Float.init)).shape[1]
            let got = try impl(h, w, n, m)
            return got == expected ? nil : "\(h)×\(w) pixels, \(n) sizes, \(m) ratios: expected \(expected), got \(got)"
        }
    }

    static let nonMaximumSuppression = Grader<(Tensor, [Float], Float) throws -> [Int]>("13.4.3 nonMaximumSuppression") { impl in
        let book = Tensor(shape: [4, 4], values: [0.1, 0.08, 0.52, 0.92, 0.08, 0.2, 0.56, 0.95,
                                                  0.15, 0.3, 0.62, 0.91, 0.55, 0.2, 0.9, 0.88])
        let g = RandomGenerator(seed: 1343)
        let random = randomBoxes(40, seed: 1344)
        let randomScores = (0..<40).map { _ in g.nextUniform() }
        let cases: [(Tensor, [Float], Float)] = [(book, [0.9, 0.8, 0.7, 0.9], 0.5), (random, randomScores, 0.3),
                                                 (random, randomScores, 0.1)]
        return try cases.compactMap { boxes, scores, threshold in
            let expected = nms(boxes, Tensor(shape: [scores.count], values: scores), iouThreshold: threshold).toIntArray()
            let got = try impl(boxes, scores, threshold)
            return got == expected ? nil : "\(boxes.shape[0]) boxes at threshold \(threshold): expected \(expected), got \(got)"
        }
    }
}

enum Chapter13Reference {
    static func horizontalFlip(_ image: Tensor) -> Tensor {
        let (c, h, w) = (image.shape[0], image.shape[1], image.shape[2])
        let values = image.toArray()
        var out = [Float](repeating: 0, count: values.count)
        for k in 0..<c { for i in 0..<h { for j in 0..<w { out[(k * h + i) * w + j] = values[(k * h + i) * w + (w - 1 - j)] } } }
        return Tensor(shape: image.shape, values: out)
    }
    static func cropBox(imageHeight: Int, imageWidth: Int, areaFraction: Float, aspectRatio: Float,
                        position: (Float, Float)) -> (top: Int, left: Int, height: Int, width: Int)? {
        let area = Double(areaFraction) * Double(imageHeight * imageWidth)
        let w = Int((area * Double(aspectRatio)).squareRoot().rounded())
        let h = Int((area / Double(aspectRatio)).squareRoot().rounded())
        guard w > 0, h > 0, w <= imageWidth, h <= imageHeight else { return nil }
        return (Int(position.0 * Float(imageHeight - h + 1)), Int(position.1 * Float(imageWidth - w + 1)), h, w)
    }
    static func adjustBrightness(_ image: Tensor, factor: Float) -> Tensor { (image * factor).clamp(min: 0, max: 1) }
    static func freezeAllButOutput(_ net: TorchvisionResNet, lr: Float) -> SGD {
        net.freeze()
        net.unfreeze(["fc"])
        return SGD(net.trainableParameters(), lr: lr)
    }
    static func adjustSaturation(_ image: Tensor, factor: Float) -> Tensor {
        let grey = 0.2989 * image[0] + 0.587 * image[1] + 0.114 * image[2]
        return (factor * image + (1 - factor) * grey).clamp(min: 0, max: 1)
    }
    static func toTensor(_ image: Image) -> Tensor {
        Tensor(shape: image.shape, values: image.pixels.map { Float($0) / 255 }).permute(2, 0, 1).contiguous()
    }
    static func cornerToCenter(_ boxes: Tensor) -> Tensor {
        let (x1, y1, x2, y2) = (boxes[..., 0], boxes[..., 1], boxes[..., 2], boxes[..., 3])
        return Tensor.stack([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], dim: -1)
    }
    static func iou(_ a: [Float], _ b: [Float]) -> Float {
        let w = max(0, min(a[2], b[2]) - max(a[0], b[0])), h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
        let inter = w * h
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)
    }
    static func anchorCount(height: Int, width: Int, sizes: Int, ratios: Int) -> Int { height * width * (sizes + ratios - 1) }
    static func nonMaximumSuppression(_ boxes: Tensor, scores: [Float], iouThreshold: Float) -> [Int] {
        let rows = boxes.toArray2D()
        var order = Array(scores.indices).sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var keep: [Int] = []
        while let i = order.first {
            keep.append(i)
            order = order.dropFirst().filter { iou(rows[i], rows[$0]) <= iouThreshold }
        }
        return keep
    }
}

/// Plausible wrong answers.
enum Chapter13Wrong {
    /// Mirrors top to bottom instead of left to right.
    static func horizontalFlip(_ image: Tensor) -> Tensor { image.flip(-2) }
    /// Takes the ratio as height : width.
    static func cropBox(imageHeight: Int, imageWidth: Int, areaFraction: Float, aspectRatio: Float,
                        position: (Float, Float)) -> (top: Int, left: Int, height: Int, width: Int)? {
        Chapter13Reference.cropBox(imageHeight: imageHeight, imageWidth: imageWidth, areaFraction: areaFraction,
                                   aspectRatio: 1 / aspectRatio, position: position)
    }
    /// Freezes the output layer instead of everything else.
    static func freezeAllButOutput(_ net: TorchvisionResNet, lr: Float) -> SGD {
        net.freeze(["fc"])
        return SGD(net.trainableParameters(), lr: lr)
    }
    /// Trains everything: no layer frozen.
    static func freezeNothing(_ net: TorchvisionResNet, lr: Float) -> SGD { SGD(net.parameters(), lr: lr) }
    /// Forgets to clamp, so bright pixels leave [0, 1].
    static func adjustBrightness(_ image: Tensor, factor: Float) -> Tensor { image * factor }
    /// Takes the plain mean of red, green and blue as the grey value.
    static func adjustSaturation(_ image: Tensor, factor: Float) -> Tensor {
        let grey = image.mean(axis: 0)
        return (factor * image + (1 - factor) * grey).clamp(min: 0, max: 1)
    }
    /// Reshapes the [H, W, C] bytes to [C, H, W] without moving the channels.
    static func toTensor(_ image: Image) -> Tensor {
        Tensor(shape: [image.channels, image.height, image.width], values: image.pixels.map { Float($0) / 255 })
    }
    /// Gives matplotlib's (x1, y1, w, h): the corner instead of the centre.
    static func cornerToCenter(_ boxes: Tensor) -> Tensor {
        let (x1, y1, x2, y2) = (boxes[..., 0], boxes[..., 1], boxes[..., 2], boxes[..., 3])
        return Tensor.stack([x1, y1, x2 - x1, y2 - y1], dim: -1)
    }
    /// Forgets to clamp the overlap at 0, so two negative sides make a positive "overlap".
    static func iou(_ a: [Float], _ b: [Float]) -> Float {
        let inter = (min(a[2], b[2]) - max(a[0], b[0])) * (min(a[3], b[3]) - max(a[1], b[1]))
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)
    }
    /// Every size with every ratio.
    static func anchorCount(height: Int, width: Int, sizes: Int, ratios: Int) -> Int { height * width * sizes * ratios }
    /// Visits the boxes in index order instead of by score.
    static func nonMaximumSuppression(_ boxes: Tensor, scores: [Float], iouThreshold: Float) -> [Int] {
        Chapter13Reference.nonMaximumSuppression(boxes, scores: scores.map { _ in 1 }, iouThreshold: iouThreshold)
    }
}

final class Chapter13ExerciseTests: XCTestCase {
    func testExercise13_1_1HorizontalFlip() throws { try grade(Chapter13Graders.horizontalFlip, Chapter13.horizontalFlip) }
    func testExercise13_1_2CropBox() throws { try grade(Chapter13Graders.cropBox, Chapter13.cropBox) }
    func testExercise13_1_3AdjustBrightness() throws { try grade(Chapter13Graders.brightness, Chapter13.adjustBrightness) }
    func testExercise13_1_4AdjustSaturation() throws { try grade(Chapter13Graders.saturation, Chapter13.adjustSaturation) }
    func testExercise13_1_5ToTensor() throws { try grade(Chapter13Graders.toTensor, Chapter13.toTensor) }
    func testExercise13_2_1FreezeAllButOutput() throws {
        try grade(Chapter13Graders.freezeAllButOutput, Chapter13.freezeAllButOutput)
    }
    func testExercise13_3_1CornerToCenter() throws { try grade(Chapter13Graders.cornerToCenter, Chapter13.cornerToCenter) }
    func testExercise13_4_1IoU() throws { try grade(Chapter13Graders.iou, Chapter13.iou) }
    func testExercise13_4_2AnchorCount() throws { try grade(Chapter13Graders.anchorCount, Chapter13.anchorCount) }
    func testExercise13_4_3NonMaximumSuppression() throws {
        try grade(Chapter13Graders.nonMaximumSuppression, Chapter13.nonMaximumSuppression)
    }
}

final class Chapter13GraderMetaTests: XCTestCase {
    func testHorizontalFlipGrader() {
        assertGraderAccepts(Chapter13Graders.horizontalFlip, Chapter13Reference.horizontalFlip)
        assertGraderRejects(Chapter13Graders.horizontalFlip, Chapter13Wrong.horizontalFlip, because: "vertical flip")
    }
    func testCropBoxGrader() {
        assertGraderAccepts(Chapter13Graders.cropBox, Chapter13Reference.cropBox)
        assertGraderRejects(Chapter13Graders.cropBox, Chapter13Wrong.cropBox, because: "ratio inverted")
    }
    func testBrightnessGrader() {
        assertGraderAccepts(Chapter13Graders.brightness, Chapter13Reference.adjustBrightness)
        assertGraderRejects(Chapter13Graders.brightness, Chapter13Wrong.adjustBrightness, because: "no clamping")
    }
    func testSaturationGrader() {
        assertGraderAccepts(Chapter13Graders.saturation, Chapter13Reference.adjustSaturation)
        assertGraderRejects(Chapter13Graders.saturation, Chapter13Wrong.adjustSaturation, because: "plain mean as grey")
    }
    func testFreezeAllButOutputGrader() {
        assertGraderAccepts(Chapter13Graders.freezeAllButOutput, Chapter13Reference.freezeAllButOutput)
        assertGraderRejects(Chapter13Graders.freezeAllButOutput, Chapter13Wrong.freezeAllButOutput,
                            because: "only fc frozen")
        assertGraderRejects(Chapter13Graders.freezeAllButOutput, Chapter13Wrong.freezeNothing, because: "nothing frozen")
    }
    func testToTensorGrader() {
        assertGraderAccepts(Chapter13Graders.toTensor, Chapter13Reference.toTensor)
        assertGraderRejects(Chapter13Graders.toTensor, Chapter13Wrong.toTensor, because: "reshaped without permuting")
    }
    func testCornerToCenterGrader() {
        assertGraderAccepts(Chapter13Graders.cornerToCenter, Chapter13Reference.cornerToCenter)
        assertGraderRejects(Chapter13Graders.cornerToCenter, Chapter13Wrong.cornerToCenter, because: "corner and size")
    }
    func testIoUGrader() {
        assertGraderAccepts(Chapter13Graders.iou, Chapter13Reference.iou)
        assertGraderRejects(Chapter13Graders.iou, Chapter13Wrong.iou, because: "overlap not clamped at 0")
    }
    func testAnchorCountGrader() {
        assertGraderAccepts(Chapter13Graders.anchorCount, Chapter13Reference.anchorCount)
        assertGraderRejects(Chapter13Graders.anchorCount, Chapter13Wrong.anchorCount, because: "every size with every ratio")
    }
    func testNonMaximumSuppressionGrader() {
        assertGraderAccepts(Chapter13Graders.nonMaximumSuppression, Chapter13Reference.nonMaximumSuppression)
        assertGraderRejects(Chapter13Graders.nonMaximumSuppression, Chapter13Wrong.nonMaximumSuppression,
                            because: "index order instead of score order")
    }
}
