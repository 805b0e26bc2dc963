import AssessmentCore
import Crypto

/// A questionnaire's digest: the SHA-256 of the canonical JSON of its content, whatever files it
/// is split into (docs/questionnaire-format.md, "Digest").
///
/// The content is the YAML document as read, a directory's parts merged into the top file's
/// `sections`: every scalar as a string (as written, quotes and block styles resolved), aliases
/// expanded, comments, anchors, tags, styles and indentation ignored. Its canonical JSON is
/// Python's `json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`:
/// mapping keys sorted by their UTF-8 bytes (code point order), no spaces, strings escaping `"`,
/// `\`, and control characters (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00xx`), nothing else.
/// The same content split differently, or a single file made a directory, has the same digest;
/// a change to a comment or to the layout of the YAML does not change it.
struct CanonicalDigest {
  let tree: YAMLTree
  private var hasher = SHA256()
  private var buffer: [UInt8] = []
  private var visited = 0
  /// Keeps the whole JSON in `buffer` instead of hashing it piecewise.
  private var collecting = false

  init(tree: YAMLTree) {
    self.tree = tree
    buffer.reserveCapacity(1 << 16)
  }

  /// The digest of the content under `root`, lowercase hex; nil when it expands to more than
  /// ``QuestionnaireFiles/maximumNodes`` nodes.
  mutating func hex(of root: Node) -> String? {
    guard write(root) else { return nil }
    flush()
    return hasher.finalize().hexDigits
  }

  /// The canonical JSON itself (for tests and for documentation).
  mutating func json(of root: Node) -> String? {
    collecting = true
    defer {
      collecting = false
      buffer.removeAll()
      visited = 0
    }
    guard write(root) else { return nil }
    return String(decoding: buffer, as: UTF8.self)
  }

  private mutating func flush() {
    if collecting { return }
    hasher.update(data: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func write(_ node: Node) -> Bool {
    visited += 1
    if visited > QuestionnaireFiles.maximumNodes { return false }
    if buffer.count >= 1 << 16 - 1024 { flush() }
    switch tree.kind(node) {
    case .scalar:
      writeString(tree.text(node))
    case .sequence:
      buffer.append(UInt8(ascii: "["))
      for (index, item) in tree.items(node).enumerated() {
        if index > 0 { buffer.append(UInt8(ascii: ",")) }
        guard write(item) else { return false }
      }
      buffer.append(UInt8(ascii: "]"))
    case .mapping:
      buffer.append(UInt8(ascii: "{"))
      let keys = tree.keys(node)
      let values = tree.values(node)
      // Insertion sort by UTF-8 bytes: mappings have a handful of keys.
      let names = keys.map { tree.text($0) }
      var order = Array(0..<keys.count)
      for position in order.indices.dropFirst() {
        let index = order[position]
        var slot = position
        while slot > 0, names[index].utf8.lexicographicallyPrecedes(names[order[slot - 1]].utf8) {
          order[slot] = order[slot - 1]
          slot -= 1
        }
        order[slot] = index
      }
      for (position, index) in order.enumerated() {
        if position > 0 { buffer.append(UInt8(ascii: ",")) }
        writeString(names[index])
        buffer.append(UInt8(ascii: ":"))
        guard write(values[index]) else { return false }
      }
      buffer.append(UInt8(ascii: "}"))
    }
    return true
  }

  private mutating func writeString(_ text: String) {
    if buffer.count + text.utf8.count > 1 << 16 { flush() }
    CanonicalJSON.appendString(text, to: &buffer)
  }
}

extension Digest {
  /// Lowercase hexadecimal, as digests are written in sessions and reports.
  var hexDigits: String { lowercaseHex }
}
