import ArgumentParser
import ChapterSupport

/// The book's settings of one language-model section of chapter 9.
protocol LanguageModelBook {
    /// The book's `num_epochs`.
    static var epochs: Int { get }
    /// The book's `lr`.
    static var lr: Float { get }
    /// The book's `num_hiddens`.
    static var hidden: Int { get }
}

/// `--epochs`, `--lr`, `--hidden` and `--seed` of the sections that train a language model on
/// The Time Machine (32 sequences of 35 characters per minibatch, as the book), with the
/// section's book values as defaults.
struct LanguageModelOptions<Book: LanguageModelBook>: ParsableArguments {
    @Option(parsing: .unconditional, help: "Epochs (the book's num_epochs).") var epochs = Book.epochs
    @Option(parsing: .unconditional, help: "Learning rate (the book's lr).") var lr: Float = Book.lr
    @Option(parsing: .unconditional, help: "Hidden units (the book's num_hiddens).") var hidden = Book.hidden
    @Option(help: "Seed of the initial weights.") var seed: UInt64 = 0

    func validate() throws {
        try OptionChecks.atLeast(1, epochs, option: "--epochs")
        try OptionChecks.positiveFinite(lr, option: "--lr")
        try OptionChecks.atLeast(1, hidden, option: "--hidden")
    }
}
