import ArgumentParser
import ChapterSupport
import D2L
import RNN

/// `swift run chapter8 <section>`: the book's chapter 8, *Recurrent Neural Networks*.
/// Each section is one subcommand struct; the text sections are in `TextCommands.swift`.
@main
struct Chapter8: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter8",
        abstract: "Chapter 8 of Dive into Deep Learning: Recurrent Neural Networks.",
        subcommands: [SequenceSection.self] + textSections + rnnSections + [ChapterReportCommand<Chapter8>.self]
    )
}
