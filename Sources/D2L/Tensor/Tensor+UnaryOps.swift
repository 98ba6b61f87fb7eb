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

    /// Elementwise combination of two same-shaped tensors without recording; used by backward
    /// closures to fuse a derivative into one pass.
    @inline(__always)
    func zipWith(_ other: Tensor, _ f: (Float, Float) -> Float) -> Tensor {
        Tensor.zipValues(self, other, dtype: .float32, operation: "backward", f)
    }
}
