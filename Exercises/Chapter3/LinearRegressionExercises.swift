import D2L

extension Chapter3 {
    /// Exercise 3.1.2 — the analytic solution of linear regression.
    ///
    /// For a design matrix `X` [n, d] (already holding a column of ones if you want a bias) and
    /// targets `y` [n], the squared loss ‖y − Xw‖² is minimised by the w solving the normal
    /// equations XᵀX w = Xᵀy. Return that w as a vector [d]. You may compute XᵀX and Xᵀy with
    /// tensors, but solve the d×d system yourself (Gaussian elimination is enough: d is small and
    /// XᵀX is invertible here).
    public static func analyticSolution(_ X: Tensor, _ y: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 3.1 (vectorization) — all pairwise squared distances without loops.
    ///
    /// Given points `X` [n, d] and `Y` [m, d], return D [n, m] with D[i][j] = ‖X[i] − Y[j]‖²,
    /// using only whole-tensor operations and broadcasting (no Swift loop over points). Hint:
    /// ‖x − y‖² = ‖x‖² − 2xᵀy + ‖y‖², or insert axes so that X and Y broadcast against each other.
    public static func pairwiseSquaredDistances(_ X: Tensor, _ Y: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 3.3.2 — the Huber loss.
    ///
    /// Return, element by element for predictions `yHat` and targets `y` of the same shape, the
    /// Huber loss with threshold σ: with d = yHat − y, it is |d| − σ/2 where |d| > σ and
    /// d² / (2σ) elsewhere. It must be differentiable with autograd (build it from tensor
    /// operations such as `abs`, `where` and comparisons).
    public static func huberLoss(_ yHat: Tensor, _ y: Tensor, sigma: Float) throws -> Tensor {
        throw NotAttempted()
    }
}
