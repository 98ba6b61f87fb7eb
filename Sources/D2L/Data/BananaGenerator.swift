import Foundation

// An offline look-alike of the book's banana-detection set (§13.6). d2l made its set by rotating
// and scaling banana photos and pasting them at random onto background photos; this does the
// same with a banana cut-out (an RGBA image) and a few backgrounds, deterministically from a seed,
// and writes the book's layout: bananas_{train,val}/label.csv and bananas_{train,val}/images/N.png.

/// The ingredients of the generated banana set: a banana with a transparent background and the
/// photos it is pasted on.
public struct BananaParts {
    /// The banana, RGBA (alpha 0 around it).
    public let cutout: Image
    /// Background photos, RGB, of any size: each example resizes a random square of one of them.
    public let backgrounds: [Image]

    /// Parts from images already in memory.
    public init(cutout: Image, backgrounds: [Image]) {
        check(cutout.channels == 4, "BananaParts: the cut-out must be RGBA (4 channels), got shape \(cutout.shape)")
        check(!backgrounds.isEmpty && backgrounds.allSatisfy { $0.channels == 3 },
              "BananaParts: needs at least one RGB background, got shapes \(backgrounds.map(\.shape))")
        self.cutout = cutout
        self.backgrounds = backgrounds
    }

    /// `banana-cutout.png` and every other PNG or JPEG file of `folder` (as backgrounds, in
    /// name order), as in the project's `../shared/data/banana-parts/`.
    /// - Throws: `DataError` when the folder, the cut-out or every background is missing, or a
    ///   file cannot be decoded.
    public init(folder: URL) throws {
        let cutoutURL = folder.appendingPathComponent("banana-cutout.png")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let backgroundNames = names.filter { name in
            name != "banana-cutout.png" && ImageFolder.extensions.contains((name as NSString).pathExtension.lowercased())
        }.sorted()
        guard !backgroundNames.isEmpty else {
            throw DataError.missingFile(folder, hint: "a folder with banana-cutout.png and background photos (PNG or JPEG)")
        }
        let cutout = try readImage(cutoutURL, color: .unchanged)
        guard cutout.channels == 4 else {
            throw DataError.malformed(cutoutURL, "the banana cut-out needs transparency (RGBA), it has \(cutout.channels) channels")
        }
        self.init(cutout: cutout, backgrounds: try backgroundNames.map { try readImage(folder.appendingPathComponent($0)) })
    }
}

/// One generated example: a random square of a random background resized to `size × size`, and
/// the banana scaled (longer side 36–96 pixels at 256), rotated by any angle and pasted wholly
/// inside it; returns the image and the tight box (xmin, ymin, xmax, ymax) of the pixels the
/// banana covers at least half.
func bananaExample(_ parts: BananaParts, size: Int, generator g: RandomGenerator) -> (Image, [Int]) {
    let bg = parts.backgrounds[g.nextInt(in: 0..<parts.backgrounds.count)]
    let side = Swift.min(bg.height, bg.width)
    let crop = Swift.max(1, Int(Float(side) * (0.5 + 0.5 * g.nextUniform())))
    let top = g.nextInt(in: 0..<(bg.height - crop + 1)), left = g.nextInt(in: 0..<(bg.width - crop + 1))
    var image = bg.crop(top: top, left: left, height: crop, width: crop).resized(height: size, width: size)

    let cut = parts.cutout
    let (w0, h0) = (Float(cut.width), Float(cut.height))
    let longer = (36 + 60 * g.nextUniform()) * Float(size) / 256
    let scale = Swift.min(longer / Swift.max(w0, h0), Float(size) * 0.8 / (w0 * w0 + h0 * h0).squareRoot())
    let angle = 2 * Float.pi * g.nextUniform()
    let (c, s) = (cos(angle), sin(angle))
    // Half extents of the rotated, scaled cut-out; its centre is placed so it fits entirely.
    let hx = (abs(c) * w0 + abs(s) * h0) * scale / 2, hy = (abs(s) * w0 + abs(c) * h0) * scale / 2
    let cx = hx + 1 + (Float(size) - 2 * hx - 2) * g.nextUniform()
    let cy = hy + 1 + (Float(size) - 2 * hy - 2) * g.nextUniform()

    var (xmin, ymin, xmax, ymax) = (size, size, 0, 0)
    for y in Swift.max(0, Int(cy - hy) - 1)..<Swift.min(size, Int(cy + hy) + 2) {
        for x in Swift.max(0, Int(cx - hx) - 1)..<Swift.min(size, Int(cx + hx) + 2) {
            // The output pixel's centre, taken back into the cut-out's pixel grid.
            let dx = Float(x) + 0.5 - cx, dy = Float(y) + 0.5 - cy
            let u = (c * dx + s * dy) / scale + w0 / 2 - 0.5, v = (-s * dx + c * dy) / scale + h0 / 2 - 0.5
            let (alpha, r, gr, b) = sampleRGBA(cut, u, v)
            guard alpha > 0 else { continue }
            let p = (y * size + x) * 3
            for (k, premultiplied) in [(0, r), (1, gr), (2, b)] {
                image.pixels[p + k] = UInt8((premultiplied + (1 - alpha) * Float(image.pixels[p + k])).rounded().clamped(0, 255))
            }
            if alpha >= 0.5 {
                (xmin, ymin) = (Swift.min(xmin, x), Swift.min(ymin, y))
                (xmax, ymax) = (Swift.max(xmax, x + 1), Swift.max(ymax, y + 1))
            }
        }
    }
    return (image, [xmin, ymin, xmax, ymax])
}

/// Bilinear sample of an RGBA image at pixel coordinates (`u`, `v`), transparent outside:
/// the alpha in [0, 1] and the red, green and blue premultiplied by it (0…255), so edges blend
/// without halos.
private func sampleRGBA(_ img: Image, _ u: Float, _ v: Float) -> (Float, Float, Float, Float) {
    let (x0, y0) = (Int(u.rounded(.down)), Int(v.rounded(.down)))
    let (fx, fy) = (u - Float(x0), v - Float(y0))
    var (alpha, r, g, b): (Float, Float, Float, Float) = (0, 0, 0, 0)
    img.pixels.withUnsafeBufferPointer { px in
        for dy in 0...1 {
            for dx in 0...1 {
                let (x, y) = (x0 + dx, y0 + dy)
                guard x >= 0, x < img.width, y >= 0, y < img.height else { continue }
                let weight = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy)
                let p = (y * img.width + x) * 4, a = Float(px[p + 3]) / 255 * weight
                alpha += a
                r += a * Float(px[p]); g += a * Float(px[p + 1]); b += a * Float(px[p + 2])
            }
        }
    }
    return (alpha, r, g, b)
}

private extension Float {
    func clamped(_ low: Float, _ high: Float) -> Float { Swift.min(Swift.max(self, low), high) }
}

/// Generates a banana-detection look-alike in the book's layout under `folder/banana-detection`
/// and returns that folder: `bananas_train` with `trainCount` images and `bananas_val` with
/// `valCount`, each `size × size` with one banana, and their `label.csv`
/// (`img_name,label,xmin,ymin,xmax,ymax`, class 0, tight boxes in pixels).
///
/// d2l: stands in for the book's `banana-detection.zip` (§13.6), which cannot be downloaded
/// offline. The same parts and seed give the same files, byte for byte. Everything is written to a
/// hidden staging folder that is renamed into place only when complete, so an interrupted run
/// leaves nothing that looks like a data set.
/// - Throws: `FileNotWritten` or a file-system error when the folder cannot be written.
@discardableResult
public func generateBananaDetection(parts: BananaParts, in folder: URL, seed: UInt64 = 0, trainCount: Int = 1000,
                                    valCount: Int = 100, size: Int = 256) throws -> URL {
    check(trainCount >= 0 && valCount >= 0 && size >= 32,
          "generateBananaDetection: needs counts >= 0 and size >= 32, got \(trainCount), \(valCount), \(size)")
    let files = FileManager.default
    let staging = folder.appendingPathComponent(".banana-detection.\(UUID().uuidString).partial")
    defer { try? files.removeItem(at: staging) }
    for (split, count, splitSeed) in [("bananas_train", trainCount, seed), ("bananas_val", valCount, seed &+ 1)] {
        let images = staging.appendingPathComponent(split).appendingPathComponent("images")
        try files.createDirectory(at: images, withIntermediateDirectories: true)
        let generator = RandomGenerator(seed: splitSeed)
        var csv = "img_name,label,xmin,ymin,xmax,ymax\n"
        for i in 0..<count {
            let (image, box) = bananaExample(parts, size: size, generator: generator)
            try Data(image.pngData()).write(to: images.appendingPathComponent("\(i).png"))
            csv += "\(i).png,0,\(box[0]),\(box[1]),\(box[2]),\(box[3])\n"
        }
        try Data(csv.utf8).write(to: staging.appendingPathComponent(split).appendingPathComponent("label.csv"))
    }
    let target = folder.appendingPathComponent("banana-detection")
    if files.fileExists(atPath: target.path) { try files.removeItem(at: target) }
    try files.moveItem(at: staging, to: target)
    return target
}
