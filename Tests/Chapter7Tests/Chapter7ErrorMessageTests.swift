import D2L
import ModernConvNets
import Testing

/// The from-scratch batch norm of §7.5 stops on a wrong input with a message naming the layer,
/// the shape it expects and the shape it got (a `check`, not a trap without a message). Each case
/// runs in a child process (a Swift Testing exit test).
@Suite struct Chapter7ErrorMessageTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func batchNormLayerNamesExpectedAndGivenShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BatchNorm(3, numDims: 4)(Tensor.ones([4, 2, 5, 5]))
        }
        let text = message(result)
        #expect(text.contains("BatchNorm(3, numDims: 4)") && text.contains("[N, 3, H, W]") && text.contains("[4, 2, 5, 5]"))
    }

    @Test func batchNormLayerRejectsThreeDimensions() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BatchNorm(3, numDims: 3)
        }
        #expect(message(result).contains("numDims must be 2 ([N, features]) or 4 ([N, channels, H, W])"))
    }

    @Test func batchNormFunctionNamesTheShapeOfX() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BatchNormalization.batchNorm(Tensor.ones([2, 3, 4]), gamma: Tensor.ones([1, 3]), beta: Tensor.zeros([1, 3]),
                                             movingMean: Tensor.zeros([1, 3]), movingVar: Tensor.ones([1, 3]),
                                             eps: 1e-5, momentum: 0.9, training: true)
        }
        #expect(message(result).contains("batchNorm: X must be [N, features] or [N, channels, H, W], got [2, 3, 4]"))
    }
}
