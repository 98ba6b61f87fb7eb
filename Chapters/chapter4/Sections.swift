import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import MLP

/// §4.1 Activation functions.
struct Activations: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "§4.1 ReLU, sigmoid and tanh with their gradients, plotted.")

    func run() throws {
        printSection("4.1.2", "Activation functions")
        for (name, f) in [("relu", { (x: Tensor) in x.relu() }), ("sigmoid", { $0.sigmoid() }), ("tanh", { $0.tanh() })] {
            reportWritten("figure written to") { try ActivationFunctions.plotWithGradient(name, f) }
        }
    }
}

/// §4.2 MLP from scratch.
struct MLPScratchSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mlp-scratch",
        abstract: "§4.2 MLP from scratch on Fashion-MNIST (book: 10 epochs, lr 0.1, batch 256).")
    @OptionGroup var options: TrainingOptions<MLPBook>

    func run() throws {
        printSection("4.2", "Implementation of multilayer perceptrons from scratch")
        let g = RandomGenerator(seed: options.seed)
        let model = MLPScratch(generator: g)
        try trainOnFashionMNIST(model.net, parameters: model.parameters, options: options,
                                figure: "chapter4-mlp-scratch.svg", generator: g)
    }
}

/// §4.3 Concise MLP.
struct MLPSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mlp",
        abstract: "§4.3 Concise MLP on Fashion-MNIST (book: 10 epochs, lr 0.1, batch 256).")
    @OptionGroup var options: TrainingOptions<MLPBook>

    func run() throws {
        printSection("4.3", "Concise implementation of multilayer perceptrons")
        let g = RandomGenerator(seed: options.seed)
        let net = MLPConcise.makeNet(generator: g)
        try trainOnFashionMNIST({ net($0) }, parameters: net.parameters(), setMode: { net.train($0) }, options: options,
                                figure: "chapter4-mlp.svg", generator: g)
    }
}

/// §4.4 Polynomial regression.
struct UnderfitOverfit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "underfit-overfit",
        abstract: "§4.4 Polynomial regression: a good cubic fit, an underfitting line and an overfitting degree-19 model.")
    @Option(help: "Seed for the data and initialisation.") var seed: UInt64 = 0

    func run() throws {
        printSection("4.4", "Model selection, underfitting, and overfitting")
        let g = RandomGenerator(seed: seed)
        let (features, labels) = PolynomialRegression.makeData(generator: g)
        let (train, test) = (features[0..<100], features[100...])
        let (yTrain, yTest) = (labels[0..<100], labels[100...])
        let cases: [(String, String, Int, Int, String)] = [
            ("4.4.4.3", "Third-order polynomial function fitting (normal)", 4, 400, "chapter4-poly-normal.svg"),
            ("4.4.4.4", "Linear function fitting (underfitting)", 2, 400, "chapter4-poly-underfit.svg"),
            ("4.4.4.5", "Higher-order polynomial function fitting (overfitting)", 20, 1500, "chapter4-poly-overfit.svg"),
        ]
        for (number, title, columns, epochs, name) in cases {
            printSubsection(number, "\(title): first \(columns) features, \(epochs) epochs")
            // Prints the weights and the final losses, then writes the curves.
            try explainingDivergence(bookLR: 0.01, option: "lr") {
                try PolynomialRegression.fit(trainFeatures: train[..., 0..<columns], testFeatures: test[..., 0..<columns],
                                             trainLabels: yTrain, testLabels: yTest, numEpochs: epochs, name: name, generator: g)
            }
        }
    }
}

/// Trains the weight-decay model for a penalty of 0 and of 3; each run prints ‖w‖, then writes
/// its curves, as §4.5 does. `heading` gives each run's subsection number and title.
private func reportWeightDecay(seed: UInt64, heading: (Float) -> (number: String, title: String),
                               _ train: (Float, (train: DataLoader, test: DataLoader), RandomGenerator) throws -> Void) throws {
    let g = RandomGenerator(seed: seed)
    let data = WeightDecay.makeData(generator: g)
    for penalty: Float in [0, 3] {
        let (number, title) = heading(penalty)
        printSubsection(number, title)
        try train(penalty, data, g)
    }
}

/// §4.5 Weight decay from scratch.
struct WeightDecayScratch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weight-decay-scratch",
        abstract: "§4.5 Weight decay from scratch: 200 features, 20 examples, λ = 0 and λ = 3.")
    @Option(help: "Seed for the data and initialisation.") var seed: UInt64 = 0

    func run() throws {
        printSection("4.5.3", "Weight decay: implementation from scratch")
        let heading = { (lambda: Float) in
            lambda == 0 ? ("4.5.3.4", "Training without regularization: lambda = 0")
                        : ("4.5.3.5", "Using weight decay: lambda = \(Int(lambda))")
        }
        try reportWeightDecay(seed: seed, heading: heading) { lambda, data, g in
            try explainingDivergence(bookLR: 0.003, option: "lr") {
                _ = try WeightDecay.trainScratch(lambda: lambda, data: data, generator: g,
                                                 name: "chapter4-weight-decay-scratch-\(Int(lambda)).svg")
            }
        }
    }
}

/// §4.5.4 Concise weight decay.
struct WeightDecayConcise: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "weight-decay",
        abstract: "§4.5.4 Concise weight decay through the optimizer, on the weight only (wd = 0 and 3).")
    @Option(help: "Seed for the data and initialisation.") var seed: UInt64 = 0

    func run() throws {
        printSection("4.5.4", "Weight decay: concise implementation")
        try reportWeightDecay(seed: seed, heading: { ("4.5.4", "wd = \(Int($0))") }) { wd, data, g in
            try explainingDivergence(bookLR: 0.003, option: "lr") {
                _ = try WeightDecay.trainConcise(wd: wd, data: data, generator: g, name: "chapter4-weight-decay-\(Int(wd)).svg")
            }
        }
    }
}

/// §4.6 Dropout from scratch.
struct DropoutScratch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dropout-scratch",
        abstract: "§4.6 Dropout from scratch on Fashion-MNIST (book: 10 epochs, lr 0.5, batch 256).")
    @OptionGroup var options: TrainingOptions<DropoutBook>

    func run() throws {
        printSection("4.6.4", "Dropout: implementation from scratch")
        let g = RandomGenerator(seed: options.seed)
        let net = DropoutScratchNet(generator: g)
        try trainOnFashionMNIST({ net($0) }, parameters: net.parameters(), setMode: { net.train($0) }, options: options,
                                figure: "chapter4-dropout-scratch.svg", generator: g)
    }
}

/// §4.6.5 Concise dropout.
struct DropoutSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dropout",
        abstract: "§4.6.5 Concise dropout on Fashion-MNIST (book: 10 epochs, lr 0.5, batch 256).")
    @OptionGroup var options: TrainingOptions<DropoutBook>

    func run() throws {
        printSection("4.6.5", "Dropout: concise implementation")
        let g = RandomGenerator(seed: options.seed)
        let net = DropoutConcise.makeNet(generator: g)
        try trainOnFashionMNIST({ net($0) }, parameters: net.parameters(), setMode: { net.train($0) }, options: options,
                                figure: "chapter4-dropout.svg", generator: g)
    }
}

/// §4.8 Numerical stability.
struct NumericalStabilitySection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "numerical-stability",
        abstract: "§4.8 The vanishing gradient of the sigmoid, and 100 random matrices multiplied together.")
    @Option(help: "Seed for the random matrices.") var seed: UInt64 = 0

    func run() {
        printSection("4.8", "Numerical stability and model initialization")
        let (first, product) = NumericalStability.explodingProduct(generator: RandomGenerator(seed: seed))
        print("a single matrix\n\(first)")
        print("after multiplying 100 matrices\n\(product)")
        reportWritten("figure written to") { try NumericalStability.plotSigmoidAndGradient() }
    }
}
