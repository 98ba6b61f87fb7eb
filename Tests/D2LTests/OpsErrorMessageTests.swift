import Testing
import D2L

/// Error messages of the later chapters' ops (softmax, embedding, gather, maskedFill, topk,
/// oneHot, indexSelect): each names the operation and the shapes, ids or sizes involved. Each
/// case runs in a child process (a Swift Testing exit test), as in `ErrorMessageTests`.
@Suite struct OpsErrorMessageTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func embeddingIdOutOfRangeNamesTheIdAndV() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.embedding(Tensor([1, 7, 2]), weight: Tensor.zeros([5, 3]))
        }
        let text = message(result)
        #expect(text.contains("embedding") && text.contains("id 7") && text.contains("V = 5"))
    }

    @Test func embeddingWithRealIdsAsksForIntegers() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.embedding(Tensor([1.0, 2]), weight: Tensor.zeros([5, 3]))
        }
        let text = message(result)
        #expect(text.contains("embedding") && text.contains("int64") && text.contains("torch.float32"))
    }

    @Test func gatherIndexWithWrongAxesNamesBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 3]).gather(dim: 1, index: Tensor([0, 1]))
        }
        let text = message(result)
        #expect(text.contains("gather") && text.contains("[2]") && text.contains("[2, 3]"))
    }

    @Test func gatherIndexOutOfRangeNamesIndexAndSize() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 3]).gather(dim: 1, index: Tensor([[0], [3]]))
        }
        let text = message(result)
        #expect(text.contains("gather") && text.contains("index 3") && text.contains("size 3"))
    }

    @Test func maskedFillWithUnbroadcastableMaskNamesBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 3]).maskedFill(Tensor([true, false]), value: 0)
        }
        let text = message(result)
        #expect(text.contains("maskedFill") && text.contains("[2, 3]") && text.contains("[2]"))
    }

    @Test func topkLargerThanTheAxisNamesKAndShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 3]).topk(4)
        }
        let text = message(result)
        #expect(text.contains("topk") && text.contains("k = 4") && text.contains("[2, 3]"))
    }

    @Test func softmaxAxisOutOfRangeNamesTheAxis() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 3]).softmax(axis: 2)
        }
        let text = message(result)
        #expect(text.contains("softmax") && text.contains("axis 2"))
    }

    @Test func oneHotIndexBeyondNumClassesIsRejected() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.oneHot(Tensor([0, 4]), numClasses: 3)
        }
        let text = message(result)
        #expect(text.contains("oneHot") && text.contains("index 4") && text.contains("numClasses 3"))
    }
}
