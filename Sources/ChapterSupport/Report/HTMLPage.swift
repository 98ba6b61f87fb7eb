import Foundation

/// `text` with `&`, `<`, `>` and `"` replaced by entities, safe inside an element or an attribute.
///
/// Only the four entities XML knows are used, so a page stays readable by an XML parser as well
/// as a browser.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
    }
    return out
}

/// A whole page: the document head with the shared style sheet, then `body`.
///
/// Pages are written as XHTML-compatible HTML (every element closed, no named entities besides
/// XML's) with the style inline and no scripts, so one file opens offline in any browser.
func htmlPage(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>\(escapeHTML(title))</title>
    <style>
    \(styleSheet)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
}

/// The look of report pages: a narrow readable column, output in monospace like a notebook cell.
private let styleSheet = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.3rem; }
h2 { font-size: 1.25rem; border-top: 1px solid #ccc; padding-top: 1rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
td, th { padding: 0.2rem 0.7rem 0.2rem 0; text-align: left; vertical-align: top; }
th { font-weight: 600; color: #555; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85rem; }
pre { background: #f6f6f4; border-left: 3px solid #bbb; padding: 0.6rem 0.8rem; overflow-x: auto; white-space: pre-wrap; }
.run { color: #555; font-size: 0.9rem; }
.note { color: #8a5a00; }
figure { margin: 0.8rem 0; }
figure svg, figure img { max-width: 100%; height: auto; }
figcaption { color: #666; font-size: 0.8rem; }
.pass { color: #1a7f37; }
.fail { color: #b42318; }
.problem { background: #fdecea; border-left: 3px solid #b42318; padding: 0.4rem 0.8rem; }
ul.book { list-style: none; padding-left: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; }
ol.contents { columns: 2; font-size: 0.9rem; padding-left: 1.5rem; }
ol.contents a { color: #1f4e8c; text-decoration: none; }
footer { border-top: 1px solid #ccc; margin-top: 2rem; padding-top: 0.6rem; color: #555; }
"""
