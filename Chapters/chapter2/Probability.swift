import ArgumentParser
import ChapterSupport
import D2L
import Preliminaries

/// §2.6 Probability.
struct ProbabilitySection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probability",
        abstract: "§2.6 Probability: rolling a die by multinomial sampling, frequencies converging to 1/6.")

    @Option(help: "Seed for the die rolls.")
    var seed: UInt64 = 0

    @Option(help: "Groups of experiments in the convergence plot.")
    var groups = 500

    func run() throws {
        printSection("2.6", "Probability")
        let generator = RandomGenerator(seed: seed)
        printSubsection("2.6.1", "Basic probability theory")
        let fairProbs = Probability.fairProbs
        show("fair_probs = torch.ones([6]) / 6; multinomial.Multinomial(1, fair_probs).sample()",
             Multinomial(totalCount: 1, probs: fairProbs).sample(generator: generator))
        show("multinomial.Multinomial(10, fair_probs).sample()",
             Multinomial(totalCount: 10, probs: fairProbs).sample(generator: generator))
        let counts = Multinomial(totalCount: 1000, probs: fairProbs).sample(generator: generator)
        show("counts = multinomial.Multinomial(1000, fair_probs).sample(); counts / 1000", counts / 1000)
        let estimates = Probability.runningEstimates(groups: groups, generator: generator)
        show("estimates after all \(groups) groups of 10 rolls", estimates[-1])
        reportWritten("figure written to") { try Probability.plotEstimates(estimates) }
    }
}
