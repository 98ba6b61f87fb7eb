import D2L

/// §9.7 Sequence to sequence learning: the book's model, its settings and the four sentences it
/// translates.
public enum Seq2Seq {
    /// The English sentences the book translates after training, and their references.
    ///
    /// d2l: `engs` and `fras` (§9.7.6).
    public static let examples: [(english: String, french: String)] = [
        ("go .", "va !"), ("i lost .", "j'ai perdu ."), ("he's calm .", "il est calme ."), ("i'm home .", "je suis chez moi ."),
    ]

    /// `EncoderDecoder(Seq2SeqEncoder(...), Seq2SeqDecoder(...))` (§9.7.6), untrained; the book's
    /// values are embed 32, hidden 32, 2 layers, dropout 0.1.
    public static func makeModel(srcVocabSize: Int, tgtVocabSize: Int, embedSize: Int = 32, numHiddens: Int = 32,
                                 numLayers: Int = 2, dropout: Float = 0.1, generator: RandomGenerator = .global)
        -> EncoderDecoder<Seq2SeqEncoder, Seq2SeqDecoder> {
        EncoderDecoder(Seq2SeqEncoder(vocabSize: srcVocabSize, embedSize: embedSize, numHiddens: numHiddens,
                                      numLayers: numLayers, dropout: dropout, generator: generator),
                       Seq2SeqDecoder(vocabSize: tgtVocabSize, embedSize: embedSize, numHiddens: numHiddens,
                                      numLayers: numLayers, dropout: dropout, generator: generator))
    }

    /// The book's result line `go . => va !, bleu 1.000`, BLEU with k = 2.
    ///
    /// d2l: the `print(f'{eng} => {translation}, bleu {bleu(translation, fra, k=2):.3f}')` of §9.7.6.
    public static func translationLine(_ english: String, _ translation: String, reference: String) -> String {
        "\(english) => \(translation), " + String(format: "bleu %.3f", bleu(translation, reference, k: 2))
    }

    /// Greedy translations of `examples` as the book's lines.
    public static func translateExamples(_ net: EncoderDecoder<Seq2SeqEncoder, Seq2SeqDecoder>, srcVocab: Vocab,
                                         tgtVocab: Vocab, numSteps: Int) -> [String] {
        examples.map { pair in
            translationLine(pair.english, predictSeq2seq(net, pair.english, srcVocab: srcVocab, tgtVocab: tgtVocab,
                                                         numSteps: numSteps), reference: pair.french)
        }
    }
}
