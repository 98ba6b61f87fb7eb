import D2L
import Testing

/// Wrong arguments to the image operations and augmentations of §13.1 stop with a message naming
/// the operation and the shapes or values involved. Each case runs in a child process (a Swift
/// Testing exit test).
@Suite struct Chapter13ErrorMessageTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func cropOutsideTheImageNamesBoxAndShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crop(Tensor.zeros([3, 4, 5]), top: 2, left: 1, height: 3, width: 2)
        }
        let text = message(result)
        #expect(text.contains("crop") && text.contains("top 2") && text.contains("[3, 4, 5]"))
    }

    @Test func augmentationOfAMatrixNamesTheShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = RandomHorizontalFlip()(Tensor.zeros([4, 5]))
        }
        let text = message(result)
        #expect(text.contains("RandomHorizontalFlip") && text.contains("[C, H, W]") && text.contains("[4, 5]"))
    }

    @Test func randomResizedCropRejectsAScaleAboveOne() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = RandomResizedCrop(32, scale: (0.5, 2))
        }
        #expect(message(result).contains("RandomResizedCrop: scale must satisfy 0 < low <= high <= 1"))
    }

    @Test func colorJitterRejectsHueAboveOneHalf() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = ColorJitter(hue: 0.7)
        }
        #expect(message(result).contains("ColorJitter: hue must be in [0, 0.5], got 0.7"))
    }

    @Test func imageFromATensorWithTooManyChannelsNamesTheShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Image(Tensor.zeros([5, 2, 2]))
        }
        #expect(message(result).contains("[C, H, W] with 1 to 4 channels, got shape [5, 2, 2]"))
    }
}
