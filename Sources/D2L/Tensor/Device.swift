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

extension Module {
    /// Moves parameters and buffers to `device`, as `net.to(device)` (§5.6.3): everything already
    /// lives on the CPU, so this returns the module unchanged and code written for GPUs runs as is.
    @discardableResult
    public func to(_ device: Device) -> Self { self }
}
