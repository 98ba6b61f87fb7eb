import ArgumentParser
import ChapterSupport
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
                      SoftmaxScratchSection.self, SoftmaxSection.self,
                      ChapterReportCommand<Chapter3>.self]
    )
}

/// §3.2 and §3.3: 3 epochs of minibatches of 10 at lr 0.03 on the synthetic data.
enum LinearRegressionBook: BookTrainingDefaults {
    static let epochs = 3, lr: Float = 0.03, batchSize = 10
}

/// §3.6 and §3.7: 10 epochs of minibatches of 256 at lr 0.1 on Fashion-MNIST.
enum SoftmaxBook: BookTrainingDefaults {
    static let epochs = 10, lr: Float = 0.1, batchSize = 256
}
