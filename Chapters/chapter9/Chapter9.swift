import ArgumentParser
import ChapterSupport

/// `swift run chapter9 <section>`: the book's chapter 9, *Modern Recurrent Neural Networks*.
/// Each section is one subcommand struct; the language models of §9.1 and §9.2 are in
/// `GRUCommands.swift` and `LSTMCommands.swift`.
@main
struct Chapter9: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter9",
        abstract: "Chapter 9 of Dive into Deep Learning: Modern Recurrent Neural Networks.",
        subcommands: gruSections + lstmSections + deepSections + translationSections
            + [ChapterReportCommand<Chapter9>.self]
    )
}
