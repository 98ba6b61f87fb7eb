/// Changes the brightness, contrast, saturation and hue of each image by random amounts, in a
/// random order.
///
/// d2l: `torchvision.transforms.ColorJitter(brightness=0.5, contrast=0, saturation=0, hue=0)` and
/// the book's `color_aug` with all four at 0.5 (§13.1.1.2). As torchvision does: a factor for
/// brightness, contrast and saturation is drawn uniformly from [max(0, 1 − x), 1 + x], a hue
/// shift from [−hue, hue] (in turns of the colour wheel); the four changes are applied in a
/// random order, those given as 0 skipped. Brightness scales the pixels; contrast blends with the
/// image's mean grey; saturation blends each pixel with its own grey (0.2989 R + 0.587 G +
/// 0.114 B); hue rotates the colour in HSV space. Results are clamped to [0, 1].
public struct ColorJitter: ImageAugmentation {
    /// How far each factor may move from 1 (hue: how far the shift may move from 0).
    public let brightness: Float, contrast: Float, saturation: Float, hue: Float

    /// A jitter of the given strengths; 0 leaves that property alone. `hue` is at most 0.5.
    public init(brightness: Float = 0, contrast: Float = 0, saturation: Float = 0, hue: Float = 0) {
        check(brightness >= 0 && contrast >= 0 && saturation >= 0,
              "ColorJitter: brightness, contrast and saturation must be >= 0, got \(brightness), \(contrast), \(saturation)")
        check(hue >= 0 && hue <= 0.5, "ColorJitter: hue must be in [0, 0.5], got \(hue)")
        self.brightness = brightness
        self.contrast = contrast
        self.saturation = saturation
        self.hue = hue
    }

    /// One image's draw: the order of the four changes (0 brightness, 1 contrast, 2 saturation,
    /// 3 hue) and each factor (`nil` for a change that is switched off).
    public struct Draw {
        /// The order the changes are applied in, a permutation of 0...3.
        public var order: [Int]
        /// The factors; `hue` is a shift in turns.
        public var brightness: Float?, contrast: Float?, saturation: Float?, hue: Float?

        /// A draw with the given order and factors (`nil`: that change is skipped).
        public init(order: [Int] = [0, 1, 2, 3], brightness: Float? = nil, contrast: Float? = nil,
                    saturation: Float? = nil, hue: Float? = nil) {
            check(order.sorted() == [0, 1, 2, 3], "ColorJitter.Draw: order must be a permutation of 0...3, got \(order)")
            self.order = order
            self.brightness = brightness
            self.contrast = contrast
            self.saturation = saturation
            self.hue = hue
        }
    }

    /// Draws the order and factors for one image, as torchvision's `ColorJitter.get_params`.
    public func draw(generator: RandomGenerator) -> Draw {
        var order = [0, 1, 2, 3]
        generator.shuffle(&order)
        func factor(_ x: Float) -> Float? {
            x == 0 ? nil : Swift.max(0, 1 - x) + ((1 + x) - Swift.max(0, 1 - x)) * generator.nextUniform()
        }
        let b = factor(brightness), c = factor(contrast), s = factor(saturation)
        let h: Float? = hue == 0 ? nil : -hue + 2 * hue * generator.nextUniform()
        return Draw(order: order, brightness: b, contrast: c, saturation: s, hue: h)
    }

    /// Draws for each image, then changes all images, split over the cores.
    public func augment(_ images: Tensor, generator: RandomGenerator) -> Tensor {
        let batch = augmentationInput(images, "ColorJitter")
        let (n, c, h, w) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3])
        check(c == 1 || c == 3, "ColorJitter: expects grey (1 channel) or RGB (3 channels) images, got shape \(batch.shape)")
        let draws = (0..<n).map { _ in draw(generator: generator) }
        let out = Tensor(uninitializedShape: batch.shape)
        let size = c * h * w
        out.storage.pointer.update(from: batch.base, count: n * size)
        let dst = out.storage.pointer
        Kernels.parallelRanges(n, workPerItem: size * 4) { start, end in
            for i in start..<end {
                ColorJitter.apply(draws[i], to: dst + i * size, channels: c, pixels: h * w)
            }
        }
        return out
    }

    /// One image `[C, H, W]` (grey or RGB, values in [0, 1]) changed by the given draw, as
    /// torchvision's `adjust_brightness`, `adjust_contrast`, `adjust_saturation` and `adjust_hue`
    /// in the draw's order.
    public static func apply(_ draw: Draw, to image: Tensor) -> Tensor {
        check(image.ndim == 3 && (image.shape[0] == 1 || image.shape[0] == 3),
              "ColorJitter.apply: expects a grey or RGB image [C, H, W], got shape \(image.shape)")
        let out = image.detach().contiguousCopy()
        apply(draw, to: out.storage.pointer, channels: image.shape[0], pixels: image.shape[1] * image.shape[2])
        return out
    }

    /// Applies one draw in place to an image of `channels` planes of `pixels` values.
    static func apply(_ draw: Draw, to image: UnsafeMutablePointer<Float>, channels: Int, pixels: Int) {
        for step in draw.order {
            switch step {
            case 0: if let f = draw.brightness { adjustBrightness(image, count: channels * pixels, factor: f) }
            case 1: if let f = draw.contrast { adjustContrast(image, channels: channels, pixels: pixels, factor: f) }
            case 2: if let f = draw.saturation, channels == 3 { adjustSaturation(image, pixels: pixels, factor: f) }
            default: if let f = draw.hue, channels == 3 { adjustHue(image, pixels: pixels, shift: f) }
            }
        }
    }

    @inline(__always) private static func clamp01(_ v: Float) -> Float { v < 0 ? 0 : (v > 1 ? 1 : v) }

    /// `v ← clamp(f · v)`: torchvision's `adjust_brightness`, a blend with black.
    static func adjustBrightness(_ p: UnsafeMutablePointer<Float>, count: Int, factor f: Float) {
        for k in 0..<count { p[k] = clamp01(f * p[k]) }
    }

    /// The grey value of each pixel's red, green and blue, as torchvision's `rgb_to_grayscale`.
    @inline(__always) private static func grey(_ r: Float, _ g: Float, _ b: Float) -> Float {
        0.2989 * r + 0.587 * g + 0.114 * b
    }

    /// `v ← clamp(f · v + (1 − f) · m)` with `m` the mean grey of the whole image:
    /// torchvision's `adjust_contrast`.
    static func adjustContrast(_ p: UnsafeMutablePointer<Float>, channels: Int, pixels: Int, factor f: Float) {
        var sum: Double = 0
        if channels == 3 {
            for k in 0..<pixels { sum += Double(grey(p[k], p[pixels + k], p[2 * pixels + k])) }
        } else {
            for k in 0..<pixels { sum += Double(p[k]) }
        }
        let shift = (1 - f) * Float(sum / Double(pixels))
        for k in 0..<(channels * pixels) { p[k] = clamp01(f * p[k] + shift) }
    }

    /// `v ← clamp(f · v + (1 − f) · grey(pixel))`: torchvision's `adjust_saturation`.
    static func adjustSaturation(_ p: UnsafeMutablePointer<Float>, pixels: Int, factor f: Float) {
        for k in 0..<pixels {
            let r = p[k], g = p[pixels + k], b = p[2 * pixels + k]
            let shift = (1 - f) * grey(r, g, b)
            p[k] = clamp01(f * r + shift)
            p[pixels + k] = clamp01(f * g + shift)
            p[2 * pixels + k] = clamp01(f * b + shift)
        }
    }

    /// Rotates each pixel's hue by `shift` turns: RGB → HSV, h ← (h + shift) mod 1, HSV → RGB,
    /// as torchvision's `adjust_hue`. Grey pixels (no saturation) do not change.
    static func adjustHue(_ p: UnsafeMutablePointer<Float>, pixels: Int, shift: Float) {
        for k in 0..<pixels {
            let r = p[k], g = p[pixels + k], b = p[2 * pixels + k]
            let maxc = Swift.max(r, g, b), minc = Swift.min(r, g, b)
            let chroma = maxc - minc
            guard chroma > 0 else { continue }
            let s = chroma / maxc, v = maxc
            var h: Float
            if maxc == r {
                h = (g - b) / chroma
            } else if maxc == g {
                h = 2 + (b - r) / chroma
            } else {
                h = 4 + (r - g) / chroma
            }
            h = h / 6 + shift
            h -= h.rounded(.down)
            // Back to RGB: the sector of the colour wheel and the position inside it.
            let sector = h * 6, i = Int(sector) % 6, frac = sector - sector.rounded(.down)
            let pv = v * (1 - s), qv = v * (1 - s * frac), tv = v * (1 - s * (1 - frac))
            let (nr, ng, nb): (Float, Float, Float)
            switch i {
            case 0: (nr, ng, nb) = (v, tv, pv)
            case 1: (nr, ng, nb) = (qv, v, pv)
            case 2: (nr, ng, nb) = (pv, v, tv)
            case 3: (nr, ng, nb) = (pv, qv, v)
            case 4: (nr, ng, nb) = (tv, pv, v)
            default: (nr, ng, nb) = (v, pv, qv)
            }
            p[k] = clamp01(nr)
            p[pixels + k] = clamp01(ng)
            p[2 * pixels + k] = clamp01(nb)
        }
    }
}
