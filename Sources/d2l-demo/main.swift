/// d2l-demo: a short tour of the D2L core, following the book's §2.1 (data manipulation), one
/// matrix product from §2.3 and §2.5 (automatic differentiation). Each heading names the section
/// whose PyTorch output the lines below reproduce.
///
///     swift run d2l-demo
import D2L

func heading(_ title: String) { print("\n== \(title)") }

heading("Creating tensors (§2.1.1)")
let x = Tensor.arange(12)
print(x)
print("shape \(x.shape), \(x.numel()) elements, dtype \(x.dtype)")
let X = x.reshape(3, 4)
print(X)
print(Tensor.zeros([2, 3]), Tensor.ones([2, 3]), separator: "\n")
print(Tensor.randn([3, 4], generator: RandomGenerator(seed: 0)))

heading("Operations and broadcasting (§2.1.2–2.1.3)")
let u = Tensor([1.0, 2, 4, 8]), v = Tensor([2.0, 2, 2, 2])
print(u + v, u - v, u * v, u / v, u ** v, u.exp(), separator: "\n")
let A = Tensor.arange(12, dtype: .float32).reshape(3, 4)
let B = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print("cat along dim 0:", Tensor.cat([A, B], dim: 0).shape)
print("cat along dim 1:", Tensor.cat([A, B], dim: 1).shape)
print(A == B)
print("A.sum():", A.sum())
let a = Tensor.arange(3).reshape(3, 1), b = Tensor.arange(2).reshape(1, 2)
print("[3, 1] + [1, 2] broadcasts to [3, 2]:")
print(a + b)

heading("Indexing and slicing (§2.1.4)")
print(A[-1], A[1..<3], separator: "\n")
A[1, 2] = 9
A[0..<2, ...] = 12
print(A)

heading("Saving memory (§2.1.5)")
var Y = B
let old = Y.storage
Y = Y + A
print("Y = Y + A   allocates new storage:", Y.storage !== old)
let Z = Tensor.zerosLike(Y)
let zStorage = Z.storage
Z[...] = A + Y
Z += A
print("Z[...] = A + Y, then Z += A   keep Z's storage:", Z.storage === zStorage)

heading("A matrix product through OpenBLAS (§2.3.9)")
let M = Tensor.arange(20, dtype: .float32).reshape(5, 4)
print(matmul(M, Tensor.ones([4, 3])))

heading("Automatic differentiation of y = 2xᵀx (§2.5.1)")
do {
    let x = Tensor.arange(4, dtype: .float32).requiresGrad()
    let y = 2 * Tensor.dot(x, x)
    print(y)
    y.backward()
    print("x.grad =", x.grad!)
    print("x.grad == 4x:", x.grad! == 4 * x)
}
