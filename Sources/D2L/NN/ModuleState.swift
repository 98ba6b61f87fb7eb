/// What a `@Parameter` or `@Buffer` property can hold: one tensor, an optional tensor (a layer
/// without bias, a lazy layer before its first call) or a list of tensors.
///
/// d2l: PyTorch keeps these in a module's `_parameters` and `_buffers` dictionaries (§5.2).
public protocol ModuleTensors {
    /// The tensors held, each with the suffix it adds to the property's name: `""` for a single
    /// tensor, `"0"`, `"1"`, … for the elements of a list (so `[Tensor]` saves as `w.0`, `w.1`).
    var namedTensors: [(suffix: String, tensor: Tensor)] { get }
}

extension Tensor: ModuleTensors {
    /// The tensor itself, under the property's own name.
    public var namedTensors: [(suffix: String, tensor: Tensor)] { [("", self)] }
}

extension Optional: ModuleTensors where Wrapped == Tensor {
    /// The tensor when there is one; nothing for `nil`.
    public var namedTensors: [(suffix: String, tensor: Tensor)] { map { [("", $0)] } ?? [] }
}

extension Array: ModuleTensors where Element == Tensor {
    /// The elements, named by their index.
    public var namedTensors: [(suffix: String, tensor: Tensor)] {
        enumerated().map { ("\($0.offset)", $0.element) }
    }
}

/// The two kinds of tensor a module owns.
public enum ModuleStateKind: Sendable {
    /// Trained by an optimizer (unless frozen) and saved: `weight`, `bias`.
    case parameter
    /// Saved and loaded with the module but never trained: batch norm's `running_mean`.
    case buffer
}

/// A stored property declared `@Parameter` or `@Buffer`, as the module walk sees it.
protocol ModuleStateSlot {
    var kind: ModuleStateKind { get }
    var key: String? { get }
    var tensors: [(suffix: String, tensor: Tensor)] { get }
}

/// Declares a stored property of a `Module` as a trainable parameter, as assigning an
/// `nn.Parameter` to a PyTorch module attribute does (§5.2).
///
/// d2l: `nn.Parameter`. Every tensor stored in the property is made to require gradients when it
/// is assigned, so `@Parameter var weight = Tensor.randn([2, 3])` is trained without writing
/// `requiresGrad: true`. `key` sets the name used by `namedParameters()` and `stateDict()` when
/// it should differ from the Swift property name (PyTorch's `weight_ih_l0`, say).
@propertyWrapper
public struct Parameter<Value: ModuleTensors>: ModuleStateSlot {
    /// The tensor (or tensors) of this parameter.
    public var wrappedValue: Value {
        didSet { Self.markTrainable(wrappedValue) }
    }
    /// The name in the state dict, when not the property's name.
    public let key: String?

    /// Declares `wrappedValue` a parameter, saved under `key` or the property's name.
    public init(wrappedValue: Value, key: String? = nil) {
        self.wrappedValue = wrappedValue
        self.key = key
        Self.markTrainable(wrappedValue)
    }

    var kind: ModuleStateKind { .parameter }
    var tensors: [(suffix: String, tensor: Tensor)] { wrappedValue.namedTensors }

    /// Parameters are leaves of the graph that collect gradients.
    private static func markTrainable(_ value: Value) {
        for (_, t) in value.namedTensors {
            check(t.isLeaf, "@Parameter: a parameter must be a leaf tensor, got one made by \(t.gradFn!.name); "
                  + "create it directly or assign x.detach()")
            t.requiresGrad = true
        }
    }
}

/// Declares a stored property of a `Module` as a buffer: state that is saved, loaded and listed
/// by `namedBuffers()`, but never given to an optimizer, as `register_buffer` in PyTorch.
///
/// d2l: `self.register_buffer('running_mean', ...)` (batch norm, §7.5). Use `key` for PyTorch's
/// snake-case name: `@Buffer(key: "running_mean") var runningMean: Tensor`.
@propertyWrapper
public struct Buffer<Value: ModuleTensors>: ModuleStateSlot {
    /// The tensor (or tensors) of this buffer.
    public var wrappedValue: Value {
        didSet { Self.checkNotTrainable(wrappedValue) }
    }
    /// The name in the state dict, when not the property's name.
    public let key: String?

    /// Declares `wrappedValue` a buffer, saved under `key` or the property's name.
    public init(wrappedValue: Value, key: String? = nil) {
        self.wrappedValue = wrappedValue
        self.key = key
        Self.checkNotTrainable(wrappedValue)
    }

    var kind: ModuleStateKind { .buffer }
    var tensors: [(suffix: String, tensor: Tensor)] { wrappedValue.namedTensors }

    private static func checkNotTrainable(_ value: Value) {
        for (_, t) in value.namedTensors {
            check(!t.requiresGrad, "@Buffer: a buffer is never trained, but this tensor requires grad; "
                  + "declare it @Parameter, or store a detached tensor")
        }
    }
}
