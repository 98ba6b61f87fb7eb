import D2L
import RNN
import XCTest

/// The chapter module `RNN` and the core layer `D2L.RNN` (PyTorch's `nn.RNN`) share a name: a bare
/// `RNN` is the layer, and the module selector `RNN::` names the module's types. This test fails to
/// compile if either way of naming stops working.
final class ModuleNameTests: XCTestCase {
    func testModuleSelectorTellsTheChapterModuleFromTheCoreLayer() {
        let layer = D2L::RNN(5, 3)
        let bare: RNN = layer
        XCTAssertEqual(bare.hiddenSize, 3)
        XCTAssertEqual(String(reflecting: RNN::RNNConcise.self), "RNN.RNNConcise")
        XCTAssertEqual(String(reflecting: RNN::RNNChapter.self), "RNN.RNNChapter")
        XCTAssertEqual(RNN::RNNChapter.chapter, "8 and 9")
        XCTAssertEqual(String(reflecting: D2L::RNN.self), "D2L.RNN")
    }
}
