/// Why a training run was stopped early: a minibatch loss that is NaN or infinite, or that has
/// grown by orders of magnitude since the first minibatch (the learning rate is too large).
///
/// d2l: the book's loops keep going and plot `nan`; here the run stops at once and says where,
/// so a student can lower the learning rate instead of waiting for a blank figure.
public struct TrainingDiverged: Error, CustomStringConvertible {
    /// Epoch in which it happened, counted from 1.
    public let epoch: Int
    /// Minibatch within that epoch, counted from 1, and how many the epoch has.
    public let batch: Int, batchesPerEpoch: Int
    /// The minibatch's mean loss.
    public let loss: Double
    /// The first minibatch's mean loss, for comparison.
    public let firstLoss: Double
    /// The learning rate of the run, when the loop knows it.
    public let learningRate: Double?
    /// A sentence to add, such as the book's learning rate for this section.
    public var hint: String?

    /// One line: where, the loss, the learning rate and what to try.
    public var description: String {
        let what = loss.isFinite ? "loss \(formatMetric(loss)) is over \(Int(DivergenceCheck.growthLimit))× the first "
            + "batch's \(formatMetric(firstLoss))" : "loss is \(formatMetric(loss))"
        let rate = learningRate.map { " with lr \(formatNumber($0))" } ?? ""
        return "training diverged in epoch \(epoch), batch \(batch) of \(batchesPerEpoch): \(what)\(rate); "
            + "try a smaller learning rate" + (hint.map { "; \($0)" } ?? "")
    }
}

/// Watches minibatch losses for a run that has blown up: a loss that is NaN or infinite, or
/// over 100 times the first minibatch's.
///
/// `TrainingRun` uses one for every trainer built on it; a loop written out as the book writes
/// it (§3.2, §4.10, §6.2.4) keeps one beside its parameters and checks each minibatch's loss:
/// ```swift
/// var divergence = DivergenceCheck(learningRate: Double(lr))
/// for epoch in 0..<numEpochs {
///     for (i, (X, y)) in batches.enumerated() {
///         let l = squaredLoss(linreg(X, w, b), y)
///         try divergence.check(l, epoch: epoch, batch: i, of: batches.count)
///         ...
/// ```
public struct DivergenceCheck {
    /// How many times the first minibatch's loss counts as "grown by orders of magnitude".
    public static let growthLimit = 100.0
    /// The learning rate the error names, when the loop has one.
    public let learningRate: Double?
    /// The first finite minibatch loss seen, the scale later losses are compared with.
    public private(set) var firstLoss: Double?

    /// A check with no loss seen yet.
    public init(learningRate: Double? = nil) {
        self.learningRate = learningRate
    }

    /// Throws `TrainingDiverged` for a NaN or infinite `loss` (the minibatch's mean loss), or one
    /// over `growthLimit` times the first. `epoch` and `batch` count from 0, as loop indices do.
    public mutating func check(_ loss: Double, epoch: Int, batch: Int, of batchesPerEpoch: Int) throws {
        let first = firstLoss ?? loss
        if firstLoss == nil && loss.isFinite { firstLoss = loss }
        if !loss.isFinite || (first > 0 && loss > Self.growthLimit * first) {
            throw TrainingDiverged(epoch: epoch + 1, batch: batch + 1, batchesPerEpoch: batchesPerEpoch, loss: loss,
                                   firstLoss: first, learningRate: learningRate)
        }
    }

    /// `check` on the mean of a minibatch's losses (any shape; read without recording a gradient).
    public mutating func check(_ loss: Tensor, epoch: Int, batch: Int, of batchesPerEpoch: Int) throws {
        try check(Double(loss.detach().mean().item()), epoch: epoch, batch: batch, of: batchesPerEpoch)
    }
}

/// `0.447` style, with `nan` and `inf` spelled the same way on every platform (never `-nan`).
public func formatMetric(_ x: Double, digits: Int = 3) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.\(digits)f", x)
}

/// A learning rate or similar setting as typed: `0.9`, `1000`, `1e-05`, `1e+38`. A value that
/// came from a `Float` (`Double(Float(0.9))` is 0.8999999761…) is shown as that `Float`.
func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
    return Double(Float(x)) == x ? "\(Float(x))" : "\(x)"
}
