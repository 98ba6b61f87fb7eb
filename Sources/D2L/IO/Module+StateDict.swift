import Foundation

/// A parameter that could not be loaded into a model: missing, unexpected, or of another shape.
public struct StateDictError: Error, CustomStringConvertible {
    /// What went wrong, naming each parameter and shape.
    public let problems: [String]
    /// The problems, one per line.
    public var description: String { "cannot load parameters:\n  " + problems.joined(separator: "\n  ") }
}

extension Module {
    /// Every parameter by dotted name, as `net.state_dict()` (§5.2, §5.5).
    public func stateDict() -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: namedParameters())
    }

    /// Copies `dict`'s values into this model's parameters (in place, so optimizers holding
    /// them keep working), as `net.load_state_dict(...)`. Nothing is changed unless every name
    /// and shape matches.
    /// - Throws: `StateDictError` listing every missing, unexpected or mis-shaped parameter.
    public func loadStateDict(_ dict: [String: Tensor]) throws {
        let mine = stateDict()
        var problems: [String] = []
        for (name, p) in mine.sorted(by: { $0.key < $1.key }) {
            guard let value = dict[name] else { problems.append("\(name): missing from the loaded parameters"); continue }
            if value.shape != p.shape {
                problems.append("\(name): the model has shape \(p.shape), the loaded tensor has \(value.shape)")
            }
        }
        for name in dict.keys.sorted() where mine[name] == nil {
            problems.append("\(name): not a parameter of this model")
        }
        guard problems.isEmpty else { throw StateDictError(problems: problems) }
        noGrad {
            for (name, p) in mine { p.copy(from: dict[name]!.to(.float32)) }
        }
    }

    /// Saves the parameters to a safetensors file, as `torch.save(net.state_dict(), 'mlp.params')`.
    public func saveParameters(to url: URL) throws {
        try SafeTensors.save(stateDict(), to: url)
    }

    /// Loads parameters saved by `saveParameters(to:)` into this model (see `loadStateDict`).
    public func loadParameters(from url: URL) throws {
        try loadStateDict(SafeTensors.load(url))
    }
}
