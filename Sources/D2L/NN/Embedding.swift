/// A lookup table that maps each token id to a learned vector.
///
/// d2l: `nn.Embedding(vocab_size, embed_size)` (§9.7.1, the first layer of `Seq2SeqEncoder` and
/// `Seq2SeqDecoder`). `weight` [numEmbeddings, embeddingDim] has PyTorch's name and starts
/// N(0, 1) as PyTorch's does; ids of any shape give `ids.shape + [embeddingDim]`. Its gradient
/// adds up over every position where an id occurs (`Tensor.embedding`).
public final class Embedding: Module, Layer {
    /// [numEmbeddings, embeddingDim], saved as `weight`.
    @Parameter public var weight: Tensor

    /// Number of rows (the vocabulary size).
    public var numEmbeddings: Int { weight.shape[0] }
    /// Width of each vector.
    public var embeddingDim: Int { weight.shape[1] }

    /// A table of `numEmbeddings` vectors of width `embeddingDim`, as
    /// `nn.Embedding(num_embeddings, embedding_dim)`.
    public init(_ numEmbeddings: Int, _ embeddingDim: Int, generator: RandomGenerator = .global) {
        check(numEmbeddings > 0 && embeddingDim > 0,
              "Embedding: sizes must be positive, got \(numEmbeddings) × \(embeddingDim)")
        weight = Tensor.normal(mean: 0, std: 1, shape: [numEmbeddings, embeddingDim], generator: generator)
        super.init()
    }

    /// The vectors of the integer `ids`, shape `ids.shape + [embeddingDim]`.
    public func forward(_ ids: Tensor) -> Tensor { Tensor.embedding(ids, weight: weight) }
}
