import AssessmentCore
import Foundation

/// Where the text summary is rendered: ``SummaryReport/lines()`` for the wizard's summary screen
/// and plain mode, ``SummaryReport/text(color:)`` for the terminal and files. One renderer writes
/// to either, so both always say the same.
///
/// Each line's text is appended by `write` straight into the sink's buffer: the text of a large
/// session (tens of thousands of lines, megabytes of notes) is built in one growing string,
/// without a string per line, an array of lines, then a join.
protocol SummarySink {
  mutating func line(
    _ emphasis: SummaryLine.Emphasis, question: String?, tableRow: Bool,
    _ write: (inout String) -> Void)
}

extension SummarySink {
  mutating func line(
    _ emphasis: SummaryLine.Emphasis = .plain, question: String? = nil,
    _ write: (inout String) -> Void
  ) {
    line(emphasis, question: question, tableRow: false, write)
  }

  /// A line whose text is already made.
  mutating func add(
    _ text: String, _ emphasis: SummaryLine.Emphasis = .plain, question: String? = nil
  ) {
    line(emphasis, question: question, tableRow: false) { $0 += text }
  }
}

/// The summary as ``SummaryLine``s.
struct SummaryLinesSink: SummarySink {
  var lines: [SummaryLine] = []

  mutating func line(
    _ emphasis: SummaryLine.Emphasis, question: String?, tableRow: Bool,
    _ write: (inout String) -> Void
  ) {
    var text = ""
    write(&text)
    var line = SummaryLine(text, emphasis, questionID: question)
    line.isTableRow = tableRow
    lines.append(line)
  }
}

/// The summary as one text, a line break after every line, with ANSI colours when `color`.
struct SummaryTextSink: SummarySink {
  var text = ""
  let color: Bool
  /// The risk model's level ids, lowest first (the colours of the levels).
  let levels: [String]

  init(color: Bool, levels: [String], capacity: Int) {
    self.color = color
    self.levels = levels
    text.reserveCapacity(capacity)
  }

  mutating func line(
    _ emphasis: SummaryLine.Emphasis, question: String?, tableRow: Bool,
    _ write: (inout String) -> Void
  ) {
    if color { text += SummaryReport.ansi(emphasis, levels: levels) }
    write(&text)
    if color && emphasis != .plain { text += "\u{1B}[0m" }
    text += "\n"
  }
}

/// Words a report repeats (a level's label, an answer's, what to do), each made once and then
/// looked up: a large report writes a handful of them thousands of times. Keyed by the level's,
/// answer's or owner's id.
struct WordCache {
  private var words: [String: String] = [:]

  mutating func callAsFunction(_ key: String, _ make: () -> String) -> String {
    if let known = words[key] { return known }
    let made = make()
    words[key] = made
    return made
  }
}

extension String {
  /// Appends `text` as one line: without white space at either end, each line break (`\n`)
  /// replaced by " / ". The same as appending `text.trimmed.replacingScalar("\n", with: " / ")`,
  /// without making either string (the summary does this for thousands of notes).
  mutating func appendOneLine(_ text: String) {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.isWhitespace })
    else { return }
    let body = Substring(scalars[first...last])
    // memchr: a note of 500 bytes is scanned a word at a time rather than byte by byte.
    let hasLineBreak =
      body.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.baseAddress.map { memchr($0, 0x0A, bytes.count) != nil } ?? false
      } ?? body.utf8.contains(0x0A)
    guard hasLineBreak else {
      // `append(contentsOf:)` with a substring, not `+=`: the operator goes through the generic
      // `RangeReplaceableCollection` path, whose first use costs a conformance look-up.
      append(contentsOf: body)
      return
    }
    for scalar in body.unicodeScalars {
      if scalar == "\n" { self += " / " } else { unicodeScalars.append(scalar) }
    }
  }
}
