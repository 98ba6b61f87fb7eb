import Foundation

/// The part every book trainer shares: the timer, the examples counter, the live progress line
/// with speed and time left, divergence detection, the result lines and the figure.
///
/// d2l: what `train_ch3`, `train_ch6`, `train_ch8`, `train_seq2seq` and `train_ch13` each build
/// from `Animator`, `Timer` and `Accumulator`. A trainer calls `startEpoch()`, then `step` for
/// every minibatch, `plot` where the book adds a point to its animator, `endEpoch()`, and at
/// the end `finish` with its result lines.
public final class TrainingRun {
    /// Epochs planned, and minibatches in each.
    public let numEpochs: Int, batchesPerEpoch: Int
    /// What the speed counts: `examples` or `tokens`.
    public let unit: String
    /// The learning rate, named when the run diverges.
    public var learningRate: Double? { divergence.learningRate }
    /// Time spent in training passes (evaluation excluded), as the book's `timer`.
    public let timer = Timer()
    /// Examples (or tokens) trained on so far.
    public private(set) var processed = 0

    private let animator: Animator
    private var divergence: DivergenceCheck
    private var batchesDone = 0
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastProgress: UInt64 = 0
    private var epoch = 0
    private var epochStarted: UInt64?
    private let interactive = isatty(STDOUT_FILENO) != 0

    /// A run of `numEpochs` epochs of `batchesPerEpoch` minibatches, plotting `legend` against
    /// epochs into `figureName` (an SVG under `figuresDirectory`).
    public init(numEpochs: Int, batchesPerEpoch: Int, legend: [String], xLabel: String = "epoch",
                yLabel: String? = nil, xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
                yScale: AxisScale = .linear, figureName: String, unit: String = "examples",
                learningRate: Double? = nil) {
        check(numEpochs >= 0, "TrainingRun: numEpochs must not be negative, got \(numEpochs)")
        self.numEpochs = numEpochs
        self.batchesPerEpoch = batchesPerEpoch
        self.unit = unit
        divergence = DivergenceCheck(learningRate: learningRate)
        animator = Animator(xLabel: xLabel, yLabel: yLabel, legend: legend,
                            xLimits: xLimits ?? TrainingRun.epochLimits(numEpochs), yLimits: yLimits,
                            yScale: yScale, name: figureName)
    }

    /// The x range of a figure over `numEpochs` epochs: the book's `xlim=[1, num_epochs]` from 3
    /// epochs on; `0…numEpochs` for shorter runs, whose points (five an epoch, from 0.2) would
    /// otherwise fall outside the frame or leave it empty.
    public static func epochLimits(_ numEpochs: Int) -> ClosedRange<Double> {
        numEpochs >= 3 ? 1...Double(numEpochs) : 0...Double(Swift.max(numEpochs, 1))
    }

    /// Starts timing epoch `epoch` (counted from 0).
    public func startEpoch(_ epoch: Int) {
        self.epoch = epoch
        epochStarted = DispatchTime.now().uptimeNanoseconds
        timer.start()
    }

    /// Stops timing the current epoch.
    public func endEpoch() {
        timer.stop()
        epochStarted = nil
    }

    /// Records minibatch `batch` (from 0) of `size` examples with mean loss `loss`, and updates
    /// the progress line about twice a second on a terminal.
    /// - Throws: `TrainingDiverged` when the loss is NaN, infinite or 100× the first batch's.
    public func step(batch: Int, size: Int, loss: Double) throws {
        try divergence.check(loss, epoch: epoch, batch: batch, of: batchesPerEpoch)
        processed += size
        batchesDone += 1
        let now = DispatchTime.now().uptimeNanoseconds
        if interactive && now - lastProgress > 500_000_000 {
            lastProgress = now
            print("\r\u{1B}[K" + "epoch \(epoch + 1)/\(numEpochs), batch \(batch + 1)/\(batchesPerEpoch): "
                  + "loss \(formatMetric(loss)), \(speedAndTimeLeft)", terminator: "")
            fflush(stdout)
        }
    }

    /// Training speed so far, in `unit` per second of training time.
    public var speed: Double { timer.times.isEmpty ? 0 : Double(processed) / timer.sum() }

    /// `15234.1 examples/sec, 1m05s left`, from the wall time of the batches done so far.
    var speedAndTimeLeft: String {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let total = numEpochs * batchesPerEpoch
        let rate = processed > 0 ? Double(processed) / Swift.max(timer.sum() + currentEpochTime, 1e-9) : 0
        var text = String(format: "%.1f \(unit)/sec", rate)
        if batchesDone > 0 && batchesDone < total {
            text += ", " + formatDuration(elapsed / Double(batchesDone) * Double(total - batchesDone)) + " left"
        }
        return text
    }

    /// Seconds into the epoch being timed (0 between epochs).
    private var currentEpochTime: Double {
        epochStarted.map { Double(DispatchTime.now().uptimeNanoseconds - $0) / 1e9 } ?? 0
    }

    /// Adds a point per curve at `x` (`nil` skips a curve), as the book's `animator.add`, and
    /// prints it with the speed and the time left.
    public func plot(_ x: Double, _ ys: [Double?]) {
        animator.add(x, ys, suffix: speedAndTimeLeft)
    }

    /// Prints `lines` (the book's result lines), then writes the figure and says where. A figure
    /// that cannot be written costs one line naming the path (see `reportWritten`), never the
    /// results.
    /// - Returns: where the figure was written, or `nil` if it could not be.
    @discardableResult
    public func finish(_ lines: [String]) -> URL? {
        animator.endProgressLine()
        for line in lines { print(line) }
        return reportWritten("training curves written to") { try animator.finish() }
    }
}

/// A duration as the progress lines show it: `42s`, `3m07s`, `1h02m`.
public func formatDuration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
    return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
}
