/// Running sums of several quantities, as the book's `Accumulator(n)` (§3.6): e.g. total loss,
/// number correct and number of examples over an epoch.
public struct Accumulator: CustomStringConvertible {
    /// The sums, in the order they are added.
    public private(set) var data: [Double]

    /// `n` sums starting at zero.
    public init(_ n: Int) { data = Array(repeating: 0, count: n) }

    /// Adds one value to each sum, as `metric.add(a, b, c)`.
    public mutating func add(_ values: Double...) {
        check(values.count == data.count, "Accumulator.add: got \(values.count) values for \(data.count) sums")
        for i in values.indices { data[i] += values[i] }
    }

    /// Sets every sum back to zero.
    public mutating func reset() { data = Array(repeating: 0, count: data.count) }

    /// Sum number `index`, as `metric[index]`.
    public subscript(index: Int) -> Double { data[index] }

    /// The sums, for printing.
    public var description: String { "Accumulator(\(data))" }
}
