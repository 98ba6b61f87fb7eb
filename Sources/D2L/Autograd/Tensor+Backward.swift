extension Tensor {
    /// Computes the gradient of this tensor with respect to every leaf that requires gradients,
    /// adding it to their `grad` (gradients accumulate until zeroed, as in PyTorch).
    ///
    /// d2l: `y.backward()` / `y.backward(gradient=...)` (§2.5). For a non-scalar output pass
    /// `gradient`, the vector v of the vector-Jacobian product vᵀJ; the book's
    /// `y.sum().backward()` is the same as `y.backward(gradient: onesLike(y))`.
    ///
    /// The graph is walked in reverse topological order, so a tensor used by several operations
    /// receives the sum of all their contributions before its own gradient is propagated.
    /// An operation whose saved inputs (or output) were changed in place since it ran stops the
    /// walk with a message naming it, as PyTorch does, rather than give a wrong gradient.
    public func backward(gradient: Tensor? = nil) {
        check(requiresGrad,
              "backward: this tensor does not require grad and has no grad_fn; "
              + "create its inputs with requiresGrad: true")
        let seed: Tensor
        if let gradient {
            check(gradient.shape == shape,
                  "backward(gradient:): gradient shape \(gradient.shape) does not match "
                  + "tensor shape \(shape)")
            seed = gradient.to(.float32)  // gradients are real, whatever type the caller passed
        } else {
            check(count == 1,
                  "backward: grad can be implicitly created only for scalar outputs, "
                  + "this tensor has shape \(shape); pass gradient: or call sum() first")
            seed = Tensor.onesLike(self, dtype: .float32)
        }
        noGrad {
            var pending: [ObjectIdentifier: Tensor] = [ObjectIdentifier(self): seed]
            for tensor in topologicalOrder() {
                guard var g = pending.removeValue(forKey: ObjectIdentifier(tensor)) else { continue }
                guard let node = tensor.gradFn else {
                    tensor.accumulateGrad(&g)
                    continue
                }
                node.checkSavedVersions()
                let inputGrads = node.backward(g)
                for (input, inputGrad) in zip(node.inputs, inputGrads) {
                    guard input.requiresGrad, let inputGrad else { continue }
                    check(inputGrad.shape == input.shape,
                          "backward: \(node.name) produced gradient of shape "
                          + "\(inputGrad.shape) for an input of shape \(input.shape)")
                    let key = ObjectIdentifier(input)
                    pending[key] = pending[key].map { $0 + inputGrad } ?? inputGrad
                }
            }
        }
    }

    /// Tensors reachable from `self` through recorded operations, outputs before inputs.
    /// Iterative depth-first search, so long chains (RNNs over many steps) cannot overflow the stack.
    private func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var stack: [(tensor: Tensor, nextInput: Int)] = [(self, 0)]
        while let (tensor, next) = stack.last {
            let inputs = tensor.gradFn?.inputs ?? []
            if next < inputs.count {
                stack[stack.count - 1].nextInput += 1
                let input = inputs[next]
                if input.requiresGrad, visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(tensor)
                stack.removeLast()
            }
        }
        return order.reversed()
    }

    /// Adds `g` to this leaf's `grad`, keeping the grad tensor's storage (it is updated in place).
    /// Without a `grad` yet (after `zeroGrad()`), a gradient that nothing else holds or views,
    /// such as the fresh output of a weight's GEMM, becomes `grad` itself rather than being copied,
    /// as PyTorch's `AccumulateGrad` does; one shared with another tensor is copied, so that
    /// accumulating into it later cannot change that tensor.
    private func accumulateGrad(_ g: inout Tensor) {
        if let existing = grad {
            existing.addInPlace(g)
        } else if g.ownsItsStorage && isKnownUniquelyReferenced(&g) {
            grad = g
        } else {
            grad = g.contiguousCopy()
        }
    }

    /// Whether this tensor is the only one using its storage and covers all of it, contiguously.
    private var ownsItsStorage: Bool {
        isContiguous && offset == 0 && count == storage.count && dtype == .float32 && gradFn == nil
            && storage.tensorCount.load(ordering: .relaxed) == 1
    }

    /// A tensor sharing these values but cut off from the graph: it does not require gradients
    /// and gradients do not flow through it.
    ///
    /// d2l: `x.detach()` (§2.5.3).
    public func detach() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset, dtype: dtype)
    }

    /// Sets `requiresGrad` and returns the same tensor, as PyTorch's `x.requires_grad_(True)`.
    @discardableResult
    public func requiresGrad(_ flag: Bool = true) -> Tensor {
        requiresGrad = flag
        return self
    }
}
