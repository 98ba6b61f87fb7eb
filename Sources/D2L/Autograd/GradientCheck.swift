/// The result of comparing autograd's gradient with a finite-difference estimate.
public struct GradientCheckResult: CustomStringConvertible {
    /// Largest |analytic − numeric| over all checked entries, scaled by max(1, |numeric|);
    /// `.infinity` when any analytic or numeric entry is NaN or infinite, so a check written
    /// as `maxError < tolerance` fails.
    public let maxError: Float
    /// Input index, flat element index, analytic and numeric value of the worst entry: the
    /// first non-finite entry if there is one, else the one with the largest error.
    public let worst: (input: Int, element: Int, analytic: Float, numeric: Float)?
    /// How many entries had a NaN or infinite analytic or numeric gradient.
    public let nonFiniteCount: Int

    /// One line naming the worst entry, for test failure messages.
    public var description: String {
        guard let w = worst else { return "gradient check: no entries" }
        if nonFiniteCount > 0 {
            return "gradient check: non-finite gradient at input \(w.input) element \(w.element) "
                + "(autograd \(w.analytic), finite difference \(w.numeric)); "
                + "\(nonFiniteCount) non-finite entr\(nonFiniteCount == 1 ? "y" : "ies") in all"
        }
        return "gradient check: max error \(maxError) at input \(w.input) element \(w.element) "
            + "(autograd \(w.analytic), finite difference \(w.numeric))"
    }
}

/// Compares the gradients autograd computes for a scalar function with central finite
/// differences (f(x + h) − f(x − h)) / 2h, entry by entry.
///
/// d2l: the numerical check behind §2.4's limit table, in the spirit of
/// `torch.autograd.gradcheck`. Values are `Float`, so `h` should not be tiny: with h = 1e-2 the
/// truncation error (∝ h²) and the rounding error (∝ ε/h, ε ≈ 6e-8) are both around 1e-4 for
/// well-scaled functions.
///
/// A NaN or infinite entry on either side fails the check (`maxError` is `.infinity`) and is
/// named in `description`: the error of such an entry is NaN, which no `>` comparison would
/// ever keep as the worst.
/// - Parameters:
///   - inputs: `float32` tensors; each is perturbed in place, one element at a time.
///   - h: the step of the finite difference.
///   - f: builds a scalar (one-element) tensor from the inputs.
public func gradientCheck(_ inputs: [Tensor], h: Float = 1e-2,
                          _ f: ([Tensor]) -> Tensor) -> GradientCheckResult {
    let leaves = inputs.map { $0.detach().contiguous().clone().requiresGrad(true) }
    for leaf in leaves { leaf.grad = nil }
    let out = f(leaves)
    check(out.count == 1, "gradientCheck: the function must return one value, got shape \(out.shape)")
    out.backward()
    var maxError: Float = 0
    var worst: (Int, Int, Float, Float)?
    var firstNonFinite: (Int, Int, Float, Float)?
    var nonFiniteCount = 0
    noGrad {
        for (i, leaf) in leaves.enumerated() {
            let analytic = leaf.grad?.toArray() ?? [Float](repeating: 0, count: leaf.count)
            let p = leaf.storage.pointer
            for e in 0..<leaf.count {
                let saved = p[e]
                p[e] = saved + h
                let plus = f(leaves).item()
                p[e] = saved - h
                let minus = f(leaves).item()
                p[e] = saved
                let numeric = (plus - minus) / (2 * h)
                guard analytic[e].isFinite, numeric.isFinite else {
                    nonFiniteCount += 1
                    if firstNonFinite == nil { firstNonFinite = (i, e, analytic[e], numeric) }
                    continue
                }
                let error = Swift.abs(analytic[e] - numeric) / Swift.max(1, Swift.abs(numeric))
                if worst == nil || error > maxError {
                    maxError = error
                    worst = (i, e, analytic[e], numeric)
                }
            }
        }
    }
    if let bad = firstNonFinite {
        return GradientCheckResult(maxError: .infinity, worst: bad, nonFiniteCount: nonFiniteCount)
    }
    return GradientCheckResult(maxError: maxError, worst: worst, nonFiniteCount: 0)
}
