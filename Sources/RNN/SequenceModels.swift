import D2L
import Foundation

/// §8.1 Sequence models: an autoregressive MLP on a noisy sine, predicting 1 step ahead and
/// then feeding its own predictions back (multistep, k-step).
public enum SequenceModels {
    /// Length of the series, number of past values per feature row, training rows, batch size.
    public static let T = 1000, tau = 4, nTrain = 600, batchSize = 16

    /// `x_t = sin(0.01 t) + ε`, ε ~ N(0, 0.2²), for t = 1…T (§8.1.2).
    public static func series(generator: RandomGenerator = .global) -> [Float] {
        let noise = Tensor.normal(mean: 0, std: 0.2, shape: [T], generator: generator).toArray()
        return (0..<T).map { sin(0.01 * Float($0 + 1)) + noise[$0] }
    }

    /// Feature rows `[x_{t-τ}, …, x_{t-1}]` and labels `x_t` for t = τ…T−1: [T−τ, τ] and [T−τ, 1].
    public static func featuresAndLabels(_ x: [Float]) -> (features: Tensor, labels: Tensor) {
        let rows = x.count - tau
        var flat = [Float](repeating: 0, count: rows * tau)
        for r in 0..<rows { for i in 0..<tau { flat[r * tau + i] = x[r + i] } }
        return (Tensor(shape: [rows, tau], values: flat), Tensor(shape: [rows, 1], values: Array(x[tau...])))
    }

    /// The book's MLP: Linear(4, 10), ReLU, Linear(10, 1), weights xavier-uniform.
    public static func getNet(generator: RandomGenerator = .global) -> Sequential {
        let first = Linear(tau, 10, generator: generator), last = Linear(10, 1, generator: generator)
        Init.xavierUniform(first.weight, generator: generator)
        Init.xavierUniform(last.weight, generator: generator)
        return Sequential([first, ReLU(), last])
    }

    /// Trains with Adam on the summed squared error, as the book's `train` (§8.1.2).
    /// - Returns: the mean squared error on the training rows after each epoch.
    public static func train(_ net: Sequential, _ trainIter: DataLoader, epochs: Int = 5, lr: Float = 0.01) -> [Double] {
        let loss = MSELoss(reduction: .none)
        let trainer = Adam(net.parameters(), lr: lr)
        var losses: [Double] = []
        for _ in 0..<epochs {
            for (X, y) in trainIter {
                trainer.zeroGrad()
                loss(net(X), y).sum().backward()
                trainer.step()
            }
            losses.append(evaluateLoss({ net($0) }, trainIter, loss: { loss($0, $1) }))
        }
        return losses
    }

    /// Multistep predictions: the observed values up to `nTrain + tau`, then each value
    /// predicted from the previous `tau` predictions (§8.1.3).
    public static func multistepPredictions(_ net: Sequential, _ x: [Float]) -> [Float] {
        var preds = Array(x.prefix(nTrain + tau)) + [Float](repeating: 0, count: x.count - nTrain - tau)
        noGrad {
            for i in (nTrain + tau)..<x.count {
                preds[i] = net(Tensor(shape: [1, tau], values: Array(preds[(i - tau)..<i]))).item()
            }
        }
        return preds
    }

    /// k-step-ahead predictions for every k in 1…maxSteps: column `tau + k - 1` of the result
    /// [T − τ − maxSteps + 1, τ + maxSteps] predicts x k steps after the observed window.
    public static func kStepPredictions(_ net: Sequential, _ x: [Float], maxSteps: Int = 64) -> [[Float]] {
        let rows = x.count - tau - maxSteps + 1
        var columns: [[Float]] = (0..<tau).map { i in Array(x[i..<(i + rows)]) }
        noGrad {
            for i in tau..<(tau + maxSteps) {
                var window = [Float](repeating: 0, count: rows * tau)
                for r in 0..<rows { for j in 0..<tau { window[r * tau + j] = columns[i - tau + j][r] } }
                columns.append(net(Tensor(shape: [rows, tau], values: window)).toArray())
            }
        }
        return columns
    }

    /// The whole section: data, 5 epochs of training, the three kinds of prediction and their
    /// figures (SVG files under `figuresDirectory`).
    public struct Run {
        /// The series, the training losses, 1-step, multistep and k-step predictions.
        public let x: [Float], losses: [Double], oneStep: [Float], multistep: [Float], kStep: [[Float]]
    }

    /// Runs §8.1 with `epochs` (book: 5).
    public static func run(epochs: Int = 5, generator: RandomGenerator = .global) -> Run {
        let x = series(generator: generator)
        let (features, labels) = featuresAndLabels(x)
        let trainIter = loadArray(features[0..<nTrain], labels[0..<nTrain], batchSize: batchSize, generator: generator)
        let net = getNet(generator: generator)
        let losses = train(net, trainIter, epochs: epochs)
        let oneStep = noGrad { net(features).toArray() }
        return Run(x: x, losses: losses, oneStep: oneStep, multistep: multistepPredictions(net, x),
                   kStep: kStepPredictions(net, x))
    }

    /// The section's figures: data with 1-step and multistep predictions, and 1/4/16/64-step ones.
    public static func writePlots(_ r: Run) throws -> [URL] {
        let time = (1...T).map(Float.init)
        let data = try plot(time, [r.x], xLabel: "time", yLabel: "x", xLimits: 1...1000,
                            figsize: (6, 3), name: "chapter8-sequence-data.svg")
        let predictions = try plot([time, Array(time[tau...]), Array(time[(nTrain + tau)...])],
                                   [r.x, r.oneStep, Array(r.multistep[(nTrain + tau)...])], xLabel: "time", yLabel: "x",
                                   legend: ["data", "1-step preds", "multistep preds"], figsize: (6, 3),
                                   name: "chapter8-sequence-predictions.svg")
        let steps = [1, 4, 16, 64].filter { $0 <= r.kStep.count - tau }
        let columns = steps.map { r.kStep[tau + $0 - 1] }
        let kStep = try plot(zip(steps, columns).map { k, column in (0..<column.count).map { Float(tau + k + $0) } },
                             columns, xLabel: "time", yLabel: "x", legend: steps.map { "\($0)-step preds" },
                             figsize: (6, 3), name: "chapter8-sequence-k-step.svg")
        return [data, predictions, kStep]
    }
}
