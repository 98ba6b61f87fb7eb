import XCTest
import D2L
import TestSupport

/// Making tensors (constants, ranges, Swift arrays and literals) and getting values back out.
final class TensorCreationTests: XCTestCase {
    // MARK: Constant fills

    func testFullZerosOnesAndTheirLikeVersions() {
        let f = Tensor.full([2, 2], 7)
        XCTAssertEqual(f.toArray(), [7, 7, 7, 7])
        XCTAssertEqual(f.dtype, .float32)
        XCTAssertEqual(Tensor.full([3], 4, dtype: .int64).description, "tensor([4, 4, 4])")
        let i = Tensor.arange(6).reshape(2, 3)
        let z = Tensor.zerosLike(i), o = Tensor.onesLike(i, dtype: .float32)
        XCTAssertEqual(z.shape, [2, 3])
        XCTAssertEqual(z.dtype, .int64)
        XCTAssertEqual(o.dtype, .float32)
        XCTAssertEqual(o.sum().item(), 6)
        XCTAssertEqual(Tensor.zeros([0, 3]).count, 0)
    }

    func testEyeHasOnesOnTheDiagonal() {
        XCTAssertEqual(Tensor.eye(3).toArray2D(), [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        XCTAssertEqual(Tensor.eye(2, dtype: .int64).dtype, .int64)
    }

    func testRequiresGradAtCreation() {
        XCTAssertTrue(Tensor.zeros([2], requiresGrad: true).requiresGrad)
        XCTAssertTrue(Tensor.ones([2], requiresGrad: true).isLeaf)
        XCTAssertTrue(Tensor([1.0, 2], requiresGrad: true).requiresGrad)
        XCTAssertTrue(Tensor.randn([2], requiresGrad: true).requiresGrad)
        XCTAssertFalse(Tensor.zeros([2]).requiresGrad)
    }

    // MARK: Ranges

    func testIntegerArangeWithStartAndStep() {
        XCTAssertEqual(Tensor.arange(2, 10, step: 3).toIntArray(), [2, 5, 8])
        XCTAssertEqual(Tensor.arange(5, 0, step: -2).toIntArray(), [5, 3, 1])
        XCTAssertEqual(Tensor.arange(3, dtype: .float32).dtype, .float32)
        XCTAssertEqual(Tensor.arange(0).shape, [0])
    }

    func testRealArangeCountsItsElementsOnce() {
        // §2.4 uses np.arange(0, 3, 0.1): thirty points, the last 2.9.
        let x = Tensor.arange(0, 3, step: 0.1)
        XCTAssertEqual(x.count, 30)
        XCTAssertEqual(x[-1].item(), 2.9, accuracy: 1e-5)
        XCTAssertEqual(Tensor.arange(0.0, 1.0, step: 0.25).toArray(), [0, 0.25, 0.5, 0.75])
        XCTAssertEqual(Tensor.arange(0.0, 12.0).toArray(), (0..<12).map(Float.init))
    }

    func testLinspaceIncludesBothEnds() {
        assertClose(Tensor.linspace(-1, 1, steps: 5), [-1, -0.5, 0, 0.5, 1], shape: [5], atol: 1e-6, rtol: 0)
        XCTAssertEqual(Tensor.linspace(3, 7, steps: 1).toArray(), [3])
    }

    // MARK: From Swift values

    func testArraysOfEachElementTypeGiveTheMatchingDtype() {
        XCTAssertEqual(Tensor([1.0, 2]).dtype, .float32)
        XCTAssertEqual(Tensor([1, 2]).dtype, .int64)
        XCTAssertEqual(Tensor([true, false]).dtype, .bool)
        XCTAssertEqual(Tensor([[1, 2], [3, 4]]).dtype, .int64)
        let cube = Tensor([[[1.0, 2], [3, 4]], [[5, 6], [7, 8]]])
        XCTAssertEqual(cube.shape, [2, 2, 2])
        XCTAssertEqual(cube[1, 0].toArray(), [5, 6])
        let intCube = Tensor([[[1, 2]], [[3, 4]]])
        XCTAssertEqual(intCube.shape, [2, 1, 2])
        XCTAssertEqual(intCube.dtype, .int64)
    }

    func testShapeAndValuesInitializerIsRowMajor() {
        let t = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(t.toArray2D(), [[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(t.strides, [3, 1])
        XCTAssertTrue(t.isContiguous)
        XCTAssertEqual(Tensor(shape: [], values: [4]).shape, [])
    }

    func testLiteralsBecomeZeroDimensionalTensors() {
        let i: Tensor = 3
        let f: Tensor = 2.5
        XCTAssertEqual(i.shape, [])
        XCTAssertEqual(i.dtype, .int64)
        XCTAssertEqual(f.dtype, .float32)
        XCTAssertEqual(f.item(), 2.5)
        XCTAssertEqual(Tensor(1.5).shape, [])
    }

    // MARK: Properties

    func testAxisCountElementCountAndLength() {
        let t = Tensor.zeros([2, 3, 4])
        XCTAssertEqual(t.ndim, 3)
        XCTAssertEqual(t.count, 24)
        XCTAssertEqual(t.numel(), 24)
        XCTAssertEqual(t.length, 2)
        XCTAssertEqual(Tensor(1.0).ndim, 0)
        XCTAssertEqual(Tensor(1.0).count, 1)
    }

    // MARK: Getting values out

    func testItemAndArrays() {
        XCTAssertEqual(Tensor([[4.5]]).item(), 4.5)
        XCTAssertEqual(Tensor.arange(3).sum().intItem(), 3)
        let M = Tensor.arange(0.0, 6.0).reshape(2, 3)
        XCTAssertEqual(M.toArray(), [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(M.T.toArray(), [0, 3, 1, 4, 2, 5], "row-major order of the view, not storage order")
        XCTAssertEqual(M.toArray2D(), [[0, 1, 2], [3, 4, 5]])
        XCTAssertEqual([Float](M.T), [0, 3, 1, 4, 2, 5])
        XCTAssertEqual(Tensor([7, -2]).toIntArray(), [7, -2])
    }

    func testDtypeConversions() {
        let x = Tensor([2.7, -1.2, 0])
        XCTAssertEqual(x.to(.int64).toIntArray(), [2, -1, 0], "toward zero, as PyTorch")
        XCTAssertEqual(x.long().dtype, .int64)
        XCTAssertEqual(x.to(.bool).toIntArray(), [1, 1, 0])
        XCTAssertEqual(x.to(.bool).dtype, .bool)
        let i = Tensor.arange(3)
        XCTAssertEqual(i.float().dtype, .float32)
        XCTAssertEqual(i.to(.float32).toArray(), [0, 1, 2])
        XCTAssertTrue(x.to(.float32) === x, "converting to the same dtype returns the tensor itself")
        XCTAssertEqual(DType.float32.description, "torch.float32")
        XCTAssertEqual(DType.int64.description, "torch.int64")
        XCTAssertEqual(DType.bool.description, "torch.bool")
    }
}
