import Testing
import D2L

/// Error messages of §9.5–9.8's pieces: each names the operation and the shapes it was given.
@Suite struct Seq2SeqErrorMessageTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func sequenceMaskNamesBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = sequenceMask(Tensor.ones([2, 3]), validLen: Tensor([1, 2, 3]).long())
        }
        let text = message(result)
        #expect(text.contains("sequenceMask") && text.contains("[2, 3]") && text.contains("[3]"))
    }

    @Test func maskedLossNamesPredictionAndLabelShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = MaskedSoftmaxCELoss()(Tensor.ones([3, 4, 10]), Tensor.ones([3, 5], dtype: .int64), Tensor([4, 2, 0]).long())
        }
        let text = message(result)
        #expect(text.contains("MaskedSoftmaxCELoss") && text.contains("[3, 4, 10]") && text.contains("[3, 5]"))
    }

    @Test func encoderNamesTheShapeOfItsIds() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Seq2SeqEncoder(vocabSize: 5, embedSize: 2, numHiddens: 3, numLayers: 1)(Tensor.zeros([4], dtype: .int64))
        }
        let text = message(result)
        #expect(text.contains("Seq2SeqEncoder") && text.contains("[4]"))
    }

    @Test func beamSearchRejectsAZeroBeam() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = beamSearchStep(beamLogProbs: [0], nextLogProbs: [[-1]], k: 0)
        }
        #expect(message(result).contains("beamSearchStep: k must be positive, got 0"))
    }
}
