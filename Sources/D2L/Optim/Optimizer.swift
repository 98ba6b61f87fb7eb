/// What the training loops need of an optimizer, as `torch.optim.Optimizer`: clear the
/// gradients, then update from them.
public protocol Optimizer: AnyObject {
    /// Sets every parameter's gradient to zero.
    func zeroGrad()
    /// Updates every parameter from its gradient.
    func step()
}

extension SGD: Optimizer {}
extension Adam: Optimizer {}
