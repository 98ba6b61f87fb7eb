import Foundation

// Printing a tensor the way PyTorch does, so output can be compared with the book line by line:
// `tensor([[ 0.,  1.], [ 2.,  3.]])`, `tensor([True, False])`, `tensor(3.5000, grad_fn=<...>)`.

extension Tensor: CustomStringConvertible {
    /// PyTorch's `repr`: values with a common width, rows on separate lines, large tensors
    /// summarised with `...`, and `requires_grad` / `grad_fn` noted at the end.
    public var description: String {
        let values = toArray()
        let summarize = values.count > 1000
        let format = ElementFormat(values: summarizedValues(values, summarize: summarize), dtype: dtype)
        var text = "tensor("
        if ndim == 0 {
            text += format.string(values[0]).trimmingCharacters(in: .whitespaces)
        } else if count == 0 {
            text += ndim == 1 ? "[]" : "[], size=(\(shape.map(String.init).joined(separator: ", ")))"
        } else {
            text += render(values, axis: 0, start: 0, indent: 7, format: format, summarize: summarize)
        }
        if let gradFn {
            text += ", grad_fn=\(gradFn)"
        } else if requiresGrad {
            text += ", requires_grad=True"
        }
        return text + ")"
    }

    /// The elements that will actually be printed (PyTorch shows 3 at each edge past 1000).
    private func summarizedValues(_ values: [Float], summarize: Bool) -> [Float] {
        guard summarize else { return values }
        var shown: [Float] = []
        func collect(axis: Int, start: Int) {
            let stride = Shape.product(Array(shape[(axis + 1)...]))
            for i in visibleIndices(axis: axis, summarize: true) {
                if axis == ndim - 1 { shown.append(values[start + i]) }
                else { collect(axis: axis + 1, start: start + i * stride) }
            }
        }
        collect(axis: 0, start: 0)
        return shown
    }

    private func visibleIndices(axis: Int, summarize: Bool) -> [Int] {
        let n = shape[axis]
        if !summarize || n <= 6 { return Array(0..<n) }
        return [0, 1, 2, n - 3, n - 2, n - 1]
    }

    private func render(_ values: [Float], axis: Int, start: Int, indent: Int,
                        format: ElementFormat, summarize: Bool) -> String {
        let n = shape[axis]
        let stride = Shape.product(Array(shape[(axis + 1)...]))
        let elided = summarize && n > 6
        if axis == ndim - 1 {
            var items = visibleIndices(axis: axis, summarize: summarize).map { format.string(values[start + $0]) }
            if elided { items.insert(" ...", at: 3) }
            // Wrap long rows at 80 columns, as PyTorch does.
            let perLine = Swift.max(1, (80 - indent) / (format.width + 2))
            var lines: [String] = []
            var i = 0
            while i < items.count {
                lines.append(items[i..<Swift.min(items.count, i + perLine)].joined(separator: ", "))
                i += perLine
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }
        var parts = visibleIndices(axis: axis, summarize: summarize).map {
            render(values, axis: axis + 1, start: start + $0 * stride, indent: indent + 1,
                   format: format, summarize: summarize)
        }
        if elided { parts.insert("...", at: 3) }
        let blankLines = String(repeating: "\n", count: Swift.max(1, ndim - axis - 1))
        return "[" + parts.joined(separator: "," + blankLines + String(repeating: " ", count: indent + 1)) + "]"
    }
}

/// How PyTorch chooses to print the elements of one tensor: integers plainly, whole floats as
/// `3.`, other floats with 4 decimals, or scientific notation when magnitudes differ widely.
private struct ElementFormat {
    enum Mode { case integer, bool, wholeFloat, fixed, scientific }
    let mode: Mode
    let width: Int

    init(values: [Float], dtype: DType) {
        switch dtype {
        case .bool: mode = .bool
        case .int64: mode = .integer
        case .float32:
            let finite = values.filter { $0.isFinite }.map { Swift.abs($0) }
            let nonzero = finite.filter { $0 != 0 }
            let spread = (nonzero.max() ?? 0) / (nonzero.min() ?? 1)
            if finite.allSatisfy({ $0.rounded() == $0 }) {
                mode = spread > 1000 || (finite.max() ?? 0) > 1e8 ? .scientific : .wholeFloat
            } else if let lo = nonzero.min(), let hi = nonzero.max(),
                      hi / lo > 1000 || hi > 1e8 || lo < 1e-4 {
                mode = .scientific
            } else {
                mode = .fixed
            }
        }
        // As PyTorch, the width comes from the finite nonzero values (or all, if there are none).
        var w = 0
        let probe = ElementFormat(mode: mode, width: 0)
        let measured = dtype == .float32 ? values.filter { $0.isFinite && $0 != 0 } : values
        for v in measured.isEmpty ? values : measured { w = Swift.max(w, probe.string(v).count) }
        width = w
    }

    private init(mode: Mode, width: Int) { self.mode = mode; self.width = width }

    func string(_ v: Float) -> String {
        let s: String
        if !v.isFinite {
            s = v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf")
        } else {
            switch mode {
            case .bool: s = v != 0 ? "True" : "False"
            case .integer: s = String(Int(v))
            case .wholeFloat: s = String(format: "%.0f.", Double(v))
            case .fixed: s = String(format: "%.4f", Double(v))
            case .scientific: s = String(format: "%.4e", Double(v))
            }
        }
        return String(repeating: " ", count: Swift.max(0, width - s.count)) + s
    }
}
