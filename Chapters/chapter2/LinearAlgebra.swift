import ArgumentParser
import ChapterSupport
import D2L

/// §2.3 Linear algebra.
struct LinearAlgebra: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "linear-algebra",
        abstract: "§2.3 Linear algebra: scalars to tensors, reductions, products and norms.")

    func run() {
        printSection("2.3", "Linear algebra")
        printSubsection("2.3.1", "Scalars")
        let s = Tensor(3.0), t = Tensor(2.0)
        show("x + y, x * y, x / y, x ** y", s + t, s * t, s / t, s ** t)

        printSubsection("2.3.2", "Vectors")
        let x = Tensor.arange(4)
        show("x = torch.arange(4)", x)
        show("x[3]", x[3])
        show("len(x), x.shape", x.length, x.shape)

        printSubsection("2.3.3", "Matrices")
        var A = Tensor.arange(20).reshape(5, 4)
        show("A = torch.arange(20).reshape(5, 4)", A)
        show("A.T", A.T)
        let B = Tensor([[1, 2, 3], [2, 0, 4], [3, 4, 5]])
        show("B == B.T", B == B.T)

        printSubsection("2.3.4", "Tensors")
        show("torch.arange(24).reshape(2, 3, 4)", Tensor.arange(24).reshape(2, 3, 4))

        printSubsection("2.3.5", "Basic properties of tensor arithmetic")
        A = Tensor.arange(20, dtype: .float32).reshape(5, 4)
        let C = A.clone()
        show("A, A + B  (B = A.clone())", A, A + C)
        show("A * B", A * C)
        let X = Tensor.arange(24).reshape(2, 3, 4)
        show("a + X, (a * X).shape  (a = 2)", 2 + X, (2 * X).shape)

        printSubsection("2.3.6", "Reduction")
        let v = Tensor.arange(4, dtype: .float32)
        show("x, x.sum()", v, v.sum())
        show("A.shape, A.sum()", A.shape, A.sum())
        show("A.sum(axis=0), its shape", A.sum(axis: 0), A.sum(axis: 0).shape)
        show("A.sum(axis=1), its shape", A.sum(axis: 1), A.sum(axis: 1).shape)
        show("A.sum(axis=[0, 1])", A.sum(axes: [0, 1]))
        show("A.mean(), A.sum() / A.numel()", A.mean(), A.sum() / Float(A.numel()))
        show("A.mean(axis=0), A.sum(axis=0) / A.shape[0]", A.mean(axis: 0), A.sum(axis: 0) / Float(A.shape[0]))
        let sumA = A.sum(axis: 1, keepDims: true)
        show("sum_A = A.sum(axis=1, keepdims=True)", sumA)
        show("A / sum_A", A / sumA)
        show("A.cumsum(axis=0)", A.cumsum(axis: 0))

        printSubsection("2.3.7", "Dot products")
        let y = Tensor.ones([4])
        show("x, y, torch.dot(x, y)", v, y, Tensor.dot(v, y))
        show("torch.sum(x * y)", (v * y).sum())

        printSubsection("2.3.8", "Matrix-vector products")
        show("A.shape, x.shape, torch.mv(A, x)", A.shape, v.shape, Tensor.mv(A, v))

        printSubsection("2.3.9", "Matrix-matrix multiplication")
        show("torch.mm(A, torch.ones(4, 3))", Tensor.mm(A, Tensor.ones([4, 3])))

        printSubsection("2.3.10", "Norms")
        let u = Tensor([3.0, -4.0])
        show("torch.norm(u)", u.norm())
        show("torch.abs(u).sum()", u.abs().sum())
        show("torch.norm(torch.ones((4, 9)))", Tensor.ones([4, 9]).norm())
    }
}
