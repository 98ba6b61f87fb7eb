// d2l-bench section `seq2seq`: training speed of §9.7's encoder–decoder.
import D2L
import Foundation
import RNN

/// The `seq2seq` section: target tokens/sec of one `trainEpochSeq2seq` pass over the book's 600
/// English–French pairs at the book's settings (embed 32, hidden 32, 2 GRU layers, dropout 0.1,
/// batch 64, 10 steps, Adam lr 0.005, clipping 1), the median of `runs` epochs after a warm-up.
/// Reads `fra-eng/fra.txt` from the data folder (`D2L_DATA_DIR=../shared/data`).
func benchmarkSeq2seq(runs: Int) {
    print("\nSeq2seq (§9.7), one training epoch on 600 English-French pairs, book settings, median of \(runs) epochs")
    do {
        let generator = RandomGenerator(seed: 2)
        let (trainIter, src, tgt) = try loadDataNMT(batchSize: 64, numSteps: 10, generator: generator)
        let net = Seq2Seq.makeModel(srcVocabSize: src.count, tgtVocabSize: tgt.count, generator: generator)
        xavierInitSeq2seq(net, generator: generator)
        net.train()
        let optimizer = Adam(net.trainableParameters(), lr: 0.005)
        let run = TrainingRun(numEpochs: runs + 1, batchesPerEpoch: trainIter.count, legend: [], figureName: "",
                              unit: "tokens")
        let speed = try medianEpochSpeed(runs: runs) { epoch in
            try trainEpochSeq2seq(net, trainIter, loss: MaskedSoftmaxCELoss(), optimizer: optimizer,
                                  tgtVocab: tgt, run: run, epoch: epoch).1
        }
        print(row(["seq2seq GRU, embed 32, hidden 32, 2 layers", fixed(speed, 0) + " tokens/sec"],
                  widths: [42, 20]))
    } catch {
        print("seq2seq: skipped, \(error) (set D2L_DATA_DIR to a folder holding \(FraEng.relativePath))")
    }
}
