import Dispatch
import Foundation

/// Loops shared by the elementwise kernels: splitting big jobs over the cores, and walking
/// strided (non-contiguous or broadcast) operands one row at a time so the inner loop runs over
/// raw pointers.
enum Kernels {
    /// Below this many elements a job runs on the calling thread; above it, it is split over all
    /// cores. Waking a worker costs several microseconds of the caller's time and the kernel's;
    /// with 2¹⁶ the §4.3 MLP epoch (many 65 536- and 200 704-element ops per batch) was 5–7 %
    /// slower than with 2¹⁸, measured alternately in one process (2²⁰ lay between the two).
    static let parallelThreshold = 1 << 18

    /// Number of worker chunks for a job of `count` elements.
    static func chunkCount(_ count: Int) -> Int {
        count < parallelThreshold ? 1 : Swift.min(cores, Swift.max(1, count / (parallelThreshold / 2)))
    }

    static let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body(start, end)` on disjoint ranges covering `0..<count`, in parallel when the
    /// total work (`count` items of `workPerItem` elements each) is large.
    @inline(__always)
    static func parallelRanges(_ count: Int, workPerItem: Int = 1, _ body: (Int, Int) -> Void) {
        forEachWorker(workerCount(count, workPerItem: workPerItem), count: count) { _, items in
            body(items.lowerBound, items.upperBound)
        }
    }

    /// Number of workers for `count` items of `workPerItem` elements each: one when the job is
    /// small, otherwise one per core (never more than there are items).
    static func workerCount(_ count: Int, workPerItem: Int) -> Int {
        Swift.min(count, chunkCount(count * workPerItem))
    }

    /// Runs `body(worker, items)` on `workers` threads at once, worker w taking the w-th of
    /// `workers` nearly equal, contiguous parts of `0..<count`. For jobs that keep a per-worker
    /// scratch buffer or partial sum, indexed by `worker`.
    @inline(__always)
    static func forEachWorker(_ workers: Int, count: Int, _ body: (_ worker: Int, _ items: Range<Int>) -> Void) {
        if workers <= 1 {
            body(0, 0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let items = (w * count / workers)..<((w + 1) * count / workers)
            if !items.isEmpty { body(w, items) }
        }
    }

    /// Visits the rows `rows` (each row spans the last axis) of an index space of `shape`,
    /// passing the storage offset of the row's first element in each of two operands whose
    /// strides are `a` and `b`, and the row number. Zero strides express broadcasting.
    @inline(__always)
    static func forEachRow(shape: [Int], a: [Int], b: [Int], rows: Range<Int>,
                           _ body: (_ offsetA: Int, _ offsetB: Int, _ row: Int) -> Void) {
        let outer = shape.count - 1
        if outer <= 0 {
            for row in rows { body(0, 0, row) }
            return
        }
        // Multi-index of the first row, and the matching offsets.
        var index = [Int](repeating: 0, count: outer)
        var offA = 0, offB = 0
        var rest = rows.lowerBound
        for axis in stride(from: outer - 1, through: 0, by: -1) {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
            offA += index[axis] * a[axis]
            offB += index[axis] * b[axis]
        }
        for row in rows {
            body(offA, offB, row)
            // Odometer increment of the outer axes.
            var axis = outer - 1
            while axis >= 0 {
                index[axis] += 1
                offA += a[axis]
                offB += b[axis]
                if index[axis] < shape[axis] { break }
                offA -= a[axis] * shape[axis]
                offB -= b[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// Copies the (possibly strided) elements of `source` into the contiguous buffer `dest`.
    static func gather(_ source: Tensor, into dest: UnsafeMutablePointer<Float>) {
        let n = source.count
        if n == 0 { return }
        let src = source.base
        if source.isContiguous {
            dest.update(from: src, count: n)
            return
        }
        let inner = source.shape.last ?? 1
        let innerStride = source.strides.last ?? 1
        let rows = n / inner
        parallelRanges(rows, workPerItem: inner) { start, end in
            forEachRow(shape: source.shape, a: source.strides, b: source.strides,
                       rows: start..<end) { offA, _, row in
                let out = dest + row * inner
                let p = src + offA
                for j in 0..<inner { out[j] = p[j * innerStride] }
            }
        }
    }

    /// Writes `source` (already broadcast to `dest`'s shape by zero strides) into the possibly
    /// strided `dest`. Used by slice assignment and `copy_`.
    static func scatter(_ source: Tensor, into dest: Tensor) {
        check(source.shape == dest.shape, "scatter: source shape \(source.shape) differs from destination \(dest.shape)")
        let n = dest.count
        if n == 0 { return }
        // Copy through a temporary when the two overlap in memory, so reads see old values.
        let src = source.storage === dest.storage ? source.contiguousCopy() : source
        let inner = dest.shape.last ?? 1
        let rows = n / inner
        let ds = dest.strides.last ?? 1
        let ss = src.strides.last ?? 1
        let dBase = dest.base, sBase = src.base
        forEachRow(shape: dest.shape, a: dest.strides, b: src.strides, rows: 0..<rows) { offD, offS, _ in
            let d = dBase + offD, s = sBase + offS
            for j in 0..<inner { d[j * ds] = s[j * ss] }
        }
    }

    /// Adds the contiguous values at `source` into the possibly strided `dest`, element by
    /// element (the backward of a gather: an entry gathered twice receives both gradients).
    static func accumulate(_ source: UnsafePointer<Float>, into dest: Tensor) {
        let n = dest.count
        if n == 0 { return }
        let inner = dest.shape.last ?? 1
        let ds = dest.strides.last ?? 1
        let dBase = dest.base
        forEachRow(shape: dest.shape, a: dest.strides, b: dest.strides, rows: 0..<(n / inner)) { off, _, row in
            let d = dBase + off, s = source + row * inner
            for j in 0..<inner { d[j * ds] += s[j] }
        }
    }
}
