/// `text` with spaces after it up to `width` characters, for the columns of the tables `grade`
/// prints.
func padded(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
