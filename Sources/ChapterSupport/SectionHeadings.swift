/// Prints the heading a chapter program opens a book section with, in the one style every
/// chapter program uses: `== §3.7 Concise implementation of softmax regression`.
///
/// d2l: the section title of the book (zh-v2 numbering), so the output of
/// `swift run chapter3 softmax` is found by the same name in the book.
/// - Parameters:
///   - number: the section number without the sign, e.g. `"3.7"`.
///   - title: the book's title, in sentence case.
public func printSection(_ number: String, _ title: String) {
    print(sectionHeading(number, title))
}

/// Prints the heading of a part of a section after a blank line, in the same style as
/// `printSection`: `== §2.4.1 Derivatives and differentiation`.
public func printSubsection(_ number: String, _ title: String) {
    print("\n" + sectionHeading(number, title))
}

/// The text of a heading: `== §` followed by the number and the title.
public func sectionHeading(_ number: String, _ title: String) -> String {
    "== §\(number) \(title)"
}
