#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A reader, straight from the bytes, of the part of YAML that questionnaires are written in:
/// block mappings whose keys are plain words, block sequences (indented or not), flow mappings
/// and sequences on one line, single-line plain and quoted scalars, literal (`|`) and folded (`>`)
/// block scalars with clip or strip chomping, comments and blank lines.
///
/// It exists for speed: libyaml tokenises a large questionnaire at about the cost of everything
/// else the loader does together (docs/performance.md). It builds the same ``YAMLTree`` libyaml's
/// events build (same nodes, texts, styles, lines and columns) and, on anything outside that
/// part of YAML, or anything wrong, it gives up (``Outside``) without a word: the caller then
/// reads the file with libyaml, which accepts all of YAML and words every error. So this reader
/// never has to be complete, never reports a problem, and must only never disagree with libyaml
/// on what it accepts. The differential test (`YAMLSubsetTests`) and fuzz target
/// (`FuzzYAMLSubset`) check exactly that.
///
/// It gives up on, among others: anchors, aliases and tags; `---`, `...` and directives; empty
/// values; multi-line plain, quoted or flow scalars; keys that are not plain words; a `:` or `#`
/// inside a plain scalar where YAML could read it as an indicator; `|+`, indentation indicators,
/// more-indented lines in folded scalars, leading blank lines in block scalars; tabs, carriage
/// returns and every character libyaml treats specially (control characters, U+0085, U+2028,
/// U+2029, U+FEFF, U+FFFE, U+FFFF); nesting deeper than ``YAMLTree/maximumDepth``; a key given
/// twice in a mapping.
struct YAMLSubsetReader {
  /// The input is outside the subset (or wrong): read it with libyaml.
  struct Outside: Error {
    /// The line of this file that gave up (to debug a reader that declines too much).
    let sourceLine: UInt
    init(_ sourceLine: UInt = #line) { self.sourceLine = sourceLine }
  }

  private let base: UnsafePointer<UInt8>
  private let end: Int
  private let fileIndex: Int32
  /// Where reading is.
  private var i = 0
  /// The line `i` is on (1-based) and where it starts.
  private var line: Int32 = 1
  private var lineStart = 0
  /// The column (0-based) of the first character of the current content line, set by
  /// ``settle()``.
  private var indent = 0
  /// Open collections.
  private var depth = 0
  /// Children of the open collections, innermost last (as libyaml's event reader keeps them).
  private var pending: [Int32] = []

  /// Reads `bytes` (valid UTF-8, checked by the caller) into `tree`. Returns the root, or nil
  /// when the input is outside the subset; the tree is then left as it was. `charactersChecked`:
  /// the caller knows the text holds only characters this reader handles (see
  /// ``onlyPlainCharacters(_:)``; the loader checks them with the rest in one pass).
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, fileIndex: Int32, charactersChecked: Bool = false, into tree: inout YAMLTree
  ) -> Node? {
    guard let start = bytes.baseAddress, !bytes.isEmpty, charactersChecked || onlyPlainCharacters(bytes) else {
      return nil
    }
    let marks = (tree.nodes.count, tree.children.count, tree.scalars.count)
    var reader = YAMLSubsetReader(base: start, end: bytes.count, fileIndex: fileIndex)
    do {
      return Node(index: try reader.document(&tree))
    } catch {
      tree.nodes.removeSubrange(marks.0...)
      tree.children.removeSubrange(marks.1...)
      tree.scalars.removeSubrange(marks.2...)
      return nil
    }
  }

  private init(base: UnsafePointer<UInt8>, end: Int, fileIndex: Int32) {
    self.base = base
    self.end = end
    self.fileIndex = fileIndex
  }

  /// No byte that libyaml reads otherwise than as an ordinary character: controls (tab and
  /// carriage return included; only `\n` ends lines here), DEL, C1 controls (U+0085 is a line
  /// break for libyaml), U+2028 and U+2029 (line breaks), U+FEFF (skipped at the start of a
  /// line), U+FFFE and U+FFFF (refused).
  private static func onlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F || byte == 0x0A {
        index += 1
        continue
      }
      let next = index + 1 < count ? bytes[index + 1] : 0
      let third = index + 2 < count ? bytes[index + 2] : 0
      guard byte >= 0x80, !isSpecialForLibyaml(byte, next, third) else { return false }
      index += 1
    }
    return true
  }

  /// Whether the UTF-8 sequence starting with these bytes is one libyaml does not read as an
  /// ordinary character: C1 controls (U+0085 is a line break for libyaml), U+2028 and U+2029
  /// (line breaks), U+FEFF (skipped at the start of a line), U+FFFE and U+FFFF (refused).
  static func isSpecialForLibyaml(_ lead: UInt8, _ next: UInt8, _ third: UInt8) -> Bool {
    switch lead {
    case 0xC2: return next < 0xA0
    case 0xE2: return next == 0x80 && (third == 0xA8 || third == 0xA9)
    case 0xEF: return (next == 0xBB && third == 0xBF) || (next == 0xBF && third >= 0xBE)
    default: return false
    }
  }

  // MARK: - Bytes

  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")
  private static let colon = UInt8(ascii: ":")
  private static let hash = UInt8(ascii: "#")
  private static let dash = UInt8(ascii: "-")

  /// The byte at `at`, or 0 past the end (the input holds no 0: ``onlyPlainCharacters``).
  @inline(__always) private func byte(_ at: Int) -> UInt8 { at < end ? base[at] : 0 }

  /// A space, a line break or the end.
  @inline(__always) private func isBlankOrEnd(_ at: Int) -> Bool {
    let b = byte(at)
    return b == Self.space || b == Self.newline || b == 0
  }

  @inline(__always) private func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
  }

  /// `- ` (or `-` at the end of a line): a block sequence's entry.
  private var atSequenceEntry: Bool { byte(i) == Self.dash && isBlankOrEnd(i + 1) }

  /// Where a plain word followed by `:` and a blank ends (the colon), if one starts at `i`.
  private func keyEnd() -> Int? {
    guard isWordByte(byte(i)) else { return nil }
    var at = i + 1
    while true {
      let b = byte(at)
      if isWordByte(b) || b == Self.dash || b == UInt8(ascii: ".") {
        at += 1
      } else {
        break
      }
    }
    guard byte(at) == Self.colon, isBlankOrEnd(at + 1), at - i < 1024 else { return nil }
    return at
  }

  /// Where a quoted scalar closed on this line and followed by `:` and a blank ends (the colon),
  /// if one starts at `i`.
  private func quotedKeyEnd() -> Int? {
    let quote = byte(i)
    guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
    var at = i + 1
    while true {
      let b = byte(at)
      if b == 0 || b == Self.newline { return nil }
      if b == quote {
        if quote == UInt8(ascii: "'") && byte(at + 1) == quote {
          at += 2
          continue
        }
        break
      }
      at += b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") ? 2 : 1
    }
    guard byte(at + 1) == Self.colon, isBlankOrEnd(at + 2), at - i < 1024 else { return nil }
    return at + 1
  }

  /// A mapping's key (a plain word, or a quoted scalar on one line), its `:` and the spaces
  /// after it.
  private mutating func key(inFlow: Bool = false, _ tree: inout YAMLTree) throws(Outside) {
    if let colon = keyEnd() {
      pending.append(scalar(.plain, at: i, from: i, to: colon, &tree))
      i = colon + 1
    } else if let colon = quotedKeyEnd() {
      pending.append(try flowNode(&tree))
      guard i == colon else { throw Outside() }
      i += 1
    } else {
      throw Outside()
    }
    guard !inFlow || byte(i) == Self.space else { throw Outside() }  // `{a:b}`, `{a:}`
    skipSpaces()
  }

  /// The column libyaml gives `at` (it counts characters, not bytes), 1-based.
  private func column(_ at: Int) -> Int32 {
    var count: Int32 = 1
    var index = lineStart
    while index < at {
      if base[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  // MARK: - Lines

  /// Skips spaces on the current line.
  @inline(__always) private mutating func skipSpaces() {
    while byte(i) == Self.space { i += 1 }
  }

  /// After a value: spaces, a comment (after at least one space), then the line break or the end.
  private mutating func finishLine() throws(Outside) {
    skipSpaces()
    if byte(i) == Self.hash {
      guard base[i - 1] == Self.space else { throw Outside() }
      skipComment()
    }
    guard byte(i) == Self.newline || i == end else { throw Outside() }
  }

  private mutating func skipComment() {
    while i < end && base[i] != Self.newline { i += 1 }
  }

  /// From the line break (or the end) that closes a line: on to the first character of the next
  /// line with content (blank and comment lines skipped), its column in ``indent``; or the end.
  private mutating func nextContentLine() throws(Outside) {
    guard i < end else { return }
    i += 1
    line += 1
    lineStart = i
    try settle()
  }

  /// From the start of a line: on to the first character of the first line with content.
  private mutating func settle() throws(Outside) {
    while i < end {
      skipSpaces()
      let b = byte(i)
      if b == Self.newline || b == Self.hash {
        if b == Self.hash { skipComment() }
        guard i < end else { return }
        i += 1
        line += 1
        lineStart = i
        continue
      }
      if i == end { return }
      indent = i - lineStart
      if indent == 0 && (b == Self.dash || b == UInt8(ascii: ".")) && byte(i + 1) == b && byte(i + 2) == b {
        throw Outside()  // `---` or `...`
      }
      if indent == 0 && b == UInt8(ascii: "%") { throw Outside() }
      return
    }
  }

  // MARK: - Nodes

  private mutating func node(
    _ kind: YAMLTree.Kind, _ style: YAMLTree.Style, at: Int, start: Int32 = 0, _ tree: inout YAMLTree
  ) -> Int32 {
    tree.nodes.append(
      YAMLTree.RawNode(
        kind: kind, style: style, file: fileIndex, line: line, column: column(at), start: start, count: 0))
    return Int32(tree.nodes.count - 1)
  }

  private mutating func scalar(_ style: YAMLTree.Style, at: Int, from: Int, to: Int, _ tree: inout YAMLTree) -> Int32 {
    tree.scalars.append(String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self))
    return node(.scalar, style, at: at, start: Int32(tree.scalars.count - 1), &tree)
  }

  private mutating func scalar(_ style: YAMLTree.Style, at: Int, text: [UInt8], _ tree: inout YAMLTree) -> Int32 {
    tree.scalars.append(String(decoding: text, as: UTF8.self))
    return node(.scalar, style, at: at, start: Int32(tree.scalars.count - 1), &tree)
  }

  private mutating func open() throws(Outside) -> Int {
    depth += 1
    guard depth <= YAMLTree.maximumDepth else { throw Outside() }
    return pending.count
  }

  /// Moves the children gathered since `from` into the tree as `node`'s.
  private mutating func close(_ node: Int32, from: Int, _ tree: inout YAMLTree) {
    let start = Int32(tree.children.count)
    let count = pending.count - from
    tree.children.append(contentsOf: pending[from...])
    pending.removeLast(count)
    tree.nodes[Int(node)].start = start
    tree.nodes[Int(node)].count = Int32(count)
    depth -= 1
  }

  // MARK: - Block structure

  private mutating func document(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    try settle()
    guard i < end else { throw Outside() }
    let root = try blockCollection(&tree)
    guard i == end else { throw Outside() }
    return root
  }

  /// A block sequence or mapping starting at `i`, at column ``indent``.
  private mutating func blockCollection(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    if atSequenceEntry { return try blockSequence(column: indent, &tree) }
    if keyEnd() != nil || quotedKeyEnd() != nil { return try blockMapping(column: indent, &tree) }
    throw Outside()
  }

  /// Entries at column `n`. Ends on a line at a smaller column, or at `n` but not an entry (an
  /// indentless sequence, value of a key at that column).
  private mutating func blockSequence(column n: Int, _ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let sequence = node(.sequence, .plain, at: i, &tree)
    let from = try open()
    while true {
      i += 1  // the dash
      skipSpaces()
      let item: Int32
      if byte(i) == Self.newline || i == end || byte(i) == Self.hash {
        if byte(i) == Self.hash {
          guard base[i - 1] == Self.space else { throw Outside() }
          skipComment()
        }
        try nextContentLine()
        guard i < end, indent > n else { throw Outside() }
        item = try blockCollection(&tree)
      } else if atSequenceEntry {
        throw Outside()
      } else if keyEnd() != nil || quotedKeyEnd() != nil {
        item = try blockMapping(column: i - lineStart, &tree)
      } else {
        item = try inlineValue(collectionColumn: n, &tree)
      }
      pending.append(item)
      if i == end || indent < n { break }
      guard indent == n else { throw Outside() }
      if !atSequenceEntry { break }
    }
    close(sequence, from: from, &tree)
    return sequence
  }

  /// Keys at column `n`.
  private mutating func blockMapping(column n: Int, _ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let mapping = node(.mapping, .plain, at: i, &tree)
    let from = try open()
    while true {
      try key(&tree)
      if byte(i) == Self.newline || i == end || byte(i) == Self.hash {
        if byte(i) == Self.hash { skipComment() }
        try nextContentLine()
        guard i < end else { throw Outside() }  // an empty value
        if indent > n {
          pending.append(try blockCollection(&tree))
        } else if indent == n && atSequenceEntry {
          pending.append(try blockSequence(column: n, &tree))
        } else {
          throw Outside()  // an empty value
        }
      } else {
        pending.append(try inlineValue(collectionColumn: n, &tree))
      }
      if i == end || indent < n { break }
      guard indent == n, !atSequenceEntry else { throw Outside() }
    }
    close(mapping, from: from, &tree)
    if tree.duplicateKey(in: Node(index: mapping)) != nil { throw Outside() }
    return mapping
  }

  /// A value written on the line of its key or dash; then on to the next content line, which
  /// must not be deeper than the collection holding the value (`n`: a deeper line would continue
  /// a plain scalar, or be an error).
  private mutating func inlineValue(collectionColumn n: Int, _ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let value: Int32
    switch byte(i) {
    case UInt8(ascii: "|"), UInt8(ascii: ">"):
      return try blockScalar(collectionColumn: n, &tree)
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["), UInt8(ascii: "{"):
      value = try flowNode(&tree)
    default:
      value = try blockPlainScalar(&tree)
    }
    try finishLine()
    try nextContentLine()
    guard i == end || indent <= n else { throw Outside() }
    return value
  }

  /// A plain scalar in block context, on one line: up to a comment or the line's end.
  private mutating func blockPlainScalar(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let start = i
    guard canStartPlain(i) else { throw Outside() }
    var last = i  // just after the last non-space
    while i < end {
      let b = base[i]
      if b == Self.newline { break }
      if b == Self.colon && isBlankOrEnd(i + 1) { throw Outside() }
      if b == Self.hash && base[i - 1] == Self.space { break }
      i += 1
      if b != Self.space { last = i }
    }
    return scalar(.plain, at: start, from: start, to: last, &tree)
  }

  /// Not an indicator (nor a space), or `-` before a non-space (`-1`). (`?` and `:` may also
  /// start a plain scalar in YAML when a non-space follows; this reader leaves those to libyaml.)
  private func canStartPlain(_ at: Int) -> Bool {
    let b = byte(at)
    if b == Self.dash { return !isBlankOrEnd(at + 1) }
    switch b {
    case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
      UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
      UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: " "),
      UInt8(ascii: "\n"), 0:
      return false
    default:
      return true
    }
  }

  /// `|` or `>`, then `-` or nothing, then the lines more indented than the collection holding
  /// it (at column `n`); ends on the next content line.
  private mutating func blockScalar(collectionColumn n: Int, _ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let at = i
    let folded = base[i] == UInt8(ascii: ">")
    let atLine = line
    let atColumn = column(at)
    i += 1
    let strip = byte(i) == Self.dash
    if strip { i += 1 }
    guard isBlankOrEnd(i) else { throw Outside() }  // `|+`, an indentation indicator, …
    try finishLine()
    guard i < end else { throw Outside() }
    i += 1
    line += 1
    lineStart = i
    // The first line sets the indentation; it must have content.
    skipSpaces()
    let blockIndent = i - lineStart
    guard blockIndent > n, byte(i) != Self.newline, i < end else { throw Outside() }

    var text: [UInt8] = []
    var emptyLines = 0
    var contentLines = 0
    while true {
      // At the first non-space of a line (or its end), `i - lineStart` spaces in.
      let spaces = i - lineStart
      if byte(i) == Self.newline {
        guard spaces <= blockIndent else { throw Outside() }  // spaces that would be content
        emptyLines += 1
      } else if i == end {
        guard spaces == 0 else { throw Outside() }
        break
      } else if spaces < blockIndent {
        break
      } else {
        if folded && spaces > blockIndent { throw Outside() }
        if contentLines > 0 {
          if folded && emptyLines == 0 {
            text.append(Self.space)
          } else {
            text.append(contentsOf: repeatElement(Self.newline, count: folded ? emptyLines : emptyLines + 1))
          }
        }
        emptyLines = 0
        contentLines += 1
        var lineEnd = i
        while lineEnd < end && base[lineEnd] != Self.newline { lineEnd += 1 }
        guard lineEnd < end else { throw Outside() }  // no line break after the last line
        text.append(contentsOf: UnsafeBufferPointer(start: base + lineStart + blockIndent, count: lineEnd - lineStart - blockIndent))
        i = lineEnd
      }
      // On to the next line.
      guard i < end else { break }
      i += 1
      line += 1
      lineStart = i
      skipSpaces()
    }
    if !strip { text.append(Self.newline) }
    // Back to the start of the line that ended the scalar, to find the next content line.
    i = lineStart
    try settle()
    guard i == end || indent <= n else { throw Outside() }
    tree.scalars.append(String(decoding: text, as: UTF8.self))
    tree.nodes.append(
      YAMLTree.RawNode(
        kind: .scalar, style: .block, file: fileIndex, line: atLine, column: atColumn,
        start: Int32(tree.scalars.count - 1), count: 0))
    return Int32(tree.nodes.count - 1)
  }

  // MARK: - Flow (on one line)

  private mutating func flowNode(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    switch byte(i) {
    case UInt8(ascii: "\""): return try doubleQuoted(&tree)
    case UInt8(ascii: "'"): return try singleQuoted(&tree)
    case UInt8(ascii: "["): return try flowSequence(&tree)
    case UInt8(ascii: "{"): return try flowMapping(&tree)
    default: return try flowPlainScalar(&tree)
    }
  }

  /// After an item: `,` and the next one, or `close`. Returns whether the collection goes on.
  private mutating func flowSeparator(_ close: UInt8) throws(Outside) -> Bool {
    skipSpaces()
    if byte(i) == UInt8(ascii: ",") {
      i += 1
      skipSpaces()
      guard byte(i) != close else { throw Outside() }  // a trailing comma
      return true
    }
    guard byte(i) == close else { throw Outside() }
    i += 1
    return false
  }

  private mutating func flowSequence(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let sequence = node(.sequence, .plain, at: i, &tree)
    let from = try open()
    i += 1
    skipSpaces()
    if byte(i) == UInt8(ascii: "]") {
      i += 1
    } else {
      repeat {
        pending.append(try flowNode(&tree))
      } while try flowSeparator(UInt8(ascii: "]"))
    }
    close(sequence, from: from, &tree)
    return sequence
  }

  private mutating func flowMapping(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let mapping = node(.mapping, .plain, at: i, &tree)
    let from = try open()
    i += 1
    skipSpaces()
    if byte(i) == UInt8(ascii: "}") {
      i += 1
    } else {
      repeat {
        try key(inFlow: true, &tree)
        pending.append(try flowNode(&tree))
      } while try flowSeparator(UInt8(ascii: "}"))
    }
    close(mapping, from: from, &tree)
    if tree.duplicateKey(in: Node(index: mapping)) != nil { throw Outside() }
    return mapping
  }

  /// A plain scalar inside a flow collection: up to `,`, `]` or `}`; gives up on anything that
  /// could be an indicator there.
  private mutating func flowPlainScalar(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let start = i
    guard canStartPlain(i) else { throw Outside() }
    var last = i
    scan: while i < end {
      switch base[i] {
      case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
        break scan
      case Self.newline, Self.colon, Self.hash, UInt8(ascii: "["), UInt8(ascii: "{"):
        throw Outside()
      case Self.space:
        i += 1
      default:
        i += 1
        last = i
      }
    }
    return scalar(.plain, at: start, from: start, to: last, &tree)
  }

  private mutating func singleQuoted(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let at = i
    i += 1
    let start = i
    var text: [UInt8]? = nil
    while true {
      guard i < end, base[i] != Self.newline else { throw Outside() }
      if base[i] == UInt8(ascii: "'") {
        if byte(i + 1) == UInt8(ascii: "'") {
          if text == nil { text = Array(UnsafeBufferPointer(start: base + start, count: i - start)) }
          text!.append(UInt8(ascii: "'"))
          i += 2
          continue
        }
        break
      }
      text?.append(base[i])
      i += 1
    }
    let closing = i
    i += 1
    if let text { return scalar(.singleQuoted, at: at, text: text, &tree) }
    return scalar(.singleQuoted, at: at, from: start, to: closing, &tree)
  }

  private mutating func doubleQuoted(_ tree: inout YAMLTree) throws(Outside) -> Int32 {
    let at = i
    i += 1
    let start = i
    // Without escapes (the usual case) the text is a slice of the input: the closing quote, with
    // no backslash or line break before it (memchr: the C library's vectorised search).
    if let found = memchr(base + start, Int32(UInt8(ascii: "\"")), end - start) {
      let closing = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      if memchr(base + start, Int32(UInt8(ascii: "\\")), closing - start) == nil,
        memchr(base + start, Int32(Self.newline), closing - start) == nil
      {
        i = closing + 1
        return scalar(.doubleQuoted, at: at, from: start, to: closing, &tree)
      }
    }
    var text: [UInt8] = []
    while true {
      guard i < end, base[i] != Self.newline else { throw Outside() }
      let b = base[i]
      if b == UInt8(ascii: "\"") { break }
      if b != UInt8(ascii: "\\") {
        text.append(b)
        i += 1
        continue
      }
      i += 1
      let escape = byte(i)
      i += 1
      switch escape {
      case UInt8(ascii: "0"): text.append(0)
      case UInt8(ascii: "a"): text.append(0x07)
      case UInt8(ascii: "b"): text.append(0x08)
      case UInt8(ascii: "t"): text.append(0x09)
      case UInt8(ascii: "n"): text.append(0x0A)
      case UInt8(ascii: "v"): text.append(0x0B)
      case UInt8(ascii: "f"): text.append(0x0C)
      case UInt8(ascii: "r"): text.append(0x0D)
      case UInt8(ascii: "e"): text.append(0x1B)
      case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): text.append(escape)
      case UInt8(ascii: "N"): Self.appendUTF8(0x85, to: &text)
      case UInt8(ascii: "_"): Self.appendUTF8(0xA0, to: &text)
      case UInt8(ascii: "L"): Self.appendUTF8(0x2028, to: &text)
      case UInt8(ascii: "P"): Self.appendUTF8(0x2029, to: &text)
      case UInt8(ascii: "x"): Self.appendUTF8(try hex(digits: 2), to: &text)
      case UInt8(ascii: "u"): Self.appendUTF8(try hex(digits: 4), to: &text)
      case UInt8(ascii: "U"): Self.appendUTF8(try hex(digits: 8), to: &text)
      default: throw Outside()
      }
    }
    i += 1
    return scalar(.doubleQuoted, at: at, text: text, &tree)
  }

  /// `digits` hexadecimal digits at `i`, a Unicode scalar value.
  private mutating func hex(digits: Int) throws(Outside) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<digits {
      let b = byte(i)
      let digit: UInt8
      switch b {
      case 0x30...0x39: digit = b - 0x30
      case 0x41...0x46: digit = b - 0x41 + 10
      case 0x61...0x66: digit = b - 0x61 + 10
      default: throw Outside()
      }
      value = value << 4 | UInt32(digit)
      i += 1
    }
    guard value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF) else { throw Outside() }
    return value
  }

  private static func appendUTF8(_ value: UInt32, to text: inout [UInt8]) {
    guard let scalar = Unicode.Scalar(value) else { return }
    text.append(contentsOf: String(Character(scalar)).utf8)
  }
}
