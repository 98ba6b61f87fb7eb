import D2L
import Foundation

/// §4.10 Predicting house prices on Kaggle: preprocessing a real table, the log RMSE,
/// K-fold cross-validation and writing a submission.
public enum KaggleHouse {
    /// The book's registry names for the two files (URLs and SHA-1s in `DataHub`).
    public static let trainName = "kaggle_house_pred_train.csv", testName = "kaggle_house_pred_test.csv"

    /// Registers the two files in `DataHub`, as the book's `DATA_HUB['kaggle_house_train'] = ...`.
    public static func register() {
        DataHub.entries[trainName] = DataHubEntry(url: "http://d2l-data.s3-accelerate.amazonaws.com/" + trainName,
                                                  sha1: "585e9cc93e70b39160e7921475f9bcd7d31219ce")
        DataHub.entries[testName] = DataHubEntry(url: "http://d2l-data.s3-accelerate.amazonaws.com/" + testName,
                                                 sha1: "fa19780a7b011d9b009e8bff8e99922a8ee2eb90")
    }

    /// The prepared data: standardized, one-hot encoded features for both sets, the training
    /// prices [n, 1] and the test Ids (for the submission file).
    public struct Prepared {
        /// [nTrain, features].
        public let trainFeatures: Tensor
        /// [nTest, features].
        public let testFeatures: Tensor
        /// Sale prices [nTrain, 1].
        public let trainLabels: Tensor
        /// The `Id` column of the test table, as written.
        public let testIds: [String]
    }

    /// §4.10.4: drop `Id` (and the target), put train and test features together so both get
    /// the same scaling and the same categories, standardize numbers (missing → 0), one-hot
    /// encode text with a column for missing values, and split again.
    /// - Throws: `DataError` when a column the book expects (`Id`, `SalePrice`) is missing.
    public static func prepare(train: DataTable, test: DataTable) throws -> Prepared {
        guard let prices = train["SalePrice"], let ids = test["Id"] else {
            throw DataError.notNumeric(column: "SalePrice/Id", hint: "the training table needs SalePrice and the test table Id")
        }
        let trainInputs = train.dropping(columns: ["Id", "SalePrice"])
        let testInputs = test.dropping(columns: ["Id"])
        let all = DataTable.concatenatingRows([trainInputs, testInputs])
            .standardizingNumericColumns()
            .oneHotEncoded(dummyNA: true)
        let features = try all.toTensor().float()
        let n = train.rowCount
        let labels = try DataTable(columns: [prices]).toTensor().float()
        let idStrings = ids.cells.map { cell -> String in
            switch cell {
            case .number(let v): return DataTable.format(v)
            case .text(let t): return t
            case .missing: return ""
            }
        }
        return Prepared(trainFeatures: features[0..<n], testFeatures: features[n...], trainLabels: labels, testIds: idStrings)
    }

    /// √(mean((log ŷ − log y)²)) with predictions clipped to at least 1, as the book's
    /// `log_rmse` (§4.10.5): errors relative to the price, not absolute dollars.
    public static func logRMSE(_ net: (Tensor) -> Tensor, _ features: Tensor, _ labels: Tensor) -> Double {
        noGrad {
            let clipped = net(features).clamp(min: 1)
            return Double(MSELoss()(clipped.log(), labels.log()).sqrt().item())
        }
    }

    /// A linear model `Linear(inputs, 1)`, the book's `get_net()`.
    public static func makeNet(inputs: Int, generator: RandomGenerator = .global) -> Sequential {
        Sequential { Linear(inputs, 1, generator: generator) }
    }

    /// Trains with Adam on the squared loss and returns the training (and, with validation data,
    /// validation) log RMSE after each epoch, as the book's `train` (§4.10.5).
    /// - Throws: `TrainingDiverged` at the first minibatch whose loss is NaN, infinite or over
    ///   100× the first.
    public static func train(_ net: any Layer, trainFeatures: Tensor, trainLabels: Tensor,
                             validFeatures: Tensor? = nil, validLabels: Tensor? = nil,
                             numEpochs: Int, lr: Float, weightDecay: Float, batchSize: Int,
                             generator: RandomGenerator = .global) throws -> (train: [Double], valid: [Double]) {
        let iter = loadArray(trainFeatures, trainLabels, batchSize: batchSize, generator: generator)
        let optimizer = Adam(net.parameters(), lr: lr, weightDecay: weightDecay)
        let loss = MSELoss()
        var trainLs: [Double] = [], validLs: [Double] = []
        var divergence = DivergenceCheck(learningRate: Double(lr))
        for epoch in 0..<numEpochs {
            for (i, (X, y)) in iter.enumerated() {
                optimizer.zeroGrad()
                let l = loss(net(X), y)
                try divergence.check(l, epoch: epoch, batch: i, of: iter.count)
                l.backward()
                optimizer.step()
            }
            trainLs.append(logRMSE({ net($0) }, trainFeatures, trainLabels))
            if let validFeatures, let validLabels { validLs.append(logRMSE({ net($0) }, validFeatures, validLabels)) }
        }
        return (trainLs, validLs)
    }

    /// Fold `i` of `k` as validation data and the rest as training data, as `get_k_fold_data`
    /// (§4.10.6). Folds have n/k rows; the last n mod k rows are never used, as in the book.
    public static func kFoldData(k: Int, i: Int, _ X: Tensor, _ y: Tensor)
        -> (trainX: Tensor, trainY: Tensor, validX: Tensor, validY: Tensor) {
        check(k > 1 && i >= 0 && i < k, "kFoldData: need k > 1 and 0 <= i < k, got k = \(k), i = \(i)")
        let foldSize = X.shape[0] / k
        var trainParts: [(Tensor, Tensor)] = []
        var valid: (Tensor, Tensor)?
        for j in 0..<k {
            let part = (X[(j * foldSize)..<((j + 1) * foldSize)], y[(j * foldSize)..<((j + 1) * foldSize)])
            if j == i { valid = part } else { trainParts.append(part) }
        }
        return (Tensor.cat(trainParts.map(\.0)), Tensor.cat(trainParts.map(\.1)), valid!.0, valid!.1)
    }

    /// K-fold cross-validation (§4.10.6): trains a fresh model per fold and returns the mean
    /// final training and validation log RMSE, and each fold's pair.
    /// - Throws: `TrainingDiverged` when a fold's training blows up.
    public static func kFold(k: Int, _ X: Tensor, _ y: Tensor, numEpochs: Int, lr: Float, weightDecay: Float,
                             batchSize: Int, generator: RandomGenerator = .global) throws
        -> (train: Double, valid: Double, folds: [(train: Double, valid: Double)]) {
        var folds: [(train: Double, valid: Double)] = []
        for i in 0..<k {
            let data = kFoldData(k: k, i: i, X, y)
            let net = makeNet(inputs: X.shape[1], generator: generator)
            let (trainLs, validLs) = try train(net, trainFeatures: data.trainX, trainLabels: data.trainY,
                                           validFeatures: data.validX, validLabels: data.validY, numEpochs: numEpochs,
                                           lr: lr, weightDecay: weightDecay, batchSize: batchSize, generator: generator)
            folds.append((trainLs.last!, validLs.last!))
        }
        return (folds.map(\.train).reduce(0, +) / Double(k), folds.map(\.valid).reduce(0, +) / Double(k), folds)
    }

    /// Trains on all training data and predicts the test prices, as the book's `train_and_pred`
    /// (§4.10.7) up to its `to_csv`. Returns the final training log RMSE and the predictions in
    /// the order of `data.testIds`; `writeSubmission` writes them.
    /// - Throws: `TrainingDiverged` when the training blows up.
    public static func trainAndPredict(_ data: Prepared, numEpochs: Int, lr: Float, weightDecay: Float, batchSize: Int,
                                       generator: RandomGenerator = .global) throws
        -> (trainLoss: Double, predictions: [Float]) {
        let net = makeNet(inputs: data.trainFeatures.shape[1], generator: generator)
        let (trainLs, _) = try train(net, trainFeatures: data.trainFeatures, trainLabels: data.trainLabels,
                                     numEpochs: numEpochs, lr: lr, weightDecay: weightDecay, batchSize: batchSize,
                                     generator: generator)
        let predictions = noGrad { net(data.testFeatures) }.reshape(-1).toArray()
        return (trainLs.last ?? .nan, predictions)
    }

    /// Writes `Id,SalePrice` rows to `url` through a temporary file and a rename, the book's
    /// `submission.to_csv('submission.csv', index=False)` (§4.10.7), and returns `url`.
    /// - Throws: `FileNotWritten` naming the path and `D2L_DATA_DIR`; print it with `reportWritten`.
    @discardableResult
    public static func writeSubmission(ids: [String], predictions: [Float], to url: URL) throws -> URL {
        check(ids.count == predictions.count,
              "KaggleHouse.writeSubmission: \(ids.count) Ids but \(predictions.count) predictions")
        var csv = "Id,SalePrice\n"
        for (id, price) in zip(ids, predictions) { csv += "\(id),\(price)\n" }
        try writeOutput(csv, to: url, setting: "D2L_DATA_DIR (or --data-dir)")
        return url
    }
}
