import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import MLP

/// `swift run chapter5 <section>`: the book's chapter 5, *Deep Learning Computation* (the builders' guide).
@main
struct Chapter5: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter5",
        abstract: "Chapter 5 of Dive into Deep Learning: the builders' guide.",
        subcommands: [ModelConstruction.self, Parameters.self, DeferredInit.self, CustomLayer.self,
                      ReadWrite.self, UseGPU.self, ChapterReportCommand<Chapter5>.self]
    )
}

/// §5.1 Layers and modules.
struct ModelConstruction: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "model-construction",
        abstract: "§5.1 Custom modules: MLP, MySequential, FixedHiddenMLP, NestMLP.")

    func run() {
        printSection("5.1", "Layers and blocks")
        let g = RandomGenerator(seed: 0)
        let X = Tensor.rand([2, 20], generator: g)
        printSubsection("5.1", "nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))(X)")
        print(Sequential { Linear(20, 256, generator: g); ReLU(); Linear(256, 10, generator: g) }(X))
        printSubsection("5.1.1", "a custom module: MLP()(X)")
        print(BuildersGuide.MLP(generator: g)(X))
        printSubsection("5.1.2", "MySequential(Linear(20, 256), ReLU(), Linear(256, 10))(X)")
        print(BuildersGuide.MySequential(Linear(20, 256, generator: g), ReLU(), Linear(256, 10, generator: g))(X))
        printSubsection("5.1.3", "FixedHiddenMLP()(X)")
        print(BuildersGuide.FixedHiddenMLP(generator: g)(X))
        printSubsection("5.1.3", "nested: Sequential(NestMLP(), Linear(16, 20), FixedHiddenMLP())(X)")
        print(Sequential { BuildersGuide.NestMLP(generator: g); Linear(16, 20, generator: g); BuildersGuide.FixedHiddenMLP(generator: g) }(X))
    }
}

/// §5.2 Parameter management.
struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "§5.2 Parameters by name and index, initialisation, tied parameters.")

    func run() {
        printSection("5.2", "Parameter management")
        let g = RandomGenerator(seed: 0)
        let net = Sequential { Linear(4, 8, generator: g); ReLU(); Linear(8, 1, generator: g) }
        let X = Tensor.rand([2, 4], generator: g)
        print(net(X))
        printSubsection("5.2.1", "net[2].state_dict() and its bias")
        let out = net[2] as! Linear
        for (name, p) in out.namedParameters() { print(name, p.shape) }
        print(out.bias!)
        printSubsection("5.2.1.2", "all parameters at once: [(name, param.shape) for name, param in net.named_parameters()]")
        print(net.namedParameters().map { "(\($0.0), \($0.1.shape))" }.joined(separator: " "))
        print("net.state_dict()['2.bias']: \(net.stateDict()["2.bias"]!)")
        printSubsection("5.2.2", "built-in initialisation: normal(0, 0.01), constant 1, Xavier, then the book's custom init")
        let first = net[0] as! Linear
        net.apply { if let l = $0 as? Linear { Init.normal(l.weight, std: 0.01, generator: g); Init.zeros(l.bias!) } }
        print("normal: \(first.weight[0]), bias \(first.bias![0])")
        net.apply { if let l = $0 as? Linear { Init.constant(l.weight, 1); Init.zeros(l.bias!) } }
        print("constant: \(first.weight[0])")
        Init.xavierUniform(first.weight, generator: g)
        Init.constant(out.weight, 42)
        print("xavier: \(first.weight[0]); constant 42: \(out.weight)")
        BuildersGuide.customInit(first.weight, generator: g)
        print("custom (U(-10, 10), zeroed where |w| < 5): \(first.weight[0..<2])")
        printSubsection("5.2.3", "tied parameters: the same Linear object at positions 2 and 4")
        let (tied, shared) = BuildersGuide.tiedNet(generator: g)
        _ = tied(X)
        print("net[2].weight[0] == net[4].weight[0]: \((tied[2] as! Linear).weight[0] == (tied[4] as! Linear).weight[0])")
        noGrad { shared.weight[0, 0] = 100 }
        print("after net[2].weight[0, 0] = 100, net[4].weight[0, 0] = \((tied[4] as! Linear).weight[0, 0].detach())")
        print("parameters listed once: \(tied.namedParameters().map(\.0))")
    }
}

/// §5.3 Deferred initialisation.
struct DeferredInit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deferred-init",
        abstract: "§5.3 LazyLinear learns its input size on the first call.")

    func run() {
        printSection("5.3", "Deferred initialization")
        let net = Sequential { LazyLinear(256); ReLU(); LazyLinear(10) }
        print("before the first call: weight = \(String(describing: (net[0] as! LazyLinear).weight)), \(net.parameters().count) parameters")
        _ = net(Tensor.rand([2, 20]))
        print("after net(X) with X of shape [2, 20]: \(net.namedParameters().map { "\($0.0) \($0.1.shape)" })")
    }
}

/// §5.4 Custom layers.
struct CustomLayer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "custom-layer",
        abstract: "§5.4 CenteredLayer (no parameters) and MyLinear (its own parameters).")

    func run() {
        printSection("5.4", "Custom layers")
        let g = RandomGenerator(seed: 0)
        print(BuildersGuide.CenteredLayer()(Tensor([1.0, 2, 3, 4, 5])))
        let net = Sequential { Linear(8, 128, generator: g); BuildersGuide.CenteredLayer() }
        print("Y = net(torch.rand(4, 8)); Y.mean(): \(net(Tensor.rand([4, 8], generator: g)).mean())")
        let linear = BuildersGuide.MyLinear(5, 3, generator: g)
        print("MyLinear(5, 3).weight:\n\(linear.weight)")
        print("linear(torch.rand(2, 5)):\n\(linear(Tensor.rand([2, 5], generator: g)))")
        let deep = Sequential { BuildersGuide.MyLinear(64, 8, generator: g); BuildersGuide.MyLinear(8, 1, generator: g) }
        print("Sequential(MyLinear(64, 8), MyLinear(8, 1))(torch.rand(2, 64)):\n\(deep(Tensor.rand([2, 64], generator: g)))")
    }
}

/// §5.5 File I/O.
struct ReadWrite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read-write",
        abstract: "§5.5 Saving and loading tensors and model parameters (safetensors files).")

    @Option(help: "Folder for the files (default: $D2L_DATA_DIR or ./data).")
    var dir: String?

    func run() throws {
        printSection("5.5", "File I/O")
        let folder = dir.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? dataDirectory
        let x = Tensor.arange(4, dtype: .float32), y = Tensor.zeros([4])
        try save(x, to: folder.appendingPathComponent("x-file"))
        print("x2 = load('x-file'): \(try loadTensor(from: folder.appendingPathComponent("x-file")))")
        try save([x, y], to: folder.appendingPathComponent("x-files"))
        print("x2, y2 = load('x-files'): \(try loadTensors(from: folder.appendingPathComponent("x-files")))")
        try save(["x": x, "y": y], to: folder.appendingPathComponent("mydict"))
        print("mydict2 = load('mydict'): \(try SafeTensors.load(folder.appendingPathComponent("mydict")).sorted { $0.key < $1.key })")
        let g = RandomGenerator(seed: 0)
        let net = BuildersGuide.MLP(generator: g)
        let X = Tensor.randn([2, 20], generator: g)
        let Y = net(X)
        let file = folder.appendingPathComponent("mlp.params")
        try net.saveParameters(to: file)
        let clone = BuildersGuide.MLP()
        try clone.loadParameters(from: file)
        print("clone(X) == Y: \(clone(X) == Y)")
        print("parameters written to \(file.path) (safetensors: loads with Python's safetensors.torch.load_file)")
    }
}

/// §5.6 GPUs.
struct UseGPU: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "use-gpu",
        abstract: "§5.6 GPUs: this library runs on the CPU, and the book's helpers say so.")

    func run() {
        printSection("5.6", "GPUs")
        print("d2l-swift computes on the CPU, with matrix products in OpenBLAS on all cores.")
        print("The book's helpers exist so GPU-shaped code runs unchanged:")
        print("numGPUs() = \(numGPUs()), tryGPU() = \(tryGPU()), tryGPU(10) = \(tryGPU(10)), tryAllGPUs() = \(tryAllGPUs())")
        print("Tensor.ones([2, 3]).device = \(Tensor.ones([2, 3]).device)")
    }
}
