import Foundation

/// Parameters or buffers that could not be loaded into a model: missing, unexpected, or of
/// another shape.
public struct StateDictError: Error, CustomStringConvertible {
    /// What went wrong, naming each tensor and shape.
    public let problems: [String]
    /// The problems, one per line.
    public var description: String { "cannot load the state dict:\n  " + problems.joined(separator: "\n  ") }
}

/// What a non-strict `loadStateDict` left out, as PyTorch's `_IncompatibleKeys`.
public struct LoadedStateReport: Equatable, CustomStringConvertible {
    /// Names the model has but the loaded dictionary lacks (left as they were).
    public var missingKeys: [String] = []
    /// Names in the dictionary that the model does not have (ignored).
    public var unexpectedKeys: [String] = []
    /// Names whose shapes differ (left as they were; PyTorch would stop here even when not strict).
    public var mismatchedKeys: [String] = []

    /// True when every tensor was loaded and nothing was left over.
    public var isComplete: Bool { missingKeys.isEmpty && unexpectedKeys.isEmpty && mismatchedKeys.isEmpty }

    /// The three lists, as PyTorch prints them.
    public var description: String {
        "missing_keys=\(missingKeys), unexpected_keys=\(unexpectedKeys), mismatched_keys=\(mismatchedKeys)"
    }
}

extension Module {
    /// Every parameter and buffer by dotted name, as `net.state_dict()` (§5.5): frozen
    /// parameters and batch norm's running statistics included, under PyTorch's names.
    public func stateDict() -> [String: Tensor] {
        Dictionary(namedParameters() + namedBuffers(), uniquingKeysWith: { first, _ in first })
    }

    /// Copies `dict`'s values into this model's parameters and buffers, in place, so optimizers
    /// holding them keep working, as `net.load_state_dict(dict, strict=...)`.
    ///
    /// Strict (the default): nothing is changed unless every name and shape matches, and the
    /// error lists every problem at once. Not strict (fine-tuning, §13.2): every tensor whose
    /// name and shape match is loaded, and the report says what was left out.
    /// - Throws: `StateDictError` when strict and anything is missing, unexpected or mis-shaped.
    @discardableResult
    public func loadStateDict(_ dict: [String: Tensor], strict: Bool = true) throws -> LoadedStateReport {
        let mine = stateDict()
        var report = LoadedStateReport()
        var problems: [String] = []
        for (name, p) in mine.sorted(by: { $0.key < $1.key }) {
            guard let value = dict[name] else {
                report.missingKeys.append(name)
                problems.append("\(name): missing from the loaded state")
                continue
            }
            if value.shape != p.shape {
                report.mismatchedKeys.append(name)
                problems.append("\(name): the model has shape \(p.shape), the loaded tensor has \(value.shape)")
            }
        }
        for name in dict.keys.sorted() where mine[name] == nil {
            report.unexpectedKeys.append(name)
            problems.append("\(name): not a parameter or buffer of this model")
        }
        if strict && !problems.isEmpty { throw StateDictError(problems: problems) }
        noGrad {
            for (name, p) in mine {
                guard let value = dict[name], value.shape == p.shape else { continue }
                p.copy(from: value.to(p.dtype))
            }
        }
        return report
    }

    /// Saves parameters and buffers to a safetensors file, as
    /// `torch.save(net.state_dict(), 'mlp.params')` (§5.5); Python's `safetensors` reads it.
    public func saveParameters(to url: URL) throws {
        try SafeTensors.save(stateDict(), to: url)
    }

    /// Loads a file written by `saveParameters(to:)` (or by Python's `safetensors`) into this
    /// model (see `loadStateDict`).
    @discardableResult
    public func loadParameters(from url: URL, strict: Bool = true) throws -> LoadedStateReport {
        try loadStateDict(SafeTensors.load(url), strict: strict)
    }
}
