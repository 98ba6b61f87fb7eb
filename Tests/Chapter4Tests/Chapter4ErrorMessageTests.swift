import D2L
import MLP
import Testing

/// Chapter modules stop on programmer errors through the core's `check`, whose message is
/// printed in every build configuration (Swift's `precondition` drops it under `-O`).
@Suite struct Chapter4ErrorMessageTests {
    @Test func kFoldDataNamesTheBadFoldIndex() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = KaggleHouse.kFoldData(k: 3, i: 3, Tensor.zeros([6, 2]), Tensor.zeros([6, 1]))
        }
        let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(text.contains("kFoldData") && text.contains("k = 3") && text.contains("i = 3"))
    }
}
