import RNN
import Testing

/// §8.3's n-grams stop on a length below 1 with a message (a `check`, not a bare trap).
@Suite struct Chapter8ErrorMessageTests {
    @Test func nGramsRejectsZeroLength() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = LanguageModels.nGrams(["the", "time"], n: 0)
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(text.contains("nGrams: n must be positive, got 0"))
    }
}
