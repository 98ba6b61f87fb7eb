/// The output shape after each layer of a `Sequential`, the tables the book prints to walk
/// an input through a network (§6.6.1, §7.1–7.7).
extension Sequential {
    /// Feeds `X` through the layers one at a time and returns each layer's type name with the
    /// shape it produced.
    ///
    /// d2l: `for layer in net: X = layer(X); print(layer.__class__.__name__, 'output shape:\t', X.shape)`.
    /// Runs without recording gradients and in evaluation mode (restoring the mode afterwards),
    /// so walking a network does not move batch-norm running statistics or draw dropout masks.
    public func layerShapes(for X: Tensor) -> [(name: String, shape: [Int])] {
        let wasTraining = isTraining
        eval()
        defer { train(wasTraining) }
        return noGrad {
            var Y = X
            return layers.map { layer in
                Y = layer(Y)
                return ("\(type(of: layer))", Y.shape)
            }
        }
    }

    /// The lines of `layerShapes(for:)` as the book prints them: `Conv2d output shape:\t [1, 96, 54, 54]`.
    public func shapeTable(for X: Tensor) -> [String] {
        layerShapes(for: X).map { "\($0.name) output shape:\t \($0.shape)" }
    }
}
