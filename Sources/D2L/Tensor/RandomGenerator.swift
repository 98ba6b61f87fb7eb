import Foundation

/// A seedable source of random numbers for tensor creation, data shuffling and dropout.
///
/// d2l: `torch.manual_seed` / `torch.Generator`. The same seed always gives the same numbers on
/// every machine (xoshiro256** seeded through SplitMix64, normals by the Box–Muller transform), so
/// tests and chapter programs are reproducible. It is a class: pass one around and every user
/// advances the same stream.
public final class RandomGenerator: RandomNumberGenerator {
    private var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0
    private var spareNormal: Float?

    /// The generator used when a function is not given one; reseed it with `manualSeed(_:)`.
    nonisolated(unsafe) public static var global = RandomGenerator(seed: 0)

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) { reseed(seed) }

    /// Restarts the stream from `seed`.
    public func reseed(_ seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
        spareNormal = nil
    }

    /// The next 64 random bits (xoshiro256**).
    public func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform `Float` in [0, 1), from the top 24 bits.
    public func nextUniform() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// A standard normal `Float` (mean 0, variance 1).
    public func nextNormal() -> Float {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        // Box–Muller: two uniforms give two independent normals; 1 - u keeps the log finite.
        let u1 = 1 - Double(nextUniform())
        let u2 = Double(nextUniform())
        let r = (-2 * log(u1)).squareRoot()
        spareNormal = Float(r * sin(2 * Double.pi * u2))
        return Float(r * cos(2 * Double.pi * u2))
    }

    /// A uniform integer in `range`.
    public func nextInt(in range: Range<Int>) -> Int {
        check(!range.isEmpty, "nextInt: empty range \(range)")
        var generator = self
        return Int.random(in: range, using: &generator)
    }

    /// Shuffles `values` in place (Fisher–Yates, from the last position down), so a seed fixes
    /// the order; the data loaders and samplers of §3.2, §3.3 and §8.3 all shuffle this way.
    public func shuffle<Element>(_ values: inout [Element]) {
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, nextInt(in: 0..<(i + 1)))
        }
    }
}

/// Reseeds the global generator, as `torch.manual_seed(seed)`.
public func manualSeed(_ seed: UInt64) {
    RandomGenerator.global.reseed(seed)
}
