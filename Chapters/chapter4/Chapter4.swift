import ArgumentParser
import ChapterSupport
import D2L
import MLP

/// `swift run chapter4 <section>`: the book's chapter 4, *Multilayer Perceptrons*.
@main
struct Chapter4: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter4",
        abstract: "Chapter 4 of Dive into Deep Learning: Multilayer Perceptrons.",
        discussion: "Training sections end with the book's result lines; figures are SVG files whose paths are printed.",
        subcommands: [Activations.self, MLPScratchSection.self, MLPSection.self, UnderfitOverfit.self,
                      WeightDecayScratch.self, WeightDecayConcise.self, DropoutScratch.self, DropoutSection.self,
                      NumericalStabilitySection.self, KaggleHouseSection.self,
                      ChapterReportCommand<Chapter4>.self]
    )
}

/// §4.2 and §4.3: 10 epochs of minibatches of 256 at lr 0.1.
enum MLPBook: BookTrainingDefaults {
    static let epochs = 10, lr: Float = 0.1, batchSize = 256
}

/// §4.6: 10 epochs of minibatches of 256 at lr 0.5.
enum DropoutBook: BookTrainingDefaults {
    static let epochs = 10, lr: Float = 0.5, batchSize = 256
}

/// Trains `net` on Fashion-MNIST with SGD and cross-entropy, as the book's chapter 4 sections do;
/// a diverging run names the section's book learning rate.
func trainOnFashionMNIST<Book>(_ net: (Tensor) -> Tensor, parameters: [Tensor], setMode: @escaping (Bool) -> Void = { _ in },
                               options: TrainingOptions<Book>, figure: String, generator: RandomGenerator) throws {
    let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: options.batchSize, generator: generator)
    let loss = CrossEntropyLoss(reduction: .none)
    let trainer = SGD(parameters, lr: options.lr)
    try options.explainingDivergence {
        try trainCh3(net, trainIter, testIter, loss: { loss($0, $1) }, numEpochs: options.epochs,
                     updater: .optimizer(trainer), setMode: setMode, figureName: figure)
    }
}
