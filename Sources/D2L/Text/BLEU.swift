import Foundation

/// BLEU of a predicted sentence against one reference, both given as space-separated tokens.
///
/// d2l: `bleu(pred_seq, label_seq, k)` (§9.7.4): exp(min(0, 1 − len_label / len_pred)) times the
/// product over n = 1…k of p_n^(1/2ⁿ), where p_n is the share of the prediction's n-grams found
/// in the reference (each reference n-gram matched at most as often as it occurs). A prediction
/// shorter than k tokens has no n-grams of some order; the book divides by zero there, this
/// returns 0.
public func bleu(_ predSeq: String, _ labelSeq: String, k: Int) -> Double {
    let pred = predSeq.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let label = labelSeq.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    var score = Foundation.exp(Swift.min(0, 1 - Double(label.count) / Double(pred.count)))
    for n in 1...Swift.max(k, 1) {
        guard pred.count >= n else { return 0 }
        var labelSubs: [ArraySlice<String>: Int] = [:]
        if label.count >= n {
            for i in 0...(label.count - n) { labelSubs[label[i..<(i + n)], default: 0] += 1 }
        }
        var matches = 0
        for i in 0...(pred.count - n) {
            let gram = pred[i..<(i + n)]
            if let left = labelSubs[gram], left > 0 {
                matches += 1
                labelSubs[gram] = left - 1
            }
        }
        score *= Foundation.pow(Double(matches) / Double(pred.count - n + 1), Foundation.pow(0.5, Double(n)))
    }
    return score
}
