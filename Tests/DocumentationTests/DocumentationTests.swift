import Foundation
import ModernConvNets
import RNN
import Vision
import XCTest

/// The documents say what the programs do: every `swift run chapterN SUB` they name is a real
/// subcommand, every subcommand has its row in its chapter's README, and README's chapter table
/// says "planned" only for chapters that have no program yet. A renamed or added subcommand, or a
/// new section, fails here until the documents follow.
final class DocumentationTests: XCTestCase {
    func testEveryNamedCommandIsARealSubcommand() throws {
        for document in try Document.all() {
            for command in document.runCommands {
                guard ChapterPrograms.chapters.contains(command.chapter) else {
                    XCTFail("\(document.path):\(command.line): `swift run chapter\(command.chapter) "
                            + "\(command.subcommand)` names a chapter without a program in Chapters/")
                    continue
                }
                let names = try ChapterPrograms.subcommands(ofChapter: command.chapter).map(\.name)
                XCTAssert(names.contains(command.subcommand),
                          "\(document.path):\(command.line): `swift run chapter\(command.chapter) "
                          + "\(command.subcommand)` is not a subcommand of chapter\(command.chapter) "
                          + "(it has: \(names.joined(separator: ", ")))")
            }
        }
    }

    func testEverySubcommandHasARowInItsChaptersREADME() throws {
        for chapter in ChapterPrograms.chapters {
            let document = try Document("Chapters/chapter\(chapter)/README.md")
            let rows = document.table(withColumn: "run")
            XCTAssertFalse(rows.isEmpty, "\(document.path) has no section table with a `run` column")
            // The run column holds `swift run chapterN SUB …` or, after the first, just `SUB`.
            var named: [String: Int] = [:]
            for row in rows {
                for words in backticked(row.cells["run"] ?? "") {
                    let parts = words.split(separator: " ").map(String.init)
                    let sub = parts.starts(with: ["swift", "run", "chapter\(chapter)"]) ? parts.dropFirst(3).first : parts.first
                    if let sub { named[sub] = row.line }
                }
            }
            let commands = try ChapterPrograms.subcommands(ofChapter: chapter)
            for command in commands {
                XCTAssertNotNil(named[command.name],
                                "\(document.path): `swift run chapter\(chapter) \(command.name)` "
                                + "(\(command.abstract)) is missing from the section table's run column")
            }
            for (sub, line) in named where !commands.map(\.name).contains(sub) {
                XCTFail("\(document.path):\(line): `\(sub)` in the run column is not a subcommand of chapter\(chapter)")
            }
        }
    }

    /// README's chapter table: a chapter with a program is not "planned", its row names its program
    /// and, where the row gives a range of sections (`§8.1–8.6`), the range ends at the last section
    /// the program runs; a chapter without one is "planned".
    func testChapterTableSaysPlannedOnlyForChaptersWithoutSections() throws {
        let readme = try Document("README.md")
        let rows = readme.table(withColumn: "book chapter")
        XCTAssertFalse(rows.isEmpty, "README.md has no chapter table with a `book chapter` column")
        for (cells, line) in rows {
            let chapters = numbers(in: cells["book chapter"] ?? "")
            let status = cells["status"] ?? ""
            let place = "README.md:\(line) (\(cells["module"] ?? "?"))"
            // Each clause of the status ("chapter 8, §8.1–8.6: …; chapter 9 planned") speaks of
            // the chapters it names, or of all the row's chapters when it names none.
            for clause in status.split(separator: ";").map(String.init) {
                let named = clause.matches(of: #/chapter (\d+)/#).compactMap { Int($0.output.1) }
                let about = named.isEmpty ? chapters : named
                for chapter in about where ChapterPrograms.chapters.contains(chapter) {
                    XCTAssertFalse(clause.contains("planned"),
                                   "\(place): says \"\(clause.trimmingCharacters(in: .whitespaces))\" "
                                   + "but chapter \(chapter) has a program with sections")
                    for range in clause.matches(of: #/§(\d+)\.(\d+)–(\d+)\.(\d+)/#) {
                        guard Int(range.output.1) == chapter, let last = Int(range.output.4) else { continue }
                        let sections = try ChapterPrograms.subcommands(ofChapter: chapter).compactMap(\.section)
                        let programLast = sections.filter { $0.first == chapter }.compactMap { $0.dropFirst().first }.max()
                        XCTAssertEqual(last, programLast,
                                       "\(place): says \(range.output.0) but chapter\(chapter)'s last section is "
                                       + "§\(chapter).\(programLast ?? 0)")
                    }
                }
            }
            for chapter in chapters {
                if ChapterPrograms.chapters.contains(chapter) {
                    XCTAssert(status.contains("swift run chapter\(chapter)"),
                              "\(place): chapter \(chapter) has a program; its status should name `swift run chapter\(chapter)`")
                } else {
                    XCTAssert(status.contains("planned"),
                              "\(place): chapter \(chapter) has no program in Chapters/, so its status should say planned")
                }
            }
        }
    }

    /// The chapter modules that name their book chapters in code agree with README's table.
    func testModuleChapterNumbersMatchTheREADME() throws {
        let rows = try Document("README.md").table(withColumn: "book chapter")
        let modules: [(name: String, chapter: String)] = [
            ("ModernConvNets", ModernConvNetsChapter.chapter),
            ("RNN", RNNChapter.chapter),
            ("Vision", VisionChapter.chapter),
        ]
        for module in modules {
            guard let row = rows.first(where: { $0.cells["module"] == "`\(module.name)`" }) else {
                XCTFail("README.md's chapter table has no row for `\(module.name)`")
                continue
            }
            XCTAssertEqual(numbers(in: row.cells["book chapter"] ?? ""), numbers(in: module.chapter),
                           "README.md:\(row.line): `\(module.name)` is chapter \(module.chapter) in its code")
        }
    }

    /// Every book trainer in `Sources/D2L/Train/` (`trainCh3`, `trainCh6`, `trainCh8`) is named in
    /// README's row of the core and in CONTRIBUTING's layout.
    func testBookTrainersAreNamedInTheLayoutDocuments() throws {
        let folder = packageRoot.appendingPathComponent("Sources/D2L/Train")
        var trainers: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: #/public func (trainCh\d+)/#) { trainers.insert(String(match.output.1)) }
        }
        XCTAssert(trainers.contains("trainCh6"), "no trainCh6 found in \(folder.path)")
        let readme = try Document("README.md")
        let core = readme.table(withColumn: "book chapter").first { $0.cells["module"] == "`D2L`" }
        let contributing = try Document("CONTRIBUTING.md").text
        for trainer in trainers.sorted() {
            XCTAssert(core?.cells["sections"]?.contains(trainer) == true,
                      "README.md: the `D2L` row of the chapter table does not name \(trainer)")
            XCTAssert(contributing.contains(trainer), "CONTRIBUTING.md: the Train/ entry does not name \(trainer)")
        }
    }

    /// The figures the chapters write are named `chapterN-section.svg`, N a chapter of the module or
    /// program that writes them, so a reader finds a figure's code and section from its name.
    func testFigureNamesFollowTheChapterNaming() throws {
        let folders: [(path: String, chapters: [Int])] = [
            ("Sources/Preliminaries", [2]), ("Sources/LinearNetworks", [3]), ("Sources/MLP", [4, 5]),
            ("Sources/ConvNets", [6]), ("Sources/ModernConvNets", numbers(in: ModernConvNetsChapter.chapter)),
            ("Sources/RNN", numbers(in: RNNChapter.chapter)), ("Sources/Vision", numbers(in: VisionChapter.chapter)),
        ] + ChapterPrograms.chapters.map { ("Chapters/chapter\($0)", [$0]) }
        var checked = 0
        for folder in folders {
            let url = packageRoot.appendingPathComponent(folder.path)
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path) where file.hasSuffix(".swift") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: #/"([A-Za-z0-9_.\/-]*\.svg)"/#) {
                    let name = String(match.output.1)
                    checked += 1
                    let chapter = name.wholeMatch(of: #/chapter(\d+)-[a-z0-9-]+\.svg/#).flatMap { Int($0.output.1) }
                    XCTAssert(chapter.map(folder.chapters.contains) == true,
                              "\(folder.path)/\(file): figure \"\(name)\" should be named chapterN-….svg "
                              + "with N in \(folder.chapters)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 10, "no figure names found; has the code moved?")
    }
}
