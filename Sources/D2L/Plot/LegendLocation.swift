/// Where a figure's legend goes.
///
/// d2l: matplotlib's `loc` argument of `axes.legend`. `d2l.plot` and `d2l.Animator` (§2.4,
/// §3.6) call `axes.legend(legend)` without one, so the book's figures use `'best'`: the corner
/// that covers the fewest plotted points, upper right when several are equally empty.
public enum LegendLocation: String, Sendable, CaseIterable {
    /// The emptiest corner of the axes, tried in matplotlib's order (upper right, upper left,
    /// lower left, lower right); outside the axes when every corner would cover a curve.
    case best
    /// Inside the axes, top right.
    case upperRight
    /// Inside the axes, top left.
    case upperLeft
    /// Inside the axes, bottom left.
    case lowerLeft
    /// Inside the axes, bottom right.
    case lowerRight
    /// To the right of the axes, top aligned; the figure grows wider to make room.
    case outside

    /// The corners `best` tries, in the order that breaks ties.
    static let corners: [LegendLocation] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight]
}

/// A rectangle in pixel space (SVG coordinates: y grows downwards).
struct PixelRect: Equatable {
    var x: Double, y: Double, width: Double, height: Double

    /// Whether the point lies inside or on the border.
    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= x && px <= x + width && py >= y && py <= y + height
    }

    /// Whether the segment from (x0, y0) to (x1, y1) passes through the rectangle, by clipping
    /// its parameter range against the four sides in turn (Liang–Barsky).
    func intersects(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = x1 - x0, dy = y1 - y0
        // One side: the segment is on the inner side where p·t <= q.
        func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = Swift.max(t0, t) } else { t1 = Swift.min(t1, t) }
            return t0 <= t1
        }
        guard clip(-dx, x0 - x), clip(dx, x + width - x0), clip(-dy, y0 - y), clip(dy, y + height - y0) else {
            return false
        }
        return true
    }
}

/// How much of the plotted data a legend box would hide: the polyline vertices inside `box`
/// plus the segments that cross it, summed over every curve (matplotlib's "badness").
///
/// `curves` holds each curve's points already in pixel space.
func legendCrowding(_ box: PixelRect, curves: [[(x: Double, y: Double)]]) -> Int {
    var count = 0
    for points in curves {
        for (i, p) in points.enumerated() {
            if box.contains(p.x, p.y) { count += 1 }
            if i > 0 {
                let q = points[i - 1]
                if box.intersects(q.x, q.y, p.x, p.y) { count += 1 }
            }
        }
    }
    return count
}
