import Foundation

// The two loops behind every elementwise operation: one input (`mapValues`) and two broadcast
// inputs (`zipValues`). Both write a new contiguous tensor, take a contiguous fast path over raw
// pointers, and split large jobs over the cores.
//
// The loops are generic over a kernel type whose `callAsFunction` is the per-element operation.
// A closure would be called indirectly for every element (the optimizer cannot see through the
// parallel split), while a kernel type is resolved when the loop is specialised, so the operation
// is compiled into the loop. Specialisation needs the loop's body, and debug builds compile each
// file separately: that is why the hot operations are instantiated at the end of this file
// (`Tensor.addValues`, `expValues`, ...) and the operator files call those.

/// A per-element operation of one value.
protocol UnaryKernel { func callAsFunction(_ x: Float) -> Float }
/// A per-element operation of two values.
protocol BinaryKernel { func callAsFunction(_ a: Float, _ b: Float) -> Float }

/// Wraps a closure for the rarely used operations that are not worth a kernel type.
private struct ClosureUnary: UnaryKernel {
    let f: (Float) -> Float
    func callAsFunction(_ x: Float) -> Float { f(x) }
}
private struct ClosureBinary: BinaryKernel {
    let f: (Float, Float) -> Float
    func callAsFunction(_ a: Float, _ b: Float) -> Float { f(a, b) }
}

extension Tensor {
    /// Applies `f` to every element (a closure: fine for operations off the hot path).
    func mapValues(dtype: DType = .float32, _ f: (Float) -> Float) -> Tensor {
        withoutActuallyEscaping(f) { mapValues(dtype: dtype, ClosureUnary(f: $0)) }
    }

    /// Combines two tensors with a closure (off the hot path); see the kernel version.
    static func zipValues(_ a: Tensor, _ b: Tensor, dtype: DType, operation: String,
                          _ f: (Float, Float) -> Float) -> Tensor {
        withoutActuallyEscaping(f) { zipValues(a, b, dtype: dtype, operation: operation, ClosureBinary(f: $0)) }
    }

    /// Writes `f(a, b)` into `out` with a closure (off the hot path); see the kernel version.
    static func zipValues(_ a: Tensor, _ b: Tensor, into out: Tensor, _ f: (Float, Float) -> Float) {
        withoutActuallyEscaping(f) { zipValues(a, b, into: out, ClosureBinary(f: $0)) }
    }

    /// Applies kernel `f` to every element, giving a new contiguous tensor of the same shape.
    @inline(__always)
    func mapValues<K: UnaryKernel>(dtype: DType = .float32, _ f: K) -> Tensor {
        let out = Tensor(uninitializedShape: shape, dtype: dtype)
        let n = count
        if n == 0 { return out }
        let dst = out.storage.pointer
        let src = base
        if isContiguous {
            Kernels.parallelRanges(n) { start, end in
                for i in start..<end { dst[i] = f(src[i]) }
            }
        } else {
            let inner = shape.last ?? 1
            let step = strides.last ?? 1
            let shape = self.shape, strides = self.strides
            Kernels.parallelRanges(n / inner, workPerItem: inner) { start, end in
                Kernels.forEachRow(shape: shape, a: strides, b: strides, rows: start..<end) { off, _, row in
                    let s = src + off, d = dst + row * inner
                    for j in 0..<inner { d[j] = f(s[j * step]) }
                }
            }
        }
        return out
    }

    /// Combines `a` and `b` element by element after broadcasting them to a common shape.
    @inline(__always)
    static func zipValues<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, dtype: DType, operation: String,
                                           _ f: K) -> Tensor {
        let outShape = Shape.broadcast(a.shape, b.shape, operation: operation)
        let out = Tensor(uninitializedShape: outShape, dtype: dtype)
        zipValues(a, b, into: out, f)
        return out
    }

    /// The kernel of `zipValues`, writing into an existing contiguous `out` whose shape is the
    /// broadcast shape. In-place operators use it with `out` being `a` itself.
    @inline(__always)
    static func zipValues<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, into out: Tensor, _ f: K) {
        let n = out.count
        if n == 0 { return }
        let dst = out.base
        let pa = a.base, pb = b.base
        let outShape = out.shape
        if a.shape == outShape && a.isContiguous {
            // In place (`out` is `a`: `+=`, gradient accumulation, the SGD step) the loops read and
            // write through one pointer. Reading through a second pointer equal to `dst` would
            // fail the compiler's overlap check and send the loop down its scalar path.
            let inPlace = dst == pa
            if b.count == 1 {
                let s = pb[0]
                Kernels.parallelRanges(n) { start, end in
                    if inPlace {
                        for i in start..<end { dst[i] = f(dst[i], s) }
                    } else {
                        for i in start..<end { dst[i] = f(pa[i], s) }
                    }
                }
                return
            }
            if b.shape == outShape && b.isContiguous {
                Kernels.parallelRanges(n) { start, end in
                    if inPlace {
                        for i in start..<end { dst[i] = f(dst[i], pb[i]) }
                    } else {
                        for i in start..<end { dst[i] = f(pa[i], pb[i]) }
                    }
                }
                return
            }
        }
        if a.count == 1 && b.shape == outShape && b.isContiguous {
            let s = pa[0]
            Kernels.parallelRanges(n) { start, end in
                for i in start..<end { dst[i] = f(s, pb[i]) }
            }
            return
        }
        // General case: broadcast strides (0 on repeated axes), walked row by row.
        let sa = a.broadcastStrides(to: outShape)
        let sb = b.broadcastStrides(to: outShape)
        let inner = outShape.last ?? 1
        let ia = sa.last ?? 0, ib = sb.last ?? 0
        Kernels.parallelRanges(n / inner, workPerItem: inner) { start, end in
            Kernels.forEachRow(shape: outShape, a: sa, b: sb, rows: start..<end) { offA, offB, row in
                let x = pa + offA, y = pb + offB, d = dst + row * inner
                for j in 0..<inner { d[j] = f(x[j * ia], y[j * ib]) }
            }
        }
    }

    /// Strides that read this tensor as if broadcast to `target` (0 on repeated axes).
    func broadcastStrides(to target: [Int]) -> [Int] {
        let lead = target.count - ndim
        var result = [Int](repeating: 0, count: target.count)
        for i in 0..<ndim where shape[i] == target[lead + i] && shape[i] != 1 {
            result[lead + i] = strides[i]
        }
        return result
    }
}

// MARK: The hot operations, specialised here

struct AddKernel: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a + b } }
struct SubKernel: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a - b } }
struct MulKernel: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a * b } }
struct DivKernel: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a / b } }
/// g · (1 − y²): the derivative of tanh from its output y.
struct TanhGradKernel: BinaryKernel { @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * (1 - y * y) } }
/// g · y(1 − y): the derivative of the sigmoid from its output y.
struct SigmoidGradKernel: BinaryKernel { @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * y * (1 - y) } }
/// p − scale·g: the SGD update, rounded as `p - (scale * g)` is.
struct ScaledSubKernel: BinaryKernel {
    let scale: Float
    @inline(__always) func callAsFunction(_ p: Float, _ g: Float) -> Float { p - scale * g }
}
/// g where x > 0, else 0: the derivative of ReLU.
struct ReluGradKernel: BinaryKernel { @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { x > 0 ? g : 0 } }

struct NegKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { -x } }
struct SquareKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { x * x } }
struct ExpKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { fastExp(x) } }
struct LogKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.log(x) } }
struct SqrtKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { x.squareRoot() } }
struct TanhKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { fastTanh(x) } }
/// max(x, 0), letting NaN through (as PyTorch) so a diverging run shows itself.
struct ReluKernel: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { x < 0 ? 0 : x } }
/// 1/(1 + e⁻ˣ). `fastExp` clamps its argument, so e⁻ˣ stays finite (at most ~3.4e38) for very
/// negative x and the quotient goes smoothly to 0, with no branch to stop the loop vectorising.
struct SigmoidKernel: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { 1 / (1 + fastExp(-x)) }
}

extension Tensor {
    /// Broadcast binary operations into a new tensor.
    static func addValues(_ a: Tensor, _ b: Tensor, dtype: DType) -> Tensor { zipValues(a, b, dtype: dtype, operation: "add", AddKernel()) }
    static func subValues(_ a: Tensor, _ b: Tensor, dtype: DType) -> Tensor { zipValues(a, b, dtype: dtype, operation: "sub", SubKernel()) }
    static func mulValues(_ a: Tensor, _ b: Tensor, dtype: DType) -> Tensor { zipValues(a, b, dtype: dtype, operation: "mul", MulKernel()) }
    static func divValues(_ a: Tensor, _ b: Tensor) -> Tensor { zipValues(a, b, dtype: .float32, operation: "div", DivKernel()) }

    /// The same four operations writing into `out` (in-place operators pass `out === a`).
    static func addValues(_ a: Tensor, _ b: Tensor, into out: Tensor) { zipValues(a, b, into: out, AddKernel()) }
    static func subValues(_ a: Tensor, _ b: Tensor, into out: Tensor) { zipValues(a, b, into: out, SubKernel()) }
    static func mulValues(_ a: Tensor, _ b: Tensor, into out: Tensor) { zipValues(a, b, into: out, MulKernel()) }
    static func divValues(_ a: Tensor, _ b: Tensor, into out: Tensor) { zipValues(a, b, into: out, DivKernel()) }

    /// Derivatives fused into one pass: `g` is the incoming gradient.
    static func tanhGrad(_ g: Tensor, output y: Tensor) -> Tensor { zipValues(g, y, dtype: .float32, operation: "tanh backward", TanhGradKernel()) }
    static func sigmoidGrad(_ g: Tensor, output y: Tensor) -> Tensor { zipValues(g, y, dtype: .float32, operation: "sigmoid backward", SigmoidGradKernel()) }
    static func reluGrad(_ g: Tensor, input x: Tensor) -> Tensor { zipValues(g, x, dtype: .float32, operation: "relu backward", ReluGradKernel()) }

    /// p ← p − scale·g in one pass over this contiguous tensor, with no temporary for scale·g
    /// (the SGD step). `g` has this tensor's shape and its own storage.
    func subtractScaledInPlace(_ g: Tensor, scale: Float) {
        prepareInPlaceWrite("-=")
        check(isContiguous && g.shape == shape && g.storage !== storage,
              "-=: the fused update needs a contiguous tensor and a separate gradient of shape \(shape), got \(g.shape)")
        Tensor.zipValues(self, g, into: self, ScaledSubKernel(scale: scale))
    }

    /// Unary operations into a new tensor.
    func negValues(dtype: DType) -> Tensor { mapValues(dtype: dtype, NegKernel()) }
    func squareValues(dtype: DType) -> Tensor { mapValues(dtype: dtype, SquareKernel()) }
    func expValues() -> Tensor { mapValues(dtype: .float32, ExpKernel()) }
    func logValues() -> Tensor { mapValues(dtype: .float32, LogKernel()) }
    func sqrtValues() -> Tensor { mapValues(dtype: .float32, SqrtKernel()) }
    func tanhValues() -> Tensor { mapValues(dtype: .float32, TanhKernel()) }
    func sigmoidValues() -> Tensor { mapValues(dtype: .float32, SigmoidKernel()) }
    func reluValues(dtype: DType) -> Tensor { mapValues(dtype: dtype, ReluKernel()) }
}

/// y[i] = e^(x[i] − shift) over `n` values: the exponential pass of softmax, log-softmax and
/// log-sum-exp (`Tensor+Softmax.swift`), kept in this file so `fastExp` inlines and the loop
/// vectorises in debug builds too.
func expShifted(_ x: UnsafePointer<Float>, by shift: Float, count n: Int, into y: UnsafeMutablePointer<Float>) {
    for i in 0..<n { y[i] = fastExp(x[i] - shift) }
}

/// y[j] = e^(x[j] − shifts[j]) over `n` values: the same with one shift per column.
func expShifted(_ x: UnsafePointer<Float>, by shifts: UnsafePointer<Float>, count n: Int,
                into y: UnsafeMutablePointer<Float>) {
    for j in 0..<n { y[j] = fastExp(x[j] - shifts[j]) }
}

/// The activation of one recurrent step, in place over `n` pre-activations (`Tensor+RNN.swift`):
/// tanh, or max(z, 0) for a ReLU RNN. Kept in this file so `fastTanh` inlines and the loop
/// vectorises in debug builds too.
func activateInPlace(_ z: UnsafeMutablePointer<Float>, count n: Int, relu: Bool) {
    if relu {
        for i in 0..<n { z[i] = z[i] < 0 ? 0 : z[i] }
    } else {
        for i in 0..<n { z[i] = fastTanh(z[i]) }
    }
}

/// g ← g · f′ in place, with f′ read from the step's outputs y: 1 − y² for tanh, [y > 0] for
/// ReLU. The backward of `activateInPlace`.
func activationGradInPlace(_ g: UnsafeMutablePointer<Float>, output y: UnsafePointer<Float>, count n: Int,
                           relu: Bool) {
    if relu {
        for i in 0..<n { g[i] = y[i] > 0 ? g[i] : 0 }
    } else {
        for i in 0..<n { g[i] *= 1 - y[i] * y[i] }
    }
}

/// tanh x without a call into libm, so loops over it vectorise (an RNN evaluates it for every
/// hidden unit at every step, and a libm call per element keeps that loop scalar).
///
/// Cephes' `tanhf`: for |x| < 0.625 an odd polynomial x + x³P(x²) (no cancellation near 0),
/// beyond it 1 − 2/(e^{2|x|} + 1) with the sign of x. Both branches are computed and one is
/// selected, so there is no branch in the loop. |x| is capped at 10, where tanh is 1 in `Float`,
/// so the exponential never overflows. Error about 2 ulp; NaN stays NaN.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    let a = Swift.abs(x)
    let e = fastExp(2 * Swift.min(a, 10))
    let outer = Float(signOf: x, magnitudeOf: 1 - 2 / (e + 1))
    let z = x * x
    var p: Float = -5.704_988_727_45e-3
    p = p * z + 2.063_908_879_54e-2
    p = p * z - 5.373_971_555_31e-2
    p = p * z + 1.333_144_220_36e-1
    p = p * z - 3.333_328_194_22e-1
    let inner = p * z * x + x
    return a < 0.625 ? inner : (x.isNaN ? x : outer)
}

/// eˣ without a call into libm, so loops over it vectorise (about 5× faster than `expf`).
///
/// The classic Cephes method: write x = k·ln 2 + r with |r| ≤ ln 2 / 2, approximate eʳ by a
/// degree-6 polynomial (relative error below 2e-7, as `expf`), and multiply by 2ᵏ by building
/// the float's exponent bits directly. ln 2 is split into two constants (Cody–Waite) so that
/// r keeps its precision. Beyond the float range the result is ∞ or 0; NaN stays NaN.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    let clamped = Swift.min(Swift.max(x, -87.33654), 88.72283)
    // Adding 1.5·2²³ rounds x·log₂e to the nearest integer k, which lands in the low mantissa bits.
    let shifted = clamped * 1.442_695_04 + 12_582_912
    let k = shifted - 12_582_912
    let r = clamped - k * 0.693_359_375 + k * 2.121_944_4e-4
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 0.166_666_65
    p = p * r + 0.5
    let y = p * r * r + r + 1
    // 2ᵏ as 2^(k/2) · 2^(k − k/2): each half stays a normal float even at the ends of the range.
    let k32 = Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000
    let half = k32 >> 1
    let scale1 = Float(bitPattern: UInt32(bitPattern: (half &+ 127) &<< 23))
    let scale2 = Float(bitPattern: UInt32(bitPattern: (k32 &- half &+ 127) &<< 23))
    let result = y * scale1 * scale2
    if x > 88.72283 { return .infinity }
    if x < -87.33654 { return 0 }
    return x.isNaN ? x : result
}
