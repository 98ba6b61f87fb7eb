import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import RNN

/// The sections on text and language-model data, §8.2–8.4.
let textSections: [ParsableCommand.Type] = [TextPreprocessingSection.self, LanguageModelsSection.self,
                                            RNNBasicsSection.self]

/// §8.2 Text preprocessing.
struct TextPreprocessingSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "text-preprocessing",
        abstract: "§8.2 Read The Time Machine, tokenize it, build the vocabulary.")
    func run() throws {
        printSection("8.2", "Text preprocessing")
        for line in TextPreprocessing.printedLines(try TextPreprocessing.run()) { print(line) }
    }
}

/// §8.3 Language models and the data set.
struct LanguageModelsSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "language-models",
        abstract: "§8.3 Word, bigram and trigram frequencies (Zipf's law) and both minibatch samplers.")
    @Option(help: "Seed for the samplers' offsets and order.") var seed: UInt64 = 0
    func run() throws {
        printSection("8.3", "Language models and the data set")
        let grams = try LanguageModels.nGramVocabularies()
        for (title, vocab) in [("words", grams.unigrams), ("bigrams", grams.bigrams), ("trigrams", grams.trigrams)] {
            print("top 10 \(title):")
            for line in LanguageModels.top(vocab) { print("  \(line)") }
        }
        let demo = LanguageModels.iteratorDemo(generator: RandomGenerator(seed: seed))
        for (name, batches) in [("random sampling", demo.random), ("sequential partitioning", demo.sequential)] {
            print("\(name) of 0..<35, batch 2, 5 steps:")
            for (X, Y) in batches { print("X: \(X)\nY: \(Y)") }
        }
        reportWritten("figure:") { try LanguageModels.writeZipfPlots(grams) }
    }
}

/// §8.4 Recurrent neural networks.
struct RNNBasicsSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rnn-basics",
        abstract: "§8.4 X·W_xh + H·W_hh equals cat(X, H)·cat(W_xh, W_hh).")
    @Option(help: "Seed for the random matrices.") var seed: UInt64 = 0
    func run() {
        printSection("8.4", "Recurrent neural networks")
        let identity = RNNBasics.concatenationIdentity(generator: RandomGenerator(seed: seed))
        print("torch.matmul(X, W_xh) + torch.matmul(H, W_hh) =\n\(identity.separate)")
        print("torch.matmul(torch.cat((X, H), 1), torch.cat((W_xh, W_hh), 0)) =\n\(identity.concatenated)")
        print("largest difference: \(identity.maxDifference)")
    }
}
