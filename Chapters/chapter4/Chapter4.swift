import ArgumentParser
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
                      NumericalStabilitySection.self, KaggleHouseSection.self]
    )
}

/// Options shared by the Fashion-MNIST training sections; defaults are the book's.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Number of passes over the training data.")
    var epochs = 10

    @Option(help: "Learning rate (default: the book's for the section).")
    var lr: Float?

    @Option(help: "Examples per minibatch.")
    var batchSize = 256

    @Option(help: "Seed for initialisation, shuffling and dropout.")
    var seed: UInt64 = 0
}

/// Trains `net` on Fashion-MNIST with SGD and cross-entropy, as the book's chapter 4 sections do.
func trainOnFashionMNIST(_ net: (Tensor) -> Tensor, parameters: [Tensor], setMode: @escaping (Bool) -> Void = { _ in },
                         options: TrainingOptions, defaultLR: Float, figure: String, generator: RandomGenerator) throws {
    let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: options.batchSize, generator: generator)
    let loss = CrossEntropyLoss(reduction: .none)
    let trainer = SGD(parameters, lr: options.lr ?? defaultLR)
    try trainCh3(net, trainIter, testIter, loss: { loss($0, $1) }, numEpochs: options.epochs,
                 updater: .optimizer(trainer), setMode: setMode, figureName: figure)
}
