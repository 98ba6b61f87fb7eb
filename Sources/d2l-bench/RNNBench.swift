// d2l-bench section `rnn`: training speed of the chapter 8 and 9 language models.
import D2L
import Foundation
import RNN

/// Tokens/sec of one `trainEpochCh8` pass (batch 32, 35 steps, lr 1, clipping 1, sequential
/// minibatches) of `net` over the first `maxTokens` characters of The Time Machine (all of them
/// for −1): the median of `runs` epochs after a warm-up epoch.
func rnnEpochTokensPerSecond<Net: RecurrentLanguageModel>(_ net: Net, maxTokens: Int, runs: Int) throws -> Double {
    let (trainIter, _) = try loadDataTimeMachine(batchSize: 32, numSteps: 35, maxTokens: maxTokens,
                                                 generator: RandomGenerator(seed: 1))
    let updater: Updater = net is Module
        ? .optimizer(SGD(net.trainableParameters(), lr: 1))
        : .custom { [params = net.trainableParameters()] in sgd(params, lr: 1, batchSize: $0) }
    let run = TrainingRun(numEpochs: runs + 1, batchesPerEpoch: trainIter.count, legend: [], figureName: "",
                          unit: "tokens")
    return try medianEpochSpeed(runs: runs) { epoch in
        try trainEpochCh8(net, trainIter, loss: CrossEntropyLoss(), updater: updater,
                          useRandomIter: false, run: run, epoch: epoch).1
    }
}

/// The `rnn` section: the concise RNN, GRU and LSTM (hidden 256) on 10 000 tokens and on the
/// whole corpus, and the from-scratch RNN (hidden 512) on 10 000 tokens.
func benchmarkRNN(runs: Int, quick: Bool) {
    print("\nRNN, GRU and LSTM language models (§8.5-8.6, §9.1-9.2), one training epoch, batch 32, 35 steps, lr 1, clipping 1, "
          + "median of \(runs) epochs")
    let cases: [(String, Int, () -> any RecurrentLanguageModel)] = [
        ("concise RNN, hidden 256, 10 000 tokens", 10_000, { RNNModel(RNN(28, 256), vocabSize: 28) }),
        ("concise RNN, hidden 256, whole corpus", quick ? 10_000 : -1, { RNNModel(RNN(28, 256), vocabSize: 28) }),
        ("scratch RNN, hidden 512, 10 000 tokens", 10_000, { RNNModelScratch(vocabSize: 28, numHiddens: 512) }),
        ("concise GRU, hidden 256, 10 000 tokens", 10_000, { RNNModel(GRU(28, 256), vocabSize: 28) }),
        ("concise GRU, hidden 256, whole corpus", quick ? 10_000 : -1, { RNNModel(GRU(28, 256), vocabSize: 28) }),
        ("concise LSTM, hidden 256, 10 000 tokens", 10_000, { RNNModel(LSTM(28, 256), vocabSize: 28) }),
        ("concise LSTM, hidden 256, whole corpus", quick ? 10_000 : -1, { RNNModel(LSTM(28, 256), vocabSize: 28) }),
    ]
    for (name, maxTokens, make) in cases {
        do {
            let speed = try rnnEpochTokensPerSecond(make(), maxTokens: maxTokens, runs: runs)
            print(row([name, fixed(speed, 0) + " tokens/sec"], widths: [42, 20]))
        } catch {
            print("\(name): skipped, \(error)")
        }
    }
}
