import Testing
import D2L

/// Programmer errors stop the process with a message naming the operation and the shapes or
/// index involved. Each case runs in a child process (a Swift Testing exit test).
@Suite struct ErrorMessageTests {
    /// What the child process wrote to standard error.
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func broadcastMismatchNamesBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones([2, 3]) + Tensor.ones([4])
        }
        let text = message(result)
        #expect(text.contains("add") && text.contains("[2, 3]") && text.contains("[4]"))
    }

    @Test func matmulMismatchNamesBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = matmul(Tensor.ones([2, 3]), Tensor.ones([4, 5]))
        }
        let text = message(result)
        #expect(text.contains("matmul") && text.contains("[2, 3]") && text.contains("[4, 5]"))
    }

    @Test func reshapeToWrongSizeNamesSizeAndShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.arange(12).reshape(5, -1)
        }
        let text = message(result)
        #expect(text.contains("reshape") && text.contains("[5, -1]") && text.contains("12"))
    }

    @Test func outOfRangeIndexNamesIndexAndSize() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([3, 4])[3]
        }
        let text = message(result)
        #expect(text.contains("index 3") && text.contains("size 3"))
    }

    @Test func outOfRangeSliceIsRejected() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([3, 4])[0, 2..<6]
        }
        let text = message(result)
        #expect(text.contains("2..<6") && text.contains("size 4"))
    }

    @Test func tooManyIndicesIsRejected() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([3, 4])[0, 1, 2]
        }
        let text = message(result)
        #expect(text.contains("too many indices") && text.contains("[3, 4]"))
    }

    @Test func outOfRangeIndexTensorIsRejected() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 3])[Tensor([0, 1]), Tensor([0, 3])]
        }
        let text = message(result)
        #expect(text.contains("index 3") && text.contains("size 3"))
    }

    @Test func catWithMismatchedShapesNamesThem() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.cat([Tensor.zeros([2, 3]), Tensor.zeros([2, 4])], dim: 0)
        }
        let text = message(result)
        #expect(text.contains("cat") && text.contains("[2, 3]") && text.contains("[2, 4]"))
    }

    @Test func itemOfManyElementsNamesTheShape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.zeros([2, 2]).item()
        }
        let text = message(result)
        #expect(text.contains("item") && text.contains("[2, 2]"))
    }

    @Test func backwardOfNonScalarAsksForGradient() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor.ones([3], requiresGrad: true)
            (x * 2).backward()
        }
        let text = message(result)
        #expect(text.contains("scalar outputs") && text.contains("[3]"))
    }

    @Test func inPlaceChangeOfParameterOutsideNoGradIsRejected() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let w = Tensor.ones([2], requiresGrad: true)
            w -= 1
        }
        let text = message(result)
        #expect(text.contains("requires grad") && text.contains("noGrad"))
    }

    @Test func assigningAWronglyShapedValueNamesBothShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            Tensor.zeros([3, 4])[0] = Tensor.ones([3])
        }
        let text = message(result)
        #expect(text.contains("[3]") && text.contains("[4]"))
    }
}
