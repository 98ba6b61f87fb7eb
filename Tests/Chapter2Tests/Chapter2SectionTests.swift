import D2L
import TestSupport
import Foundation
import Preliminaries
import TestSupport
import XCTest

/// §2.2: the house table after reading, filling and encoding, as the book prints it.
final class Chapter2DataPreprocessingTests: XCTestCase {
    func testHouseTableReadFilledAndEncodedAsInTheBook() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try DataTable.readCSV(try DataPreprocessing.writeHouseTiny(in: folder.url))
        XCTAssertEqual(data.columnNames, ["NumRooms", "Alley", "Price"])
        XCTAssertEqual(data["NumRooms"]!.cells, [.missing, .number(2), .number(4), .missing])
        XCTAssertEqual(data["Alley"]!.cells, [.text("Pave"), .missing, .missing, .missing])

        let prepared = try DataPreprocessing.prepare(data)
        XCTAssertEqual(prepared.filled["NumRooms"]!.cells, [.number(3), .number(2), .number(4), .number(3)])
        XCTAssertEqual(prepared.filled.description, """
               NumRooms  Alley
            0       3.0   Pave
            1       2.0    NaN
            2       4.0    NaN
            3       3.0    NaN
            """)
        XCTAssertEqual(prepared.encoded.columnNames, ["NumRooms", "Alley_Pave", "Alley_nan"])
        XCTAssertEqual(prepared.X.toArray2D(), [[3, 1, 0], [2, 0, 1], [4, 0, 1], [3, 0, 1]])
        XCTAssertEqual(prepared.X.dtype, .float32)
        XCTAssertEqual(prepared.y.description, "tensor([127500, 106000, 178100, 140000])")
    }

    func testCSVQuotesAndLineEndings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.appendingPathComponent("quoted.csv")
        try writeAtomically("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\nLee,\n", to: file)
        let table = try DataTable.readCSV(file)
        XCTAssertEqual(table["name"]!.cells, [.text("Smith, J"), .text("Lee")])
        XCTAssertEqual(table["note"]!.cells, [.text("said \"hi\""), .missing])
    }

    func testBadFilesGiveErrorsNamingTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.appendingPathComponent("nope.csv")
        XCTAssertThrowsError(try DataTable.readCSV(missing)) { error in
            XCTAssertTrue("\(error)".contains("nope.csv"), "\(error)")
        }
        let ragged = folder.appendingPathComponent("ragged.csv")
        try writeAtomically("a,b\n1,2\n3\n", to: ragged)
        XCTAssertThrowsError(try DataTable.readCSV(ragged)) { error in
            XCTAssertTrue("\(error)".contains("ragged.csv") && "\(error)".contains("row 2"), "\(error)")
        }
        let text = DataTable(columns: [.init(name: "Alley", cells: [.text("Pave")])])
        XCTAssertThrowsError(try text.toTensor()) { error in
            XCTAssertTrue("\(error)".contains("Alley"), "\(error)")
        }
    }
}

/// §2.4: the limit table and the tangent figure.
final class Chapter2CalculusTests: XCTestCase {
    func testLimitTableMatchesTheBook() {
        XCTAssertEqual(Calculus.limitTable(), [
            "h=0.10000, numerical limit=2.30000",
            "h=0.01000, numerical limit=2.03000",
            "h=0.00100, numerical limit=2.00300",
            "h=0.00010, numerical limit=2.00030",
            "h=0.00001, numerical limit=2.00003",
        ])
    }

    func testTangentFigureHasBothCurvesAxesAndLegend() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let url = try Calculus.plotTangent(name: "tangent.svg")
        XCTAssertEqual(url.deletingLastPathComponent().standardizedFileURL.path, folder.url.standardizedFileURL.path)
        let svg = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2)
        XCTAssertTrue(svg.contains("stroke-dasharray"), "the tangent is dashed")
        for text in ["f(x)", "Tangent line (x=1)", ">x<", ">0<", ">10<"] {
            XCTAssertTrue(svg.contains(text), "missing \(text)")
        }
    }

    func testLogScaleTicksArePowersOfTen() throws {
        var figure = Figure()
        figure.yScale = .log
        figure.series = [.init(x: [1, 2, 3], y: [1, 100, 10_000], label: "growth", style: LineStyle(format: "-", index: 0))]
        let svg = figure.svg()
        for tick in ["1e0", "1e2", "1e4"] { XCTAssertTrue(svg.contains(">\(tick)<"), "missing tick \(tick)") }
    }
}

/// §2.5 and §2.6: autograd through control flow, and die rolls.
final class Chapter2AutogradAndProbabilityTests: XCTestCase {
    func testGradientOfControlFlowFunctionIsDOverA() {
        for seed in [0, 5, 9] as [UInt64] {
            let a = Tensor.randn([], generator: RandomGenerator(seed: seed)).requiresGrad()
            let d = AutomaticDifferentiation.controlFlow(a)
            d.backward()
            let ratio = (d / a).item()
            XCTAssertEqual(a.grad!.item(), ratio, accuracy: 1e-3 * abs(ratio))
        }
    }

    func testTwiceSquaredNormGradientIsFourX() {
        let x = Tensor.arange(4, dtype: .float32).requiresGrad()
        AutomaticDifferentiation.twiceSquaredNorm(x).backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 4, 8, 12])
    }

    func testMultinomialCountsAddUpAndFollowTheProbabilities() {
        let g = RandomGenerator(seed: 3)
        let one = Multinomial(totalCount: 1, probs: Probability.fairProbs).sample(generator: g)
        XCTAssertEqual(one.sum().item(), 1)
        XCTAssertEqual(Set(one.toArray()), [0, 1])
        let counts = Multinomial(totalCount: 6000, probs: Probability.fairProbs).sample(generator: g)
        XCTAssertEqual(counts.sum().item(), 6000)
        for c in counts.toArray() { XCTAssertEqual(c / 6000, 1.0 / 6, accuracy: 0.03) }
        let loaded = Multinomial(totalCount: 1000, probs: Tensor([0.0, 3, 1])).sample(generator: g).toArray()
        XCTAssertEqual(loaded[0], 0)
        XCTAssertEqual(loaded[1] / 1000, 0.75, accuracy: 0.05)
    }

    func testRunningEstimatesConvergeToOneSixth() {
        let estimates = Probability.runningEstimates(groups: 500, generator: RandomGenerator(seed: 11))
        XCTAssertEqual(estimates.shape, [500, 6])
        assertRowsSumToOne(estimates)
        for p in estimates[-1].toArray() { XCTAssertEqual(p, 1.0 / 6, accuracy: 0.03) }
    }

    private func assertRowsSumToOne(_ t: Tensor, file: StaticString = #filePath, line: UInt = #line) {
        for s in t.sum(axis: 1).toArray() { XCTAssertEqual(s, 1, accuracy: 1e-5, file: file, line: line) }
    }
}
