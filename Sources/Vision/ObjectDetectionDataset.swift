import D2L

/// §13.6 The object detection dataset: the first images of a banana batch with their boxes.
public enum BananaDataSection {
    /// `edge_size = 256`: the images' side, which turns the labels' fractions back into pixels.
    public static let edgeSize = 256

    /// The first `numRows · numCols` images of a batch (`[b, 3, h, w]` in [0, 1]) with their boxes
    /// (`labels` `[b, 1, 5]`) drawn in white, laid out in a grid.
    ///
    /// d2l: §13.6.3's `d2l.show_images(imgs, 2, 5, scale=2)` followed by
    /// `d2l.show_bboxes(ax, [label[0][1:5] * edge_size], colors=['w'])` on each axis.
    public static func figure(_ images: Tensor, _ labels: Tensor, numRows: Int = 2, numCols: Int = 5) -> Image {
        check(images.ndim == 4 && labels.ndim == 3 && labels.shape[0] == images.shape[0] && labels.shape[2] == 5,
              "BananaDataSection.figure: expects images [b, 3, h, w] and labels [b, 1, 5], got shapes \(images.shape) and \(labels.shape)")
        let n = Swift.min(images.shape[0], numRows * numCols)
        let drawn = (0..<n).map { i -> Tensor in
            var img = Image(images[i])
            let (w, h) = (Float(images.shape[3]), Float(images.shape[2]))
            let scale = Tensor(shape: [4], values: [w, h, w, h])
            showBBoxes(&img, labels[i, 0..<1, 1...] * scale, colors: [.white])
            return img.toTensor()
        }
        return imageGrid(Tensor.stack(drawn, dim: 0), numRows: numRows, numCols: numCols)
    }
}
