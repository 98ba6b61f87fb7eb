// Reversing the order of entries along axes (§13.1 image augmentation flips images left to
// right; §9.4 bidirectional RNNs run over the reversed sequence).

extension Tensor {
    /// A copy with the entries of each axis in `axes` in reverse order, as `torch.flip(x, dims)`.
    ///
    /// d2l: `torch.flip` (§13.1 `RandomHorizontalFlip` flips the last axis). Like PyTorch, the
    /// result is a new contiguous tensor, not a view. Derivative: the gradient flipped back.
    public func flip(_ axes: [Int]) -> Tensor {
        let flipped = Shape.normalizeAxes(axes, ndim: ndim, operation: "flip")
        let out = flipView(flipped).contiguousCopy()
        return Tensor.record(out, "FlipBackward0", inputs: [self], saves: []) { g in
            [g.flipView(flipped).contiguousCopy()]
        }
    }

    /// Variadic form: `x.flip(0)`, `images.flip(-1)`.
    public func flip(_ axes: Int...) -> Tensor { flip(axes) }

    /// A read-only view walking each axis in `axes` backwards (negative strides, starting at
    /// the last entry), not recorded; `flip` copies it at once.
    private func flipView(_ axes: [Int]) -> Tensor {
        var newStrides = strides
        var start = offset
        for a in axes where shape[a] > 0 {
            start += (shape[a] - 1) * strides[a]
            newStrides[a] = -strides[a]
        }
        return view(shape: shape, strides: newStrides, offset: start)
    }
}
