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

  private mutating func problem(_ node: Node?, _ message: String, id: String? = nil) {
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
  private func place(_ node: Node, from other: Node) -> String {
    let raw = tree[node]
    if raw.file == tree[other].file { return "line \(raw.line)" }
    return "\(tree.files[Int(raw.file)]):\(raw.line)"
  }

  /// A problem at a column inside a condition (1-based, counted in the condition's text): in the
  /// file, that column of the scalar when its text stands on one line as written (plain, or
  /// quoted without escapes); else the scalar's start.
  private mutating func problem(
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

  private mutating func count(_ node: Node) -> Bool {
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

  private struct Fields {
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

  private mutating func mapping(
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
  private mutating func string(_ node: Node?, _ what: @autoclosure () -> String, id: String? = nil)
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

  private mutating func required(_ fields: Fields, _ key: String, _ what: String, id: String? = nil)
    -> Node?
  {
    if let value = fields.value(key) { return value }
    if !fields.misspelt.contains(key) { problem(fields.node, "\(what) lacks '\(key)'", id: id) }
    return nil
  }

  private mutating func stringList(_ node: Node?, _ what: String, id: String? = nil) -> [String] {
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

  private mutating func sequence(_ node: Node?, _ what: String) -> [Node] {
    guard let node else { return [] }
    guard count(node) else { return [] }
    guard tree.kind(node) == .sequence else {
      problem(node, "\(what) must be a list")
      return []
    }
    return Array(tree.items(node))
  }

  private mutating func localized(_ node: Node?, _ what: @autoclosure () -> String, id: String?)
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

  private mutating func identifier(_ node: Node?, _ what: String, pattern: IDPattern) -> String? {
    guard let value = string(node, what) else { return nil }
    if !pattern.matches(value) {
      problem(node, "\(what) '\(value)' must match \(pattern.description)", id: value)
    }
    return value
  }

  private enum IDPattern: CustomStringConvertible {
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
    "blocking", "risks", "citations", "labels", "owner",
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
      description: description, sections: sections, owner: owner)
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

  // MARK: - Sections and questions

  /// A condition waiting for every question to be known before its references are checked.
  private struct PendingCondition {
    var result: ConditionParser.Result
    var node: Node
    var ownerID: String
    /// Position (in walking order) before which referenced questions must come.
    var limit: Int
    /// The question guarded, when it is a question's condition.
    var guardedQuestion: String?
  }

  private static let sectionKeys: Set<String> = [
    "id", "title", "introduction", "refs", "when", "owner", "questions",
  ]
  private static let questionKeys: Set<String> = [
    "id", "refs", "type", "text", "help", "options", "when", "severity", "protects", "remediation",
    "mappings", "basis", "optional", "min", "max", "integer", "owner",
  ]

  /// `owner`: who must act on the points, on the questionnaire, a section or a question.
  private mutating func readOwner(_ node: Node?, id: String?) -> DutyOwner? {
    guard let node, let name = string(node, "owner", id: id) else { return nil }
    if let known = DutyOwner(rawValue: name) { return known }
    let names = DutyOwner.allCases.map(\.rawValue)
    let choices = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    problem(node, "unknown owner '\(name)'; use \(choices)", id: id)
    return nil
  }

  /// `citations`: ref → how a reader finds it in the published source, per language.
  private mutating func readCitations(_ node: Node?) -> [String: LocalizedText] {
    guard let node, count(node) else { return [:] }
    guard tree.kind(node) == .mapping else {
      problem(
        node,
        "citations must map each ref to its citation per language, e.g. \"2.4.6\": {fr: \"2.4, 6e point\", en: \"2.4, 6th point\"}"
      )
      return [:]
    }
    var citations: [String: LocalizedText] = [:]
    for (keyNode, value) in zip(tree.keys(node), tree.values(node)) {
      // Keys are scalars: the tree refuses others.
      let key = tree.text(keyNode)
      if let text = localized(value, "the citation of '\(key)'", id: nil) {
        citations[key] = text
      }
    }
    return citations
  }

  /// `labels`: the report's texts that belong to the questionnaire.
  private mutating func readLabels(_ node: Node?) -> QuestionnaireLabels {
    guard let node,
      let fields = mapping(
        node, "labels",
        allowed: [
          "register", "provider_action", "organisation_action", "shared_action", "provider",
          "service",
        ])
    else { return QuestionnaireLabels() }
    return QuestionnaireLabels(
      register: localized(fields.value("register"), "the register label", id: nil),
      providerAction: localized(
        fields.value("provider_action"), "the provider action label", id: nil),
      organisationAction: localized(
        fields.value("organisation_action"), "the organisation action label", id: nil),
      sharedAction: localized(fields.value("shared_action"), "the shared action label", id: nil),
      provider: localized(fields.value("provider"), "the provider label", id: nil),
      service: localized(fields.value("service"), "the service label", id: nil))
  }

  private mutating func readSection(
    _ node: Node, _ pending: inout [PendingCondition], _ sectionIDs: inout [String: Node],
    _ questionIDs: inout [String: Node]
  ) -> Section? {
    guard let fields = mapping(node, "a section", allowed: Self.sectionKeys) else { return nil }
    let idNode = required(fields, "id", "a section")
    let id = identifier(idNode, "the section id", pattern: .general) ?? ""
    if let idNode, !id.isEmpty {
      if let first = sectionIDs[id] {
        problem(
          idNode, "duplicate section id '\(id)' (first at \(place(first, from: idNode)))", id: id)
      } else {
        sectionIDs[id] = idNode
      }
    }
    let title = localized(
      required(fields, "title", "a section", id: id), "the section title", id: id)
    let introduction = localized(fields.value("introduction"), "the introduction", id: id)
    let refs = stringList(fields.value("refs"), "refs", id: id)
    let owner = readOwner(fields.value("owner"), id: id)
    let firstPosition = questionIDs.count
    let when = parseCondition(
      fields.value("when"), ownerID: id, limit: firstPosition, guarded: nil, &pending)
    let questionNodes = sequence(required(fields, "questions", "a section", id: id), "questions")
    if questionNodes.isEmpty, let questionsNode = fields.value("questions"),
      tree.kind(questionsNode) == .sequence
    {
      problem(questionsNode, "a section must hold at least one question", id: id)
    }
    var questions: [Question] = []
    for questionNode in questionNodes {
      if let question = readQuestion(questionNode, &pending, &questionIDs) {
        questions.append(question)
      }
    }
    return Section(
      id: id, title: title ?? LocalizedText([:]), introduction: introduction, refs: refs,
      when: when, owner: owner, questions: questions)
  }

  private mutating func readQuestion(
    _ node: Node, _ pending: inout [PendingCondition], _ questionIDs: inout [String: Node]
  ) -> Question? {
    guard let fields = mapping(node, "a question", allowed: Self.questionKeys) else { return nil }
    let idNode = required(fields, "id", "a question")
    guard let id = identifier(idNode, "the question id", pattern: .question), let idNode else {
      return nil
    }
    if let first = questionIDs[id] {
      problem(
        idNode, "duplicate question id '\(id)' (first at \(place(first, from: idNode)))", id: id)
      return nil
    }
    let position = questionIDs.count
    questionIDs[id] = idNode
    var knownType: QuestionType?
    if let typeNode = required(fields, "type", "the question", id: id),
      let name = string(typeNode, "type", id: id)
    {
      if let known = QuestionType(rawValue: name) {
        knownType = known
      } else {
        let names = QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
        problem(typeNode, "unknown type '\(name)'; use one of \(names)", id: id)
      }
    }
    // An unknown type was reported; check the rest as if it took no options and no scale.
    let type = knownType ?? .text
    let text = localized(
      required(fields, "text", "the question", id: id), "the question text", id: id)
    let help = localized(required(fields, "help", "the question", id: id), "the help", id: id)
    let refs = stringList(fields.value("refs"), "refs", id: id)
    var options: [ChoiceOption] = []
    if let optionsNode = fields.value("options") {
      if type.takesOptions {
        options = readOptions(optionsNode, questionID: id)
      } else if knownType != nil {
        problem(optionsNode, "a '\(type.rawValue)' question takes no options", id: id)
      }
    } else if type.takesOptions {
      problem(fields.node, "a '\(type.rawValue)' question needs options", id: id)
    }
    var severity: Severity?
    if let severityNode = fields.value("severity"),
      let name = string(severityNode, "severity", id: id)
    {
      severity = Severity(rawValue: name)
      if severity == nil {
        problem(
          severityNode, "unknown severity '\(name)'; use low, medium, high or critical", id: id)
      }
    }
    var protects: [SecurityDimension] = []
    if let protectsNode = fields.value("protects") {
      for name in stringList(protectsNode, "protects", id: id) {
        if let dimension = SecurityDimension(rawValue: name) {
          if !protects.contains(dimension) { protects.append(dimension) }
        } else {
          problem(
            protectsNode,
            "unknown dimension '\(name)' in protects; use availability, integrity, confidentiality",
            id: id)
        }
      }
    }
    let remediation = localized(fields.value("remediation"), "the remediation", id: id)
    let mappings = readMappings(fields.value("mappings"), questionID: id)
    if type == .compliance {
      if refs.isEmpty, !fields.misspelt.contains("refs") {
        problem(fields.node, "a compliance question needs refs", id: id)
      }
      if fields.value("severity") == nil, !fields.misspelt.contains("severity") {
        problem(fields.node, "a compliance question needs a severity", id: id)
      }
      if protects.isEmpty, fields.value("protects") == nil, !fields.misspelt.contains("protects") {
        problem(
          fields.node,
          "a compliance question needs protects (availability, integrity, confidentiality)", id: id)
      }
      if fields.value("remediation") == nil, !fields.misspelt.contains("remediation") {
        problem(fields.node, "a compliance question needs a remediation", id: id)
      }
    } else if let knownType {
      // The risk engine scores compliance questions only: on another type these would be
      // silently ignored.
      for key in ["severity", "protects", "remediation"] {
        guard let keyNode = fields.keyNode(key) else { continue }
        problem(
          keyNode,
          "'\(key)' applies only to compliance questions (this one is '\(knownType.rawValue)'); remove it, or make the question a compliance one",
          id: id)
      }
    }
    var minimum: Double?
    var maximum: Double?
    var integer = false
    if type == .number {
      minimum = number(fields.value("min"), "min", id: id)
      maximum = number(fields.value("max"), "max", id: id)
      if let minimum, let maximum, minimum > maximum, let maxNode = fields.value("max") {
        problem(
          maxNode,
          "max (\(NumberInput.format(maximum, .en))) is below min (\(NumberInput.format(minimum, .en))); no answer could be given",
          id: id)
      }
      if let integerNode = fields.value("integer"),
        let value = string(integerNode, "integer", id: id)
      {
        switch value {
        case "true": integer = true
        case "false": integer = false
        default: problem(integerNode, "integer must be true or false, not '\(value)'", id: id)
        }
      }
    } else if knownType != nil {
      for key in ["min", "max", "integer"] {
        guard let keyNode = fields.keyNode(key) else { continue }
        problem(
          keyNode, "'\(key)' applies only to number questions (this one is '\(type.rawValue)')",
          id: id)
      }
    }
    var basis: RequirementBasis?
    if let basisNode = fields.value("basis"), let name = string(basisNode, "basis", id: id) {
      basis = RequirementBasis(rawValue: name)
      if basis == nil {
        problem(basisNode, "unknown basis '\(name)'; use law, good_practice or policy", id: id)
      }
    }
    var optional = false
    if let optionalNode = fields.value("optional"),
      let flag = string(optionalNode, "optional", id: id)
    {
      switch flag {
      case "true": optional = true
      case "false": optional = false
      default: problem(optionalNode, "optional must be true or false", id: id)
      }
    }
    let owner = readOwner(fields.value("owner"), id: id)
    if type == .derogation {
      for key in ["severity", "protects", "remediation", "optional"] {
        if let node = fields.value(key) {
          problem(
            node,
            "a 'derogation' question takes no \(key): it is never scored, and it is optional by nature",
            id: id)
        }
      }
    }
    let when = parseCondition(
      fields.value("when"), ownerID: id, limit: position, guarded: id, &pending)
    return Question(
      id: id, refs: refs, type: type, text: text ?? LocalizedText([:]),
      help: help ?? LocalizedText([:]), options: options, when: when, severity: severity,
      protects: protects, remediation: remediation, mappings: mappings, basis: basis,
      optional: optional, minimum: minimum, maximum: maximum, integer: integer, owner: owner)
  }

  /// A bound of a number question: a decimal number written with a point (`0`, `-3`, `12.5`).
  private mutating func number(_ node: Node?, _ what: String, id: String) -> Double? {
    guard let node, let text = string(node, what, id: id) else { return nil }
    switch NumberInput.parse(text, language: .en) {
    case .success(let value):
      return value
    case .failure(let failure):
      problem(
        node,
        "\(what) must be a number written with a point, e.g. 0 or 12.5: \(failure.message(text, .en))",
        id: id)
      return nil
    }
  }

  private mutating func readOptions(_ node: Node, questionID: String) -> [ChoiceOption] {
    let nodes = sequence(node, "options")
    if nodes.count < 2, tree.kind(node) == .sequence {
      problem(node, "a choice needs at least two options", id: questionID)
    }
    var options: [ChoiceOption] = []
    var seen = Set<String>()
    for optionNode in nodes {
      guard let fields = mapping(optionNode, "an option", allowed: ["id", "label"], id: questionID)
      else { continue }
      guard
        let id = identifier(
          required(fields, "id", "an option", id: questionID), "the option id", pattern: .general)
      else { continue }
      if !seen.insert(id).inserted {
        problem(optionNode, "duplicate option id '\(id)'", id: questionID)
        continue
      }
      let label = localized(
        required(fields, "label", "an option", id: questionID), "the label of option '\(id)'",
        id: questionID)
      options.append(ChoiceOption(id: id, label: label ?? LocalizedText([:])))
    }
    return options
  }

  private mutating func readMappings(_ node: Node?, questionID: String) -> Mappings {
    guard let node,
      let fields = mapping(node, "mappings", allowed: ["iso27002", "nis2", "gdpr"], id: questionID)
    else { return Mappings() }
    return Mappings(
      iso27002: stringList(fields.value("iso27002"), "iso27002", id: questionID),
      nis2: stringList(fields.value("nis2"), "nis2", id: questionID),
      gdpr: stringList(fields.value("gdpr"), "gdpr", id: questionID))
  }

  // MARK: - Conditions

  private mutating func parseCondition(
    _ node: Node?, ownerID: String, limit: Int, guarded: String?,
    _ pending: inout [PendingCondition]
  ) -> Condition? {
    guard let node, let source = string(node, "when", id: ownerID) else { return nil }
    do {
      let result = try ConditionParser.parse(source)
      pending.append(
        PendingCondition(
          result: result, node: node, ownerID: ownerID, limit: limit, guardedQuestion: guarded))
      return result.condition
    } catch {
      problem(
        node, conditionColumn: error.column, conditionMessage(error, source: source), id: ownerID)
      return nil
    }
  }

  private func conditionMessage(_ error: ConditionSyntaxError, source: String) -> String {
    "condition '\(source)': column \(error.column): \(error.message)"
  }

  private mutating func checkConditions(
    _ pending: [PendingCondition], _ questionnaire: Questionnaire
  ) {
    for condition in pending {
      checkReferences(
        condition.result.references, node: condition.node, ownerID: condition.ownerID,
        questionnaire: questionnaire, limit: condition.limit, guarded: condition.guardedQuestion)
    }
  }

  /// Checks that a condition names known questions (earlier ones when `limit` is given) and
  /// answer ids those questions have.
  private mutating func checkReferences(
    _ references: [ConditionReference], node: Node, ownerID: String,
    questionnaire: Questionnaire, limit: Int?, guarded: String?
  ) {
    for reference in references {
      let at = "column \(reference.column)"
      guard let position = questionnaire.index(of: reference.questionID),
        let question = questionnaire.question(reference.questionID)
      else {
        problem(
          node, conditionColumn: reference.column,
          "condition, \(at): unknown question '\(reference.questionID)'", id: ownerID)
        continue
      }
      if reference.questionID == guarded {
        problem(
          node, conditionColumn: reference.column,
          "condition, \(at): a question's condition cannot refer to the question itself",
          id: ownerID)
        continue
      }
      if let limit, position >= limit {
        problem(
          node, conditionColumn: reference.column,
          "condition, \(at): '\(reference.questionID)' comes later; a condition may refer only to earlier questions",
          id: ownerID)
        continue
      }
      switch reference.use {
      case .answered:
        break
      case .truth:
        if question.type != .yesno {
          problem(
            node, conditionColumn: reference.column,
            "condition, \(at): '\(reference.questionID)' alone needs a yesno question; it is '\(question.type.rawValue)', compare it with == or in",
            id: ownerID)
        }
      case .comparison:
        if question.type != .number {
          problem(
            node, conditionColumn: reference.column,
            "condition, \(at): '\(reference.questionID)' is not a number question", id: ownerID)
        }
      case .value:
        if question.type == .text {
          problem(
            node, conditionColumn: reference.column,
            "condition, \(at): '\(reference.questionID)' is a text question; only answered() applies",
            id: ownerID)
        } else if question.type == .number {
          for (index, value) in reference.values.enumerated() where Double(value) == nil {
            let column =
              reference.valueColumns.indices.contains(index)
              ? reference.valueColumns[index] : reference.column
            problem(
              node, conditionColumn: column,
              "condition, column \(column): '\(value)' is not a number", id: ownerID)
          }
        } else {
          let known = question.answerIDs
          for (index, value) in reference.values.enumerated() where !known.contains(value) {
            let column =
              reference.valueColumns.indices.contains(index)
              ? reference.valueColumns[index] : reference.column
            problem(
              node, conditionColumn: column,
              "condition, column \(column): '\(value)' is not an answer of '\(reference.questionID)' (\(known.joined(separator: ", ")))",
              id: ownerID)
          }
        }
      }
    }
  }

  // MARK: - Risk method

  private static let riskModelKeys: Set<String> = [
    "likelihood", "impact", "levels", "matrix", "answer_likelihood", "severity_impact",
    "impact_adjustments", "not_acceptable_from", "conditions_from",
  ]

  private mutating func readScale(_ node: Node?, _ what: String) -> [ScaleLevel] {
    var levels: [ScaleLevel] = []
    for levelNode in sequence(node, what) {
      guard let fields = mapping(levelNode, "a level of \(what)", allowed: ["id", "label"]),
        let id = identifier(
          required(fields, "id", "a level of \(what)"), "the level id", pattern: .general)
      else { continue }
      let label = localized(
        required(fields, "label", "a level of \(what)", id: id), "the label of '\(id)'", id: id)
      if levels.contains(where: { $0.id == id }) {
        problem(levelNode, "\(what) lists '\(id)' twice", id: id)
      }
      levels.append(ScaleLevel(id: id, label: label ?? LocalizedText([:])))
    }
    if levels.isEmpty, let node { problem(node, "\(what) needs at least one level") }
    return levels
  }

  private mutating func readRiskModel(_ node: Node, _ questionnaire: Questionnaire) -> RiskModel? {
    guard let fields = mapping(node, "risk_model", allowed: Self.riskModelKeys) else { return nil }
    let likelihood = readScale(required(fields, "likelihood", "risk_model"), "likelihood")
    let impact = readScale(required(fields, "impact", "risk_model"), "impact")
    let levels = readScale(required(fields, "levels", "risk_model"), "levels")
    let likelihoodIDs = likelihood.map(\.id)
    let levelIDs = levels.map(\.id)
    var matrix: [String: [String]] = [:]
    if let matrixNode = required(fields, "matrix", "risk_model"),
      let rows = mapping(matrixNode, "the matrix", allowed: Set(likelihoodIDs))
    {
      for row in rows.pairs {
        let cells = stringList(row.value, "the matrix row '\(row.key)'")
        if cells.count != impact.count {
          problem(
            row.value,
            "the matrix row '\(row.key)' has \(cells.count) cells; it needs one per impact level (\(impact.count))"
          )
        }
        for cell in cells where !levelIDs.contains(cell) {
          problem(
            row.value,
            "the matrix row '\(row.key)' names '\(cell)', which is not a level (\(levelIDs.joined(separator: ", ")))"
          )
        }
        matrix[row.key] = cells
      }
      for id in likelihoodIDs where matrix[id] == nil {
        problem(matrixNode, "the matrix lacks the row '\(id)'; it needs one row per likelihood")
      }
    }
    var answerLikelihood: [String: String] = [:]
    if let answersNode = required(fields, "answer_likelihood", "risk_model"),
      let answers = mapping(answersNode, "answer_likelihood", allowed: Set(RiskModel.answerKeys))
    {
      for pair in answers.pairs {
        guard let value = string(pair.value, "answer_likelihood of '\(pair.key)'") else { continue }
        if !likelihoodIDs.contains(value) {
          problem(
            pair.value, "'\(value)' is not a likelihood (\(likelihoodIDs.joined(separator: ", ")))")
        }
        answerLikelihood[pair.key] = value
      }
      for key in RiskModel.answerKeys where answerLikelihood[key] == nil {
        problem(answersNode, "answer_likelihood lacks '\(key)'")
      }
    }
    var severityImpact: [Severity: String] = [:]
    let impactIDs = impact.map(\.id)
    if let severityNode = required(fields, "severity_impact", "risk_model"),
      let severities = mapping(
        severityNode, "severity_impact", allowed: Set(Severity.allCases.map(\.rawValue)))
    {
      for pair in severities.pairs {
        guard let severity = Severity(rawValue: pair.key),
          let value = string(pair.value, "severity_impact of '\(pair.key)'")
        else { continue }
        if !impactIDs.contains(value) {
          problem(
            pair.value, "'\(value)' is not an impact level (\(impactIDs.joined(separator: ", ")))")
        }
        severityImpact[severity] = value
      }
      for severity in Severity.allCases where severityImpact[severity] == nil {
        problem(severityNode, "severity_impact lacks '\(severity.rawValue)'")
      }
    }
    var adjustments: [ImpactAdjustment] = []
    for adjustmentNode in sequence(fields.value("impact_adjustments"), "impact_adjustments") {
      guard
        let adjustment = mapping(
          adjustmentNode, "an impact adjustment",
          allowed: ["when", "dimensions", "questions", "shift", "reason"])
      else { continue }
      guard let whenNode = required(adjustment, "when", "an impact adjustment"),
        let source = string(whenNode, "when")
      else { continue }
      let result: ConditionParser.Result
      do {
        result = try ConditionParser.parse(source)
      } catch {
        problem(whenNode, conditionColumn: error.column, conditionMessage(error, source: source))
        continue
      }
      checkReferences(
        result.references, node: whenNode, ownerID: "impact_adjustments",
        questionnaire: questionnaire, limit: nil, guarded: nil)
      var dimensions: [SecurityDimension] = []
      let questionsNode = adjustment.value("questions")
      let questions = stringList(questionsNode, "questions")
      for question in questions {
        guard let found = questionnaire.question(question) else {
          problem(questionsNode, "unknown question '\(question)'")
          continue
        }
        if found.type != .compliance {
          problem(
            questionsNode, "'\(question)' is not a compliance question; only those have an impact")
        }
      }
      let dimensionsNode =
        questionsNode == nil
        ? required(adjustment, "dimensions", "an impact adjustment")
        : adjustment.value("dimensions")
      for name in stringList(dimensionsNode, "dimensions") {
        if let dimension = SecurityDimension(rawValue: name) {
          dimensions.append(dimension)
        } else {
          problem(
            dimensionsNode,
            "unknown dimension '\(name)'; use availability, integrity, confidentiality")
        }
      }
      let shiftNode = required(adjustment, "shift", "an impact adjustment")
      let shift = string(shiftNode, "shift").flatMap { Int($0) }
      if shiftNode != nil, shift == nil || shift == 0 {
        problem(shiftNode, "shift must be a whole number of impact levels, e.g. 1 or -1")
      }
      let reason = localized(
        required(adjustment, "reason", "an impact adjustment"), "the reason", id: nil)
      adjustments.append(
        ImpactAdjustment(
          when: result.condition, dimensions: dimensions, questions: questions, shift: shift ?? 0,
          reason: reason ?? LocalizedText([:])))
    }
    var thresholds: [String: String] = [:]
    for key in ["not_acceptable_from", "conditions_from"] {
      guard let node = fields.value(key), let value = string(node, key) else { continue }
      if !levelIDs.contains(value) {
        problem(node, "\(key) '\(value)' is not a level (\(levelIDs.joined(separator: ", ")))")
      }
      thresholds[key] = value
    }
    return RiskModel(
      likelihood: likelihood, impact: impact, levels: levels, matrix: matrix,
      answerLikelihood: answerLikelihood, severityImpact: severityImpact,
      impactAdjustments: adjustments, notAcceptableFrom: thresholds["not_acceptable_from"],
      conditionsFrom: thresholds["conditions_from"])
  }

  private mutating func readBlockingRule(_ node: Node, _ questionnaire: Questionnaire)
    -> BlockingRule?
  {
    guard
      let fields = mapping(
        node, "a blocking rule",
        allowed: [
          "id", "refs", "when", "questions", "message", "remediation", "derogation", "basis",
        ])
    else { return nil }
    guard
      let id = identifier(
        required(fields, "id", "a blocking rule"), "the rule id", pattern: .general)
    else { return nil }
    let refs = stringList(required(fields, "refs", "the blocking rule", id: id), "refs", id: id)
    var condition: Condition?
    if let whenNode = required(fields, "when", "the blocking rule", id: id),
      let source = string(whenNode, "when", id: id)
    {
      do {
        let result = try ConditionParser.parse(source)
        checkReferences(
          result.references, node: whenNode, ownerID: id, questionnaire: questionnaire, limit: nil,
          guarded: nil)
        condition = result.condition
      } catch {
        problem(
          whenNode, conditionColumn: error.column, conditionMessage(error, source: source), id: id)
      }
    }
    let questionsNode = fields.value("questions")
    let questions = stringList(questionsNode, "questions", id: id)
    for question in questions where questionnaire.index(of: question) == nil {
      problem(questionsNode, "unknown question '\(question)'", id: id)
    }
    reportRepeated(questions, questionsNode, "questions", id: id)
    let message = localized(
      required(fields, "message", "the blocking rule", id: id), "the message", id: id)
    let remediation = localized(
      required(fields, "remediation", "the blocking rule", id: id), "the remediation", id: id)
    var derogation = DerogationRule.unspecified
    if let derogationNode = fields.value("derogation"),
      let name = string(derogationNode, "derogation", id: id)
    {
      if name == "none" {
        derogation = .none
      } else if let found = questionnaire.question(name), found.type == .derogation {
        derogation = .question(name)
      } else {
        problem(
          derogationNode,
          "derogation '\(name)' is not a 'derogation' question; name one, or write none when no derogation is possible",
          id: id)
      }
    }
    var basis: RequirementBasis?
    if let basisNode = fields.value("basis"), let name = string(basisNode, "basis", id: id) {
      basis = RequirementBasis(rawValue: name)
      if basis == nil {
        problem(basisNode, "unknown basis '\(name)'; use law, good_practice or policy", id: id)
      }
    }
    guard let condition, let message, let remediation else { return nil }
    return BlockingRule(
      id: id, refs: refs, when: condition, questions: questions, message: message,
      remediation: remediation, derogation: derogation, basis: basis)
  }

  /// A question named twice in a list (it would count twice): reported at its second mention.
  private mutating func reportRepeated(_ items: [String], _ node: Node?, _ what: String, id: String)
  {
    var seen = Set<String>()
    var reported = Set<String>()
    var itemNodes: [Node] = []
    if let node, tree.kind(node) == .sequence { itemNodes = Array(tree.items(node)) }
    for (index, item) in items.enumerated()
    where !seen.insert(item).inserted && reported.insert(item).inserted {
      let at = itemNodes.count == items.count ? itemNodes[index] : node
      problem(at, "\(what) lists '\(item)' twice", id: id)
    }
  }

  private mutating func readRisk(_ node: Node, _ questionnaire: Questionnaire) -> RegisterRisk? {
    guard
      let fields = mapping(node, "a risk", allowed: ["id", "refs", "title", "mitigated_by"])
    else { return nil }
    guard let id = identifier(required(fields, "id", "a risk"), "the risk id", pattern: .general)
    else {
      return nil
    }
    let refs = stringList(fields.value("refs"), "refs", id: id)
    let title = localized(required(fields, "title", "the risk", id: id), "the title", id: id)
    let mitigatedNode = required(fields, "mitigated_by", "the risk", id: id)
    let mitigatedBy = stringList(mitigatedNode, "mitigated_by", id: id)
    if mitigatedNode != nil, mitigatedBy.isEmpty {
      problem(mitigatedNode, "mitigated_by must name at least one question", id: id)
    }
    reportRepeated(mitigatedBy, mitigatedNode, "mitigated_by", id: id)
    for question in mitigatedBy {
      guard let found = questionnaire.question(question) else {
        problem(mitigatedNode, "unknown question '\(question)'", id: id)
        continue
      }
      if found.type != .compliance {
        problem(
          mitigatedNode, "'\(question)' is not a compliance question; only those mitigate risks",
          id: id)
      }
    }
    guard let title else { return nil }
    return RegisterRisk(id: id, refs: refs, title: title, mitigatedBy: mitigatedBy)
  }
}
