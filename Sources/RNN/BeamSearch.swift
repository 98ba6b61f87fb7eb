import D2L
import Foundation

/// §9.8 Beam search, applied to the trained model of §9.7.
public enum BeamSearch {
    /// The book's α in the length-normalised score log P / L^α (§9.8.3).
    public static let alpha = 0.75

    /// The best translation of `english` by beam search of width `beamSize`, as a line
    /// `k=2  go . => va !, score -0.012, bleu 1.000`.
    ///
    /// d2l: §9.8 describes the search without code; the line joins §9.7.6's output with the
    /// candidate's score.
    public static func translationLine(_ net: EncoderDecoder<Seq2SeqEncoder, Seq2SeqDecoder>, _ english: String,
                                       reference: String, srcVocab: Vocab, tgtVocab: Vocab, numSteps: Int,
                                       beamSize: Int) -> String {
        let best = beamSearchSeq2seq(net, english, srcVocab: srcVocab, tgtVocab: tgtVocab, numSteps: numSteps,
                                     beamSize: beamSize, alpha: alpha)[0]
        let translation = tgtVocab.toTokens(best.tokens).joined(separator: " ")
        return "k=\(beamSize)  \(english) => \(translation), "
            + String(format: "score %.3f, bleu %.3f", best.score(alpha: alpha), bleu(translation, reference, k: 2))
    }
}
