/// A fully connected layer that learns its input size from the first batch it sees.
///
/// d2l: `nn.LazyLinear(out_features)` (§5.3, deferred initialisation). Until the first call,
/// `weight` and `bias` are `nil` and the layer has no parameters; the first call creates them
/// with PyTorch's default uniform initialisation and then behaves as `Linear`.
public final class LazyLinear: Module {
    /// Outputs per example.
    public let outFeatures: Int
    /// [outFeatures, inFeatures] once known.
    public private(set) var weight: Tensor?
    /// [outFeatures] once known.
    public private(set) var bias: Tensor?
    private let generator: RandomGenerator

    /// A layer with `outFeatures` outputs and an input size still to be discovered.
    public init(_ outFeatures: Int, generator: RandomGenerator = .global) {
        check(outFeatures > 0, "LazyLinear: outFeatures must be positive, got \(outFeatures)")
        self.outFeatures = outFeatures
        self.generator = generator
        super.init()
    }

    /// Creates the parameters on the first call, then computes xWᵀ + b.
    public override func forward(_ x: Tensor) -> Tensor {
        if weight == nil {
            guard let inFeatures = x.shape.last, inFeatures > 0 else {
                failCheck("LazyLinear: cannot infer the input size from shape \(x.shape)")
            }
            let concrete = Linear(inFeatures, outFeatures, generator: generator)
            weight = concrete.weight
            bias = concrete.bias
        }
        check(x.shape.last == weight!.shape[1],
              "LazyLinear: input of shape \(x.shape) does not end in \(weight!.shape[1]), the size it was first called with")
        return matmul(x, weight!.T) + bias!
    }
}

/// The only device this library computes on.
///
/// d2l: `torch.device` (§5.6). Everything runs on the CPU (with OpenBLAS), so the book's
/// `try_gpu()` always returns `.cpu` and code written for GPUs runs unchanged.
public enum Device: CustomStringConvertible, Sendable {
    /// The processor, all cores.
    case cpu

    /// `cpu`, as PyTorch prints `device(type='cpu')`.
    public var description: String { "device(type='cpu')" }
}

/// The number of GPUs available: always 0 here, as `torch.cuda.device_count()` on a CPU machine.
public func numGPUs() -> Int { 0 }

/// GPU `i` if it exists, else the CPU, as the book's `try_gpu(i=0)` (§5.6.1): always `.cpu`.
public func tryGPU(_ i: Int = 0) -> Device { .cpu }

/// All GPUs, or `[.cpu]` when there are none, as `try_all_gpus()`: always `[.cpu]`.
public func tryAllGPUs() -> [Device] { [.cpu] }

extension Tensor {
    /// Where the tensor lives: always the CPU (`x.device`).
    public var device: Device { .cpu }
}
