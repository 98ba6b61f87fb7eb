import D2L
import Foundation
import MLP
import TestSupport
import XCTest

/// §4.10's pipeline on a small house table the test writes: preprocessing, log RMSE,
/// K-fold splits, training and the submission file.
final class Chapter4KaggleTests: XCTestCase {
    var folder: TemporaryFolder!
    override func setUpWithError() throws {
        folder = try TemporaryFolder()
    }
    override func tearDownWithError() throws { folder.remove() }

    /// Rows of Id, LotArea (some missing), Street (text, some missing), Rooms and a price that
    /// depends on them. The test rows' prices are not written, only returned.
    private func writeTables() throws -> (train: DataTable, test: DataTable, testPrices: [Float]) {
        let g = RandomGenerator(seed: 8)
        var testPrices: [Float] = []
        func rows(_ ids: Range<Int>, withPrice: Bool) -> String {
            var text = "Id,LotArea,Street,Rooms" + (withPrice ? ",SalePrice" : "") + "\n"
            for id in ids {
                let area = 5000 + Float(g.nextInt(in: 0..<10_000))
                let rooms = Float(g.nextInt(in: 2..<9))
                let street = ["Pave", "Grvl", "NA"][g.nextInt(in: 0..<3)]
                let price = 20 + area / 100 + 15 * rooms + (street == "Pave" ? 30 : 0)
                if !withPrice { testPrices.append(Float(Int(price))) }
                let areaText = id % 7 == 0 ? "NA" : String(Int(area))
                text += "\(id),\(areaText),\(street),\(Int(rooms))" + (withPrice ? ",\(Int(price))" : "") + "\n"
            }
            return text
        }
        let trainURL = folder.appendingPathComponent("train.csv"), testURL = folder.appendingPathComponent("test.csv")
        try writeAtomically(rows(1..<101, withPrice: true), to: trainURL)
        try writeAtomically(rows(101..<131, withPrice: false), to: testURL)
        return (try DataTable.readCSV(trainURL), try DataTable.readCSV(testURL), testPrices)
    }

    /// The log RMSE on `labels` of a model that ignores the features and always predicts the
    /// mean of `trainLabels`: the score any trained model has to beat.
    private func meanPredictorLogRMSE(trainLabels: Tensor, _ features: Tensor, _ labels: Tensor) -> Double {
        let mean = trainLabels.mean().item()
        return KaggleHouse.logRMSE({ Tensor.full([$0.shape[0], 1], mean) }, features, labels)
    }

    func testPreprocessingStandardizesAndEncodesBothSetsAlike() throws {
        let (train, test, _) = try writeTables()
        let data = try KaggleHouse.prepare(train: train, test: test)
        // LotArea, Rooms, then Street_Grvl, Street_Pave, Street_nan.
        XCTAssertEqual(data.trainFeatures.shape, [100, 5])
        XCTAssertEqual(data.testFeatures.shape, [30, 5])
        XCTAssertEqual(data.trainLabels.shape, [100, 1])
        XCTAssertEqual(data.testIds.first, "101")
        let all = Tensor.cat([data.trainFeatures, data.testFeatures])
        XCTAssertEqual(all[..., 1].mean().item(), 0, accuracy: 1e-5)
        let rooms = all[..., 1]
        XCTAssertEqual(((rooms * rooms).sum() / Float(129)).sqrt().item(), 1, accuracy: 1e-4, "sample std is 1")
        XCTAssertEqual(all[..., 2...].sum(axis: 1).toArray(), [Float](repeating: 1, count: 130), "one category per row")
        XCTAssertTrue(all.toArray().allSatisfy(\.isFinite), "missing numbers became 0")
    }

    func testKFoldSplitsCoverTheFoldsOnce() {
        let X = Tensor.arange(10, dtype: .float32).reshape(10, 1), y = Tensor.arange(10, dtype: .float32).reshape(10, 1)
        var validRows: [Float] = []
        for i in 0..<3 {
            let fold = KaggleHouse.kFoldData(k: 3, i: i, X, y)
            XCTAssertEqual(fold.validX.shape, [3, 1])
            XCTAssertEqual(fold.trainX.shape, [6, 1])
            XCTAssertEqual(Set(fold.trainX.toArray()).intersection(fold.validX.toArray()), [])
            validRows += fold.validY.toArray()
        }
        XCTAssertEqual(validRows, [0, 1, 2, 3, 4, 5, 6, 7, 8], "the last n mod k rows are left out, as in the book")
    }

    func testLogRMSEClipsPredictionsBelowOne() {
        let labels = Tensor([[100.0], [1000]])
        XCTAssertEqual(KaggleHouse.logRMSE({ _ in Tensor([[100.0], [1000]]) }, Tensor.zeros([2, 1]), labels), 0, accuracy: 1e-6)
        let negative = KaggleHouse.logRMSE({ _ in Tensor([[-5.0], [-5]]) }, Tensor.zeros([2, 1]), labels)
        XCTAssertEqual(negative, Double(((log(100.0) * log(100.0) + log(1000.0) * log(1000.0)) / 2).squareRoot()), accuracy: 1e-3)
    }

    /// A linear model must beat the mean predictor clearly, both across the folds (on the rows
    /// each fold held out) and on the test rows, whose prices training never saw. The mean
    /// predictor scores about 0.22 here, so a fixed "below 0.5" would pass an untrained model.
    func testCrossValidationLearnsAndTheSubmissionIsWritten() throws {
        let (train, test, testPrices) = try writeTables()
        let data = try KaggleHouse.prepare(train: train, test: test)
        let g = RandomGenerator(seed: 1)
        let k = 5
        let result = try KaggleHouse.kFold(k: k, data.trainFeatures, data.trainLabels, numEpochs: 100, lr: 5, weightDecay: 0,
                                       batchSize: 16, generator: g)
        XCTAssertEqual(result.folds.count, k)
        var foldBaselines: [Double] = []
        for i in 0..<k {
            let fold = KaggleHouse.kFoldData(k: k, i: i, data.trainFeatures, data.trainLabels)
            foldBaselines.append(meanPredictorLogRMSE(trainLabels: fold.trainY, fold.validX, fold.validY))
        }
        let baseline = foldBaselines.reduce(0, +) / Double(k)
        XCTAssertLessThan(result.valid, baseline / 2,
                          "the validation log RMSE must be under half the mean predictor's \(baseline)")

        let url = folder.appendingPathComponent("submission.csv")
        let (trainLoss, predictions) = try KaggleHouse.trainAndPredict(data, numEpochs: 100, lr: 5, weightDecay: 0,
                                                                       batchSize: 16, generator: g)
        let trainBaseline = meanPredictorLogRMSE(trainLabels: data.trainLabels, data.trainFeatures, data.trainLabels)
        XCTAssertLessThan(trainLoss, trainBaseline / 2, "the training log RMSE against the mean predictor's \(trainBaseline)")
        let truth = Tensor(testPrices).reshape(-1, 1)
        let testScore = KaggleHouse.logRMSE({ _ in Tensor(predictions).reshape(-1, 1) }, data.testFeatures, truth)
        let testBaseline = meanPredictorLogRMSE(trainLabels: data.trainLabels, data.testFeatures, truth)
        XCTAssertLessThan(testScore, testBaseline / 2, "the submitted prices against the mean predictor's \(testBaseline)")
        XCTAssertEqual(try KaggleHouse.writeSubmission(ids: data.testIds, predictions: predictions, to: url), url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "Id,SalePrice")
        XCTAssertEqual(lines.count, 31)
        XCTAssertTrue(lines[1].hasPrefix("101,"))
    }
}
