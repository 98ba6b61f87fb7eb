import D2L
import Foundation
import XCTest

/// The legend goes where it hides the fewest plotted points, as matplotlib's `loc='best'`
/// that the book's `d2l.plot` and `Animator` use (§2.4, §3.6).
final class LegendPlacementTests: XCTestCase {
    private func figure(_ curves: [(x: [Double], y: [Double])], xLimits: ClosedRange<Double>? = nil,
                        yLimits: ClosedRange<Double>? = nil) -> Figure {
        var figure = Figure()
        figure.xLimits = xLimits
        figure.yLimits = yLimits
        figure.series = curves.enumerated().map { i, c in
            .init(x: c.x, y: c.y, label: ["train loss", "train acc", "test acc"][i % 3], style: LineStyle(format: "-", index: i))
        }
        return figure
    }

    /// The legend's box in the SVG (the only rectangle with its grey border): x, y, width, height.
    private func legendRect(_ svg: String) throws -> [Double] {
        let line = try XCTUnwrap(svg.split(separator: "\n").first { $0.contains("stroke=\"#cccccc\"") })
        return try ["x", "y", "width", "height"].map { attribute in
            let start = try XCTUnwrap(line.range(of: " \(attribute)=\"")).upperBound
            let end = try XCTUnwrap(line[start...].firstIndex(of: "\""))
            return try XCTUnwrap(Double(line[start..<end]))
        }
    }

    private func svgWidth(_ svg: String) throws -> Double {
        let start = try XCTUnwrap(svg.range(of: "width=\"")).upperBound
        return try XCTUnwrap(Double(svg[start..<(try XCTUnwrap(svg[start...].firstIndex(of: "\"")))]))
    }

    func testCurvesEndingTopRightPushTheLegendToTheUpperLeft() throws {
        // Like training curves rising to their final accuracy: y = x² ends in the upper right
        // corner and starts in the lower left; the upper left is the first empty corner.
        let x = (0...50).map { Double($0) / 50 }
        let f = figure([(x, x.map { $0 * $0 }), (x, x.map { 0.9 * $0 * $0 })])
        XCTAssertEqual(f.resolvedLegendLocation(), .upperLeft)
        let svg = f.svg()
        let rect = try legendRect(svg)
        // The axes span x 62...406 and y 12...254 in the default 420 × 300 figure.
        XCTAssertEqual(rect[0], 70, accuracy: 0.01, "left edge 8 px inside the axes")
        XCTAssertEqual(rect[1], 20, accuracy: 0.01, "top edge 8 px inside the axes")
        XCTAssertEqual(try svgWidth(svg), 420)
    }

    func testEmptyLowerLeftTakesTheLegend() throws {
        // A line along the top and one down the right side: only the lower left is free.
        let top = (x: [0.0, 1], y: [1.0, 1]), right = (x: [1.0, 1], y: [0.0, 1])
        let f = figure([top, right])
        XCTAssertEqual(f.resolvedLegendLocation(), .lowerLeft)
        let rect = try legendRect(f.svg())
        XCTAssertEqual(rect[0], 70, accuracy: 0.01)
        XCTAssertEqual(rect[1] + rect[3], 254 - 8, accuracy: 0.01, "bottom edge 8 px above the x axis")
    }

    func testSegmentsCrossingACornerCountEvenWithoutAPointInside() {
        // One segment from far left to far right near the top: both of its points are outside
        // the axes, yet it crosses both upper corners, so the legend must go below it.
        let f = figure([(x: [-1, 2], y: [0.95, 0.95])], xLimits: 0...1, yLimits: 0...1)
        XCTAssertEqual(f.resolvedLegendLocation(), .lowerLeft)
    }

    func testUpperRightWinsWhenEveryCornerIsEmpty() {
        let f = figure([(x: [0, 1], y: [0.5, 0.5])], yLimits: 0...1)
        XCTAssertEqual(f.resolvedLegendLocation(), .upperRight)
    }

    func testLegendMovesOutsideWhenEveryCornerIsCrowded() throws {
        // A rectangle drawn along the edges of the data passes through all four corners.
        let f = figure([(x: [0, 1, 1, 0, 0], y: [0, 0, 1, 1, 0])])
        XCTAssertEqual(f.resolvedLegendLocation(), .outside)
        let svg = f.svg()
        let rect = try legendRect(svg)
        XCTAssertGreaterThan(rect[0], 406, "right of the axes")
        XCTAssertEqual(try svgWidth(svg), 420 + rect[2], accuracy: 1, "the figure grows by the legend's width")
    }

    func testAnExplicitLocationIsKept() throws {
        var f = figure([(x: [0, 1, 1, 0, 0], y: [0, 0, 1, 1, 0])])
        f.legendLocation = .lowerRight
        XCTAssertEqual(f.resolvedLegendLocation(), .lowerRight)
        let rect = try legendRect(f.svg())
        XCTAssertEqual(rect[0] + rect[2], 406 - 8, accuracy: 0.01)
    }

    func testNoLabelsMeansNoLegend() {
        var f = Figure()
        f.series = [.init(x: [0, 1], y: [0, 1], style: LineStyle(format: "-", index: 0))]
        XCTAssertNil(f.resolvedLegendLocation())
        XCTAssertFalse(f.svg().contains("#cccccc"))
    }
}
