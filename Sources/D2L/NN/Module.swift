/// The base class of layers and models: something callable on a tensor that owns parameters
/// and submodules, and knows whether it is training.
///
/// d2l: `nn.Module` (§3.3, §5.1). Subclasses override `forward(_:)`. Parameters and submodules
/// are found by reflection over stored properties: a `Tensor` that requires gradients is a
/// parameter, a `Module` (or an array of them) is a submodule, as PyTorch registers attributes.
open class Module {
    /// True in training mode (the default), false after `eval()`; dropout and batch norm read it.
    public private(set) var isTraining = true

    /// A module with no parameters yet.
    public init() {}

    /// The computation of this module. Subclasses must override it.
    open func forward(_ x: Tensor) -> Tensor {
        failCheck("\(type(of: self)) has no forward(_:); override it in the subclass")
    }

    /// Runs `forward`, so a module is called like a function: `net(X)`.
    public func callAsFunction(_ x: Tensor) -> Tensor { forward(x) }

    /// The stored properties of this object and its superclasses, with leading underscores
    /// (from property wrappers) dropped from the names.
    private func storedProperties() -> [(name: String, value: Any)] {
        var result: [(String, Any)] = []
        var mirror: Mirror? = Mirror(reflecting: self)
        while let m = mirror {
            for child in m.children {
                guard let label = child.label else { continue }
                result.append((label.hasPrefix("_") ? String(label.dropFirst()) : label, child.value))
            }
            mirror = m.superclassMirror
        }
        return result
    }

    /// Direct submodules with their property names (array elements are named by index).
    open func namedChildren() -> [(String, Module)] {
        storedProperties().flatMap { name, value -> [(String, Module)] in
            if let module = value as? Module { return [(name, module)] }
            if let modules = value as? [Module] { return modules.enumerated().map { ("\($0.offset)", $0.element) } }
            return []
        }
    }

    /// This module's own parameters (not those of submodules), with their property names.
    open func namedOwnParameters() -> [(String, Tensor)] {
        storedProperties().compactMap { name, value in
            guard let t = value as? Tensor, t.requiresGrad else { return nil }
            return (name, t)
        }
    }

    /// All parameters with dotted names such as `0.weight`, as `named_parameters()` (§5.2).
    /// A tensor shared by two layers is listed once.
    public func namedParameters() -> [(String, Tensor)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Tensor)] = []
        func visit(_ module: Module, prefix: String) {
            for (name, p) in module.namedOwnParameters() where seen.insert(ObjectIdentifier(p)).inserted {
                result.append((prefix + name, p))
            }
            for (name, child) in module.namedChildren() { visit(child, prefix: prefix + name + ".") }
        }
        visit(self, prefix: "")
        return result
    }

    /// All parameters, as `parameters()`: what an optimizer updates.
    public func parameters() -> [Tensor] { namedParameters().map(\.1) }

    /// Switches this module and every submodule to training (`true`) or evaluation mode.
    public func train(_ on: Bool = true) {
        isTraining = on
        for (_, child) in namedChildren() { child.train(on) }
    }

    /// Switches to evaluation mode, as `net.eval()`.
    public func eval() { train(false) }

    /// Calls `body` on every submodule, deepest first, then on this module, as `net.apply(fn)`
    /// (the book initialises weights this way).
    public func apply(_ body: (Module) -> Void) {
        for (_, child) in namedChildren() { child.apply(body) }
        body(self)
    }
}

/// Builds the layer list of a `Sequential` from a block of layers, one per line.
@resultBuilder
public enum ModuleBuilder {
    /// Collects the layers in order.
    public static func buildBlock(_ layers: Module...) -> [Module] { layers }
}
