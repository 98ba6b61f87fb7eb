import D2L

// §13.7.1 The model of single shot multibox detection: a base network that shrinks the image,
// three down-sampling blocks and a global max pool, each followed by a convolution that predicts
// the classes and one that predicts the box offsets of the anchors centred on its pixels. The
// training and prediction of §13.7.2–13.7.3 are in `SingleShotMultiboxTraining.swift`.

/// A 3×3 convolution (padding 1) that predicts, at every pixel, `numClasses + 1` scores (the
/// background first) for each of its `numAnchors` anchors.
///
/// d2l: `cls_predictor(num_inputs, num_anchors, num_classes)` (§13.7.1.1). The output keeps the
/// input's height and width and has `numAnchors · (numClasses + 1)` channels.
public func clsPredictor(_ numInputs: Int, _ numAnchors: Int, _ numClasses: Int,
                         generator: RandomGenerator = .global) -> Conv2d {
    check(numAnchors >= 1 && numClasses >= 1,
          "clsPredictor: needs at least one anchor and one class, got \(numAnchors) anchors and \(numClasses) classes")
    return Conv2d(numInputs, numAnchors * (numClasses + 1), kernelSize: 3, padding: 1, generator: generator)
}

/// A 3×3 convolution (padding 1) that predicts, at every pixel, the four offsets of each of its
/// `numAnchors` anchors.
///
/// d2l: `bbox_predictor(num_inputs, num_anchors)` (§13.7.1.2).
public func bboxPredictor(_ numInputs: Int, _ numAnchors: Int, generator: RandomGenerator = .global) -> Conv2d {
    check(numAnchors >= 1, "bboxPredictor: needs at least one anchor, got \(numAnchors)")
    return Conv2d(numInputs, numAnchors * 4, kernelSize: 3, padding: 1, generator: generator)
}

/// A prediction `[batch, channels, h, w]` as `[batch, h · w · channels]`, channels last, so the
/// values of one pixel (all its anchors) lie together in the order the anchors are made.
///
/// d2l: `flatten_pred(pred)` (§13.7.1.3), `torch.flatten(pred.permute(0, 2, 3, 1), start_dim=1)`.
public func flattenPred(_ pred: Tensor) -> Tensor {
    check(pred.ndim == 4, "flattenPred: expects a prediction [batch, channels, h, w], got shape \(pred.shape)")
    return pred.permute(0, 2, 3, 1).flatten(startDim: 1)
}

/// The predictions of several scales side by side: each flattened by `flattenPred`, then joined
/// along axis 1, which only needs the batch sizes to agree.
///
/// d2l: `concat_preds(preds)` (§13.7.1.3).
public func concatPreds(_ preds: [Tensor]) -> Tensor {
    check(!preds.isEmpty, "concatPreds: needs at least one prediction")
    check(preds.allSatisfy { $0.ndim == 4 && $0.shape[0] == preds[0].shape[0] },
          "concatPreds: expects predictions [batch, channels, h, w] of one batch size, got shapes \(preds.map(\.shape))")
    return Tensor.cat(preds.map(flattenPred), dim: 1)
}

/// Two 3×3 convolutions (padding 1), each with batch norm and ReLU, then a 2×2 max pool: keeps
/// the channels `outChannels` and halves the height and width.
///
/// d2l: `down_sample_blk(in_channels, out_channels)` (§13.7.1.4).
public func downSampleBlk(_ inChannels: Int, _ outChannels: Int, generator: RandomGenerator = .global) -> Sequential {
    Sequential {
        for (input, output) in [(inChannels, outChannels), (outChannels, outChannels)] {
            Conv2d(input, output, kernelSize: 3, padding: 1, generator: generator)
            BatchNorm2d(output)
            ReLU()
        }
        MaxPool2d(kernelSize: 2)
    }
}

/// Three `downSampleBlk`s, 3 → 16 → 32 → 64 channels: a 256 × 256 image becomes a 32 × 32 map.
///
/// d2l: `base_net()` (§13.7.1.5).
public func baseNet(generator: RandomGenerator = .global) -> Sequential {
    let numFilters = [3, 16, 32, 64]
    return Sequential {
        for i in 0..<(numFilters.count - 1) {
            downSampleBlk(numFilters[i], numFilters[i + 1], generator: generator)
        }
    }
}

/// Block `i` of TinySSD: the base network (0), a down-sampling block to 128 channels (1), two
/// more at 128 (2, 3) and a global max pool to 1 × 1 (4).
///
/// d2l: `get_blk(i)` (§13.7.1.6).
public func getBlk(_ i: Int, generator: RandomGenerator = .global) -> any Layer {
    check((0..<5).contains(i), "getBlk: TinySSD has blocks 0 to 4, got \(i)")
    switch i {
    case 0: return baseNet(generator: generator)
    case 1: return downSampleBlk(64, 128, generator: generator)
    case 4: return AdaptiveMaxPool2d((1, 1))
    default: return downSampleBlk(128, 128, generator: generator)
    }
}

/// One scale of TinySSD: the block's output map `Y`, the anchors of its pixels
/// (`multiboxPrior` with `sizes` and `ratios`), and the class and box predictions made from it.
///
/// d2l: `blk_forward(X, blk, size, ratio, cls_predictor, bbox_predictor)` (§13.7.1.6).
/// - Returns: `Y`, anchors `[1, h·w·a, 4]`, class predictions `[batch, a·(classes + 1), h, w]`
///   and box predictions `[batch, 4·a, h, w]`, where `a = sizes.count + ratios.count − 1`.
public func blkForward(_ X: Tensor, _ blk: any Layer, sizes: [Float], ratios: [Float], clsPredictor: any Layer,
                       bboxPredictor: any Layer) -> (Y: Tensor, anchors: Tensor, clsPreds: Tensor, bboxPreds: Tensor) {
    let Y = blk(X)
    let anchors = multiboxPrior(Y, sizes: sizes, ratios: ratios)
    return (Y, anchors, clsPredictor(Y), bboxPredictor(Y))
}

/// The tiny single shot multibox detector of §13.7: five blocks at 32 × 32, 16 × 16, 8 × 8,
/// 4 × 4 and 1 × 1 (for a 256 × 256 input), with 4 anchors per pixel at each, from small sizes
/// on the large maps to large sizes on the small ones.
///
/// d2l: `class TinySSD(nn.Module)` (§13.7.1.6). Its parts are named as PyTorch names the book's
/// `setattr` attributes: `blk_0`, `cls_0`, `bbox_0`, … `bbox_4`.
public final class TinySSD: Module {
    /// The book's anchor sizes per block, `sizes = [[0.2, 0.272], [0.37, 0.447], …]`: each pair
    /// is a size and roughly the geometric mean of it and the next block's.
    public static let sizes: [[Float]] = [[0.2, 0.272], [0.37, 0.447], [0.54, 0.619], [0.71, 0.79], [0.88, 0.961]]
    /// The book's ratios, `[1, 2, 0.5]` at every block.
    public static let ratios: [[Float]] = Array(repeating: [1, 2, 0.5], count: 5)
    /// Anchors per pixel, `len(sizes[0]) + len(ratios[0]) - 1` = 4.
    public static let numAnchors = sizes[0].count + ratios[0].count - 1
    /// Input channels of the predictors at each block (`idx_to_in_channels`).
    public static let idxToInChannels = [64, 128, 128, 128, 128]

    /// Object classes, the background not counted.
    public let numClasses: Int
    let blk: [any Layer]
    let cls: [Conv2d]
    let bbox: [Conv2d]

    /// A detector for `numClasses` object classes (the banana set has one).
    public init(numClasses: Int, generator: RandomGenerator = .global) {
        check(numClasses >= 1, "TinySSD: needs at least one object class, got \(numClasses)")
        self.numClasses = numClasses
        var blk: [any Layer] = [], cls: [Conv2d] = [], bbox: [Conv2d] = []
        for i in 0..<5 {
            blk.append(getBlk(i, generator: generator))
            cls.append(clsPredictor(Self.idxToInChannels[i], Self.numAnchors, numClasses, generator: generator))
            bbox.append(bboxPredictor(Self.idxToInChannels[i], Self.numAnchors, generator: generator))
        }
        (self.blk, self.cls, self.bbox) = (blk, cls, bbox)
        super.init()
    }

    /// `blk_0`, `cls_0`, `bbox_0`, `blk_1`, …: the book's attribute names, in its order.
    public override func namedChildren() -> [(String, Module)] {
        (0..<5).flatMap { i -> [(String, Module)] in
            [("blk_\(i)", blk[i]), ("cls_\(i)", cls[i]), ("bbox_\(i)", bbox[i])]
        }
    }

    /// The anchors of all five blocks `[1, na, 4]`, the class scores `[batch, na, numClasses + 1]`
    /// and the box offsets `[batch, 4 · na]` of a batch of images `[batch, 3, h, w]`.
    ///
    /// d2l: `TinySSD.forward(X)`. For 256 × 256 images `na` is 5 444:
    /// (32² + 16² + 8² + 4² + 1) · 4.
    public func forward(_ X: Tensor) -> (anchors: Tensor, clsPreds: Tensor, bboxPreds: Tensor) {
        // Blocks 0–3 halve the map six times, so a side below 64 would vanish before block 4.
        check(X.ndim == 4 && X.shape[1] == 3 && X.shape[2] >= 64 && X.shape[3] >= 64,
              "TinySSD: expects images [batch, 3, h, w] of at least 64 × 64 pixels, got shape \(X.shape)")
        var Y = X
        var anchors: [Tensor] = [], clsPreds: [Tensor] = [], bboxPreds: [Tensor] = []
        for i in 0..<5 {
            let out = blkForward(Y, blk[i], sizes: Self.sizes[i], ratios: Self.ratios[i], clsPredictor: cls[i],
                                 bboxPredictor: bbox[i])
            Y = out.Y
            anchors.append(out.anchors)
            clsPreds.append(out.clsPreds)
            bboxPreds.append(out.bboxPreds)
        }
        let classes = concatPreds(clsPreds)
        return (Tensor.cat(anchors, dim: 1), classes.reshape(classes.shape[0], -1, numClasses + 1),
                concatPreds(bboxPreds))
    }

    /// `net(X)`, as `forward`.
    public func callAsFunction(_ X: Tensor) -> (anchors: Tensor, clsPreds: Tensor, bboxPreds: Tensor) {
        forward(X)
    }
}
