import Testing
import D2L

/// Batch norm and the residual block stop on an input with the wrong channel count with a
/// message naming the layer, the channels it expects and the shape it got, before any kernel
/// runs. Each case runs in a child process (a Swift Testing exit test).
@Suite struct BatchNormErrorMessageTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func batchNorm2dNamesExpectedChannelsAndShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BatchNorm2d(3)(Tensor.ones([4, 2, 5, 5]))
        }
        let text = message(result)
        #expect(text.contains("BatchNorm2d(3)") && text.contains("[N, 3, H, W]") && text.contains("[4, 2, 5, 5]"))
    }

    @Test func batchNorm1dRejectsImages() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BatchNorm1d(3)(Tensor.ones([4, 3, 2, 2]))
        }
        let text = message(result)
        #expect(text.contains("BatchNorm1d(3)") && text.contains("[N, 3, L]") && text.contains("[4, 3, 2, 2]"))
    }

    @Test func residualNamesExpectedChannelsAndShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Residual(3, 3)(Tensor.ones([4, 2, 6, 6]))
        }
        let text = message(result)
        #expect(text.contains("Residual(3, 3)") && text.contains("[N, 3, H, W]") && text.contains("[4, 2, 6, 6]"))
    }

    @Test func residualWithoutShortcutConvolutionCannotChangeChannels() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Residual(3, 6)
        }
        let text = message(result)
        #expect(text.contains("3 channels to 6") && text.contains("use1x1conv: true"))
    }
}
