import XCTest
import D2L
import TestSupport

/// Printing a tensor as PyTorch's `repr` does, so output reads like the book's.
final class DescriptionTests: XCTestCase {
    func testIntegersPrintPlainlyRightAligned() {
        XCTAssertEqual(Tensor([1, 20, -300]).description, "tensor([   1,   20, -300])")
        XCTAssertEqual(Tensor.arange(4).reshape(2, 2).description, "tensor([[0, 1],\n        [2, 3]])")
    }

    func testWholeFloatsPrintWithATrailingPoint() {
        XCTAssertEqual(Tensor.arange(0.0, 6.0).reshape(2, 3).description, """
            tensor([[0., 1., 2.],
                    [3., 4., 5.]])
            """)
        XCTAssertEqual(Tensor([-1.0, 10]).description, "tensor([-1., 10.])")
    }

    func testOtherFloatsPrintWithFourDecimals() {
        XCTAssertEqual(Tensor([0.1, 1, 2.25]).description, "tensor([0.1000, 1.0000, 2.2500])")
        XCTAssertEqual(Tensor([-0.5, 12.125]).description, "tensor([-0.5000, 12.1250])")
        XCTAssertEqual(Tensor([1.0 / 3]).description, "tensor([0.3333])")
    }

    func testScientificNotationForWideRangesOfRealValues() {
        XCTAssertEqual(Tensor([1e-5, 1]).description, "tensor([1.0000e-05, 1.0000e+00])")
        XCTAssertEqual(Tensor([0.5, 1e9]).description, "tensor([5.0000e-01, 1.0000e+09])")
        XCTAssertEqual(Tensor([1e9, 1.0]).description, "tensor([1.0000e+09, 1.0000e+00])")
    }

    /// PyTorch switches whole-number floats to scientific notation too when the largest
    /// nonzero magnitude is more than 1000 times the smallest: `torch.tensor([1., 2000.])`
    /// prints `tensor([1.0000e+00, 2.0000e+03])`.
    func testWholeFloatsSpanningMoreThanAThousandfoldUseScientificNotation() {
        XCTAssertEqual(Tensor([1.0, 2000]).description, "tensor([1.0000e+00, 2.0000e+03])")
        XCTAssertEqual(Tensor([0.0, 1, 1000]).description, "tensor([   0.,    1., 1000.])",
                       "exactly a thousandfold stays fixed, and zeros do not count")
    }

    /// PyTorch measures the column width on finite nonzero values only: `tensor([1., inf])`.
    func testNonFiniteValuesDoNotWidenTheColumns() {
        XCTAssertEqual(Tensor([1.0, .infinity]).description, "tensor([1., inf])")
        XCTAssertEqual(Tensor([1.5, .nan]).description, "tensor([1.5000,    nan])")
    }

    func testBoolsPrintAsTrueAndFalse() {
        XCTAssertEqual(Tensor([true, false]).description, "tensor([ True, False])")
        XCTAssertEqual(Tensor([true, true]).description, "tensor([True, True])")
    }

    func testZeroDimensionalTensors() {
        XCTAssertEqual(Tensor(66.0).description, "tensor(66.)")
        XCTAssertEqual(Tensor(3.5).description, "tensor(3.5000)")
        XCTAssertEqual(Tensor.arange(3).sum().description, "tensor(3)")
        XCTAssertEqual((Tensor(1.0) > 0).description, "tensor(True)")
    }

    func testEmptyTensors() {
        XCTAssertEqual(Tensor.zeros([0]).description, "tensor([])")
        XCTAssertEqual(Tensor.zeros([0, 3]).description, "tensor([], size=(0, 3))",
                       "PyTorch names the shape of an empty tensor that is not 1-d")
    }

    func testGradientMarkers() {
        XCTAssertEqual(Tensor([1.0, 2]).requiresGrad().description, "tensor([1., 2.], requires_grad=True)")
        XCTAssertEqual((Tensor([1.0]).requiresGrad() * 2).description, "tensor([2.], grad_fn=<MulBackward0>)")
        XCTAssertEqual((Tensor([1.0]).requiresGrad() + 2).description, "tensor([3.], grad_fn=<AddBackward0>)")
        XCTAssertEqual(noGrad { Tensor([1.0]).requiresGrad() * 2 }.description, "tensor([2.])")
        XCTAssertEqual(Tensor([1.0]).requiresGrad().detach().description, "tensor([1.])")
    }

    /// The names PyTorch gives the backward nodes of `sum()` and `mean()` over all elements
    /// (`x.sum()` prints `grad_fn=<SumBackward0>`); the axis forms are the `...1` variants.
    func testGradFnNamesMatchPyTorch() {
        let x = Tensor.ones([2, 2], requiresGrad: true)
        XCTAssertEqual(x.sum(axis: 0).gradFn?.description, "<SumBackward1>")
        XCTAssertEqual(x.mean(axis: 0).gradFn?.description, "<MeanBackward1>")
        XCTAssertEqual((x - 1).gradFn?.description, "<SubBackward0>")
        XCTAssertEqual((x / 2).gradFn?.description, "<DivBackward0>")
        XCTAssertEqual(x.exp().gradFn?.description, "<ExpBackward0>")
        XCTAssertEqual(x.reshape(4).gradFn?.description, "<ViewBackward0>")
        XCTAssertEqual(matmul(x, x).gradFn?.description, "<MmBackward0>")
        XCTAssertEqual(x.sum().description, "tensor(4., grad_fn=<SumBackward0>)")
        XCTAssertEqual(x.mean().description, "tensor(1., grad_fn=<MeanBackward0>)")
    }

    func testThreeAxesSeparateBlocksWithABlankLine() {
        XCTAssertEqual(Tensor.arange(8).reshape(2, 2, 2).description, """
            tensor([[[0, 1],
                     [2, 3]],

                    [[4, 5],
                     [6, 7]]])
            """)
    }

    func testLargeTensorsAreSummarized() {
        XCTAssertEqual(Tensor.arange(2000).description, "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])")
        XCTAssertEqual(Tensor.arange(1000).description.contains("..."), false, "1000 elements print in full")
        XCTAssertEqual(Tensor.arange(0.0, 1001.0).description,
                       "tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])")
        XCTAssertEqual(Tensor.zeros([100, 100]).description, """
            tensor([[0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    ...,
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.]])
            """)
    }

    func testLongRowsWrapAtEightyColumns() {
        let text = Tensor.arange(30).description
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        XCTAssertEqual(text.split(separator: "\n").count, 2)
        XCTAssertTrue(text.hasPrefix("tensor([ 0,  1,  2,"))
    }

    func testStringInterpolationUsesTheDescription() {
        let t = Tensor([1.0, 2])
        XCTAssertEqual("\(t)", t.description)
        XCTAssertEqual("\(Tensor([1, 2]).dtype)", "torch.int64")
    }
}
