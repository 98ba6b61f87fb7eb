import D2L
import Testing

/// The GRU and LSTM layers stop with a message naming the shapes when the input or state does
/// not fit.
@Suite struct GatedRecurrentErrorTests {
    @Test func gruRejectsAStateOfTheWrongShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let gru = GRU(3, 4, numLayers: 2)
            _ = gru(Tensor.zeros([5, 2, 3]), Tensor.zeros([1, 2, 4]))
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(text.contains("GRU: expects a state of shape [2, 2, 4] for X [5, 2, 3], got [1, 2, 4]"))
    }

    @Test func lstmRejectsInputsOfTheWrongWidth() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let lstm = LSTM(3, 4)
            _ = lstm(Tensor.zeros([5, 2, 6]))
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(text.contains("LSTM: expects X of shape [T ≥ 1, N, 3], got [5, 2, 6]"))
    }
}
