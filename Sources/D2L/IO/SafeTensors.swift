import Foundation

/// Reading and writing tensors in the safetensors format, which Python's `safetensors` package
/// (and PyTorch, JAX, Hugging Face) read and write.
///
/// d2l: `torch.save` / `torch.load` (§5.5), in a portable format. A file is an 8-byte
/// little-endian header length, a JSON header mapping each name to its dtype, shape and byte
/// range, then the raw little-endian values. `float32` tensors are stored as `F32`, `int64` as
/// `I64` and `bool` as `BOOL`, so labels and masks come back with their types.
public enum SafeTensors {
    /// Writes `tensors` to `url` atomically: a temporary file renamed into place, so a crash
    /// never leaves a half-written file.
    public static func save(_ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]) throws {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var body = Data()
        for name in tensors.keys.sorted() {
            let t = tensors[name]!.detach()
            let begin = body.count
            let values = t.toArray()
            switch t.dtype {
            case .float32:
                for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
            case .int64:
                for v in values { withUnsafeBytes(of: Int64(v).littleEndian) { body.append(contentsOf: $0) } }
            case .bool:
                body.append(contentsOf: values.map { $0 != 0 ? UInt8(1) : 0 })
            }
            header[name] = ["dtype": code(t.dtype), "shape": t.shape, "data_offsets": [begin, body.count]]
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        // Pad the header with spaces so the data starts 8-byte aligned, as the format recommends.
        while (8 + json.count) % 8 != 0 { json.append(0x20) }
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(json)
        file.append(body)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.write(to: url, options: .atomic)
    }

    /// Reads every tensor of a safetensors file.
    ///
    /// `F32`, `I64` and `BOOL` come back as they were saved; `F16`, `BF16` and `F64` (what Python
    /// users often save) are converted to `float32`, `I32`, `I16`, `I8` and `U8` to `int64`.
    /// - Throws: `DataError` naming the file when it is missing, unreadable, truncated or not
    ///   safetensors, or holds a dtype this library cannot read. Every length and offset in the
    ///   header is checked before use, so a damaged or hostile file is an error, never a crash.
    public static func load(_ url: URL) throws -> [String: Tensor] {
        try load(bytes: readFileBytes(url, missingHint: "save the tensors first, or check the path"), source: url)
    }

    /// The tensors of the contents of a safetensors file; errors name `source`.
    static func load(bytes: [UInt8], source url: URL) throws -> [String: Tensor] {
        guard bytes.count >= 8 else {
            throw DataError.malformed(url, "truncated: \(bytes.count) bytes, too short for the 8-byte header length of a safetensors file")
        }
        let headerLength = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength > 0 else { throw DataError.malformed(url, "the header length is 0; this is not a safetensors file") }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw DataError.malformed(url, "truncated: the header says it is \(headerLength) bytes long but only "
                                      + "\(bytes.count - 8) bytes follow; the file is damaged or not safetensors")
        }
        let base = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<base])) as? [String: Any] else {
            throw DataError.malformed(url, "the header is not valid safetensors JSON; the file is damaged or of another format")
        }
        let dataLength = bytes.count - base
        var result: [String: Tensor] = [:]
        for (name, entry) in header where name != "__metadata__" {
            guard let info = entry as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2 else {
                throw DataError.malformed(url, "entry \(name) lacks a dtype, shape or data_offsets pair")
            }
            guard let count = elementCount(shape) else {
                throw DataError.malformed(url, "entry \(name) has shape \(shape): dimensions must be ≥ 0 and the product "
                                          + "of the non-zero ones at most 2⁴⁸")
            }
            guard offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw DataError.malformed(url, "entry \(name) has data_offsets \(offsets), which do not form a byte range")
            }
            guard offsets[1] <= dataLength else {
                throw DataError.malformed(url, "truncated: entry \(name) ends at byte \(offsets[1]) of the data but the file "
                                          + "holds \(dataLength) data bytes")
            }
            guard let format = Self.formats[dtype] else {
                throw DataError.malformed(url, "entry \(name) has dtype \(dtype), which this library cannot read")
            }
            let (width, overflow) = count.multipliedReportingOverflow(by: format.width)
            guard !overflow, width == offsets[1] - offsets[0] else {
                throw DataError.malformed(url, "entry \(name) should hold \(count) values of \(dtype) "
                                          + "but its byte range holds \(offsets[1] - offsets[0]) bytes")
            }
            let raw = bytes[(base + offsets[0])..<(base + offsets[1])]
            guard let values = decode(raw, count, format.width, format.convert, integral: format.type.isIntegral) else {
                throw DataError.malformed(url, "entry \(name) holds integers beyond ±\(DType.maxExactInteger), "
                                          + "which a Float32-backed int64 tensor cannot store exactly")
            }
            result[name] = Tensor(shape: shape, values: values, dtype: format.type)
        }
        return result
    }

    /// The product of `shape`, or `nil` for a negative dimension or when the product of the
    /// non-zero dimensions passes 2⁴⁸: a tensor's strides count a zero-length axis as 1, so
    /// [0, 2⁶², 4] holds no values but its strides would overflow.
    private static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1, span = 1
        for d in shape {
            guard d >= 0 else { return nil }
            let (product, overflow) = span.multipliedReportingOverflow(by: Swift.max(d, 1))
            guard !overflow, product <= 1 << 48 else { return nil }
            span = product
            count *= d  // count ≤ span, so this cannot overflow
        }
        return count
    }

    /// How each stored dtype is read: bytes per value, the conversion of one little-endian word,
    /// and the tensor type it becomes. Words convert to `Double`, which holds every integer up to
    /// 2⁵³ exactly, so the range check on integers is made before rounding to `Float`.
    private static let formats: [String: (width: Int, type: DType, convert: (UInt64) -> Double)] = [
        "F32": (4, .float32, { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }),
        "F16": (2, .float32, { Double(halfToFloat(UInt16(truncatingIfNeeded: $0))) }),
        // bfloat16 is the upper half of a float32.
        "BF16": (2, .float32, { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0) << 16)) }),
        "F64": (8, .float32, { Double(bitPattern: $0) }),
        "I64": (8, .int64, { Double(Int64(bitPattern: $0)) }),
        "I32": (4, .int64, { Double(Int32(truncatingIfNeeded: $0)) }),
        "I16": (2, .int64, { Double(Int16(truncatingIfNeeded: $0)) }),
        "I8": (1, .int64, { Double(Int8(truncatingIfNeeded: $0)) }),
        "U8": (1, .int64, { Double($0) }),
        "BOOL": (1, .bool, { $0 != 0 ? 1 : 0 }),
    ]

    /// IEEE half precision (1 sign, 5 exponent, 10 fraction bits) to `Float`, including
    /// subnormals, infinities and NaN.
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F), fraction = Float(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24  // subnormal: fraction · 2⁻¹⁴ / 2¹⁰
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    private static func code(_ dtype: DType) -> String {
        switch dtype {
        case .float32: return "F32"
        case .int64: return "I64"
        case .bool: return "BOOL"
        }
    }

    /// `count` little-endian words of `width` bytes each (the caller checked the length),
    /// converted; `nil` when `integral` and a value is beyond ±`DType.maxExactInteger`.
    private static func decode(_ raw: ArraySlice<UInt8>, _ count: Int, _ width: Int,
                               _ convert: (UInt64) -> Double, integral: Bool) -> [Float]? {
        var out = [Float](repeating: 0, count: count)
        var i = raw.startIndex
        for k in 0..<count {
            var word: UInt64 = 0
            for b in 0..<width { word |= UInt64(raw[i + b]) << (8 * UInt64(b)) }
            let value = convert(word)
            if integral && Swift.abs(value) > Double(DType.maxExactInteger) { return nil }
            out[k] = Float(value)
            i += width
        }
        return out
    }
}

/// Saves one tensor (stored under the name `"tensor"`), as `torch.save(x, 'x-file')` (§5.5.1).
public func save(_ tensor: Tensor, to url: URL) throws {
    try SafeTensors.save(["tensor": tensor], to: url)
}

/// Saves a list of tensors (named `"0"`, `"1"`, ...), as `torch.save([x, y], 'x-files')`.
public func save(_ tensors: [Tensor], to url: URL) throws {
    try SafeTensors.save(Dictionary(uniqueKeysWithValues: tensors.enumerated().map { ("\($0.offset)", $0.element) }), to: url)
}

/// Saves a dictionary of tensors, as `torch.save({'x': x, 'y': y}, 'mydict')`.
public func save(_ tensors: [String: Tensor], to url: URL) throws {
    try SafeTensors.save(tensors, to: url)
}

/// Loads what `save(_:to:)` wrote for one tensor.
public func loadTensor(from url: URL) throws -> Tensor {
    guard let t = try SafeTensors.load(url)["tensor"] else {
        throw DataError.malformed(url, "holds no entry named \"tensor\"; use SafeTensors.load for other files")
    }
    return t
}

/// Loads what `save(_:to:)` wrote for a list of tensors, in order.
public func loadTensors(from url: URL) throws -> [Tensor] {
    let all = try SafeTensors.load(url)
    return try (0..<all.count).map { i in
        guard let t = all["\(i)"] else { throw DataError.malformed(url, "is not a saved list: entry \(i) is missing") }
        return t
    }
}
