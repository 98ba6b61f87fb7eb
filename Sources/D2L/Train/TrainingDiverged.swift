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
            + "try a smaller learning rate (--lr)" + (hint.map { "; \($0)" } ?? "")
    }
}

/// Watches minibatch losses for a run that has blown up.
struct DivergenceCheck {
    /// How many times the first minibatch's loss counts as "grown by orders of magnitude".
    static let growthLimit = 100.0
    private(set) var firstLoss: Double?

    /// Throws `TrainingDiverged` for a NaN or infinite loss, or one far above the first.
    mutating func check(_ loss: Double, epoch: Int, batch: Int, batchesPerEpoch: Int, learningRate: Double?) throws {
        let first = firstLoss ?? loss
        if firstLoss == nil && loss.isFinite { firstLoss = loss }
        if !loss.isFinite || (first > 0 && loss > Self.growthLimit * first) {
            throw TrainingDiverged(epoch: epoch + 1, batch: batch + 1, batchesPerEpoch: batchesPerEpoch, loss: loss,
                                   firstLoss: first, learningRate: learningRate)
        }
    }
}

/// `0.447` style, with `nan` and `inf` spelled the same way on every platform (never `-nan`).
public func formatMetric(_ x: Double, digits: Int = 3) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.\(digits)f", x)
}

/// A learning rate or similar setting as typed: `0.9`, `1000`, `1e-05`.
func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    return x == x.rounded() && Swift.abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
}
