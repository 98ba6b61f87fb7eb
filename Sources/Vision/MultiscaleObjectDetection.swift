import D2L

/// §13.5 Multiscale object detection: anchors generated on a small feature map, spread evenly
/// over the photo; the fewer the map's pixels, the larger the anchors the book gives them.
public enum MultiscaleSection {
    /// The book's three maps: 4 × 4 with size 0.15, 2 × 2 with 0.4, 1 × 1 with 0.8.
    public static let maps: [(fmapW: Int, fmapH: Int, s: [Float])] = [(4, 4, [0.15]), (2, 2, [0.4]), (1, 1, [0.8])]

    /// The anchors of an `fmapH × fmapW` feature map (ratios 1, 2, 0.5) drawn on `img`.
    ///
    /// d2l: `display_anchors(fmap_w, fmap_h, s)` (§13.5.1): `multibox_prior` on a
    /// `(1, 10, fmap_h, fmap_w)` map; the anchors' fractional corners scale to the photo, so each
    /// map pixel's anchors centre on the matching part of the image.
    public static func displayAnchors(_ img: Image, fmapW: Int, fmapH: Int, s: [Float]) -> Image {
        check(fmapW > 0 && fmapH > 0, "displayAnchors: the feature map needs a positive size, got \(fmapH) × \(fmapW)")
        let fmap = Tensor.zeros([1, 10, fmapH, fmapW])
        let anchors = multiboxPrior(fmap, sizes: s, ratios: [1, 2, 0.5])
        var out = img
        showBBoxes(&out, anchors[0] * AnchorBoxesSection.bboxScale(img))
        return out
    }
}
