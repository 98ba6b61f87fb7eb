// d2l-bench: throughput of the D2L core, to compare builds, machines and changes.
//
//   swift run -c release d2l-bench              # every section, release build
//   swift run d2l-bench elementwise             # one section, debug build (what learners run)
//   swift run -c release d2l-bench --quick      # small sizes, one repetition: a smoke test
//
// Figures are medians over repetitions; on a shared machine compare ratios within one run.
// The C baseline for the sgemm figures is `swift run -c release sgemm-reference`.
import COpenBLAS
import D2L
import Foundation
import ConvNets
import LinearNetworks
import MLP

let usage = """
    usage: d2l-bench [sgemm] [elementwise] [softmax] [mlp] [mlp-phases] [conv] [lenet] [lenet-bn] [resnet] [rnn]
                 [seq2seq] [augment] [ssd] [--quick] [--runs N]

      sgemm         GFLOP/s of an n x n float matrix product, n = 256...2048: D2L's matmul
                    and a direct one-thread cblas_sgemm call on the same inputs
      elementwise   Melem/s and GB/s of elementwise ops and a reduction on 1e7 floats
      softmax       examples/sec of one epoch of concise softmax regression (§3.7) on all
                    60 000 Fashion-MNIST training images, batch 256, lr 0.1
      mlp           the same for the concise MLP of §4.3 (784-256-10, ReLU)
      mlp-phases    microseconds per step of one MLP training batch (loading, each layer, loss,
                    backward, SGD step, accuracy), median over 200 batches (20 of the
                    test images with --quick), and one step with the fused ops against
                    the same step built from the unfused ones
      conv          GFLOP/s of one 3x3 convolution, 64 -> 64 channels, 28x28, batch 256,
                    forward and backward (both gradients)
      lenet         LeNet (§6.6) forward + backward images/sec on batches of 256, then one
                    training epoch on Fashion-MNIST and the peak memory while training
      lenet-bn      one training epoch of LeNet with batch norm (§7.5.6, lr 1.0) on Fashion-MNIST,
                    and the peak memory while training
      resnet        ResNet-18 (§7.6) on random 28x28 batches of 256: forward + loss + backward, and
                    with an SGD step, images/sec (median of 20 batches), and the peak memory
      rnn           tokens/sec of one training epoch of the concise RNN (§8.6, hidden 256) on
                    10 000 tokens and on the whole Time Machine, and of the scratch RNN (§8.5)
      seq2seq       tokens/sec of one training epoch of §9.7's encoder-decoder on the book's 600
                    English-French pairs (needs fra-eng/fra.txt in the data folder)
      augment       images/sec of §13.1's flip, random resized crop, colour jitter and their
                    composition on batches of 256 CIFAR-sized (3 x 32 x 32) images
      ssd           TinySSD (§13.7) training steps on random batches of 32 images of 256 x 256 with
                    one box each (forward, multiboxTarget, loss, backward, SGD): images/sec, the
                    time of each phase (median of 5 steps) and the peak memory
      --quick       small sizes and one repetition, for a smoke test
      --runs N      timed repetitions per figure (default 9; the median is shown)

    With no section, runs them all.
    """

let sectionNames = ["sgemm", "elementwise", "softmax", "mlp", "mlp-phases", "conv", "lenet", "lenet-bn", "resnet", "rnn", "seq2seq", "augment", "ssd"]
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("d2l-bench: \(message)\n\n\(usage)\n".utf8))
    exit(2)
}
var quick = false
var requestedRuns: Int?
var sections: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--quick": quick = true
    case "--runs":
        guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
            fail("--runs needs a positive number")
        }
        requestedRuns = value
    case "-h", "--help": print(usage); exit(0)
    case _ where sectionNames.contains(argument): sections.append(argument)
    default: fail("unknown argument '\(argument)'")
    }
}
/// Timed repetitions per figure: 9 by default (as sgemm-reference), 1 with --quick.
let runs = requestedRuns ?? (quick ? 1 : 9)
let medianOfRuns = runs == 1 ? "1 run" : "median of \(runs) runs"
func wanted(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

#if DEBUG
let configuration = "debug"
#else
let configuration = "release"
#endif
// A first product lets D2L set OpenBLAS up (one thread, kernels chosen for the processor) before
// the core's name is read and before the direct cblas_sgemm calls below.
_ = matmul(Tensor.ones([1, 1]), Tensor.ones([1, 1]))
let blasCore = String(cString: openblas_get_corename())
print("d2l-bench: \(configuration) build, \(ProcessInfo.processInfo.activeProcessorCount) cores, "
      + "OpenBLAS \(blasCore) (one thread per call; D2L splits large products over the cores)"
      + (quick ? ", quick run" : ""))
print("convolution: \(Tensor.convolutionPath)")

// MARK: - sgemm

if wanted("sgemm") {
    let widths = [6, 10, 14, 18, 10]
    // D2L runs OpenBLAS on one thread and splits products over the cores itself (see
    // Sources/D2L/Tensor/BLAS.swift), so the direct call below is single-threaded OpenBLAS and
    // the last column is what the splitting gains. OpenBLAS's own threading is measured by
    // `swift run -c release sgemm-reference`.
    print("\nsgemm: n x n float32 matrices, GFLOP/s = 2n^3 / time, \(medianOfRuns) "
          + "(D2L and a direct one-thread cblas_sgemm timed in turn)")
    print(row(["n", "D2L ms", "D2L GFLOP/s", "1-thread GFLOP/s", "speed-up"], widths: widths))
    for n in quick ? [256] : [256, 512, 1024, 2048] {
        let g = RandomGenerator(seed: 1)
        let a = Tensor.uniform(low: -0.5, high: 0.5, shape: [n, n], generator: g)
        let b = Tensor.uniform(low: -0.5, high: 0.5, shape: [n, n], generator: g)
        let c = Tensor.zeros([n, n])
        // The reference: OpenBLAS called directly on the same inputs, writing into `c`.
        let direct = {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1,
                        a.storage.pointer, Int32(n), b.storage.pointer, Int32(n), 0,
                        c.storage.pointer, Int32(n))
        }
        direct()
        let error = (matmul(a, b) - c).abs().max().item()
        guard error <= 1e-4 else {
            print("d2l-bench: matmul differs from cblas_sgemm by \(error) at n = \(n)")
            exit(1)
        }
        let flop = 2 * Double(n) * Double(n) * Double(n)
        let times = medianSeconds(runs: runs, [{ _ = matmul(a, b) }, direct])
        let viaD2L = times[0], viaBLAS = times[1]
        print(row(["\(n)", fixed(viaD2L * 1e3, 2), fixed(flop / viaD2L / 1e9, 1),
                   fixed(flop / viaBLAS / 1e9, 1), fixed(viaBLAS / viaD2L, 2)],
                  widths: widths))
    }
}

// MARK: - elementwise

if wanted("elementwise") {
    let n = quick ? 1_000_000 : 10_000_000
    let g = RandomGenerator(seed: 2)
    let a = Tensor.randn([n], generator: g), b = Tensor.randn([n], generator: g)
    let wide = Tensor.randn([n / 1000, 1000], generator: g), last = Tensor.randn([1000], generator: g)
    let channels = (0..<2).map { _ in Tensor.randn([n / 4000, 2, 40, 25], generator: g) }
    let widths = [24, 10, 10, 8]
    print("\nelementwise on \(n) float32 elements, \(medianOfRuns) "
          + "(GB/s counts bytes read + written)")
    print(row(["operation", "ms", "Melem/s", "GB/s"], widths: widths))
    func report(_ name: String, bytesPerElement: Double, _ body: () -> Void) {
        let t = medianSeconds(runs: runs, body)
        print(row([name, fixed(t * 1e3, 2), fixed(Double(n) / t / 1e6, 0),
                   fixed(Double(n) * bytesPerElement / t / 1e9, 1)], widths: widths))
    }
    report("a + b", bytesPerElement: 12) { _ = a + b }
    report("a * b", bytesPerElement: 12) { _ = a * b }
    report("a + 1", bytesPerElement: 8) { _ = a + 1 }
    report("a.exp()", bytesPerElement: 8) { _ = a.exp() }
    report("a.relu()", bytesPerElement: 8) { _ = a.relu() }
    report("a.sigmoid()", bytesPerElement: 8) { _ = a.sigmoid() }
    report("a += b (in place)", bytesPerElement: 12) { a += b }
    report("[\(n / 1000),1000] + [1000]", bytesPerElement: 8) { _ = wide + last }
    report("[\(n / 1000),1000].T copy", bytesPerElement: 8) { _ = wide.T.contiguous() }
    report("a.sum()", bytesPerElement: 4) { _ = a.sum() }
    report("[\(n / 1000),1000].softmax(1)", bytesPerElement: 8) { _ = wide.softmax(axis: 1) }
    report("cat 2x[\(n / 4000),2,40,25], dim 1", bytesPerElement: 8) { _ = Tensor.cat(channels, dim: 1) }
}

/// Times one training epoch of `net` on Fashion-MNIST (batch 256, SGD at `lr`) and prints a row.
func benchmarkEpoch(_ title: String, lr: Float, makeNet: (RandomGenerator) -> any Layer) {
    print("\n\(title): one training epoch on Fashion-MNIST, batch 256, lr \(lr), \(medianOfRuns)")
    do {
        let data = try FashionMNIST.load(train: true)
        let count = quick ? 6_000 : data.pixels.count
        // Images stay bytes and become floats a batch at a time, as in the chapter programs.
        let images = count == data.pixels.count ? data.pixels
            : ByteImages(pixels: Array(data.pixels.pixels.prefix(count * 784)), count: count, height: 28, width: 28)
        let loader = DataLoader(images: images, labels: data.labels[0..<count],
                                batchSize: 256, shuffle: true, generator: RandomGenerator(seed: 0))
        let net = makeNet(RandomGenerator(seed: 0))
        let trainer = SGD(net.parameters(), lr: lr)
        let loss = CrossEntropyLoss(reduction: .none)
        let seconds = medianSeconds(runs: runs) {
            do {
                _ = try trainEpochCh3({ net($0) }, loader, loss: { loss($0, $1) }, updater: .optimizer(trainer))
            } catch {
                print(error)
                exit(1)
            }
        }
        print(row(["examples", "sec/epoch", "examples/sec"], widths: [10, 12, 14]))
        print(row(["\(count)", fixed(seconds, 3), fixed(Double(count) / seconds, 0)], widths: [10, 12, 14]))
    } catch {
        print("skipped: \(error)")
    }
}

if wanted("softmax") {
    benchmarkEpoch("softmax regression (§3.7)", lr: 0.1) { SoftmaxConcise.makeNet(generator: $0) }
}
if wanted("mlp") {
    benchmarkEpoch("MLP 784-256-10 (§4.3)", lr: 0.1) { MLPConcise.makeNet(generator: $0) }
}
if wanted("mlp-phases") {
    profileMLPPhases(batches: quick ? 20 : 200, testImages: quick)
    compareFusedStep(runs: quick ? 5 : 51)
}

if wanted("conv") {
    let batch = quick ? 32 : 256
    print("\nconv2d 3x3, 64 -> 64 channels, 28x28, padding 1, batch \(batch), \(medianOfRuns)")
    let g = RandomGenerator(seed: 3)
    let x = Tensor.randn([batch, 64, 28, 28], generator: g).requiresGrad()
    let conv = Conv2d(64, 64, kernelSize: 3, padding: 1, generator: g)
    let flop = 2.0 * Double(batch * 64 * 64 * 9 * 28 * 28)
    let forward = medianSeconds(runs: runs) { _ = noGrad { conv(x) } }
    let y = conv(x)
    let seed = Tensor.onesLike(y)
    let backward = medianSeconds(runs: runs) {
        let out = conv(x)
        out.backward(gradient: seed)
    }
    print(row(["pass", "ms", "GFLOP/s"], widths: [22, 10, 10]))
    print(row(["forward", fixed(forward * 1e3, 1), fixed(flop / forward / 1e9, 1)], widths: [22, 10, 10]))
    print(row(["forward + backward", fixed(backward * 1e3, 1), fixed(3 * flop / backward / 1e9, 1)], widths: [22, 10, 10]))
}

if wanted("lenet") {
    print("\nLeNet (§6.6), batch 256, \(medianOfRuns)")
    let g = RandomGenerator(seed: 4)
    let net = LeNet.makeNet(generator: g)
    let X = Tensor.rand([256, 1, 28, 28], generator: g), y = Tensor.randint(0, 10, shape: [256], generator: g)
    let loss = CrossEntropyLoss()
    let step = medianSeconds(runs: runs) { loss(net(X), y).backward() }
    print(row(["forward + backward", fixed(step * 1e3, 1) + " ms", fixed(256 / step, 0) + " images/sec"], widths: [22, 12, 20]))
    let baseline = resetPeakResident()
    benchmarkEpoch("LeNet (§6.6)", lr: 0.9) { LeNet.makeNet(generator: $0) }
    printPeakResident(baseline: baseline, section: "lenet")
}

if wanted("lenet-bn") {
    benchmarkLeNetBatchNorm()
}
if wanted("resnet") {
    benchmarkResNet(batches: quick ? 2 : 20, batchSize: quick ? 32 : 256)
}

if wanted("rnn") {
    benchmarkRNN(runs: quick ? 1 : Swift.min(runs, 5), quick: quick)
}

if wanted("seq2seq") {
    benchmarkSeq2seq(runs: quick ? 1 : Swift.min(runs, 9))
}

if wanted("augment") {
    benchmarkAugmentation(batchSize: quick ? 32 : 256, runs: runs)
}

if wanted("ssd") {
    benchmarkSSD(steps: quick ? 1 : Swift.min(runs, 5), batchSize: quick ? 4 : 32, side: 256)
}
