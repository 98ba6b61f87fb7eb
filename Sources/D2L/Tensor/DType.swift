/// The element type a tensor reports, as PyTorch's `dtype` does.
///
/// Every tensor stores its values as `Float` (32-bit). Integers with magnitude up to 2^24
/// (16 777 216) are exact in a `Float`, which covers class labels, token ids and counts in every
/// chapter; creating an integer tensor from larger values stops with an error rather than
/// rounding silently. The dtype decides how values print (`3` versus `3.`, `True`), which results
/// stay integral (`int + int` is `int`, `int / int` is `float32` as in PyTorch), and which tensors
/// may take part in autograd (only `float32`).
public enum DType: Int, CustomStringConvertible, Sendable {
    /// Results of comparisons: 0 or 1, printed `False` / `True`.
    case bool = 0
    /// Whole numbers (labels, token ids, `arange(12)`), printed without a decimal point.
    case int64 = 1
    /// Real numbers; the default.
    case float32 = 2

    /// The largest magnitude for which every integer is exactly representable in a `Float`.
    public static let maxExactInteger = 16_777_216

    /// The type of a result that combines `a` and `b` arithmetically (bool counts as integer).
    static func promoted(_ a: DType, _ b: DType) -> DType {
        let m = Swift.max(a.rawValue, b.rawValue)
        return m == DType.bool.rawValue ? .int64 : DType(rawValue: m)!
    }

    /// PyTorch's name for the type, such as `torch.float32`.
    public var description: String {
        switch self {
        case .bool: return "torch.bool"
        case .int64: return "torch.int64"
        case .float32: return "torch.float32"
        }
    }

    /// Whether tensors of this type hold whole numbers.
    public var isIntegral: Bool { self != .float32 }
}
