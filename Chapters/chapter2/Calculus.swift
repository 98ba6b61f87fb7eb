import ArgumentParser
import ChapterSupport
import D2L
import Preliminaries

/// §2.4 Calculus.
struct CalculusSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calculus",
        abstract: "§2.4 Calculus: the limit of difference quotients and a tangent line, plotted.")

    func run() throws {
        printSection("2.4", "Calculus")
        printSubsection("2.4.1", "Derivatives and differentiation: f(x) = 3x² − 4x at x = 1")
        for line in Calculus.limitTable() { print(line) }
        printSubsection("2.4.2", "The function and its tangent line y = 2x − 3")
        reportWritten("figure written to") { try Calculus.plotTangent() }
    }
}
