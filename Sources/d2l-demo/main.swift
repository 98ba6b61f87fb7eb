// d2l-demo: a tour of the D2L core in the order of the book's §2.1 (data manipulation) and
// §2.5 (automatic differentiation). Run it with `swift run d2l-demo`.
import D2L

func heading(_ title: String) { print("\n== \(title)") }

heading("Creating tensors (§2.1.1)")
let x = Tensor.arange(12)
print(x)
print("shape \(x.shape), \(x.numel()) elements, dtype \(x.dtype)")
let X = x.reshape(3, 4)
print(X)
print(Tensor.randn([3, 4], generator: RandomGenerator(seed: 0)))

heading("Operations and broadcasting (§2.1.2–2.1.3)")
let u = Tensor([1.0, 2, 4, 8]), v = Tensor([2.0, 2, 2, 2])
print(u + v, u - v, u * v, u / v, u ** v, separator: "\n")
let A = Tensor.arange(12, dtype: .float32).reshape(3, 4)
let B = Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
print(Tensor.cat([A, B], dim: 0))
print(Tensor.cat([A, B], dim: 1))
print(A == B)
print(Tensor.arange(3).reshape(3, 1) + Tensor.arange(2).reshape(1, 2))

heading("Indexing and slicing (§2.1.4)")
print(A[-1], A[1..<3], separator: "\n")
A[1, 2] = 9
A[0..<2, ...] = 12
print(A)

heading("Saving memory: in-place updates keep the storage (§2.1.5)")
let Z = Tensor.zerosLike(B)
let before = Z.storage
Z[...] = A + B
Z += B
print("same storage after Z[...] = A + B and Z += B:", Z.storage === before)

heading("A matrix product through OpenBLAS (§2.3.9)")
let M = Tensor.arange(20, dtype: .float32).reshape(5, 4)
print(matmul(M, Tensor.ones([4, 3])))

heading("Automatic differentiation of y = 2xᵀx (§2.5.1)")
let w = Tensor.arange(4, dtype: .float32).requiresGrad()
let y = 2 * Tensor.dot(w, w)
print(y)
y.backward()
print("gradient:", w.grad!, " equals 4x:", (w.grad! == 4 * w).sum().intItem() == 4)
