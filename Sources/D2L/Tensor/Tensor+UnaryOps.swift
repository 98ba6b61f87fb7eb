import Foundation

// Elementwise functions of one tensor (§2.1 "operations"), each with its derivative written
// beside it as the backward closure.

extension Tensor {
    /// eˣ elementwise, as `torch.exp`. Derivative: eˣ itself.
    public func exp() -> Tensor {
        let out = expValues()
        let y = out.detach()  // the output without its graph node, so the closure cannot form a cycle
        return Tensor.record(out, "ExpBackward0", inputs: [self], saves: [y]) { g in [g * y] }
    }

    /// Natural logarithm, as `torch.log`. Derivative: 1/x.
    public func log() -> Tensor {
        let out = logValues()
        return Tensor.record(out, "LogBackward0", inputs: [self]) { [self] g in [g / self] }
    }

    /// Square root, as `torch.sqrt`. Derivative: 1/(2√x).
    public func sqrt() -> Tensor {
        let out = sqrtValues()
        let y = out.detach()
        return Tensor.record(out, "SqrtBackward0", inputs: [self], saves: [y]) { g in [g * 0.5 / y] }
    }

    /// Absolute value, as `torch.abs`. Derivative: the sign of x (0 at 0, as PyTorch).
    public func abs() -> Tensor {
        let out = mapValues(dtype: dtype == .bool ? .int64 : dtype) { Swift.abs($0) }
        return Tensor.record(out, "AbsBackward0", inputs: [self]) { [self] g in [g * self.sign()] }
    }

    /// −1, 0 or 1 by the sign of each element, as `torch.sign`. Not differentiable.
    public func sign() -> Tensor {
        mapValues(dtype: dtype) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
    }

    /// Sine, as `torch.sin`. Derivative: cos x (§2.4 exercise, §2.5).
    public func sin() -> Tensor {
        let out = mapValues { Foundation.sin($0) }
        return Tensor.record(out, "SinBackward0", inputs: [self]) { [self] g in [g * self.cos()] }
    }

    /// Cosine, as `torch.cos`. Derivative: −sin x.
    public func cos() -> Tensor {
        let out = mapValues { Foundation.cos($0) }
        return Tensor.record(out, "CosBackward0", inputs: [self]) { [self] g in [-(g * self.sin())] }
    }

    /// Hyperbolic tangent, as `torch.tanh` (§4.1). Derivative: 1 − tanh²x.
    public func tanh() -> Tensor {
        let out = tanhValues()
        let y = out.detach()
        return Tensor.record(out, "TanhBackward0", inputs: [self], saves: [y]) { g in
            [Tensor.tanhGrad(g, output: y)]
        }
    }

    /// The logistic function 1/(1 + e⁻ˣ), as `torch.sigmoid` (§4.1). Derivative: σ(x)(1 − σ(x)).
    /// (See `SigmoidKernel` for how overflow is avoided.)
    public func sigmoid() -> Tensor {
        let out = sigmoidValues()
        let y = out.detach()
        return Tensor.record(out, "SigmoidBackward0", inputs: [self], saves: [y]) { g in
            [Tensor.sigmoidGrad(g, output: y)]
        }
    }

    /// max(x, 0), as `torch.relu` (§4.1). Derivative: 1 where x > 0, else 0.
    public func relu() -> Tensor {
        let out = reluValues(dtype: dtype)
        return Tensor.record(out, "ReluBackward0", inputs: [self]) { [self] g in
            [Tensor.reluGrad(g, input: self)]
        }
    }

    /// Each element raised to the power `exponent`, as `x ** 2` / `torch.pow(x, 2)`.
    /// Derivative: p·xᵖ⁻¹.
    public func pow(_ exponent: Float) -> Tensor {
        let out: Tensor
        if exponent == 2 {
            out = squareValues(dtype: dtype == .bool ? .int64 : dtype)
        } else {
            let integral = dtype.isIntegral && exponent >= 0 && exponent.rounded() == exponent
            out = mapValues(dtype: integral ? .int64 : .float32) { Foundation.pow($0, exponent) }
        }
        return Tensor.record(out, "PowBackward0", inputs: [self], saves: exponent == 0 ? [] : [self]) { [self] g in
            // x⁰ is constant: its derivative is 0 everywhere, also at x = 0 where 0·0⁻¹ would be NaN.
            [exponent == 0 ? Tensor.zerosLike(g, dtype: .float32)
                : g.zipWith(self) { gi, x in gi * exponent * Foundation.pow(x, exponent - 1) }]
        }
    }

    /// Values limited to `[min, max]`, as `torch.clamp`. Derivative: 1 inside the range, else 0.
    public func clamp(min low: Float = -.infinity, max high: Float = .infinity) -> Tensor {
        check(low <= high, "clamp: min \(low) is greater than max \(high)")
        // An integer tensor clamped to a fractional bound becomes real, as PyTorch promotes it.
        let whole = { (b: Float) in !b.isFinite || b.rounded() == b }
        let type: DType = dtype.isIntegral && whole(low) && whole(high) ? (dtype == .bool ? .int64 : dtype) : .float32
        let out = mapValues(dtype: type) { $0.isNaN ? $0 : Swift.min(Swift.max($0, low), high) }
        return Tensor.record(out, "ClampBackward1", inputs: [self]) { [self] g in
            [g.zipWith(self) { gi, x in x >= low && x <= high ? gi : 0 }]
        }
    }

    /// Values limited elementwise by tensor bounds, as `torch.clamp(x, min=lo, max=hi)` with
    /// tensors (§13.4 clips boxes to per-image sizes). `x`, `min` and `max` broadcast together;
    /// either bound may be `nil`. The result is min(max(x, lo), hi), so where lo > hi it is hi,
    /// as in PyTorch; NaN in `x` or in a bound gives NaN.
    ///
    /// The same family as `clamp(min:max:)` with `Float` bounds, and the same derivative: the
    /// gradient passes to `x` where lo ≤ x ≤ hi, else 0. Unlike the `Float` form the bounds
    /// are differentiable too: `min` receives it where x < lo (and lo < hi), `max` where x > hi
    /// (or hi < lo), as PyTorch's `clamp` backward.
    @_disfavoredOverload
    public func clamp(min low: Tensor? = nil, max high: Tensor? = nil) -> Tensor {
        guard low != nil || high != nil else {
            failCheck("clamp: at least one of min and max must be given")
        }
        var type = dtype
        var outShape = shape
        for bound in [low, high].compactMap({ $0 }) {
            type = DType.promoted(type, bound.dtype)
            outShape = Shape.broadcast(outShape, bound.shape, operation: "clamp")
        }
        if type == .bool { type = .int64 }
        var out = detach().broadcast(to: outShape)
        if let low {
            out = Tensor.zipValues(out, low.detach(), dtype: type, operation: "clamp") { x, lo in
                x.isNaN || lo.isNaN ? .nan : Swift.max(x, lo)
            }
        }
        if let high {
            out = Tensor.zipValues(out, high.detach(), dtype: type, operation: "clamp") { x, hi in
                x.isNaN || hi.isNaN ? .nan : Swift.min(x, hi)
            }
        }
        let inputs = [self] + [low, high].compactMap { $0 }
        return Tensor.record(out, "ClampBackward0", inputs: inputs) { [self] g in
            // 1 where the gradient goes to x; the rest goes to whichever bound was applied.
            let g = g.broadcast(to: outShape)
            var inside = Tensor.onesLike(g, dtype: .float32)
            var grads: [Tensor?] = [nil]
            if let low {
                inside = inside * (self >= low).to(.float32)
                if low.requiresGrad {
                    let picked = high.map { (self < low).float() * (low < $0).float() } ?? (self < low).float()
                    grads.append((g * picked).sum(toShape: low.shape))
                } else { grads.append(nil) }
            }
            if let high {
                inside = inside * (self <= high).to(.float32)
                if high.requiresGrad {
                    let above = (self > high).float()
                    let picked = low.map { Tensor.maximum(above, (high < $0).float()) } ?? above
                    grads.append((g * picked).sum(toShape: high.shape))
                } else { grads.append(nil) }
            }
            grads[0] = (g * inside).sum(toShape: self.shape)
            return grads
        }
    }

    /// Elementwise combination of two same-shaped tensors without recording; used by backward
    /// closures to fuse a derivative into one pass.
    @inline(__always)
    func zipWith(_ other: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        Tensor.zipValues(self, other, dtype: .float32, operation: "backward", f)
    }
}
