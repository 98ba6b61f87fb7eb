import ChapterSupport
import XCTest

/// Every chapter program opens its sections with one heading style.
final class SectionHeadingTests: XCTestCase {
    func testHeadingIsTheSectionSignNumberAndTitle() {
        XCTAssertEqual(sectionHeading("3.7", "Concise implementation of softmax regression"),
                       "== §3.7 Concise implementation of softmax regression")
        XCTAssertEqual(sectionHeading("2.4.1", "Derivatives and differentiation"), "== §2.4.1 Derivatives and differentiation")
    }
}
