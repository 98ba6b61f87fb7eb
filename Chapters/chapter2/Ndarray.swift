import ArgumentParser
import ChapterSupport
import D2L

/// §2.1 Data manipulation.
struct Ndarray: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "§2.1 Data manipulation: tensors, operations, broadcasting, indexing, saving memory.")

    func run() {
        printSection("2.1", "Data manipulation")
        printSubsection("2.1.1", "Getting started")
        let x = Tensor.arange(12)
        show("x = torch.arange(12)", x)
        show("x.shape", x.shape)
        show("x.numel()", x.numel())
        var X = x.reshape(3, 4)
        show("X = x.reshape(3, 4)", X)
        show("torch.zeros((2, 3, 4))", Tensor.zeros([2, 3, 4]))
        show("torch.ones((2, 3, 4))", Tensor.ones([2, 3, 4]))
        show("torch.randn(3, 4)", Tensor.randn([3, 4]))
        show("torch.tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])", Tensor([[2, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]]))

        printSubsection("2.1.2", "Operations")
        let u = Tensor([1.0, 2, 4, 8]), v = Tensor([2.0, 2, 2, 2])
        show("x + y, x - y, x * y, x / y, x ** y", u + v, u - v, u * v, u / v, u ** v)
        show("torch.exp(x)", u.exp())
        X = Tensor.arange(12, dtype: .float32).reshape(3, 4)
        var Y = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        show("torch.cat((X, Y), dim=0), torch.cat((X, Y), dim=1)", Tensor.cat([X, Y], dim: 0), Tensor.cat([X, Y], dim: 1))
        show("X == Y", X == Y)
        show("X.sum()", X.sum())

        printSubsection("2.1.3", "Broadcasting")
        let a = Tensor.arange(3).reshape(3, 1), b = Tensor.arange(2).reshape(1, 2)
        show("a, b", a, b)
        show("a + b", a + b)

        printSubsection("2.1.4", "Indexing and slicing")
        show("X[-1], X[1:3]", X[-1], X[1..<3])
        X[1, 2] = 9
        show("X[1, 2] = 9; X", X)
        X[0..<2, ...] = 12
        show("X[0:2, :] = 12; X", X)

        printSubsection("2.1.5", "Saving memory")
        let beforeY = Y.storage
        Y = Y + X
        show("Y = Y + X; same storage as before?", Y.storage === beforeY)
        let Z = Tensor.zerosLike(Y)
        let zStorage = Z.storage
        Z[...] = X + Y
        show("Z[:] = X + Y; same storage as before?", Z.storage === zStorage)
        let beforeX = X.storage
        X += Y
        show("X += Y; same storage as before?", X.storage === beforeX)

        printSubsection("2.1.6", "Conversion to other Swift objects")
        let array = X.toArray2D()
        show("X.toArray2D() is [[Float]]; Tensor(array) is a Tensor again", type(of: array), type(of: Tensor(array)))
        let scalar = Tensor([3.5])
        show("a, a.item(), Float(a.item()), Int(a.item())", scalar, scalar.item(), Float(scalar.item()), Int(scalar.item()))
    }
}
