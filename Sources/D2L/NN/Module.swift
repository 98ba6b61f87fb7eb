/// The base class of layers and models: an object that owns parameters, buffers and submodules,
/// and knows whether it is training.
///
/// d2l: `nn.Module` (§3.3, §5.1). What a module computes is said by the protocol it adopts:
/// `Layer` for one tensor in and one out (what `Sequential` holds), `RecurrentLayer` for
/// `(X, state) → (Y, state)`, `Encoder` / `Decoder` for §9.6. Its state is found by reflection
/// over stored properties, the way PyTorch registers attributes:
/// - `@Parameter var weight: Tensor` is a parameter, `@Buffer var runningMean: Tensor` a buffer;
///   both may also hold `Tensor?` or `[Tensor]`;
/// - a `Module`, an optional one, or an array of them (`blks: [any Layer]`) is a submodule, named
///   `blks.0`, `blks.1`, … as in PyTorch;
/// - a plain `Tensor` (or `Tensor?`) that is not a trainable leaf is a constant or a cached
///   value and is not saved.
///
/// Anything else that holds tensors or modules (a `Tensor` requiring gradients that is not
/// declared `@Parameter`, a tuple or dictionary of tensors or modules) stops the walk with a
/// message naming the property, so no state is ever silently left out of `stateDict()`.
open class Module {
    /// True in training mode (the default), false after `eval()`; dropout and batch norm read it.
    public private(set) var isTraining = true

    /// A module with no parameters yet.
    public init() {}

    /// What one stored property contributes to the module.
    private enum Member {
        case state(name: String, kind: ModuleStateKind, tensor: Tensor)
        case child(name: String, module: Module)
    }

    /// The parameters, buffers and submodules declared by this object's stored properties (and
    /// its superclasses'), in declaration order.
    private func members() -> [Member] {
        var result: [Member] = []
        var mirror: Mirror? = Mirror(reflecting: self)
        while let m = mirror {
            for child in m.children {
                guard let label = child.label else { continue }
                // A property wrapper stores `weight` as `_weight`.
                let name = label.hasPrefix("_") ? String(label.dropFirst()) : label
                result += members(of: child.value, named: name)
            }
            mirror = m.superclassMirror
        }
        return result
    }

    private func members(of value: Any, named name: String) -> [Member] {
        if let slot = value as? ModuleStateSlot {
            // `key: ""` puts tensors that name themselves (`RecurrentWeights`) at this module's
            // top level, as PyTorch's flat `weight_ih_l1_reverse`.
            let base = slot.key ?? name
            return slot.tensors.map {
                .state(name: base.isEmpty ? $0.suffix : $0.suffix.isEmpty ? base : "\(base).\($0.suffix)",
                       kind: slot.kind, tensor: $0.tensor)
            }
        }
        if let module = value as? Module { return [.child(name: name, module: module)] }
        if let modules = value as? [Module] {
            return modules.enumerated().map { .child(name: "\(name).\($0.offset)", module: $0.element) }
        }
        if let tensor = value as? Tensor {
            // A leaf that requires grad can only be meant as a parameter; a tensor computed from
            // parameters (a cached activation) or a constant is not state.
            check(!(tensor.isLeaf && tensor.requiresGrad),
                  "\(type(of: self)).\(name) is a Tensor that requires grad but is not declared a parameter; "
                  + "write `@Parameter var \(name): Tensor` so it is trained and saved")
            return []  // a constant, as a plain tensor attribute in PyTorch
        }
        check(!Self.holdsModuleState(value, depth: 3),
              "\(type(of: self)).\(name) of type \(type(of: value)) holds tensors or modules that the module "
              + "walk cannot name; store them as `@Parameter var \(name): [Tensor]`, `@Buffer`, or an array "
              + "of modules, or as separate properties")
        return []
    }

    /// Whether a value that is neither a slot, a module nor a tensor contains one (in a tuple,
    /// dictionary, set, optional or nested collection).
    private static func holdsModuleState(_ value: Any, depth: Int) -> Bool {
        if value is Tensor || value is Module || value is ModuleStateSlot { return true }
        guard depth > 0 else { return false }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .tuple?, .collection?, .dictionary?, .set?, .optional?:
            return mirror.children.contains { holdsModuleState($0.value, depth: depth - 1) }
        default:
            return false
        }
    }

    /// Direct submodules with their names (`0`, `net`, `blks.2`), as `named_children()`.
    open func namedChildren() -> [(String, Module)] {
        members().compactMap { if case let .child(name, module) = $0 { return (name, module) } else { return nil } }
    }

    /// This module's own parameters and buffers (not those of submodules), with their names.
    func namedOwnState() -> [(name: String, kind: ModuleStateKind, tensor: Tensor)] {
        members().compactMap {
            if case let .state(name, kind, tensor) = $0 { return (name, kind, tensor) } else { return nil }
        }
    }

    /// Every module in the tree with its dotted path, this one first under `""`, as
    /// `named_modules()`. A module reachable twice is listed once.
    public func namedModules() -> [(String, Module)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Module)] = []
        func visit(_ module: Module, _ path: String) {
            guard seen.insert(ObjectIdentifier(module)).inserted else { return }
            result.append((path, module))
            for (name, child) in module.namedChildren() { visit(child, path.isEmpty ? name : "\(path).\(name)") }
        }
        visit(self, "")
        return result
    }

    /// Parameters or buffers of the whole tree with dotted names; a tensor shared by two layers
    /// is listed once, under its first name.
    func namedState(_ kind: ModuleStateKind) -> [(String, Tensor)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Tensor)] = []
        for (path, module) in namedModules() {
            for entry in module.namedOwnState() where entry.kind == kind
                && seen.insert(ObjectIdentifier(entry.tensor)).inserted {
                result.append((path.isEmpty ? entry.name : "\(path).\(entry.name)", entry.tensor))
            }
        }
        return result
    }

    /// All parameters with dotted names such as `0.weight`, as `named_parameters()` (§5.2),
    /// frozen ones included.
    public func namedParameters() -> [(String, Tensor)] { namedState(.parameter) }

    /// All parameters, frozen ones included, as `parameters()`.
    public func parameters() -> [Tensor] { namedParameters().map(\.1) }

    /// The parameters an optimizer should update: those not frozen (that require gradients),
    /// as `filter(lambda p: p.requires_grad, net.parameters())` in fine-tuning (§13.2).
    public func trainableParameters() -> [Tensor] { parameters().filter(\.requiresGrad) }

    /// All buffers with dotted names such as `1.running_mean`, as `named_buffers()`.
    public func namedBuffers() -> [(String, Tensor)] { namedState(.buffer) }

    /// All buffers, as `buffers()`.
    public func buffers() -> [Tensor] { namedBuffers().map(\.1) }

    /// Stops training the parameters named by `names` (a parameter's full name, or the path of
    /// a submodule: `"0"`, `"features.3"`), or all of them when `names` is empty, as setting
    /// `param.requires_grad = False` (§13.2). Frozen parameters are still saved by `stateDict()`.
    public func freeze(_ names: [String] = []) { setTrainable(false, names, operation: "freeze") }

    /// Trains again the parameters named by `names` (as in `freeze`), or all when empty.
    public func unfreeze(_ names: [String] = []) { setTrainable(true, names, operation: "unfreeze") }

    private func setTrainable(_ on: Bool, _ names: [String], operation: String) {
        let all = namedParameters()
        for name in names {
            check(all.contains { $0.0 == name || $0.0.hasPrefix(name + ".") },
                  "\(operation): \(type(of: self)) has no parameter or submodule named '\(name)'; its parameters are "
                  + all.map(\.0).joined(separator: ", "))
        }
        for (name, p) in all where names.isEmpty || names.contains(where: { name == $0 || name.hasPrefix($0 + ".") }) {
            p.requiresGrad = on
        }
    }

    /// Switches this module and every submodule to training (`true`) or evaluation mode.
    public func train(_ on: Bool = true) {
        for (_, module) in namedModules() { module.isTraining = on }
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
