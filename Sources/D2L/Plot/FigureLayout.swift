extension Figure {
    /// Where everything of a figure goes, in pixels: the axes, each curve's points and the legend.
    struct Layout {
        /// Width of the whole SVG: `size.width`, plus the legend when it sits outside the axes.
        var width: Double
        /// The axes' rectangle.
        var plot: PixelRect
        let xAxis: Axis, yAxis: Axis
        /// Each series' drawable points (finite, positive on a log axis) in pixel space.
        var curves: [[(x: Double, y: Double)]]
        /// The legend's place and box, or `nil` when no series has a label.
        var legend: (location: LegendLocation, box: PixelRect)?
    }

    /// Gap between the axes' border and a legend placed inside them.
    private static let legendInset = 8.0

    /// Lays the figure out: fits the axes to the data, then places the legend where
    /// `legendLocation` says (for `.best`, the emptiest corner).
    func layout() -> Layout {
        let (w, h) = size
        let left = 62.0, right = 14.0, top = title == nil ? 12.0 : 30.0, bottom = 46.0
        let plot = PixelRect(x: left, y: top, width: w - left - right, height: h - top - bottom)
        let xAxis = Axis(values: series.flatMap(\.x), limits: xLimits, scale: xScale)
        let yAxis = Axis(values: series.flatMap(\.y), limits: yLimits, scale: yScale)
        var curves: [[(x: Double, y: Double)]] = []
        for s in series {
            var points: [(x: Double, y: Double)] = []
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite
                && (xScale == .linear || x > 0) && (yScale == .linear || y > 0) {
                points.append((plot.x + xAxis.fraction(x) * plot.width, plot.y + (1 - yAxis.fraction(y)) * plot.height))
            }
            curves.append(points)
        }
        var layout = Layout(width: w, plot: plot, xAxis: xAxis, yAxis: yAxis, curves: curves)
        guard let (legendW, legendH) = legendSize() else { return layout }
        var location = legendLocation
        if location == .best {
            // The first corner with the least data under it, and outside when none is empty.
            // The box is widened by two pixels so a curve grazing its border counts too.
            var fewest = Int.max
            for corner in LegendLocation.corners {
                var box = legendBox(corner, plot: plot, width: legendW, height: legendH)
                box = PixelRect(x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4)
                let crowding = legendCrowding(box, curves: curves)
                if crowding < fewest { (fewest, location) = (crowding, corner) }
                if crowding == 0 { break }
            }
            if fewest > 0 { location = .outside }
        }
        if location == .outside { layout.width = w + legendW }  // the legend, then 6 px of margin
        layout.legend = (location, legendBox(location, plot: plot, width: legendW, height: legendH))
        return layout
    }

    /// Width and height of the legend box, one row per labelled series; `nil` without labels.
    private func legendSize() -> (Double, Double)? {
        let labels = series.compactMap(\.label)
        guard !labels.isEmpty else { return nil }
        return (34 + 6.6 * Double(labels.map(\.count).max() ?? 0), 8 + 15 * Double(labels.count))
    }

    /// The legend's rectangle at `location` for axes `plot`.
    private func legendBox(_ location: LegendLocation, plot: PixelRect, width: Double, height: Double) -> PixelRect {
        let inset = Figure.legendInset
        let leftX = plot.x + inset, rightX = plot.x + plot.width - inset - width
        let topY = plot.y + inset, bottomY = plot.y + plot.height - inset - height
        switch location {
        case .upperRight, .best: return PixelRect(x: rightX, y: topY, width: width, height: height)
        case .upperLeft: return PixelRect(x: leftX, y: topY, width: width, height: height)
        case .lowerLeft: return PixelRect(x: leftX, y: bottomY, width: width, height: height)
        case .lowerRight: return PixelRect(x: rightX, y: bottomY, width: width, height: height)
        case .outside: return PixelRect(x: plot.x + plot.width + inset, y: plot.y, width: width, height: height)
        }
    }

    /// Where the legend ends up for the current data: `legendLocation` itself, or for `.best`
    /// the corner it picks (or `.outside`); `nil` when no series has a label.
    ///
    /// d2l: what matplotlib decides when `axes.legend` is drawn with `loc='best'` (§2.4).
    public func resolvedLegendLocation() -> LegendLocation? {
        layout().legend?.location
    }
}
