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
    /// - Throws: `DataError` naming the file when it is missing, truncated or not safetensors,
    ///   or holds a dtype this library does not have (`F64`, `F16`, `I32`... are converted when exact).
    public static func load(_ url: URL) throws -> [String: Tensor] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataError.missingFile(url, hint: "save the tensors first, or check the path")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw DataError.malformed(url, "too short to be a safetensors file") }
        let headerLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard headerLength > 0, 8 + headerLength <= bytes.count,
              let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any] else {
            throw DataError.malformed(url, "the header is not valid safetensors JSON; the file is damaged or of another format")
        }
        let base = 8 + headerLength
        var result: [String: Tensor] = [:]
        for (name, entry) in header where name != "__metadata__" {
            guard let info = entry as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1], base + offsets[1] <= bytes.count else {
                throw DataError.malformed(url, "entry \(name) has a broken description or lies past the end of the file")
            }
            let raw = bytes[(base + offsets[0])..<(base + offsets[1])]
            let count = shape.reduce(1, *)
            let values: [Float]
            let type: DType
            switch dtype {
            case "F32": (values, type) = (decode(raw, count, 4) { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) }, .float32)
            case "F64": (values, type) = (decode(raw, count, 8) { Float(Double(bitPattern: $0)) }, .float32)
            case "I64": (values, type) = (decode(raw, count, 8) { Float(Int64(bitPattern: $0)) }, .int64)
            case "I32": (values, type) = (decode(raw, count, 4) { Float(Int32(truncatingIfNeeded: $0)) }, .int64)
            case "U8": (values, type) = (decode(raw, count, 1) { Float($0) }, .int64)
            case "BOOL": (values, type) = (decode(raw, count, 1) { $0 != 0 ? 1 : 0 }, .bool)
            default: throw DataError.malformed(url, "entry \(name) has dtype \(dtype), which this library cannot read")
            }
            guard values.count == count else {
                throw DataError.malformed(url, "entry \(name) should hold \(count) values of \(dtype) but its byte range holds \(values.count)")
            }
            result[name] = Tensor(shape: shape, values: values, dtype: type)
        }
        return result
    }

    private static func code(_ dtype: DType) -> String {
        switch dtype {
        case .float32: return "F32"
        case .int64: return "I64"
        case .bool: return "BOOL"
        }
    }

    /// Little-endian words of `width` bytes, converted; fewer than `count` when the range is short.
    private static func decode(_ raw: ArraySlice<UInt8>, _ count: Int, _ width: Int, _ convert: (UInt64) -> Float) -> [Float] {
        guard raw.count == count * width else { return [] }
        var out = [Float](repeating: 0, count: count)
        var i = raw.startIndex
        for k in 0..<count {
            var word: UInt64 = 0
            for b in 0..<width { word |= UInt64(raw[i + b]) << (8 * UInt64(b)) }
            out[k] = convert(word)
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
