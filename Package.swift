// swift-tools-version:6.0
// d2l-swift: Dive into Deep Learning, chapter by chapter, in Swift.
import PackageDescription
import Foundation

/// The numeric core is compiled with `-O` even in debug builds, so `swift run` and `swift test`
/// (debug by default) train at close to release speed. SwiftPM refuses `unsafeFlags` in a
/// package that is used as a versioned dependency; such a package can set D2L_PORTABLE=1 to drop
/// the flag (the core then runs at -Onone speed in its debug builds).
let portable = ProcessInfo.processInfo.environment["D2L_PORTABLE"] != nil
let optimizedCore: [SwiftSetting] = portable ? [] : [.unsafeFlags(["-O"])]

/// Chapter modules: one library target per book chapter, each standing on the `D2L` core.
let chapterModules = [
    "Preliminaries", "LinearNetworks", "MLP", "ConvNets", "ModernConvNets", "RNN", "Vision",
]

/// The command-line parser of the chapter programs and their shared, validated options.
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// The program of book chapter `number`, in `Chapters/chapterN/`, built on its chapter module.
func chapterProgram(_ number: Int, module: String) -> Target {
    .executableTarget(
        name: "chapter\(number)",
        dependencies: [.target(name: module), "ChapterSupport", argumentParser],
        path: "Chapters/chapter\(number)",
        exclude: ["README.md"]
    )
}

let package = Package(
    name: "d2l-swift",
    products: [
        .library(name: "D2L", targets: ["D2L"]),
        .library(name: "Exercises", targets: ["Exercises"]),
    ] + chapterModules.map { .library(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // ZIP archives (the book's fra-eng.zip and hotdog.zip): unpacked by a well-kept package.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(name: "CSystemZlib", path: "Sources/CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        // JPEG and PNG for the images of chapter 13 (Sources/D2L/Image), through libjpeg-turbo and
        // libpng; CImageCodecs is the thin C layer that turns their errors into return codes
        // (libjpeg's default error handler calls exit(), and only C can setjmp).
        .systemLibrary(name: "CJPEG", path: "Sources/CJPEG", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", providers: [.apt(["libpng-dev"])]),
        .target(name: "CImageCodecs", dependencies: ["CJPEG", "CPNG"], path: "Sources/CImageCodecs"),
        // The recurrent layers' product with a weight packed once per sequence, with an AVX-512
        // micro-kernel chosen at run time (Sources/D2L/Tensor/PackedGEMM.swift); optimised in
        // debug builds too, like the Swift core.
        .target(name: "CKernels", path: "Sources/CKernels", cSettings: portable ? [] : [.unsafeFlags(["-O2"])]),
        // Convolution through oneDNN (Debian's libdnnl), opened at run time so that a machine
        // without it still builds and runs everything on the im2col path.
        .target(name: "COneDNN", path: "Sources/COneDNN", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "D2L",
            dependencies: ["COpenBLAS", "CSystemZlib", "CJPEG", "CPNG", "CImageCodecs", "CKernels", "COneDNN",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/D2L",
            swiftSettings: optimizedCore
        ),
        .target(name: "Exercises", dependencies: ["D2L"], path: "Exercises"),
        chapterProgram(2, module: "Preliminaries"),
        chapterProgram(3, module: "LinearNetworks"),
        chapterProgram(4, module: "MLP"),
        chapterProgram(5, module: "MLP"),
        chapterProgram(6, module: "ConvNets"),
        chapterProgram(7, module: "ModernConvNets"),
        chapterProgram(8, module: "RNN"),
        chapterProgram(9, module: "RNN"),
        chapterProgram(13, module: "Vision"),
        // Training options shared by the chapter programs, checked before a section runs, and the
        // book's learning rate added to the message of a diverging run.
        .target(name: "ChapterSupport", dependencies: ["D2L", argumentParser], path: "Sources/ChapterSupport"),
        // `grade`: runs the exercise graders, survives a crashing answer, prints the score table or
        // writes the results for Gradescope or GitHub Classroom.
        .target(name: "GradeKit", path: "Sources/GradeKit"),
        .executableTarget(name: "grade", dependencies: ["GradeKit", argumentParser], path: "Sources/grade"),
        .executableTarget(name: "d2l-demo", dependencies: ["D2L"], path: "Sources/d2l-demo"),
        .executableTarget(
            name: "d2l-bench",
            dependencies: ["D2L", "COpenBLAS", "LinearNetworks", "MLP", "ConvNets", "ModernConvNets", "RNN", "Vision"],
            path: "Sources/d2l-bench"
        ),
        .executableTarget(
            name: "sgemm-reference",
            path: "Sources/sgemm-reference",
            cSettings: [.unsafeFlags(["-O2"])],
            linkerSettings: [.linkedLibrary("openblas")]
        ),
        // Helpers shared by the test targets: approximate comparison and exercise grading.
        .target(name: "TestSupport", dependencies: ["D2L", "Exercises"], path: "Tests/TestSupport"),
        .testTarget(name: "D2LTests", dependencies: ["D2L", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Tests/D2LTests"),
        .testTarget(
            name: "ChapterSupportTests",
            dependencies: ["ChapterSupport", argumentParser],
            path: "Tests/ChapterSupportTests"
        ),
        // README.md, CONTRIBUTING.md and the chapter READMEs checked against the chapter programs'
        // command trees (read from the built programs) and the chapter modules.
        .testTarget(
            name: "DocumentationTests",
            dependencies: ["ModernConvNets", "RNN", "Vision"],
            path: "Tests/DocumentationTests"
        ),
        .testTarget(name: "GradeKitTests", dependencies: ["GradeKit"], path: "Tests/GradeKitTests"),
        .testTarget(
            name: "Chapter2Tests",
            dependencies: ["Preliminaries", "Exercises", "TestSupport"],
            path: "Tests/Chapter2Tests"
        ),
        .testTarget(
            name: "Chapter3Tests",
            dependencies: ["LinearNetworks", "Exercises", "TestSupport", "CSystemZlib"],
            path: "Tests/Chapter3Tests"
        ),
        .testTarget(
            name: "Chapter4Tests",
            dependencies: ["MLP", "Exercises", "TestSupport"],
            path: "Tests/Chapter4Tests"
        ),
        .testTarget(
            name: "Chapter5Tests",
            dependencies: ["MLP", "Exercises", "TestSupport"],
            path: "Tests/Chapter5Tests"
        ),
        .testTarget(
            name: "Chapter6Tests",
            dependencies: ["ConvNets", "Exercises", "TestSupport"],
            path: "Tests/Chapter6Tests"
        ),
        .testTarget(
            name: "Chapter7Tests",
            dependencies: ["ModernConvNets", "Exercises", "TestSupport"],
            path: "Tests/Chapter7Tests"
        ),
        .testTarget(
            name: "Chapter8Tests",
            dependencies: ["RNN", "Exercises", "TestSupport"],
            path: "Tests/Chapter8Tests"
        ),
        .testTarget(
            name: "Chapter9Tests",
            dependencies: ["RNN", "Exercises", "TestSupport"],
            path: "Tests/Chapter9Tests"
        ),
        .testTarget(
            name: "Chapter13Tests",
            dependencies: ["Vision", "Exercises", "TestSupport"],
            path: "Tests/Chapter13Tests"
        ),
    ] + chapterModules.map { .target(name: $0, dependencies: ["D2L"], path: "Sources/\($0)") },
    swiftLanguageModes: [.v5]
)
