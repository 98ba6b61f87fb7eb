import Foundation

// + − × ÷ and powers between tensors (with NumPy broadcasting, §2.1.3) and between a tensor and
// a number. Backward sums each gradient over the broadcast axes so it has its input's shape.

precedencegroup ExponentiationPrecedence {
    associativity: right
    higherThan: MultiplicationPrecedence
}
/// Elementwise power, as Python's `x ** y` (§2.1).
infix operator ** : ExponentiationPrecedence

extension Tensor {
    /// A 0-d `float32` tensor for a `Float` variable taking part in arithmetic. (Number
    /// literals go through `ExpressibleByIntegerLiteral`, so `arange(4) * 2` stays `int64`.)
    static func scalar(_ value: Float) -> Tensor { Tensor(value) }

    /// Elementwise sum, as `x + y`.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        let out = addValues(lhs, rhs, dtype: DType.promoted(lhs.dtype, rhs.dtype))
        return record(out, "AddBackward0", inputs: [lhs, rhs], saves: []) { g in
            [g.sum(toShape: lhs.shape), g.sum(toShape: rhs.shape)]
        }
    }

    /// Elementwise difference, as `x - y`.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        let out = subValues(lhs, rhs, dtype: DType.promoted(lhs.dtype, rhs.dtype))
        return record(out, "SubBackward0", inputs: [lhs, rhs], saves: []) { g in
            [g.sum(toShape: lhs.shape), rhs.requiresGrad ? (-g).sum(toShape: rhs.shape) : nil]
        }
    }

    /// Elementwise product (the Hadamard product ⊙ of §2.3), as `x * y`.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        let out = mulValues(lhs, rhs, dtype: DType.promoted(lhs.dtype, rhs.dtype))
        return record(out, "MulBackward0", inputs: [lhs, rhs], saves: productSaves(lhs, rhs)) { g in
            [lhs.requiresGrad ? (g * rhs).sum(toShape: lhs.shape) : nil,
             rhs.requiresGrad ? (g * lhs).sum(toShape: rhs.shape) : nil]
        }
    }

    /// Elementwise true division (always `float32`, as PyTorch's `/`), as `x / y`.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        let out = divValues(lhs, rhs)
        let quotient = out.detach()  // captured without its graph node: no reference cycle
        return record(out, "DivBackward0", inputs: [lhs, rhs],
                      saves: rhs.requiresGrad ? [rhs, quotient] : [rhs]) { g in
            [lhs.requiresGrad ? (g / rhs).sum(toShape: lhs.shape) : nil,
             rhs.requiresGrad ? (-(g * quotient) / rhs).sum(toShape: rhs.shape) : nil]
        }
    }

    /// Elementwise power xʸ, as `x ** y`. Derivatives: y·xʸ⁻¹ for x and xʸ·ln x for y.
    ///
    /// At x = 0 the formulas meet 0·∞ and ln 0 = −∞ where the function is in fact flat; there
    /// the gradient is 0, as PyTorch's: for x where y = 0 (x⁰ is the constant 1, also at
    /// x = 0), and for y where x = 0 and y ≥ 0 (0ʸ is 0 for every y > 0; PyTorch keeps 0 at y = 0).
    public static func ** (lhs: Tensor, rhs: Tensor) -> Tensor {
        let integral = lhs.dtype.isIntegral && rhs.dtype.isIntegral
        let out = zipValues(lhs, rhs, dtype: integral ? .int64 : .float32, operation: "pow") {
            Foundation.pow($0, $1)
        }
        let power = out.detach()
        let saves = rhs.requiresGrad ? [lhs, rhs, power] : [lhs, rhs]
        return record(out, "PowBackward1", inputs: [lhs, rhs], saves: saves) { g in
            [lhs.requiresGrad ? (g * zipValues(lhs, rhs, dtype: .float32, operation: "pow backward") { x, y in
                 y == 0 ? 0 : y * Foundation.pow(x, y - 1)
             }).sum(toShape: lhs.shape) : nil,
             rhs.requiresGrad ? (g * power * zipValues(lhs, rhs, dtype: .float32, operation: "pow backward") { x, y in
                 x == 0 && y >= 0 ? 0 : Foundation.log(x)
             }).sum(toShape: rhs.shape) : nil]
        }
    }

    /// Elementwise negation, as `-x`.
    public static prefix func - (x: Tensor) -> Tensor {
        let out = x.negValues(dtype: x.dtype == .bool ? .int64 : x.dtype)
        return record(out, "NegBackward0", inputs: [x], saves: []) { g in [-g] }
    }

    // Operators with a `Float` operand serve Swift variables (`x * lr`). They are disfavored so
    // that a literal (`x + 1`) becomes a 0-d tensor and keeps integer dtypes, and so that
    // `[Float].reduce(0, +)` in code importing D2L still means Float addition.

    /// `x + c`, broadcasting the number over every element.
    @_disfavoredOverload
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs + scalar(rhs) }
    /// `c + x`.
    @_disfavoredOverload
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { scalar(lhs) + rhs }
    /// `x - c`.
    @_disfavoredOverload
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs - scalar(rhs) }
    /// `c - x`.
    @_disfavoredOverload
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { scalar(lhs) - rhs }
    /// `x * c`.
    @_disfavoredOverload
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs * scalar(rhs) }
    /// `c * x`.
    @_disfavoredOverload
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { scalar(lhs) * rhs }
    /// `x / c`.
    @_disfavoredOverload
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs / scalar(rhs) }
    /// `c / x`.
    @_disfavoredOverload
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { scalar(lhs) / rhs }
    /// `x ** p` for a `Float` variable, the same as `x.pow(p)`.
    @_disfavoredOverload
    public static func ** (lhs: Tensor, rhs: Float) -> Tensor { lhs.pow(rhs) }

    /// The larger of two tensors at each position, as `torch.maximum`. On ties the gradient is
    /// split evenly, as PyTorch does.
    public static func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
        extremum(a, b, name: "MaximumBackward0") { x, y in x > y ? 1 : (x < y ? 0 : 0.5) }
    }

    /// The smaller of two tensors at each position, as `torch.minimum`.
    public static func minimum(_ a: Tensor, _ b: Tensor) -> Tensor {
        extremum(a, b, name: "MinimumBackward0") { x, y in x < y ? 1 : (x > y ? 0 : 0.5) }
    }

    /// Shared body of maximum / minimum: `pickA` is the share of the gradient going to `a`.
    private static func extremum(_ a: Tensor, _ b: Tensor, name: String,
                                 _ pickA: @escaping (Float, Float) -> Float) -> Tensor {
        let out = zipValues(a, b, dtype: DType.promoted(a.dtype, b.dtype), operation: name) { x, y in
            x.isNaN || y.isNaN ? Float.nan : (pickA(x, y) >= 0.5 ? x : y)
        }
        return record(out, name, inputs: [a, b]) { g in
            let share = zipValues(a, b, dtype: .float32, operation: name, pickA)
            return [a.requiresGrad ? (g * share).sum(toShape: a.shape) : nil,
                    b.requiresGrad ? (g * (1 - share)).sum(toShape: b.shape) : nil]
        }
    }
}
