import Foundation
import Synchronization

/// The flat buffer of `Float` values behind one or more tensors.
///
/// Several `Tensor`s (views made by `reshape`, slicing, `transpose`, ...) can share one storage,
/// which is how PyTorch's views work and why writing through a view changes the original (§2.1).
public final class TensorStorage {
    /// The first element. Memory is owned by this object and returned when it goes away.
    public let pointer: UnsafeMutablePointer<Float>
    /// Number of `Float`s in the buffer.
    public let count: Int
    /// How many in-place writes (`+=`, `copy(from:)`, subscript assignment, `fill`, ...) this
    /// buffer has seen, shared by every view of it. Autograd notes it when an operation saves a
    /// tensor for backward and refuses to run that backward if it has changed since.
    ///
    /// d2l: PyTorch's `x._version`.
    public internal(set) var version = 0
    /// How many `Tensor`s (the one that made this buffer and its views) use it now. Autograd
    /// hands a gradient that no other tensor sees straight to a leaf's `grad` instead of copying
    /// it; atomic, because parallel kernels make views on several threads.
    let tensorCount = Atomic<Int>(0)

    /// Allocates `count` values, set to zero.
    public init(count: Int) {
        check(count >= 0, "TensorStorage: negative size \(count)")
        self.count = count
        pointer = BufferCache.take(count)
        pointer.update(repeating: 0, count: count)
    }

    /// Allocates `count` values without clearing them; the caller writes every one.
    init(uninitializedCount count: Int) {
        check(count >= 0, "TensorStorage: negative size \(count)")
        self.count = count
        pointer = BufferCache.take(count)
    }

    deinit { BufferCache.give(pointer, count: count) }
}

/// Keeps recently freed large buffers for reuse.
///
/// A fresh multi-megabyte buffer costs one page fault per 4 KiB page on first touch, which for a
/// 1024×1024 matrix product adds about a quarter to the time of the product itself. Training
/// loops allocate the same sizes every step, so handing back a buffer of exactly the same size
/// removes that cost. Only buffers of at least `minimumCount` floats are kept, up to
/// `limitBytes` in all; the rest goes straight back to the system allocator.
///
/// The limit is an eighth of the machine's memory, at least 128 MiB: TinySSD's batch of 32
/// images of 256 × 256 (§13.7) makes activations of 134 MB each, over 2 GB in a step, and with a
/// fixed 128 MiB none of them was kept, so every step faulted in all its pages again.
enum BufferCache {
    static let minimumCount = 1 << 16
    static let limitBytes = Swift.max(128 << 20, Int(ProcessInfo.processInfo.physicalMemory / 8))
    private static let lock = NSLock()
    nonisolated(unsafe) private static var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    nonisolated(unsafe) private static var cachedBytes = 0

    static func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count >= minimumCount {
            lock.lock()
            let reused = free[count]?.popLast()
            if reused != nil { cachedBytes -= count * MemoryLayout<Float>.stride }
            lock.unlock()
            if let reused { return reused }
        }
        return UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(count, 1))
    }

    static func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let bytes = count * MemoryLayout<Float>.stride
        if count >= minimumCount {
            lock.lock()
            let keep = cachedBytes + bytes <= limitBytes
            if keep {
                free[count, default: []].append(pointer)
                cachedBytes += bytes
            }
            lock.unlock()
            if keep { return }
        }
        pointer.deallocate()
    }
}
