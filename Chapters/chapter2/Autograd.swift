import ArgumentParser
import ChapterSupport
import D2L
import Preliminaries

/// §2.5 Automatic differentiation.
struct Autograd: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "§2.5 Automatic differentiation: gradients, non-scalar outputs, detach, control flow.")

    @Option(help: "Seed for the random input of the control-flow example.")
    var seed: UInt64 = 0

    func run() {
        printSection("2.5", "Automatic differentiation")
        printSubsection("2.5.1", "A simple example: y = 2xᵀx")
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        show("x = torch.arange(4.0); x.requires_grad_(True); x.grad", x, x.grad as Any)
        let y = AutomaticDifferentiation.twiceSquaredNorm(x)
        show("y = 2 * torch.dot(x, x)", y)
        y.backward()
        show("y.backward(); x.grad", x.grad!)
        show("x.grad == 4 * x", x.grad! == 4 * x)
        x.grad!.zero()
        x.sum().backward()
        show("x.grad.zero_(); y = x.sum(); y.backward(); x.grad", x.grad!)

        printSubsection("2.5.2", "Backward for non-scalar variables")
        x.grad!.zero()
        (x * x).sum().backward()
        show("y = x * x; y.sum().backward(); x.grad", x.grad!)

        printSubsection("2.5.3", "Detaching computation")
        x.grad!.zero()
        let square = x * x
        let u = square.detach()
        (u * x).sum().backward()
        show("u = y.detach(); z = u * x; z.sum().backward(); x.grad == u", x.grad! == u)
        x.grad!.zero()
        square.sum().backward()
        show("y.sum().backward(); x.grad == 2 * x", x.grad! == 2 * x)

        printSubsection("2.5.4", "Computing the gradient of Python control flow")
        let a = Tensor.randn([], generator: RandomGenerator(seed: seed)).requiresGrad()
        let d = AutomaticDifferentiation.controlFlow(a)
        d.backward()
        show("a = torch.randn(size=()); d = f(a); d.backward(); a.grad == d / a", a.grad! == d.detach() / a.detach())
    }
}
