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

    init(name: String, inputs: [Tensor], backward: @escaping (Tensor) -> [Tensor?]) {
        self.name = name
        self.inputs = inputs
        self.backward = backward
    }

    /// `<MulBackward0>`, as PyTorch shows a `grad_fn`.
    public var description: String { "<\(name)>" }
}

extension Tensor {
    /// Attaches a gradient node to `result` when recording is on and any input needs gradients.
    /// Every differentiable operation returns through here.
    @discardableResult
    static func record(_ result: Tensor, _ name: String, inputs: [Tensor],
                       backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return result }
        result.gradFn = GradientNode(name: name, inputs: inputs, backward: backward)
        result.requiresGrad = true
        return result
    }
}
