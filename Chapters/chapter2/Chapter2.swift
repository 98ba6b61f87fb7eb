import ArgumentParser
import ChapterSupport
import D2L
import Preliminaries

/// `swift run chapter2 <section>`: the book's chapter 2, *Preliminaries*, one subcommand per section.
@main
struct Chapter2: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter2",
        abstract: "Chapter 2 of Dive into Deep Learning: Preliminaries.",
        discussion: "Each section prints what the book shows, in its order; figures are written as SVG files whose paths are printed.",
        subcommands: [Ndarray.self, Pandas.self, LinearAlgebra.self, CalculusSection.self,
                      Autograd.self, ProbabilitySection.self, ChapterReportCommand<Chapter2>.self]
    )
}

/// Prints `label` the way a notebook cell shows its input, then the value.
func show(_ label: String, _ values: Any...) {
    print(">>> \(label)")
    for v in values { print(v) }
}
