import Foundation

/// One candidate translation of a beam search: its token ids (without `<eos>`), whether it ended
/// with `<eos>`, its log-probability and its length-normalised score.
public struct BeamHypothesis: Equatable, Sendable {
    /// Target ids, `<eos>` left out.
    public var tokens: [Int]
    /// Whether the decoder ended the sequence with `<eos>`.
    public var finished: Bool
    /// log P(y₁, …, y_L | c), the sum of the chosen tokens' log-probabilities (`<eos>` included).
    public var logProb: Double

    /// A candidate.
    public init(tokens: [Int], finished: Bool, logProb: Double) {
        self.tokens = tokens
        self.finished = finished
        self.logProb = logProb
    }

    /// L: the tokens generated, `<eos>` counted when it ended the sequence.
    public var length: Int { tokens.count + (finished ? 1 : 0) }

    /// The book's score (1 / L^α) · log P (§9.8.3, equation 9.8.4), α = 0.75 by default.
    public func score(alpha: Double = 0.75) -> Double {
        logProb / Foundation.pow(Double(Swift.max(length, 1)), alpha)
    }
}

/// One step of a beam search: from the beams' log-probabilities so far and each beam's
/// log-probabilities of every next token, the `k` extensions with the highest total
/// log-probability, best first, as `(beam, token, logProb)`.
///
/// d2l: the step §9.8.3 describes (choose the k most likely of the k·|Y| extensions). Ties go to
/// the lower beam, then the lower token id, so with k = 1 it picks what `argmax` picks.
public func beamSearchStep(beamLogProbs: [Double], nextLogProbs: [[Double]], k: Int)
    -> [(beam: Int, token: Int, logProb: Double)] {
    check(k > 0, "beamSearchStep: k must be positive, got \(k)")
    check(beamLogProbs.count == nextLogProbs.count,
          "beamSearchStep: \(beamLogProbs.count) beams but \(nextLogProbs.count) rows of next-token log-probabilities")
    var candidates: [(beam: Int, token: Int, logProb: Double)] = []
    for (b, row) in nextLogProbs.enumerated() {
        for (t, p) in row.enumerated() { candidates.append((b, t, beamLogProbs[b] + p)) }
    }
    candidates.sort { a, b in
        a.logProb != b.logProb ? a.logProb > b.logProb : (a.beam, a.token) < (b.beam, b.token)
    }
    return Array(candidates.prefix(k))
}

/// Translates `srcSentence` by beam search of width `beamSize` and returns every candidate it
/// kept, best score first.
///
/// d2l: beam search as §9.8.3 describes it (the book gives no code). Every step extends the
/// unfinished candidates by each token and keeps the `beamSize` most probable extensions; one
/// that ends with `<eos>` is set aside as finished. The search stops when no candidate is left
/// unfinished or after `numSteps` tokens; the finished candidates and those still open are then
/// ranked by log P / L^α. With `beamSize` 1 it is the greedy search of `predictSeq2seq`.
public func beamSearchSeq2seq<E: Encoder, D: Decoder>(
    _ net: EncoderDecoder<E, D>, _ srcSentence: String, srcVocab: Vocab, tgtVocab: Vocab, numSteps: Int,
    beamSize: Int, alpha: Double = 0.75
) -> [BeamHypothesis] {
    check(beamSize > 0, "beamSearchSeq2seq: beamSize must be positive, got \(beamSize)")
    net.eval()
    return noGrad {
        let (encX, validLen) = encodeSourceSentence(srcSentence, srcVocab: srcVocab, numSteps: numSteps)
        let eos = tgtVocab["<eos>"]
        var open: [(hypothesis: BeamHypothesis, state: D.State, next: Int)] =
            [(BeamHypothesis(tokens: [], finished: false, logProb: 0),
              net.decoder.initState(net.encoder(encX, validLens: validLen), validLens: validLen), tgtVocab["<bos>"])]
        var done: [BeamHypothesis] = []
        for _ in 0..<numSteps where !open.isEmpty {
            var states: [D.State] = [], rows: [[Double]] = []
            for beam in open {
                let (Y, state) = net.decoder(Tensor.full([1, 1], Float(beam.next), dtype: .int64), beam.state)
                states.append(state)
                rows.append(Y.reshape([-1]).logSoftmax(axis: 0).toArray().map(Double.init))
            }
            let chosen = beamSearchStep(beamLogProbs: open.map(\.hypothesis.logProb), nextLogProbs: rows, k: beamSize)
            var kept: [(hypothesis: BeamHypothesis, state: D.State, next: Int)] = []
            for c in chosen {
                let parent = open[c.beam].hypothesis
                if c.token == eos {
                    done.append(BeamHypothesis(tokens: parent.tokens, finished: true, logProb: c.logProb))
                } else {
                    kept.append((BeamHypothesis(tokens: parent.tokens + [c.token], finished: false, logProb: c.logProb),
                                 states[c.beam], c.token))
                }
            }
            open = kept
        }
        let all = done + open.map(\.hypothesis)
        return all.enumerated().sorted { a, b in
            let sa = a.element.score(alpha: alpha), sb = b.element.score(alpha: alpha)
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
    }
}
