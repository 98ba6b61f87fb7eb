/// The SHA-1 digest, used to check that a data file is the one the registry names.
///
/// d2l: the `hashlib.sha1` check in `download` (§4.10). SHA-1 is no longer safe against a
/// deliberate forgery, but it is what the book's registry uses, and it reliably catches a
/// truncated or corrupted download.
public struct SHA1 {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// A digest of no bytes yet.
    public init() {}

    /// Feeds more bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length += UInt64(bytes.count)
        var rest = bytes[...]
        if !pending.isEmpty {
            let take = Swift.min(64 - pending.count, rest.count)
            pending += rest.prefix(take)
            rest = rest.dropFirst(take)
            if pending.count == 64 {
                pending.withUnsafeBytes { process($0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        while rest.count >= 64 {
            process(UnsafeRawPointer(bytes.baseAddress! + rest.startIndex))
            rest = rest.dropFirst(64)
        }
        pending += rest
    }

    /// Feeds more bytes from an array.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 40-digit lowercase hex digest; the value is consumed.
    public consuming func hexDigest() -> String {
        let bitLength = length * 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        update(tail)
        length = savedLength
        return [h.0, h.1, h.2, h.3, h.4].map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    /// The digest of `bytes` in one call.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        var digest = SHA1()
        digest.update(bytes)
        return digest.hexDigest()
    }

    /// One 64-byte block of the compression function.
    private mutating func process(_ block: UnsafeRawPointer) {
        var w = [UInt32](repeating: 0, count: 80)
        for i in 0..<16 {
            let b = block + 4 * i
            w[i] = UInt32(b.load(fromByteOffset: 0, as: UInt8.self)) << 24
                | UInt32(b.load(fromByteOffset: 1, as: UInt8.self)) << 16
                | UInt32(b.load(fromByteOffset: 2, as: UInt8.self)) << 8
                | UInt32(b.load(fromByteOffset: 3, as: UInt8.self))
        }
        for i in 16..<80 {
            let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
            w[i] = (x << 1) | (x >> 31)
        }
        var (a, b, c, d, e) = h
        for i in 0..<80 {
            let (f, k): (UInt32, UInt32)
            switch i {
            case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
            case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
            case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
            default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
            }
            let t = ((a << 5) | (a >> 27)) &+ f &+ e &+ k &+ w[i]
            e = d; d = c; c = (b << 30) | (b >> 2); b = a; a = t
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
    }
}
