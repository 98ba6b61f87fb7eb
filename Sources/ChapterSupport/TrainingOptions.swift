import ArgumentParser

/// The book's training settings for one section, e.g. §6.6's 10 epochs, lr 0.9, batch 256.
///
/// A section names its defaults with a small type, `enum LeNetBook: BookTrainingDefaults`, and
/// takes `@OptionGroup var options: TrainingOptions<LeNetBook>`; `--help` then prints that
/// section's values as `(default: …)`.
public protocol BookTrainingDefaults {
    /// Passes over the training data (the book's `num_epochs`).
    static var epochs: Int { get }
    /// Learning rate (the book's `lr`).
    static var lr: Float { get }
    /// Examples per minibatch (the book's `batch_size`).
    static var batchSize: Int { get }
}

/// `--epochs`, `--lr`, `--batch-size` and `--seed`, shared by the chapter programs' training
/// sections, with the defaults of the section given by `Book` and checked before training starts.
///
/// The numbers are read with `.unconditional` parsing, so `--lr -1` reaches the check and is
/// rejected by name (ArgumentParser would otherwise take `-1` for an option and report a missing
/// value).
public struct TrainingOptions<Book: BookTrainingDefaults>: ParsableArguments {
    /// Number of passes over the training data, at least 1.
    @Option(parsing: .unconditional, help: "Number of passes over the training data.")
    public var epochs: Int = Book.epochs

    /// Learning rate, a positive finite number.
    @Option(parsing: .unconditional, help: "Learning rate.")
    public var lr: Float = Book.lr

    /// Examples per minibatch, at least 1.
    @Option(parsing: .unconditional, help: "Examples per minibatch.")
    public var batchSize: Int = Book.batchSize

    /// Seed of the random generator behind initialisation, shuffling and dropout.
    @Option(help: "Seed for initialisation, shuffling and dropout.")
    public var seed: UInt64 = 0

    /// The book's settings for the section; ArgumentParser fills in what the command line gives.
    public init() {}

    /// Rejects `--epochs` or `--batch-size` below 1 and a learning rate that is not a positive
    /// finite number.
    public func validate() throws {
        try OptionChecks.atLeast(1, epochs, option: "--epochs")
        try OptionChecks.positiveFinite(lr, option: "--lr")
        try OptionChecks.atLeast(1, batchSize, option: "--batch-size")
    }
}
