import D2L
import Testing

/// A module hiding its weights in a tuple: the walk cannot name them.
private final class TupleOfTensors: Module {
    let pair = (Tensor.ones([2]).requiresGrad(), Tensor.ones([2]).requiresGrad())
}

/// A trainable tensor that is not declared a parameter.
private final class UndeclaredWeight: Module {
    let weight = Tensor.ones([2]).requiresGrad()
}

/// State the module walk cannot name stops with a message naming the property, so nothing is
/// silently left out of `stateDict()`.
@Suite struct ModuleStateErrorTests {
    private func message(_ result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func tupleOfTensorsIsRejectedByName() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = TupleOfTensors().parameters()
        }
        #expect(message(result).contains("TupleOfTensors.pair"))
    }

    @Test func undeclaredTrainableTensorAsksForParameter() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = UndeclaredWeight().stateDict()
        }
        let text = message(result)
        #expect(text.contains("UndeclaredWeight.weight") && text.contains("@Parameter"))
    }

    @Test func freezingAnUnknownNameListsTheParameters() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            Sequential { Linear(2, 2) }.freeze(["fc"])
        }
        let text = message(result)
        #expect(text.contains("'fc'") && text.contains("0.weight"))
    }
}
