/// What the training loops need of an optimizer, as `torch.optim.Optimizer`: clear the
/// gradients, then update from them.
public protocol Optimizer: AnyObject {
    /// Clears every parameter's gradient: drops it (`setToNone`, PyTorch's default) or zeroes it.
    func zeroGrad(setToNone: Bool)
    /// Updates every parameter from its gradient.
    func step()
}

extension Optimizer {
    /// Drops every parameter's gradient, as `optimizer.zero_grad()` does by default.
    public func zeroGrad() { zeroGrad(setToNone: true) }
}

extension SGD: Optimizer {}
extension Adam: Optimizer {}
