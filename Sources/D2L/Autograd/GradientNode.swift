/// One recorded operation in the autograd graph: which tensors went in, and how to turn the
/// gradient of the output into gradients of those inputs (the chain rule for this operation).
///
/// d2l: the `grad_fn` attribute of a PyTorch tensor (§2.5).
public final class GradientNode: CustomStringConvertible {
    /// PyTorch-style name such as `MulBackward0`, shown when a tensor prints.
    public let name: String
    /// The operands of the recorded operation.
    let inputs: [Tensor]
    /// Maps the output's gradient to one gradient per input (`nil` where none is needed).
    /// It runs with gradient recording switched off.
    let backward: (Tensor) -> [Tensor?]
    /// The storages whose values `backward` reads, with their versions when the operation ran.
    let saved: [SavedVersion]

    init(name: String, inputs: [Tensor], saved: [SavedVersion],
         backward: @escaping (Tensor) -> [Tensor?]) {
        self.name = name
        self.inputs = inputs
        self.saved = saved
        self.backward = backward
    }

    /// `<MulBackward0>`, as PyTorch shows a `grad_fn`.
    public var description: String { "<\(name)>" }

    /// Stops with PyTorch's explanation when a tensor this node reads was changed in place
    /// after the operation ran: its backward would silently use the new values.
    func checkSavedVersions() {
        for s in saved where s.storage.version != s.version {
            let which = inputs.firstIndex { $0.storage === s.storage }.map { "input \($0)" } ?? "its output"
            failCheck("backward: one of the tensors needed for gradient computation has been modified by "
                      + "an in-place operation: [\(name)] \(which) of shape \(s.shape) is at version "
                      + "\(s.storage.version); expected version \(s.version). Change a clone() instead, "
                      + "or run the forward pass again after the change")
        }
    }
}

/// A storage that a backward closure reads, and its version when the forward pass saved it.
struct SavedVersion {
    let storage: TensorStorage
    let version: Int
    let shape: [Int]

    init(_ tensor: Tensor) {
        storage = tensor.storage
        version = tensor.storage.version
        shape = tensor.shape
    }
}

extension Tensor {
    /// Attaches a gradient node to `result` when recording is on and any input needs gradients.
    /// Every differentiable operation returns through here.
    ///
    /// `saves` lists the tensors whose values `backward` reads (inputs, or the output captured
    /// detached); their versions are checked before `backward` runs, as PyTorch checks its saved
    /// tensors. `nil` means every input, the safe choice; operations whose backward reads no
    /// values (sums, views, additions) pass `[]`, so changing their inputs in place afterwards
    /// stays allowed.
    @discardableResult
    static func record(_ result: Tensor, _ name: String, inputs: [Tensor], saves: [Tensor]? = nil,
                       backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return result }
        let read = saves ?? inputs
        result.gradFn = GradientNode(name: name, inputs: inputs, saved: read.map(SavedVersion.init),
                                     backward: backward)
        result.requiresGrad = true
        return result
    }

    /// What the backward of a product reads: each operand whose partner needs a gradient
    /// (∂(ab)/∂a = b, so `b` is read only when `a` requires grad, and the other way round).
    static func productSaves(_ a: Tensor, _ b: Tensor) -> [Tensor] {
        switch (a.requiresGrad, b.requiresGrad) {
        case (true, true): return [a, b]
        case (true, false): return [b]
        case (false, true): return [a]
        case (false, false): return []
        }
    }
}
