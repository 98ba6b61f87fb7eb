import D2L

/// Exercises of chapter 8, *Recurrent Neural Networks*. Replace each `throw NotAttempted()`
/// with your answer; `swift test --filter Chapter8` grades them, `swift run grade chapter8` scores them.
public enum Chapter8 {}

extension Chapter8 {
    /// Exercise 8.2.2 — a vocabulary and `min_freq`, by hand.
    ///
    /// Without using `Vocab`, return the tokens of a vocabulary of `tokens` in index order:
    /// `"<unk>"` first, then every token that occurs at least `minFreq` times, most frequent
    /// first, tokens of equal frequency in the order they first appear in `tokens`.
    public static func vocabulary(_ tokens: [String], minFreq: Int) throws -> [String] {
        throw NotAttempted()
    }

    /// Exercise 8.3.4 — sequential partitioning with an offset.
    ///
    /// For a corpus of `corpusLength` tokens, return where each row of each minibatch of
    /// `seq_data_iter_sequential` starts when the first `offset` tokens are skipped: element
    /// `[k][r]` is the corpus position of `X[r, 0]` in minibatch `k`. Remember that the labels
    /// need one token after the last input token.
    public static func sequentialStarts(corpusLength: Int, batchSize: Int, numSteps: Int,
                                        offset: Int) throws -> [[Int]] {
        throw NotAttempted()
    }

    /// Exercise 8.4.2 — one RNN step by hand.
    ///
    /// For inputs `X` [n, d], the previous hidden state `H` [n, h] and parameters `W_xh` [d, h],
    /// `W_hh` [h, h], `b_h` [h], return the new hidden state tanh(X W_xh + H W_hh + b_h).
    public static func rnnStep(_ X: Tensor, _ H: Tensor, _ Wxh: Tensor, _ Whh: Tensor, _ bh: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 8.4.4 — perplexity.
    ///
    /// Given the probabilities a language model gave to each actual next token of a sequence,
    /// return the perplexity exp(−(1/n) Σ log p). (A model that spreads its probability
    /// uniformly over V tokens has perplexity V.)
    public static func perplexity(_ probabilities: [Float]) throws -> Float {
        throw NotAttempted()
    }

    /// Exercise 8.5.5 — gradient clipping to a norm.
    ///
    /// Return the gradients `grads` rescaled, all by the same factor min(1, θ / ‖g‖), where ‖g‖
    /// is the norm of all their elements together (as `grad_clipping` of §8.5.5).
    public static func clipGradients(_ grads: [Tensor], theta: Float) throws -> [Tensor] {
        throw NotAttempted()
    }
}
