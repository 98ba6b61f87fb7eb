import D2L
import Foundation

// §13.7.2–13.7.3 Training TinySSD and predicting with it: every anchor is labelled by
// `multiboxTarget`, the loss adds the class cross entropy to the masked L1 distance of the
// offsets, and prediction keeps what `multiboxDetection` finds with enough confidence.

/// The loss of each image: the cross entropy of the anchors' class scores, averaged over the
/// anchors, plus the L1 distance between predicted and target offsets of the anchors that have a
/// box (`bboxMasks` zeroes the others), averaged over all `4 · na` offsets.
///
/// d2l: `calc_loss(cls_preds, cls_labels, bbox_preds, bbox_labels, bbox_masks)` (§13.7.2.2),
/// with `cls_loss = nn.CrossEntropyLoss(reduction='none')` and `bbox_loss = nn.L1Loss(reduction='none')`.
/// - Parameters:
///   - clsPreds: `[batch, na, classes + 1]` scores.
///   - clsLabels: `[batch, na]` class labels (`multiboxTarget`'s, 0 the background).
///   - bboxPreds, bboxLabels, bboxMasks: `[batch, 4 · na]`.
/// - Returns: `[batch]`.
public func calcLoss(_ clsPreds: Tensor, _ clsLabels: Tensor, _ bboxPreds: Tensor, _ bboxLabels: Tensor,
                     _ bboxMasks: Tensor) -> Tensor {
    checkDetectionShapes("calcLoss", clsPreds, clsLabels, bboxPreds, bboxLabels, bboxMasks)
    let (batch, numClasses) = (clsPreds.shape[0], clsPreds.shape[2])
    let cls = CrossEntropyLoss(reduction: .none)(clsPreds.reshape(-1, numClasses), clsLabels.reshape(-1))
        .reshape(batch, -1).mean(axis: 1)
    let bbox = (bboxPreds * bboxMasks - bboxLabels * bboxMasks).abs().mean(axis: 1)
    return cls + bbox
}

/// How many anchors' most likely class is their label.
///
/// d2l: `cls_eval(cls_preds, cls_labels)` (§13.7.2.2).
public func clsEval(_ clsPreds: Tensor, _ clsLabels: Tensor) -> Double {
    check(clsPreds.ndim == 3 && clsLabels.shape == Array(clsPreds.shape.prefix(2)),
          "clsEval: expects class scores [batch, na, classes + 1] and labels [batch, na], got shapes \(clsPreds.shape) and \(clsLabels.shape)")
    let predicted = clsPreds.detach().argmax(axis: -1)
    return Double((predicted == clsLabels.detach()).sum().item())
}

/// The summed absolute error of the offsets of the anchors that have a box.
///
/// d2l: `bbox_eval(bbox_preds, bbox_labels, bbox_masks)` (§13.7.2.2).
public func bboxEval(_ bboxPreds: Tensor, _ bboxLabels: Tensor, _ bboxMasks: Tensor) -> Double {
    check(bboxPreds.shape == bboxLabels.shape && bboxPreds.shape == bboxMasks.shape,
          "bboxEval: offsets, labels and masks must have one shape, got \(bboxPreds.shape), \(bboxLabels.shape) and \(bboxMasks.shape)")
    return Double(((bboxLabels.detach() - bboxPreds.detach()) * bboxMasks.detach()).abs().sum().item())
}

/// The shape checks shared by the loss: scores `[b, na, c]`, labels `[b, na]`, offsets, their
/// targets and masks all `[b, 4 · na]`.
func checkDetectionShapes(_ operation: String, _ clsPreds: Tensor, _ clsLabels: Tensor, _ bboxPreds: Tensor,
                          _ bboxLabels: Tensor, _ bboxMasks: Tensor) {
    let ok = clsPreds.ndim == 3 && clsLabels.shape == Array(clsPreds.shape.prefix(2))
        && bboxPreds.shape == [clsPreds.shape[0], 4 * clsPreds.shape[1]]
        && bboxLabels.shape == bboxPreds.shape && bboxMasks.shape == bboxPreds.shape
    check(ok, "\(operation): expects class scores [batch, na, classes + 1], class labels [batch, na] and offsets, "
          + "offset labels and masks [batch, 4·na], got shapes \(clsPreds.shape), \(clsLabels.shape), "
          + "\(bboxPreds.shape), \(bboxLabels.shape) and \(bboxMasks.shape)")
}

/// What `trainSSD` ends with: the last epoch's class error and box mean absolute error, and the
/// training speed.
public struct SSDTrainingResult {
    /// 1 − (anchors classified right) / (anchors), over the last epoch.
    public let classError: Double
    /// Summed |offset error| of the anchors with a box over all offsets, over the last epoch.
    public let bboxMAE: Double
    /// Images trained on per second of training time.
    public let examplesPerSecond: Double

    /// `class err 3.22e-03, bbox mae 3.16e-03`, as the book prints it.
    public var summary: String { String(format: "class err %.2e, bbox mae %.2e", classError, bboxMAE) }
    /// `7.0 examples/sec on CPU`.
    public var speedLine: String { String(format: "%.1f examples/sec on CPU", examplesPerSecond) }
}

/// One training step of TinySSD on a batch: forward, anchor labelling, loss, backward, SGD step.
/// Returns the mean loss and the four sums of the book's metric (correct anchors, anchors,
/// absolute offset error, offsets).
///
/// d2l: the body of §13.7.2.3's loop, `trainer.zero_grad()` to `metric.add(…)`.
public func trainStepSSD(_ net: TinySSD, _ X: Tensor, _ Y: Tensor, trainer: SGD)
    -> (loss: Double, correct: Double, anchors: Double, absError: Double, offsets: Double) {
    trainer.zeroGrad()
    let (anchors, clsPreds, bboxPreds) = net(X)
    let (bboxLabels, bboxMasks, clsLabels) = multiboxTarget(anchors, Y)
    let l = calcLoss(clsPreds, clsLabels, bboxPreds, bboxLabels, bboxMasks).mean()
    l.backward()
    trainer.step()
    return (Double(l.item()), clsEval(clsPreds, clsLabels), Double(clsLabels.count),
            bboxEval(bboxPreds, bboxLabels, bboxMasks), Double(bboxLabels.count))
}

/// Trains TinySSD on banana batches (images `[b, 3, h, w]`, labels `[b, 1, 5]`) with SGD,
/// plotting the class error and box MAE after every epoch; prints the book's two result lines
/// and writes the curves to `figureName`.
///
/// d2l: the training loop of §13.7.2.3 (`trainer = torch.optim.SGD(net.parameters(), lr=0.2,
/// weight_decay=5e-4)`, 20 epochs). The speed counts every image trained on over the time spent
/// in training steps, where the book divides one epoch's images by its timer's last lap.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up.
@discardableResult
public func trainSSD(_ net: TinySSD, _ trainIter: DataLoader, numEpochs: Int, lr: Float = 0.2,
                     weightDecay: Float = 5e-4, figureName: String = "chapter13-ssd.svg") throws -> SSDTrainingResult {
    let trainer = SGD(net.trainableParameters(), lr: lr, weightDecay: weightDecay)
    let run = TrainingRun(numEpochs: numEpochs, batchesPerEpoch: trainIter.count, legend: ["class error", "bbox mae"],
                          figureName: figureName, learningRate: Double(lr))
    var (classError, bboxMAE) = (1.0, 0.0)
    for epoch in 0..<numEpochs {
        var metric = Accumulator(4)
        net.train()
        run.startEpoch(epoch)
        for (batch, (X, Y)) in trainIter.enumerated() {
            let step = trainStepSSD(net, X, Y, trainer: trainer)
            metric.add(step.correct, step.anchors, step.absError, step.offsets)
            try run.step(batch: batch, size: X.shape[0], loss: step.loss)
        }
        run.endEpoch()
        (classError, bboxMAE) = (1 - metric[0] / metric[1], metric[2] / metric[3])
        run.plot(Double(epoch + 1), [classError, bboxMAE])
    }
    let result = SSDTrainingResult(classError: classError, bboxMAE: bboxMAE, examplesPerSecond: run.speed)
    run.finish([result.summary, result.speedLine])
    return result
}

/// The boxes TinySSD finds in the first image of `X`: rows (class, confidence, x1, y1, x2, y2),
/// corners as fractions of the image, most confident first, background rows left out.
///
/// d2l: `predict(X)` (§13.7.3): class scores through softmax, then `multibox_detection` with its
/// defaults (NMS threshold 0.5). Runs the net in evaluation mode, without gradients.
public func predictSSD(_ net: TinySSD, _ X: Tensor) -> Tensor {
    check(X.ndim == 4 && X.shape[0] >= 1, "predictSSD: expects images [batch, 3, h, w], got shape \(X.shape)")
    net.eval()
    let (anchors, clsPreds, bboxPreds) = noGrad { net(X) }
    let clsProbs = clsPreds.softmax(axis: 2).permute(0, 2, 1).contiguous()
    let output = multiboxDetection(clsProbs, bboxPreds, anchors)[0]
    let kept = output.toArray2D().filter { $0[0] != -1 }
    return Tensor(shape: [kept.count, 6], values: kept.flatMap { $0 })
}

/// `img` with the predicted boxes of confidence at least `threshold` drawn in white, each
/// labelled with its confidence (`0.98`).
///
/// d2l: `display(img, output, threshold)` (§13.7.3).
public func displaySSD(_ img: Image, _ output: Tensor, threshold: Float) -> Image {
    check(output.ndim == 2 && output.shape[1] == 6,
          "displaySSD: expects rows (class, confidence, x1, y1, x2, y2), got shape \(output.shape)")
    var out = img
    let (w, h) = (Float(img.width), Float(img.height))
    for row in output.toArray2D() where row[1] >= threshold {
        let box = Tensor(shape: [1, 4], values: [row[2] * w, row[3] * h, row[4] * w, row[5] * h])
        showBBoxes(&out, box, labels: [String(format: "%.2f", row[1])], colors: [.white])
    }
    return out
}
