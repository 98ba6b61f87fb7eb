// d2l-bench: throughput of the D2L core, to compare builds, machines and changes.
//
//   swift run -c release d2l-bench              # everything, release build
//   swift run d2l-bench elementwise             # one section, debug build (what learners run)
//   swift run -c release d2l-bench --quick      # small sizes, one repetition: a smoke test
//
// Figures are medians over repetitions; compare ratios within one run on a shared machine.
// The C baseline for sgemm is `swift run -c release sgemm-reference`.
import COpenBLAS
import D2L
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: d2l-bench [sgemm] [elementwise] [--quick]")
    exit(0)
}
let quick = arguments.contains("--quick")
let sections = arguments.filter { !$0.hasPrefix("-") }
let known = ["sgemm", "elementwise"]
for s in sections where !known.contains(s) {
    print("d2l-bench: unknown section '\(s)'; choose from \(known.joined(separator: ", "))")
    exit(2)
}
func wanted(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }

#if DEBUG
let configuration = "debug"
#else
let configuration = "release"
#endif
print("d2l-bench: \(configuration) build, \(ProcessInfo.processInfo.activeProcessorCount) cores"
      + (quick ? ", quick run" : ""))

/// Median wall-clock seconds of `body` over `runs` repetitions, after one warm-up call.
func medianSeconds(runs: Int, _ body: () -> Void) -> Double {
    body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

func pad(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - s.count)) + s
}

if wanted("sgemm") {
    print("\nsgemm: n x n float matrices, GFLOP/s = 2n^3 / time")
    print(pad("n", 6) + pad("D2L matmul", 14) + pad("cblas direct", 14) + pad("ratio", 8))
    for n in quick ? [256] : [256, 512, 1024, 2048] {
        let g = RandomGenerator(seed: 1)
        let a = Tensor.uniform(low: -0.5, high: 0.5, shape: [n, n], generator: g)
        let b = Tensor.uniform(low: -0.5, high: 0.5, shape: [n, n], generator: g)
        let runs = quick ? 1 : (n >= 2048 ? 5 : 9)
        let flop = 2 * Double(n) * Double(n) * Double(n)
        let viaTensor = medianSeconds(runs: runs) { _ = matmul(a, b) }
        let c = Tensor.zeros([n, n])
        let direct = medianSeconds(runs: runs) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1,
                        a.storage.pointer, Int32(n), b.storage.pointer, Int32(n), 0,
                        c.storage.pointer, Int32(n))
        }
        print(pad("\(n)", 6) + pad(String(format: "%.1f", flop / viaTensor / 1e9), 14)
              + pad(String(format: "%.1f", flop / direct / 1e9), 14)
              + pad(String(format: "%.2f", direct / viaTensor), 8))
    }
}

if wanted("elementwise") {
    let n = quick ? 1_000_000 : 10_000_000
    let runs = quick ? 1 : 9
    let g = RandomGenerator(seed: 2)
    let a = Tensor.randn([n], generator: g), b = Tensor.randn([n], generator: g)
    let wide = Tensor.randn([n / 1000, 1000], generator: g), row = Tensor.randn([1000], generator: g)
    print("\nelementwise on \(n) float elements (Melem/s; GB/s counts bytes read + written)")
    print(pad("operation", 22) + pad("ms", 10) + pad("Melem/s", 10) + pad("GB/s", 8))
    func report(_ name: String, bytesPerElement: Double, _ body: () -> Void) {
        let t = medianSeconds(runs: runs, body)
        print(pad(name, 22) + pad(String(format: "%.2f", t * 1e3), 10)
              + pad(String(format: "%.0f", Double(n) / t / 1e6), 10)
              + pad(String(format: "%.1f", Double(n) * bytesPerElement / t / 1e9), 8))
    }
    report("a + b", bytesPerElement: 12) { _ = a + b }
    report("a * b", bytesPerElement: 12) { _ = a * b }
    report("a + 1", bytesPerElement: 8) { _ = a + 1 }
    report("a.exp()", bytesPerElement: 8) { _ = a.exp() }
    report("a.relu()", bytesPerElement: 8) { _ = a.relu() }
    report("a.sigmoid()", bytesPerElement: 8) { _ = a.sigmoid() }
    report("a += b (in place)", bytesPerElement: 12) { a += b }
    report("[1e4,1e3] + [1e3]", bytesPerElement: 8) { _ = wide + row }
    report("a.T-style copy", bytesPerElement: 8) { _ = wide.T.contiguous() }
    report("a.sum()", bytesPerElement: 4) { _ = a.sum() }
}
