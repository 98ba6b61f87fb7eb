import CImageCodecs
// Imported so that the Swift compiler links libjpeg and libpng (their module maps' `link`
// lines) into every program that uses D2L; the C layer calls them.
import CJPEG
import CPNG
import Foundation

/// How many channels a decoded image should have.
///
/// d2l: PIL's `img.convert('RGB')` / `convert('L')`, or the file's own layout.
public enum ImageColor: Sendable {
    /// Three channels, red, green, blue (a grey file is repeated; transparency is composited on white).
    case rgb
    /// One channel of brightness.
    case grey
    /// As stored: 1 or 3 channels for JPEG; 1, 2 (grey + alpha), 3 or 4 (RGBA) for PNG.
    case unchanged

    /// The channel count the C layer is asked for (0: as stored).
    var channelsWanted: Int32 {
        switch self {
        case .rgb: 3
        case .grey: 1
        case .unchanged: 0
        }
    }
}

/// Reads a JPEG or PNG file (told apart by its first bytes, not its name) into an 8-bit image.
///
/// d2l: `d2l.Image.open(path)` (§13.1, PIL) and `torchvision.io.read_image`. Decoding goes
/// through the system's libjpeg-turbo and libpng.
/// - Throws: `DataError` naming the file when it is missing, unreadable, neither JPEG nor PNG, or
///   corrupt or truncated (with the library's reason, such as `Premature end of JPEG file`).
public func readImage(_ url: URL, color: ImageColor = .rgb) throws -> Image {
    let bytes = try readFileBytes(url, missingHint: "check the path")
    return try decodeImage(bytes, source: url, color: color)
}

/// Decodes the bytes of a JPEG or PNG file; errors name `<bytes>`.
///
/// d2l: `torchvision.io.decode_image`. The entry point of `readImage` for bytes already in memory.
public func decodeImage(_ bytes: [UInt8], color: ImageColor = .rgb) throws -> Image {
    try decodeImage(bytes, source: DataError.inMemory, color: color)
}

/// Decodes `bytes`, naming `source` in errors.
func decodeImage(_ bytes: [UInt8], source: URL, color: ImageColor) throws -> Image {
    let isJPEG = bytes.starts(with: [0xFF, 0xD8, 0xFF])
    let isPNG = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    guard isJPEG || isPNG else {
        if bytes.isEmpty { throw DataError.malformed(source, "the file is empty, not a JPEG or PNG image") }
        let start = bytes.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")
        throw DataError.malformed(source, "not a JPEG or PNG image (it starts with bytes \(start))")
    }
    var decoded = d2l_image()
    var message = [CChar](repeating: 0, count: 256)
    let status = bytes.withUnsafeBufferPointer { data in
        isJPEG
            ? d2l_decode_jpeg(data.baseAddress, data.count, color.channelsWanted, &decoded, &message, message.count)
            : d2l_decode_png(data.baseAddress, data.count, color.channelsWanted, &decoded, &message, message.count)
    }
    guard status == 0, let pixels = decoded.pixels else {
        let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw DataError.malformed(source, "corrupt or truncated \(isJPEG ? "JPEG" : "PNG") image (\(reason))")
    }
    defer { d2l_image_free(pixels) }
    let (h, w, c) = (Int(decoded.height), Int(decoded.width), Int(decoded.channels))
    return Image(pixels: Array(UnsafeBufferPointer(start: pixels, count: h * w * c)), height: h, width: w, channels: c)
}

extension Image {
    /// The image encoded as a PNG file's bytes (8 bits per sample, lossless).
    ///
    /// d2l: `img.save(path)` with PIL, or `torchvision.io.encode_png`.
    public func pngData() -> [UInt8] {
        var png: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = pixels.withUnsafeBufferPointer { data in
            d2l_encode_png(data.baseAddress, Int32(width), Int32(height), Int32(channels), &png, &size, &message, message.count)
        }
        // The image's shape was checked when it was made, so only running out of memory is left.
        check(status == 0 && png != nil, "Image.pngData: libpng could not encode an image of shape \(shape): "
              + String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        defer { d2l_image_free(png) }
        return Array(UnsafeBufferPointer(start: png, count: size))
    }

    /// Writes the image as a PNG file at `url`, through a temporary file and a rename.
    ///
    /// d2l: `img.save(path)`. Print the path with `reportWritten`.
    /// - Throws: `FileNotWritten` naming the path when it cannot be written.
    public func writePNG(to url: URL) throws {
        try writeOutput(pngData(), to: url)
    }
}
