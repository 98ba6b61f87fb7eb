import D2L
import Foundation

/// §4.4 Model selection, underfitting and overfitting: polynomial regression.
public enum PolynomialRegression {
    /// The true coefficients of the cubic: 5 + 1.2x − 3.4x²/2! + 5.6x³/3!; the other 16 are 0.
    public static let trueW: [Float] = [5, 1.2, -3.4, 5.6] + Array(repeating: 0, count: 16)

    /// Features xⁱ/i! for i = 0…19 of n_train + n_test points x ~ N(0, 1), and labels with
    /// noise N(0, 0.1²), as §4.4.4.1 generates them.
    public static func makeData(nTrain: Int = 100, nTest: Int = 100, generator: RandomGenerator = .global)
        -> (features: Tensor, labels: Tensor) {
        let n = nTrain + nTest, degree = trueW.count
        let x = Tensor.normal(mean: 0, std: 1, shape: [n], generator: generator).toArray()
        var values = [Float](repeating: 0, count: n * degree)
        for i in 0..<n {
            var term: Float = 1
            for j in 0..<degree {
                values[i * degree + j] = term          // xʲ / j!, built up one factor at a time
                term *= x[i] / Float(j + 1)
            }
        }
        let features = Tensor(shape: [n, degree], values: values)
        let labels = matmul(features, Tensor(trueW)) + Tensor.normal(mean: 0, std: 0.1, shape: [n], generator: generator)
        return (features, labels)
    }

    /// Fits a linear model without bias to the given feature columns with SGD (lr 0.01) and
    /// squared loss, recording train and test loss every 20 epochs, and prints the learned
    /// weights and the final losses before writing the curves to the SVG figure `name`, as the
    /// book's `train` (§4.4.4.3). Returns the weights, the final losses and the figure's location
    /// (`nil` if it could not be written).
    /// - Throws: `TrainingDiverged` when a minibatch loss blows up.
    @discardableResult
    public static func fit(trainFeatures: Tensor, testFeatures: Tensor, trainLabels: Tensor, testLabels: Tensor,
                           numEpochs: Int = 400, name: String, generator: RandomGenerator = .global) throws
        -> (weights: Tensor, trainLoss: Double, testLoss: Double, figure: URL?) {
        let loss = MSELoss(reduction: .none)
        let inputs = trainFeatures.shape[1]
        let net = Sequential { Linear(inputs, 1, bias: false, generator: generator) }
        let batchSize = min(10, trainLabels.shape[0])
        let trainIter = loadArray(trainFeatures, trainLabels.reshape(-1, 1), batchSize: batchSize, generator: generator)
        let testIter = loadArray(testFeatures, testLabels.reshape(-1, 1), batchSize: batchSize, isTrain: false)
        let trainer = SGD(net.parameters(), lr: 0.01)
        let run = TrainingRun(numEpochs: numEpochs, batchesPerEpoch: trainIter.count, legend: ["train", "test"],
                              yLabel: "loss", xLimits: 1...Double(numEpochs), yLimits: 1e-3...1e2, yScale: .log,
                              figureName: name, learningRate: 0.01)
        let lossFn: (Tensor, Tensor) -> Tensor = { loss($0, $1) }
        var last = (0.0, 0.0)
        for epoch in 0..<numEpochs {
            _ = try trainEpochCh3({ net($0) }, trainIter, loss: lossFn, updater: .optimizer(trainer), run: run, epoch: epoch)
            if epoch == 0 || (epoch + 1) % 20 == 0 {
                last = (evaluateLoss({ net($0) }, trainIter, loss: lossFn), evaluateLoss({ net($0) }, testIter, loss: lossFn))
                run.plot(Double(epoch + 1), [last.0, last.1])
            }
        }
        let weights = (net[0] as! Linear).weight.detach()
        let figure = run.finish(["weight: \(weights)",
                                 "train loss \(formatMetric(last.0, digits: 4)), test loss \(formatMetric(last.1, digits: 4))"])
        return (weights, last.0, last.1, figure)
    }
}

/// §4.5 Weight decay: a 200-dimensional linear model fitted to 20 examples.
public enum WeightDecay {
    /// The high-dimensional set-up of §4.5.2: w = 0.01·1, b = 0.05, 20 training and 100 test
    /// examples with 200 features.
    public static func makeData(generator: RandomGenerator = .global) -> (train: DataLoader, test: DataLoader) {
        let trueW = Tensor.full([200], 0.01)
        let train = syntheticData(trueW, 0.05, numExamples: 20, generator: generator)
        let test = syntheticData(trueW, 0.05, numExamples: 100, generator: generator)
        return (loadArray(train.features, train.labels, batchSize: 5, generator: generator),
                loadArray(test.features, test.labels, batchSize: 5, isTrain: false))
    }

    /// ‖w‖²/2, the penalty the book adds to the loss (§4.5.3.2).
    public static func l2Penalty(_ w: Tensor) -> Tensor { (w * w).sum() / 2 }

    /// Trains from scratch with penalty weight `lambda` (100 epochs, lr 0.003) and prints ‖w‖
    /// before writing the curves to an SVG file, as the book's `train(lambd)`. Returns ‖w‖, the
    /// final train and test losses and the figure's location (`nil` if it could not be written).
    /// - Throws: `TrainingDiverged` when a minibatch loss blows up.
    @discardableResult
    public static func trainScratch(lambda: Float, data: (train: DataLoader, test: DataLoader),
                                    generator: RandomGenerator = .global, name: String) throws
        -> (norm: Float, trainLoss: Double, testLoss: Double, figure: URL?) {
        let w = Tensor.normal(mean: 0, std: 1, shape: [200, 1], generator: generator, requiresGrad: true)
        let b = Tensor.zeros([1], requiresGrad: true)
        let net: (Tensor) -> Tensor = { linreg($0, w, b) }
        let result = try trainForHundredEpochs(net, data: data, loss: squaredLoss, weight: w, name: name) { X, y in
            let l = squaredLoss(net(X), y) + lambda * l2Penalty(w)
            l.sum().backward()
            sgd([w, b], lr: 0.003, batchSize: 5)
            return l
        }
        return (w.norm().item(), result.trainLoss, result.testLoss, result.figure)
    }

    /// The concise version: `Linear(200, 1)` with weights N(0, 1) and SGD whose weight decay
    /// `wd` applies to the weight only, not the bias (§4.5.4).
    /// - Throws: `TrainingDiverged` when a minibatch loss blows up.
    @discardableResult
    public static func trainConcise(wd: Float, data: (train: DataLoader, test: DataLoader),
                                    generator: RandomGenerator = .global, name: String) throws
        -> (norm: Float, trainLoss: Double, testLoss: Double, figure: URL?) {
        let layer = Linear(200, 1, generator: generator)
        Init.normal(layer.weight, generator: generator)
        Init.normal(layer.bias!, generator: generator)
        let loss = MSELoss(reduction: .none)
        let trainer = SGD(groups: [ParameterGroup([layer.weight], weightDecay: wd), ParameterGroup([layer.bias!])], lr: 0.003)
        let result = try trainForHundredEpochs({ layer($0) }, data: data, loss: { loss($0, $1) }, weight: layer.weight,
                                               name: name) { X, y in
            trainer.zeroGrad()
            let l = loss(layer(X), y)
            l.mean().backward()
            trainer.step()
            return l
        }
        return (layer.weight.norm().item(), result.trainLoss, result.testLoss, result.figure)
    }

    /// The loop both versions share: 100 epochs of `step` (which updates the parameters from one
    /// training batch and returns its losses) on every training batch, with the train and test
    /// loss recorded every 5 epochs; it ends by printing ‖`weight`‖ and writing the curves to the
    /// SVG figure `name`.
    private static func trainForHundredEpochs(_ net: (Tensor) -> Tensor, data: (train: DataLoader, test: DataLoader),
                                              loss: (Tensor, Tensor) -> Tensor, weight: Tensor, name: String,
                                              step: (Tensor, Tensor) -> Tensor) throws
        -> (trainLoss: Double, testLoss: Double, figure: URL?) {
        let numEpochs = 100
        let run = TrainingRun(numEpochs: numEpochs, batchesPerEpoch: data.train.count, legend: ["train", "test"],
                              xLabel: "epochs", yLabel: "loss", xLimits: 5...Double(numEpochs), yScale: .log,
                              figureName: name, learningRate: 0.003)
        var last = (0.0, 0.0)
        for epoch in 0..<numEpochs {
            run.startEpoch(epoch)
            for (i, (X, y)) in data.train.enumerated() {
                let l = step(X, y)
                try run.step(batch: i, size: X.shape[0], loss: Double(l.detach().mean().item()))
            }
            run.endEpoch()
            if (epoch + 1) % 5 == 0 {
                last = (evaluateLoss(net, data.train, loss: loss), evaluateLoss(net, data.test, loss: loss))
                run.plot(Double(epoch + 1), [last.0, last.1])
            }
        }
        let figure = run.finish(["L2 norm of w: \(weight.norm().item())"])
        return (last.0, last.1, figure)
    }
}
