import D2L

/// §6.5 Pooling, from scratch.
public enum Pooling {
    /// The two kinds of pooling.
    public enum Mode { case max, avg }

    /// Max or average pooling of `X` [h, w] with a `poolSize` window and stride 1 (§6.5.1).
    public static func pool2d(_ X: Tensor, poolSize: (Int, Int), mode: Mode = .max) -> Tensor {
        let (ph, pw) = poolSize
        let rows = X.shape[0] - ph + 1, cols = X.shape[1] - pw + 1
        var values: [Float] = []
        for i in 0..<rows {
            for j in 0..<cols {
                let window = X[i..<(i + ph), j..<(j + pw)]
                values.append(mode == .max ? window.max().item() : window.mean().item())
            }
        }
        return Tensor(shape: [rows, cols], values: values)
    }
}
