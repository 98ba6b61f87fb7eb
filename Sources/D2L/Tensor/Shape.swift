/// Shape arithmetic shared by every operation: element counts, strides, broadcasting and axis
/// normalisation, each with an error message that names the operation and the shapes involved.
enum Shape {
    /// The product of the lengths, 1 for a scalar.
    static func product(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape { n *= d }
        return n
    }

    /// Checks that no axis is negative and returns the element count.
    static func elementCount(_ shape: [Int], operation: String) -> Int {
        for d in shape where d < 0 {
            failCheck("\(operation): negative dimension in shape \(shape)")
        }
        return product(shape)
    }

    /// Row-major strides: the last axis moves by 1.
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= Swift.max(shape[axis], 1)
        }
        return strides
    }

    /// The NumPy broadcast of two shapes: align from the right, each pair equal or one of them 1.
    static func broadcast(_ a: [Int], _ b: [Int], operation: String) -> [Int] {
        if a == b { return a }
        let n = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 {
                result[i] = da
            } else if da == 1 {
                result[i] = db
            } else {
                failCheck("\(operation): shapes \(a) and \(b) cannot be broadcast together "
                          + "(axis \(i - n) has \(da) vs \(db))")
            }
        }
        return result
    }

    /// Turns a possibly negative axis into 0..<ndim, stopping with a message when out of range.
    static func normalizeAxis(_ axis: Int, ndim: Int, operation: String) -> Int {
        let a = axis < 0 ? axis + ndim : axis
        check(a >= 0 && a < ndim,
              "\(operation): axis \(axis) is out of range for a tensor with \(ndim) axes")
        return a
    }

    /// Normalises a list of axes, sorted and without repeats.
    static func normalizeAxes(_ axes: [Int], ndim: Int, operation: String) -> [Int] {
        let result = axes.map { normalizeAxis($0, ndim: ndim, operation: operation) }
        let sorted = Array(Set(result)).sorted()
        check(sorted.count == result.count, "\(operation): repeated axis in \(axes)")
        return sorted
    }
}

/// Stops with `message` when `condition` is false: D2L's `precondition`, for the core and the
/// chapter modules alike.
///
/// The core is compiled with `-O`, where Swift's own `precondition` traps without printing its
/// message. A shape error must always say which operation failed and on which shapes, so the
/// core checks through `fatalError`, which prints in every build configuration. `message` is
/// only built when the check fails.
///
///     check(a.shape == b.shape, "add: shapes \(a.shape) and \(b.shape) differ")
@inline(__always)
public func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                  file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}

/// Stops with `message`: D2L's `preconditionFailure`, printed in every build configuration
/// (see `check`).
public func failCheck(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError(message, file: file, line: line)
}
