import D2L

/// How long the book's settings would take on this machine, estimated from one measured
/// training step, as `chapter7 NET` prints it before training a preset.
public extension TrainableNet {
    /// Seconds the book's run takes at `secondsPerTrainingImage`: every training image once per
    /// epoch, plus the 10 000 test images (a forward pass each, about a third of a training step).
    func bookDuration(secondsPerTrainingImage: Double) -> Double {
        secondsPerTrainingImage * (Double(book.examplesPerEpoch) + 10_000.0 / 3) * Double(book.epochs)
    }

    /// `--book (224 px, all 60000 images, 10 epochs) would take about 30 h 5 min here (measured: 170.9 ms
    /// per training image at 224 px)`, from a step time measured by `timeTrainingStep(side:)` unless
    /// one is given (tests give one).
    func bookTimeEstimate(secondsPerTrainingImage: Double? = nil) -> String {
        let side = book.imageSide
        let perImage = secondsPerTrainingImage ?? timeTrainingStep(side: side)
        return "--book (\(side) px, all 60000 images, \(epochCount(book.epochs))) would take about "
            + formatDuration(bookDuration(secondsPerTrainingImage: perImage)) + " here "
            + "(measured: \(formatMetric(perImage * 1000, digits: 1)) ms per training image at \(side) px)"
    }

    /// Seconds per image of one forward, backward and SGD step on random images of `side`
    /// pixels, after a small warm-up step; a net of its own, so the run's net is untouched.
    func timeTrainingStep(side: Int) -> Double {
        let g = RandomGenerator(seed: 1)
        let model = make(side, g)
        let optimizer = SGD(model.trainableParameters(), lr: 0.001)
        let loss = CrossEntropyLoss()
        func step(_ n: Int) {
            let X = Tensor.rand([n, 1, side, side], generator: g)
            let y = Tensor(shape: [n], values: (0..<n).map { Float($0 % 10) }, dtype: .int64)
            optimizer.zeroGrad()
            loss(model(X), y).backward()
            optimizer.step()
        }
        step(2)
        let n = side > 100 ? 16 : 64
        let timer = Timer()
        step(n)
        return timer.stop() / Double(n)
    }
}
