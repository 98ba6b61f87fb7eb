import Testing
import D2L

@Test func broadcastErrorNamesShapes() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
        _ = Tensor.ones([2, 3]) + Tensor.ones([4])
    }
    let text = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    #expect(text.contains("[2, 3]") && text.contains("[4]"))
    print(text)
}
