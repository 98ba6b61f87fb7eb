import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import MLP

/// §4.10 Predicting house prices on Kaggle.
struct KaggleHouseSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kaggle-house",
        abstract: "§4.10 Kaggle house prices: preprocessing, 5-fold cross-validation with Adam, and a submission file.")

    @Option(help: "Folder holding kaggle_house_pred_train.csv and kaggle_house_pred_test.csv (default: $D2L_DATA_DIR or ./data).")
    var dataDir: String?

    @Option(parsing: .unconditional, help: "Epochs per fold.") var epochs = 100
    @Option(parsing: .unconditional, help: "Adam learning rate.") var lr: Float = 5
    @Option(parsing: .unconditional, help: "Weight decay.") var weightDecay: Float = 0
    @Option(parsing: .unconditional, help: "Examples per minibatch.") var batchSize = 64
    @Option(parsing: .unconditional, help: "Number of folds for cross-validation.") var k = 5
    @Option(help: "Seed for initialisation and shuffling.") var seed: UInt64 = 0

    /// Rejects settings that cannot train: fewer than 1 epoch or example per batch, fewer than 2
    /// folds, a learning rate that is not positive and finite, a negative or infinite weight decay.
    func validate() throws {
        try OptionChecks.atLeast(1, epochs, option: "--epochs")
        try OptionChecks.positiveFinite(lr, option: "--lr")
        try OptionChecks.nonNegativeFinite(weightDecay, option: "--weight-decay")
        try OptionChecks.atLeast(1, batchSize, option: "--batch-size")
        try OptionChecks.atLeast(2, k, option: "--k")
    }

    func run() throws {
        printSection("4.10", "Predicting house prices on Kaggle")
        KaggleHouse.register()
        let folder = dataDir.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? dataDirectory
        let trainURL: URL, testURL: URL
        do {
            trainURL = try download(KaggleHouse.trainName, folder: folder)
            testURL = try download(KaggleHouse.testName, folder: folder)
        } catch {
            print("""
                The Kaggle house-price files are not here and could not be downloaded:
                  \(error)
                Put kaggle_house_pred_train.csv and kaggle_house_pred_test.csv (from the book's data \
                server or the Kaggle competition "house-prices-advanced-regression-techniques", renamed) into
                  \(folder.path)
                and run this again; their SHA-1 is checked before use.
                """)
            throw ExitCode.failure
        }
        let train = try DataTable.readCSV(trainURL), test = try DataTable.readCSV(testURL)
        print("train: \(train.rowCount) rows × \(train.columns.count) columns, test: \(test.rowCount) rows × \(test.columns.count) columns")
        let data = try KaggleHouse.prepare(train: train, test: test)
        print("features after standardizing and one-hot encoding: \(data.trainFeatures.shape[1])")
        let g = RandomGenerator(seed: seed)
        try explainingDivergence(bookLR: 5) {
            let result = try KaggleHouse.kFold(k: k, data.trainFeatures, data.trainLabels, numEpochs: epochs, lr: lr,
                                               weightDecay: weightDecay, batchSize: batchSize, generator: g)
            for (i, fold) in result.folds.enumerated() {
                print("fold \(i + 1), train log rmse \(formatMetric(fold.train, digits: 6)), "
                      + "valid log rmse \(formatMetric(fold.valid, digits: 6))")
            }
            print("\(k)-fold validation: avg train log rmse: \(formatMetric(result.train, digits: 6)), "
                  + "avg valid log rmse: \(formatMetric(result.valid, digits: 6))")
            let (trainLoss, predictions) = try KaggleHouse.trainAndPredict(data, numEpochs: epochs, lr: lr,
                                                                           weightDecay: weightDecay, batchSize: batchSize,
                                                                           generator: g)
            print("train log rmse \(formatMetric(trainLoss, digits: 6))")
            reportWritten("predictions written to") {
                try KaggleHouse.writeSubmission(ids: data.testIds, predictions: predictions,
                                                to: folder.appendingPathComponent("submission.csv"))
            }
        }
    }
}
