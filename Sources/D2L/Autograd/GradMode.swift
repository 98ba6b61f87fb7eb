/// Whether operations are being recorded for autograd.
///
/// d2l: `torch.no_grad()` / `torch.is_grad_enabled()` (§2.5, §3.2).
public enum GradMode {
    /// True unless inside a `noGrad { }` scope.
    public internal(set) static var isEnabled = true
}

/// Runs `body` without recording operations for autograd, as Python's `with torch.no_grad():`.
///
/// Use it for parameter updates and evaluation: the results do not require gradients and
/// in-place updates of parameters are allowed inside.
@discardableResult
public func noGrad<T>(_ body: () throws -> T) rethrows -> T {
    let previous = GradMode.isEnabled
    GradMode.isEnabled = false
    defer { GradMode.isEnabled = previous }
    return try body()
}
