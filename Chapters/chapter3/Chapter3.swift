import ArgumentParser
import D2L
import LinearNetworks

/// `swift run chapter3 <section>`: the book's chapter 3, *Linear Neural Networks*.
@main
struct Chapter3: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter3",
        abstract: "Chapter 3 of Dive into Deep Learning: Linear Neural Networks.",
        discussion: "Training sections end with the book's lines `loss …, train acc …, test acc …` and `… examples/sec on CPU`; figures are SVG files whose paths are printed.",
        subcommands: [LinearRegressionIntro.self, LinregScratch.self, Linreg.self, FashionMNISTSection.self,
                      SoftmaxScratchSection.self, SoftmaxSection.self]
    )
}

/// Options shared by the training sections, with the book's defaults given per section.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Number of passes over the training data (default: the book's).")
    var epochs: Int?

    @Option(help: "Learning rate (default: the book's).")
    var lr: Float?

    @Option(help: "Examples per minibatch (default: the book's).")
    var batchSize: Int?

    @Option(help: "Seed for initialisation and shuffling.")
    var seed: UInt64 = 0
}
