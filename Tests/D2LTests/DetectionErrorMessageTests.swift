import D2L
import Testing

/// Wrong shapes given to the detection functions of §13.3–13.4 stop with a message naming the
/// function and the shapes, before any kernel runs. Each case runs in a child process.
@Suite struct DetectionErrorMessageTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func boxIoUOfThreeNumberBoxesNamesTheShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = boxIoU(Tensor.zeros([5, 3]), Tensor.zeros([2, 4]))
        }
        let text = message(result)
        #expect(text.contains("boxIoU") && text.contains("boxes1") && text.contains("[5, 3]"))
    }

    @Test func multiboxTargetNamesLabelShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = multiboxTarget(Tensor.zeros([1, 5, 4]), Tensor.zeros([2, 4]))
        }
        let text = message(result)
        #expect(text.contains("multiboxTarget") && text.contains("[batch, boxes, 5]") && text.contains("[2, 4]"))
    }

    @Test func multiboxDetectionNamesAnchorCountAndShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = multiboxDetection(Tensor.zeros([1, 3, 4]), Tensor.zeros([1, 16]), Tensor.zeros([1, 5, 4]))
        }
        let text = message(result)
        #expect(text.contains("multiboxDetection") && text.contains("5 anchors") && text.contains("[1, 3, 4]"))
    }

    @Test func multiboxPriorRejectsEmptySizes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = multiboxPrior(Tensor.zeros([4, 4]), sizes: [], ratios: [1])
        }
        #expect(message(result).contains("multiboxPrior: needs at least one size and one ratio"))
    }

    @Test func nmsNamesMismatchedScores() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = nms(Tensor.zeros([4, 4]), Tensor.zeros([3]), iouThreshold: 0.5)
        }
        #expect(message(result).contains("nms: expects boxes [N, 4] and scores [N], got shapes [4, 4] and [3]"))
    }
}
