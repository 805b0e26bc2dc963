import AssessmentCore
import Foundation

/// Walks the YAML tree of a questionnaire (``YAMLTree``, its files already merged), building the
/// model and recording every problem with its file, line and column.
struct QuestionnaireReader {
  let tree: YAMLTree
  private(set) var problems: [QuestionnaireProblem] = []
  private var languages: [String] = ["fr", "en", "nl"]
  private var nodesVisited = 0
  private var tooLarge = false

  init(tree: YAMLTree) {
    self.tree = tree
  }

  // MARK: - Problems

  mutating func problem(_ node: Node?, _ message: String, id: String? = nil) {
    guard let node else {
      problems.append(
        QuestionnaireProblem(
          file: tree.files.first ?? "", line: 1, column: 1, id: id, message: message))
      return
    }
    let raw = tree[node]
    problems.append(
      QuestionnaireProblem(
        file: tree.files[Int(raw.file)], line: Int(raw.line), column: Int(raw.column), id: id,
        message: message))
  }

  /// Where `node` is, for a message about a second occurrence: "line N" in the same file as
  /// `other`, else "FILE:N".
  func place(_ node: Node, from other: Node) -> String {
    let raw = tree[node]
    if raw.file == tree[other].file { return "line \(raw.line)" }
    return "\(tree.files[Int(raw.file)]):\(raw.line)"
  }

  /// A problem at a column inside a condition (1-based, counted in the condition's text): in the
  /// file, that column of the scalar when its text stands on one line as written (plain, or
  /// quoted without escapes); else the scalar's start.
  mutating func problem(
    _ node: Node, conditionColumn: Int, _ message: String, id: String? = nil
  ) {
    let raw = tree[node]
    guard raw.kind == .scalar else {
      problem(node, message, id: id)
      return
    }
    var column = Int(raw.column)
    let text = tree.text(node)
    switch raw.style {
    case .plain where !text.contains("\n"):
      column += conditionColumn - 1
    case .singleQuoted where !text.contains("\n") && !text.contains("'"),
      .doubleQuoted where !text.contains("\n") && !text.contains("\\") && !text.contains("\""):
      column += conditionColumn
    default:
      break
    }
    problems.append(
      QuestionnaireProblem(
        file: tree.files[Int(raw.file)], line: Int(raw.line), column: column, id: id,
        message: message))
  }

  mutating func count(_ node: Node) -> Bool {
    nodesVisited += 1
    if nodesVisited > QuestionnaireFiles.maximumNodes {
      if !tooLarge {
        tooLarge = true
        problem(
          node,
          "the document expands to more than \(QuestionnaireFiles.maximumNodes) nodes (aliases?); refused"
        )
      }
      return false
    }
    return true
  }

  // MARK: - Typed access

  struct Fields {
    var pairs: [(key: String, keyNode: Node, value: Node)]
    let node: Node
    /// Known keys that an unknown key of the mapping looks like a misspelling of: their absence
    /// is a consequence of that typo, already reported, not a problem of its own.
    var misspelt: Set<String> = []
    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }
  }

  /// The known key closest to `key` (at most two edits away, one for keys of four letters or
  /// less), if any.
  static func suggestion(for key: String, among allowed: Set<String>) -> String? {
    let limit = key.count <= 4 ? 1 : 2
    var best: (String, Int)?
    for candidate in allowed.sorted() {
      let distance = editDistance(key.lowercased(), candidate)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// Levenshtein distance, with a transposition counted as one edit.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  mutating func mapping(
    _ node: Node, _ what: String, allowed: Set<String>, id: String? = nil
  )
    -> Fields?
  {
    guard count(node) else { return nil }
    guard tree.kind(node) == .mapping else {
      problem(node, "\(what) must be a mapping (key: value)", id: id)
      return nil
    }
    var fields = Fields(pairs: [], node: node)
    let keys = tree.keys(node)
    let values = tree.values(node)
    fields.pairs.reserveCapacity(keys.count)
    for index in 0..<keys.count {
      // Keys are scalars: the tree refuses others.
      let keyNode = keys[index]
      let key = tree.text(keyNode)
      if !allowed.contains(key) && !key.hasPrefix("x-") {
        if let suggestion = Self.suggestion(for: key, among: allowed),
          !keys.contains(where: { tree.text($0) == suggestion })
        {
          fields.misspelt.insert(suggestion)
          problem(keyNode, "unknown key '\(key)' in \(what); did you mean '\(suggestion)'?", id: id)
        } else {
          let known = allowed.sorted().joined(separator: ", ")
          problem(keyNode, "unknown key '\(key)' in \(what); known keys: \(known)", id: id)
        }
        continue
      }
      fields.pairs.append((key, keyNode, values[index]))
    }
    return fields
  }

  /// `what` names the value in messages; it is only worded when there is one (this runs for
  /// every text of the questionnaire).
  mutating func string(_ node: Node?, _ what: @autoclosure () -> String, id: String? = nil)
    -> String?
  {
    guard let node else { return nil }
    guard count(node) else { return nil }
    guard tree.kind(node) == .scalar else {
      problem(node, "\(what()) must be a text, not a list or mapping", id: id)
      return nil
    }
    let text = tree.text(node)
    if !tree.tags.isEmpty, let tag = tree.tags[node.index] {
      // `when: !(a == b)` unquoted: YAML takes `!(a` for a tag and the rest for the value.
      let written = text.isEmpty ? tag : tag + " " + text
      let quoted = "\"" + written.replacingOccurrences(of: "\"", with: "\\\"") + "\""
      problem(
        node,
        "YAML reads a value starting with '!' as a tag; quote \(what() == "when" ? "the condition: when: " : "it: ")\(quoted)",
        id: id)
      return nil
    }
    return text
  }

  mutating func required(_ fields: Fields, _ key: String, _ what: String, id: String? = nil)
    -> Node?
  {
    if let value = fields.value(key) { return value }
    if !fields.misspelt.contains(key) { problem(fields.node, "\(what) lacks '\(key)'", id: id) }
    return nil
  }

  mutating func stringList(_ node: Node?, _ what: String, id: String? = nil) -> [String] {
    guard let node else { return [] }
    guard count(node) else { return [] }
    guard tree.kind(node) == .sequence else {
      if tree.kind(node) == .scalar, !tree.text(node).isEmpty {
        problem(node, "\(what) must be a list, e.g. [\(tree.text(node))]", id: id)
      } else {
        problem(node, "\(what) must be a list", id: id)
      }
      return []
    }
    return tree.items(node).compactMap { string($0, "an item of \(what)", id: id) }
  }

  mutating func sequence(_ node: Node?, _ what: String) -> [Node] {
    guard let node else { return [] }
    guard count(node) else { return [] }
    guard tree.kind(node) == .sequence else {
      problem(node, "\(what) must be a list")
      return []
    }
    return Array(tree.items(node))
  }

  mutating func localized(_ node: Node?, _ what: @autoclosure () -> String, id: String?)
    -> LocalizedText?
  {
    guard let node else { return nil }
    guard count(node) else { return nil }
    guard tree.kind(node) == .mapping else {
      problem(
        node, "\(what()) must give a text per language (\(languages.joined(separator: ", ")))",
        id: id)
      return nil
    }
    var entries: [LocalizedText.Entry] = []
    entries.reserveCapacity(languages.count)
    for (keyNode, value) in zip(tree.keys(node), tree.values(node)) {
      guard let language = string(keyNode, "a language code", id: id) else { continue }
      guard languages.contains(language) else {
        problem(
          keyNode,
          "\(what()) has a text in '\(language)', which is not among the questionnaire's languages (\(languages.joined(separator: ", ")))",
          id: id)
        continue
      }
      guard let text = string(value, "\(what()) in '\(language)'", id: id) else { continue }
      // Stops at the first visible character: Foundation's trimming copies every long text.
      if Self.isBlank(text) {
        problem(value, "\(what()) in '\(language)' is empty", id: id)
      }
      entries.append(LocalizedText.Entry(language: language, text: text))
    }
    // Keys are unique (the tree refuses a key given twice), so as many texts as languages is all.
    let missing =
      entries.count == languages.count
      ? [] : languages.filter { language in !entries.contains { $0.language == language } }
    if !missing.isEmpty {
      problem(node, "\(what()) lacks a translation in \(missing.joined(separator: ", "))", id: id)
    }
    return LocalizedText(entries: entries)
  }

  /// Empty or only white space. Texts usually start with a visible ASCII character, decided
  /// without looking up Unicode properties.
  private static func isBlank(_ text: String) -> Bool {
    if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
    return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }

  mutating func identifier(_ node: Node?, _ what: String, pattern: IDPattern) -> String? {
    guard let value = string(node, what) else { return nil }
    if !pattern.matches(value) {
      problem(node, "\(what) '\(value)' must match \(pattern.description)", id: value)
    }
    return value
  }

  enum IDPattern: CustomStringConvertible {
    /// `[a-z][a-z0-9_]*`
    case question
    /// `[A-Za-z0-9][A-Za-z0-9_.-]*`
    case general
    /// `[a-z0-9][a-z0-9_.-]*`: it names a directory and is written in every session file, so
    /// one spelling only (no capitals).
    case questionnaire

    func matches(_ text: String) -> Bool {
      guard let first = text.unicodeScalars.first, text.count <= 128 else { return false }
      switch self {
      case .question:
        return ("a"..."z").contains(first)
          && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
          }
      case .general:
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
          ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || ("0"..."9").contains(scalar)
        }
        return allowed(first)
          && text.unicodeScalars.allSatisfy { allowed($0) || "_.-".unicodeScalars.contains($0) }
      case .questionnaire:
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
          ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first)
          && text.unicodeScalars.allSatisfy { allowed($0) || "_.-".unicodeScalars.contains($0) }
      }
    }

    var description: String {
      switch self {
      case .question: return "[a-z][a-z0-9_]* (lowercase letters, digits, underscores)"
      case .general: return "[A-Za-z0-9][A-Za-z0-9_.-]*"
      case .questionnaire: return "[a-z0-9][a-z0-9_.-]* (lowercase letters, digits, '_', '.', '-')"
      }
    }
  }

  // MARK: - The questionnaire

  private static let topKeys: Set<String> = [
    "format", "id", "version", "languages", "title", "description", "sections", "risk_model",
    "blocking", "risks", "citations", "labels", "owner", "notice",
  ]

  mutating func read(_ root: Node) -> Questionnaire? {
    guard let fields = mapping(root, "the questionnaire", allowed: Self.topKeys) else { return nil }
    if let formatNode = required(fields, "format", "the questionnaire") {
      let format = string(formatNode, "format")
      if format != "1" {
        problem(
          formatNode, "format '\(format ?? "")' is not supported; this cloud-assess reads format 1")
      }
    }
    let id = identifier(
      required(fields, "id", "the questionnaire"), "the questionnaire id", pattern: .questionnaire)
    let version = string(required(fields, "version", "the questionnaire"), "version")
    if let languagesNode = required(fields, "languages", "the questionnaire") {
      let list = stringList(languagesNode, "languages")
      if list.isEmpty {
        problem(languagesNode, "languages must name at least one language, e.g. [fr, en, nl]")
      } else if Set(list).count != list.count {
        problem(languagesNode, "languages lists a language twice")
      } else {
        languages = list
      }
    }
    let title = localized(required(fields, "title", "the questionnaire"), "title", id: id)
    let owner = readOwner(fields.value("owner"), id: nil) ?? .provider
    let description = localized(fields.value("description"), "description", id: id)
    let notice = localized(fields.value("notice"), "notice", id: id)
    let sectionNodes = sequence(required(fields, "sections", "the questionnaire"), "sections")
    if let node = fields.value("sections"), sectionNodes.isEmpty, tree.kind(node) == .sequence {
      problem(node, "sections must hold at least one section")
    }
    var sections: [Section] = []
    var pending: [PendingCondition] = []
    var sectionIDs: [String: Node] = [:]
    var questionIDs: [String: Node] = [:]
    for node in sectionNodes {
      if let section = readSection(node, &pending, &sectionIDs, &questionIDs) {
        sections.append(section)
      }
    }
    var questionnaire = Questionnaire(
      id: id ?? "", version: version ?? "", languages: languages,
      title: title ?? LocalizedText([:]),
      description: description, sections: sections, owner: owner, notice: notice)
    checkConditions(pending, questionnaire)
    if let node = fields.value("risk_model") {
      questionnaire.riskModel = readRiskModel(node, questionnaire) ?? .standard
    }
    questionnaire.blockingRules = sequence(fields.value("blocking"), "blocking").compactMap {
      readBlockingRule($0, questionnaire)
    }
    checkUnique(questionnaire.blockingRules.map(\.id), fields.value("blocking"), "blocking rule")
    questionnaire.risks = sequence(fields.value("risks"), "risks").compactMap {
      readRisk($0, questionnaire)
    }
    checkUnique(questionnaire.risks.map(\.id), fields.value("risks"), "risk")
    questionnaire.citations = readCitations(fields.value("citations"))
    questionnaire.labels = readLabels(fields.value("labels"))
    return problems.isEmpty ? questionnaire : nil
  }

  private mutating func checkUnique(_ ids: [String], _ node: Node?, _ what: String) {
    var seen = Set<String>()
    for id in ids where !seen.insert(id).inserted {
      problem(node, "two \(what)s have the id '\(id)'", id: id)
    }
  }
}
