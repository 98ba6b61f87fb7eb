// d2l-bench section `ssd`: training speed of TinySSD (§13.7) at the book's shapes.
import D2L
import Foundation
import Vision

/// The `ssd` section: TinySSD training steps on random `side × side` images with one random box
/// each (batch `batchSize`, SGD lr 0.2, weight decay 5e-4, as the book): images/sec of whole
/// steps including `multiboxTarget`, the median time of each phase of a step, and the peak memory.
func benchmarkSSD(steps: Int, batchSize: Int, side: Int) {
    print("\nTinySSD (§13.7), random 3x\(side)x\(side) images with one box each, batch \(batchSize), "
          + "median of \(steps) steps after one warm-up step")
    let baseline = resetPeakResident()
    let g = RandomGenerator(seed: 7)
    let net = TinySSD(numClasses: 1, generator: g)
    let trainer = SGD(net.trainableParameters(), lr: SingleShotMultiboxSection.bookLR,
                      weightDecay: SingleShotMultiboxSection.bookWeightDecay)
    let X = Tensor.rand([batchSize, 3, side, side], generator: g)
    let Y = Tensor(shape: [batchSize, 1, 5], values: (0..<batchSize).flatMap { _ -> [Float] in
        let (w, h) = (0.15 + 0.2 * g.nextUniform(), 0.15 + 0.2 * g.nextUniform())
        let (x, y) = ((1 - w) * g.nextUniform(), (1 - h) * g.nextUniform())
        return [0, x, y, x + w, y + h]
    })
    // Phase by phase, as one step of `trainStepSSD` runs them, so their sum is a step.
    var phases = [String: [Double]]()
    func timed<T>(_ name: String, _ body: () -> T) -> T {
        let start = monotonicSeconds()
        let value = body()
        phases[name, default: []].append(monotonicSeconds() - start)
        return value
    }
    let names = ["forward", "multiboxTarget", "loss + backward", "SGD step", "metrics"]
    var stepTimes: [Double] = []
    for s in 0...steps {
        let start = monotonicSeconds()
        trainer.zeroGrad()
        let (anchors, clsPreds, bboxPreds) = timed(names[0]) { net(X) }
        let (bboxLabels, bboxMasks, clsLabels) = timed(names[1]) { multiboxTarget(anchors, Y) }
        timed(names[2]) { calcLoss(clsPreds, clsLabels, bboxPreds, bboxLabels, bboxMasks).mean().backward() }
        timed(names[3]) { trainer.step() }
        _ = timed(names[4]) { (clsEval(clsPreds, clsLabels), bboxEval(bboxPreds, bboxLabels, bboxMasks)) }
        if s == 0 { phases = [:] } else { stepTimes.append(monotonicSeconds() - start) }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let widths = [18, 12]
    print(row(["phase", "ms/step"], widths: widths))
    for name in names { print(row([name, fixed(median(phases[name] ?? [0]) * 1e3, 1)], widths: widths)) }
    let step = median(stepTimes)
    print(row(["whole step", fixed(step * 1e3, 1)], widths: widths)
          + "   \(fixed(Double(batchSize) / step, 2)) images/sec (\(configuration))")
    printPeakResident(baseline: baseline, section: "ssd")
}
