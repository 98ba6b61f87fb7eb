import D2L
import Foundation
import MLP
import TestSupport
import XCTest

/// §4.8.1.1: the sigmoid and its gradient share one figure, as in the book.
final class Chapter4NumericalStabilityFigureTests: XCTestCase {
    func testSigmoidAndItsGradientAreOneFigureWithAnUncoveredLegend() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let url = try NumericalStability.plotSigmoidAndGradient()
        XCTAssertEqual(url.lastPathComponent, "chapter4-numerical-stability-sigmoid.svg")
        let svg = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2, "sigmoid and gradient in one figure")
        XCTAssertTrue(svg.contains(">sigmoid<") && svg.contains(">gradient<"), "both curves in the legend")
        XCTAssertTrue(svg.contains("width=\"540\""), "the book's figsize (4.5, 2.5) at 120 dpi")
        // The sigmoid ends in the upper right and the gradient peaks mid-plot: the legend goes upper left.
        let legend = try XCTUnwrap(svg.split(separator: "\n").first { $0.contains("stroke=\"#cccccc\"") })
        XCTAssertTrue(legend.contains("x=\"70.00\" y=\"20.00\""), "legend in the upper left corner: \(legend)")
    }
}
