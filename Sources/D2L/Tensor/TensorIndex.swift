/// One entry of a subscript such as `X[1, 0..<2, .all]`.
///
/// d2l: Python's indexing and slicing (§2.1.5). Integers pick one entry and drop the axis;
/// negative integers count from the end (`X[-1]` is the last row). Swift ranges keep the axis and
/// may also use negative bounds. `...` or `.all` takes a whole axis (Python's `:`), `.ellipsis`
/// stands for all remaining axes, and an integer tensor or `[Int]` picks entries by position
/// ("fancy" indexing, as the book's `y_hat[range(len(y_hat)), y]`).
public enum TensorIndex {
    /// One position; the axis disappears from the result.
    case at(Int)
    /// Positions `start..<end` in steps of `step`; `nil` bounds mean the ends of the axis.
    case slice(start: Int?, end: Int?, step: Int)
    /// The whole axis, Python's `:`.
    case all
    /// As many `.all` as needed to cover the remaining axes, Python's `...`.
    case ellipsis
    /// A new axis of length 1, Python's `None`.
    case newAxis
    /// Positions given by an integer tensor; several such indices broadcast together.
    case positions(Tensor)

    /// Every `step`-th entry of `range`, as Python's `x[start:end:step]`.
    public static func stride(_ range: Range<Int>, by step: Int) -> TensorIndex {
        .slice(start: range.lowerBound, end: range.upperBound, step: step)
    }
}

/// Anything that can appear inside a tensor subscript.
public protocol TensorIndexConvertible {
    /// The index this value stands for.
    var tensorIndex: TensorIndex { get }
}

extension TensorIndex: TensorIndexConvertible {
    /// The index itself.
    public var tensorIndex: TensorIndex { self }
}

extension Int: TensorIndexConvertible {
    /// One position; negative counts from the end.
    public var tensorIndex: TensorIndex { .at(self) }
}

extension Range: TensorIndexConvertible where Bound == Int {
    /// `a..<b`: positions a up to b.
    public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: upperBound, step: 1) }
}

extension ClosedRange: TensorIndexConvertible where Bound == Int {
    /// `a...b`: positions a through b (`...(-1)` reaches the last).
    public var tensorIndex: TensorIndex {
        .slice(start: lowerBound, end: upperBound == -1 ? nil : upperBound + 1, step: 1)
    }
}

extension PartialRangeFrom: TensorIndexConvertible where Bound == Int {
    /// `a...`: from position a to the end.
    public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: nil, step: 1) }
}

extension PartialRangeUpTo: TensorIndexConvertible where Bound == Int {
    /// `..<b`: from the start up to b.
    public var tensorIndex: TensorIndex { .slice(start: nil, end: upperBound, step: 1) }
}

extension PartialRangeThrough: TensorIndexConvertible where Bound == Int {
    /// `...b`: from the start through b.
    public var tensorIndex: TensorIndex {
        .slice(start: nil, end: upperBound == -1 ? nil : upperBound + 1, step: 1)
    }
}

extension Tensor: TensorIndexConvertible {
    /// An integer tensor used as an index picks entries by position.
    public var tensorIndex: TensorIndex { .positions(self) }
}

extension Array: TensorIndexConvertible where Element == Int {
    /// `x[[0, 2]]` picks entries 0 and 2 of the first axis.
    public var tensorIndex: TensorIndex { .positions(Tensor(self)) }
}
