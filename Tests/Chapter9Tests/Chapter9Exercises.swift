import D2L
import Exercises
import Foundation
import TestSupport
import XCTest

/// Tensors drawn for the graders: scaled so that gates sit away from ½ and a swapped gate shows.
private func draw(_ shapes: [[Int]], seed: UInt64, scale: Float = 1.5) -> [Tensor] {
    let g = RandomGenerator(seed: seed)
    return shapes.map { Tensor.randn($0, generator: g) * scale }
}

/// Graders of chapter 9's exercises.
enum Chapter9Graders {
    static let gruStep = Grader<(Tensor, Tensor, [Tensor]) throws -> Tensor>("9.1.1 gruStep") { impl in
        let (d, h) = (3, 4)
        let t = draw([[5, d], [5, h]] + Array(repeating: [[d, h], [h, h], [h]], count: 3).flatMap { $0 }, seed: 91)
        let (X, H, params) = (t[0], t[1], Array(t[2...]))
        return [mismatch(try impl(X, H, params), Chapter9Reference.gruStep(X, H, params),
                         context: "X [5, 3], H [5, 4], book parameters of a GRU with 4 hidden units")].compactMap { $0 }
    }

    static let gruStepPyTorch = Grader<(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor) throws -> Tensor>(
        "9.1.2 gruStepPyTorch") { impl in
        let gru = GRU(3, 4, generator: RandomGenerator(seed: 92))
        for p in gru.parameters() { noGrad { p *= 4 } }
        let x = draw([[5, 3]], seed: 93)[0], h = draw([[5, 4]], seed: 94)[0]
        let expected = noGrad { gru(x.unsqueeze(0), h.unsqueeze(0)).0[0] }
        let got = try impl(x, h, gru.weightIH.detach(), gru.weightHH.detach(), gru.biasIH!.detach(), gru.biasHH!.detach())
        return [mismatch(got, expected, context: "x [5, 3], h [5, 4], nn.GRU(3, 4) weights")].compactMap { $0 }
    }

    static let lstmStep = Grader<(Tensor, Tensor, Tensor, [Tensor]) throws -> (Tensor, Tensor)>("9.2.1 lstmStep") { impl in
        let (d, h) = (3, 4)
        let t = draw([[5, d], [5, h], [5, h]] + Array(repeating: [[d, h], [h, h], [h]], count: 4).flatMap { $0 },
                     seed: 95)
        let (X, H, C, params) = (t[0], t[1], t[2], Array(t[3...]))
        let (expectedH, expectedC) = Chapter9Reference.lstmStep(X, H, C, params)
        let (gotH, gotC) = try impl(X, H, C, params)
        return [mismatch(gotH, expectedH, context: "new H, X [5, 3], H and C [5, 4]"),
                mismatch(gotC, expectedC, context: "new C, X [5, 3], H and C [5, 4]")].compactMap { $0 }
    }

    static let lstmParameterCount = Grader<(Int, Int, Int, Bool) throws -> Int>("9.3.1 lstmParameterCount") { impl in
        try [(28, 256, 1, false), (28, 256, 2, false), (10, 8, 2, true), (5, 3, 3, true), (4, 2, 1, true)]
            .compactMap { d, h, layers, bidirectional in
                let expected = LSTM(d, h, numLayers: layers, bidirectional: bidirectional).parameters()
                    .map(\.count).reduce(0, +)
                let got = try impl(d, h, layers, bidirectional)
                return got == expected ? nil
                    : "nn.LSTM(\(d), \(h), \(layers), bidirectional=\(bidirectional)): expected \(expected), got \(got)"
            }
    }

    static let bidirectionalRNN = Grader<(Tensor, [Tensor], [Tensor]) throws -> Tensor>("9.4.1 bidirectionalRNN") { impl in
        let t = draw([[4, 2, 3], [3, 5], [5, 5], [5], [3, 5], [5, 5], [5]], seed: 96, scale: 0.8)
        let (X, forward, backward) = (t[0], Array(t[1...3]), Array(t[4...6]))
        // Two nn.RNN layers on the same weights, the second over the time-reversed sequence.
        func layer(_ w: [Tensor]) -> RNN {
            let rnn = RNN(3, 5)
            (rnn.weightIH, rnn.weightHH, rnn.biasIH, rnn.biasHH) = (w[0].T.contiguous(), w[1].T.contiguous(), w[2].clone(),
                                                                    Tensor.zeros([5]))
            return rnn
        }
        let expected = noGrad {
            Tensor.cat([layer(forward)(X).0, layer(backward)(X.flip(0)).0.flip(0)], dim: 2)
        }
        return [mismatch(try impl(X, forward, backward), expected, context: "X [4, 2, 3], 5 hidden units per direction")]
            .compactMap { $0 }
    }

    static let sequenceMask = Grader<(Tensor, [Int], Float) throws -> Tensor>("9.7.1 sequenceMask") { impl in
        let X = draw([[4, 5]], seed: 97)[0]
        return try [([1, 5, 0, 3], Float(0)), ([2, 2, 4, 1], Float(-1e6))].compactMap { lengths, value in
            mismatch(try impl(X, lengths, value),
                     D2L.sequenceMask(X, validLen: Tensor(lengths.map(Float.init)).long(), value: value),
                     context: "X [4, 5], validLen \(lengths), value \(value)")
        }
    }

    static let bleu = Grader<(String, String, Int) throws -> Double>("9.7.2 bleu") { impl in
        let cases = [("il est riche .", "il est calme .", 2), ("je suis en retard ?", "je suis chez moi .", 2),
                     ("va !", "va !", 2), ("il il il il", "il est il .", 1), ("a b a b a b", "a b a b", 2),
                     ("il est", "il est calme .", 2), ("le chat est sur le tapis", "le chat est sur le tapis", 4)]
        return try cases.compactMap { pred, label, k in
            let expected = D2L.bleu(pred, label, k: k), got = try impl(pred, label, k)
            return abs(got - expected) <= 1e-6 ? nil
                : "bleu(\"\(pred)\", \"\(label)\", k: \(k)): expected \(expected), got \(got)"
        }
    }

    static let beamStep = Grader<([Double], [[Double]], Int) throws -> [(beam: Int, token: Int)]>("9.8.1 beamStep") { impl in
        let cases: [([Double], [[Double]], Int)] = [
            ([-1, -2], [[-3, -0.5, -2], [-0.1, -4, -0.2]], 3),
            ([0], [[-2, -0.1, -0.1, -5]], 2),
            ([-0.5, -3, -1], [[-2, -2, -0.1], [-0.01, -9, -9], [-0.2, -1, -3]], 4),
        ]
        return try cases.compactMap { beams, next, k in
            let expected = D2L.beamSearchStep(beamLogProbs: beams, nextLogProbs: next, k: k).map { [$0.beam, $0.token] }
            let got = try impl(beams, next, k).map { [$0.beam, $0.token] }
            return got == expected ? nil : "beams \(beams), k \(k): expected (beam, token) \(expected), got \(got)"
        }
    }
}

/// Reference solutions (never in `Exercises/`).
enum Chapter9Reference {
    static func gruStep(_ X: Tensor, _ H: Tensor, _ p: [Tensor]) -> Tensor {
        let Z = (matmul(X, p[0]) + matmul(H, p[1]) + p[2]).sigmoid()
        let R = (matmul(X, p[3]) + matmul(H, p[4]) + p[5]).sigmoid()
        let HTilda = (matmul(X, p[6]) + matmul(R * H, p[7]) + p[8]).tanh()
        return Z * H + (1 - Z) * HTilda
    }
    static func gruStepPyTorch(_ x: Tensor, _ h: Tensor, weightIH: Tensor, weightHH: Tensor, biasIH: Tensor,
                               biasHH: Tensor) -> Tensor {
        let a = (matmul(x, weightIH.T) + biasIH).chunk(3, dim: 1), b = (matmul(h, weightHH.T) + biasHH).chunk(3, dim: 1)
        let r = (a[0] + b[0]).sigmoid(), z = (a[1] + b[1]).sigmoid()
        let n = (a[2] + r * b[2]).tanh()
        return (1 - z) * n + z * h
    }
    static func lstmStep(_ X: Tensor, _ H: Tensor, _ C: Tensor, _ p: [Tensor]) -> (Tensor, Tensor) {
        let I = (matmul(X, p[0]) + matmul(H, p[1]) + p[2]).sigmoid()
        let F = (matmul(X, p[3]) + matmul(H, p[4]) + p[5]).sigmoid()
        let O = (matmul(X, p[6]) + matmul(H, p[7]) + p[8]).sigmoid()
        let CTilda = (matmul(X, p[9]) + matmul(H, p[10]) + p[11]).tanh()
        let next = F * C + I * CTilda
        return (O * next.tanh(), next)
    }
    static func lstmParameterCount(inputSize: Int, hiddenSize: Int, numLayers: Int, bidirectional: Bool) -> Int {
        let directions = bidirectional ? 2 : 1
        return (0..<numLayers).map { layer in
            let inputs = layer == 0 ? inputSize : directions * hiddenSize
            return directions * 4 * hiddenSize * (inputs + hiddenSize + 2)
        }.reduce(0, +)
    }
    static func bidirectionalRNN(_ X: Tensor, forward: [Tensor], backward: [Tensor]) -> Tensor {
        func run(_ w: [Tensor], order: [Int]) -> [Int: Tensor] {
            var H = Tensor.zeros([X.shape[1], w[1].shape[0]])
            var states: [Int: Tensor] = [:]
            for t in order {
                H = (matmul(X[t], w[0]) + matmul(H, w[1]) + w[2]).tanh()
                states[t] = H
            }
            return states
        }
        let steps = Array(0..<X.shape[0])
        let f = run(forward, order: steps), b = run(backward, order: steps.reversed())
        return Tensor.stack(steps.map { Tensor.cat([f[$0]!, b[$0]!], dim: 1) })
    }

    static func sequenceMask(_ X: Tensor, validLen: [Int], value: Float) -> Tensor {
        let steps = Tensor.arange(X.shape[1]).float().unsqueeze(0)
        let mask = steps >= Tensor(validLen.map(Float.init)).unsqueeze(1)
        return X.maskedFill(mask, value: value)
    }
    static func bleu(_ pred: String, _ label: String, k: Int) -> Double {
        let p = pred.split(separator: " ").map(String.init), l = label.split(separator: " ").map(String.init)
        var score = exp(min(0, 1 - Double(l.count) / Double(p.count)))
        for n in 1...k {
            var counts: [String: Int] = [:]
            for i in 0..<max(0, l.count - n + 1) { counts[l[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
            var matches = 0
            for i in 0..<(p.count - n + 1) {
                let gram = p[i..<(i + n)].joined(separator: " ")
                if let c = counts[gram], c > 0 { matches += 1; counts[gram] = c - 1 }
            }
            score *= pow(Double(matches) / Double(p.count - n + 1), pow(0.5, Double(n)))
        }
        return score
    }
    static func beamStep(beamLogProbs: [Double], nextLogProbs: [[Double]], k: Int) -> [(beam: Int, token: Int)] {
        var all: [(beam: Int, token: Int, logProb: Double)] = []
        for (b, row) in nextLogProbs.enumerated() { for (y, p) in row.enumerated() { all.append((b, y, beamLogProbs[b] + p)) } }
        all.sort { $0.logProb != $1.logProb ? $0.logProb > $1.logProb : ($0.beam, $0.token) < ($1.beam, $1.token) }
        return all.prefix(k).map { ($0.beam, $0.token) }
    }
}

/// Plausible wrong answers.
enum Chapter9Wrong {
    /// Keeps the candidate where the update gate is open (Z and 1 − Z swapped).
    static func gruStep(_ X: Tensor, _ H: Tensor, _ p: [Tensor]) -> Tensor {
        let Z = (matmul(X, p[0]) + matmul(H, p[1]) + p[2]).sigmoid()
        let R = (matmul(X, p[3]) + matmul(H, p[4]) + p[5]).sigmoid()
        let HTilda = (matmul(X, p[6]) + matmul(R * H, p[7]) + p[8]).tanh()
        return (1 - Z) * H + Z * HTilda
    }
    /// The book's formula, (r ⊙ h) W_hnᵀ + b_hn, on PyTorch's weights.
    static func gruStepPyTorch(_ x: Tensor, _ h: Tensor, weightIH: Tensor, weightHH: Tensor, biasIH: Tensor,
                               biasHH: Tensor) -> Tensor {
        let a = (matmul(x, weightIH.T) + biasIH).chunk(3, dim: 1), b = (matmul(h, weightHH.T) + biasHH).chunk(3, dim: 1)
        let r = (a[0] + b[0]).sigmoid(), z = (a[1] + b[1]).sigmoid()
        let Whn = weightHH.chunk(3, dim: 0)[2], bhn = biasHH.chunk(3, dim: 0)[2]
        let n = (a[2] + matmul(r * h, Whn.T) + bhn).tanh()
        return (1 - z) * n + z * h
    }
    /// Forgets the tanh on the memory cell.
    static func lstmStep(_ X: Tensor, _ H: Tensor, _ C: Tensor, _ p: [Tensor]) -> (Tensor, Tensor) {
        let (_, next) = Chapter9Reference.lstmStep(X, H, C, p)
        let O = (matmul(X, p[6]) + matmul(H, p[7]) + p[8]).sigmoid()
        return (O * next, next)
    }
    /// Lets every layer read `hiddenSize` inputs, forgetting the two directions below.
    static func lstmParameterCount(inputSize: Int, hiddenSize: Int, numLayers: Int, bidirectional: Bool) -> Int {
        let directions = bidirectional ? 2 : 1
        return (0..<numLayers).map { layer in
            directions * 4 * hiddenSize * ((layer == 0 ? inputSize : hiddenSize) + hiddenSize + 2)
        }.reduce(0, +)
    }
    /// Runs the backward direction from the first step too.
    static func bidirectionalRNN(_ X: Tensor, forward: [Tensor], backward: [Tensor]) -> Tensor {
        func run(_ w: [Tensor]) -> [Tensor] {
            var H = Tensor.zeros([X.shape[1], w[1].shape[0]])
            return (0..<X.shape[0]).map { t in
                H = (matmul(X[t], w[0]) + matmul(H, w[1]) + w[2]).tanh()
                return H
            }
        }
        let f = run(forward), b = run(backward)
        return Tensor.stack(zip(f, b).map { Tensor.cat([$0, $1], dim: 1) })
    }

    /// Keeps one position too many (t > validLen instead of t ≥ validLen).
    static func sequenceMask(_ X: Tensor, validLen: [Int], value: Float) -> Tensor {
        Chapter9Reference.sequenceMask(X, validLen: validLen.map { $0 + 1 }, value: value)
    }
    /// Counts a repeated n-gram every time, however often the label has it.
    static func bleu(_ pred: String, _ label: String, k: Int) -> Double {
        let p = pred.split(separator: " ").map(String.init), l = label.split(separator: " ").map(String.init)
        var score = exp(min(0, 1 - Double(l.count) / Double(p.count)))
        for n in 1...k {
            let grams = Set((0..<max(0, l.count - n + 1)).map { l[$0..<($0 + n)].joined(separator: " ") })
            let matches = (0..<(p.count - n + 1)).filter { grams.contains(p[$0..<($0 + n)].joined(separator: " ")) }.count
            score *= pow(Double(matches) / Double(p.count - n + 1), pow(0.5, Double(n)))
        }
        return score
    }
    /// Ranks the extensions by the next token's log-probability alone, forgetting the beam's.
    static func beamStep(beamLogProbs: [Double], nextLogProbs: [[Double]], k: Int) -> [(beam: Int, token: Int)] {
        Chapter9Reference.beamStep(beamLogProbs: beamLogProbs.map { _ in 0 }, nextLogProbs: nextLogProbs, k: k)
    }
}

final class Chapter9ExerciseTests: XCTestCase {
    func testExercise9_1_1GRUStep() throws { try grade(Chapter9Graders.gruStep, Chapter9.gruStep) }
    func testExercise9_1_2GRUStepPyTorch() throws {
        try grade(Chapter9Graders.gruStepPyTorch) {
            try Chapter9.gruStepPyTorch($0, $1, weightIH: $2, weightHH: $3, biasIH: $4, biasHH: $5)
        }
    }
    func testExercise9_2_1LSTMStep() throws { try grade(Chapter9Graders.lstmStep, Chapter9.lstmStep) }
    func testExercise9_3_1LSTMParameterCount() throws {
        try grade(Chapter9Graders.lstmParameterCount) {
            try Chapter9.lstmParameterCount(inputSize: $0, hiddenSize: $1, numLayers: $2, bidirectional: $3)
        }
    }
    func testExercise9_4_1BidirectionalRNN() throws {
        try grade(Chapter9Graders.bidirectionalRNN) { try Chapter9.bidirectionalRNN($0, forward: $1, backward: $2) }
    }
    func testExercise9_7_1SequenceMask() throws {
        try grade(Chapter9Graders.sequenceMask) { try Chapter9.sequenceMask($0, validLen: $1, value: $2) }
    }
    func testExercise9_7_2BLEU() throws { try grade(Chapter9Graders.bleu) { try Chapter9.bleu($0, $1, k: $2) } }
    func testExercise9_8_1BeamStep() throws {
        try grade(Chapter9Graders.beamStep) { try Chapter9.beamStep(beamLogProbs: $0, nextLogProbs: $1, k: $2) }
    }
}

final class Chapter9GraderMetaTests: XCTestCase {
    func testSequenceMaskGrader() {
        assertGraderAccepts(Chapter9Graders.sequenceMask) { Chapter9Reference.sequenceMask($0, validLen: $1, value: $2) }
        assertGraderRejects(Chapter9Graders.sequenceMask, { Chapter9Wrong.sequenceMask($0, validLen: $1, value: $2) },
                            because: "one position too many kept")
    }
    func testBLEUGrader() {
        assertGraderAccepts(Chapter9Graders.bleu) { Chapter9Reference.bleu($0, $1, k: $2) }
        assertGraderRejects(Chapter9Graders.bleu, { Chapter9Wrong.bleu($0, $1, k: $2) }, because: "matches not clipped")
    }
    func testBeamStepGrader() {
        assertGraderAccepts(Chapter9Graders.beamStep) { Chapter9Reference.beamStep(beamLogProbs: $0, nextLogProbs: $1, k: $2) }
        assertGraderRejects(Chapter9Graders.beamStep, { Chapter9Wrong.beamStep(beamLogProbs: $0, nextLogProbs: $1, k: $2) },
                            because: "beam log-probabilities ignored")
    }
    func testGRUStepGrader() {
        assertGraderAccepts(Chapter9Graders.gruStep, Chapter9Reference.gruStep)
        assertGraderRejects(Chapter9Graders.gruStep, Chapter9Wrong.gruStep, because: "update gate swapped")
    }
    func testGRUStepPyTorchGrader() {
        assertGraderAccepts(Chapter9Graders.gruStepPyTorch) {
            Chapter9Reference.gruStepPyTorch($0, $1, weightIH: $2, weightHH: $3, biasIH: $4, biasHH: $5)
        }
        assertGraderRejects(Chapter9Graders.gruStepPyTorch, {
            Chapter9Wrong.gruStepPyTorch($0, $1, weightIH: $2, weightHH: $3, biasIH: $4, biasHH: $5)
        }, because: "reset gate before the product")
    }
    func testLSTMStepGrader() {
        assertGraderAccepts(Chapter9Graders.lstmStep, Chapter9Reference.lstmStep)
        assertGraderRejects(Chapter9Graders.lstmStep, Chapter9Wrong.lstmStep, because: "no tanh on the cell")
    }
    func testLSTMParameterCountGrader() {
        assertGraderAccepts(Chapter9Graders.lstmParameterCount) {
            Chapter9Reference.lstmParameterCount(inputSize: $0, hiddenSize: $1, numLayers: $2, bidirectional: $3)
        }
        assertGraderRejects(Chapter9Graders.lstmParameterCount, {
            Chapter9Wrong.lstmParameterCount(inputSize: $0, hiddenSize: $1, numLayers: $2, bidirectional: $3)
        }, because: "upper layers read one direction")
    }
    func testBidirectionalRNNGrader() {
        assertGraderAccepts(Chapter9Graders.bidirectionalRNN) { Chapter9Reference.bidirectionalRNN($0, forward: $1, backward: $2) }
        assertGraderRejects(Chapter9Graders.bidirectionalRNN, { Chapter9Wrong.bidirectionalRNN($0, forward: $1, backward: $2) },
                            because: "backward run in forward order")
    }
}
