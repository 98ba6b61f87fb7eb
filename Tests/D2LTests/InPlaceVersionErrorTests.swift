import Testing
import D2L

/// Changing in place a tensor that an operation saved for its backward pass must stop
/// `backward()` with PyTorch's explanation, never give a silently wrong gradient. Each case runs
/// in a child process (a Swift Testing exit test), as in `ErrorMessageTests`.
@Suite struct InPlaceVersionErrorTests {
    /// What the child process wrote to standard error.
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func changingASavedInputStopsBackwardNamingTheOperationAndVersions() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor([1.0, 2]).requiresGrad()
            let y = x * x
            noGrad { x += 1 }
            y.sum().backward()
        }
        let text = message(result)
        #expect(text.contains("modified by an in-place operation") && text.contains("[MulBackward0]")
                && text.contains("[2]") && text.contains("is at version 1; expected version 0"))
    }

    @Test func changingAnInputWithoutGradientsThatTheBackwardReadsStops() async {
        // ∂(w·x)/∂w is x: changing x after the product would give w the wrong gradient.
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let w = Tensor([1.0, 2]).requiresGrad(), x = Tensor([3.0, 4])
            let y = w * x
            x[0] = 5
            y.sum().backward()
        }
        let text = message(result)
        #expect(text.contains("[MulBackward0] input 1") && text.contains("is at version 1; expected version 0"))
    }

    @Test func changingASavedOutputStopsBackward() async {
        // exp keeps its output for the derivative eˣ, so changing the output breaks it.
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor([1.0, 2]).requiresGrad()
            let y = x.exp()
            noGrad { y += 1 }
            y.sum().backward()
        }
        let text = message(result)
        #expect(text.contains("[ExpBackward0] its output") && text.contains("is at version 1; expected version 0"))
    }
}
