import ArgumentParser
import ChapterSupport
import D2L
import RNN

/// §8.1 Sequence models.
struct SequenceSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sequence",
        abstract: "§8.1 An MLP on the last 4 values of a noisy sine: 1-step, multistep and k-step predictions.")
    @Option(help: "Training epochs (book: 5).") var epochs = 5
    @Option(help: "Seed for the noise, the initial weights and the minibatch order.") var seed: UInt64 = 0

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive, got \(epochs)") }
    }

    func run() {
        printSection("8.1", "Sequence models")
        let result = SequenceModels.run(epochs: epochs, generator: RandomGenerator(seed: seed))
        for (epoch, loss) in result.losses.enumerated() {
            print("epoch \(epoch + 1), loss: \(String(format: "%f", loss))")
        }
        reportWritten("figure:") { try SequenceModels.writePlots(result) }
    }
}
