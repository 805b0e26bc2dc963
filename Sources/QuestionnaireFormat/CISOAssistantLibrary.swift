import AssessmentCore
import Foundation

/// A CISO Assistant framework library as the importer reads it: the header, one framework's
/// requirement nodes in document order, its implementation groups and scores, every text in
/// the library's language (`locale`) and its `translations`. Everything is read from a
/// ``YAMLTree`` (libyaml), located, and checked before anything is converted.
struct CISOAssistantLibrary {
  /// A text in the library's language and its translations, by language code.
  struct Text {
    var byLanguage: [String: String] = [:]

    var isEmpty: Bool { byLanguage.values.allSatisfy { $0.isBlank } }

    /// The text in `language`, else in the library's language (a translation the library
    /// lacks is given in its own language rather than left empty).
    func resolve(_ language: String, locale: String) -> String {
      if let text = byLanguage[language], !text.isBlank { return text }
      return byLanguage[locale] ?? byLanguage.values.first { !$0.isBlank } ?? ""
    }
  }

  struct Place {
    var line: Int
    var column: Int
  }

  struct Group {
    var refID: String
    var name: Text
    var description: Text
    var place: Place
  }

  struct Score {
    var score: String
    var name: Text
    var description: Text
  }

  struct Choice {
    var urn: String
    var value: Text
    var description: Text
    /// `compute_result` as written (`compliant`, `partially_compliant`, `non_compliant`,
    /// `not_applicable`, or the older `true`/`false`), nil when absent.
    var computeResult: String?
    var selectGroups: [String]
    var place: Place
  }

  struct Dependency {
    var questionURN: String
    var answerURNs: [String]
    /// `all`: every answer named must be chosen; otherwise (`any`, the default) one of them.
    var all: Bool
    var place: Place
  }

  enum QuestionKind: String, CaseIterable {
    case uniqueChoice = "unique_choice"
    case multipleChoice = "multiple_choice"
    case text, number, date, boolean
  }

  struct Question {
    var urn: String
    var kind: QuestionKind
    var text: Text
    var choices: [Choice]
    var dependsOn: Dependency?
    var place: Place
  }

  struct RequirementNode {
    var urn: String
    var refID: String?
    var parentURN: String?
    var assessable: Bool
    var name: Text
    var description: Text
    var annotation: Text
    var typicalEvidence: Text
    var groups: [String]
    var questions: [Question]
    var place: Place
    var parentPlace: Place?
  }

  var urn = ""
  var locale = "en"
  var refID = ""
  var name = Text()
  var description = Text()
  var copyright = ""
  var provider = ""
  var version = ""
  /// The languages the library has texts in: its `locale`, then its `translations`' keys.
  var languages: [String] = []
  var frameworkURN = ""
  var frameworkName = Text()
  var frameworkDescription = Text()
  var groups: [Group] = []
  var scores: [Score] = []
  var minScore: String?
  var maxScore: String?
  var nodes: [RequirementNode] = []
  /// Links to reference controls and threats, which the questionnaire format has no place for.
  var droppedLinks = 0
}

/// Reads a library's tree into a ``CISOAssistantLibrary``, collecting every problem, located.
struct CISOAssistantLibraryReader {
  let tree: YAMLTree
  let file: String
  var problems: [CISOAssistantImport.Problem] = []
  /// Nodes visited: an alias is walked again each time it is used, so this bounds what a file
  /// of aliases can make the reader do (``CISOAssistantImport/maximumNodes``).
  private var visited = 0
  /// Bytes of text read: an alias to a long text, used many times, is read each time.
  private var textBytes = 0

  init(tree: YAMLTree, file: String) {
    self.tree = tree
    self.file = file
  }

  func place(_ node: Node) -> CISOAssistantLibrary.Place {
    let raw = tree[node]
    return CISOAssistantLibrary.Place(line: Int(raw.line), column: Int(raw.column))
  }

  mutating func problem(_ node: Node?, _ kind: CISOAssistantImport.Problem.Kind) {
    // A broken library can have a problem per node: the first ones say enough.
    guard problems.count < CISOAssistantImport.maximumProblems else { return }
    let raw = node.map { tree[$0] }
    problems.append(
      CISOAssistantImport.Problem(
        file: file, line: Int(raw?.line ?? 1), column: Int(raw?.column ?? 1), kind: kind))
  }

  private mutating func count(_ node: Node) -> Bool {
    visited += 1
    if visited == CISOAssistantImport.maximumNodes + 1 {
      problem(node, .tooManyNodes(CISOAssistantImport.maximumNodes))
    }
    return visited <= CISOAssistantImport.maximumNodes
  }

  // MARK: - Typed access

  /// A mapping's values by key (keys are unique: the tree refuses a key given twice).
  private mutating func fields(_ node: Node?, _ what: String) -> [String: Node]? {
    guard let node, count(node) else { return nil }
    guard tree.kind(node) == .mapping else {
      problem(node, .notA(what: what, expected: .mapping))
      return nil
    }
    var result: [String: Node] = [:]
    for (key, value) in zip(tree.keys(node), tree.values(node)) { result[tree.text(key)] = value }
    return result
  }

  private mutating func items(_ node: Node?, _ what: String) -> [Node] {
    guard let node, count(node), !isNull(node) else { return [] }
    guard tree.kind(node) == .sequence else {
      problem(node, .notA(what: what, expected: .list))
      return []
    }
    return Array(tree.items(node))
  }

  /// `null`, `~` or nothing, written plain: no value.
  private func isNull(_ node: Node) -> Bool {
    guard tree.kind(node) == .scalar, tree[node].style == .plain else { return false }
    let text = tree.text(node)
    return text.isEmpty || text == "null" || text == "~" || text == "Null" || text == "NULL"
  }

  /// A text value; nil when absent or null.
  private mutating func scalar(_ node: Node?, _ what: String) -> String? {
    guard let node, count(node), !isNull(node) else { return nil }
    guard tree.kind(node) == .scalar else {
      problem(node, .notA(what: what, expected: .text))
      return nil
    }
    let text = tree.text(node)
    textBytes += text.utf8.count
    if textBytes > CISOAssistantImport.maximumTextBytes {
      if textBytes - text.utf8.count <= CISOAssistantImport.maximumTextBytes {
        problem(node, .tooMuchText(CISOAssistantImport.maximumTextBytes))
      }
      return nil
    }
    return text
  }

  private mutating func scalars(_ node: Node?, _ what: String) -> [String] {
    items(node, what).compactMap { scalar($0, what) }
  }

  private mutating func bool(_ node: Node?, _ what: String) -> Bool {
    guard let text = scalar(node, what) else { return false }
    switch text.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      problem(node, .notA(what: what, expected: .boolean))
      return false
    }
  }

  /// `key` in the library's language and in each translation (`translations: {nl: {key: …}}`).
  private mutating func text(
    _ fields: [String: Node], _ key: String, translations: [String: [String: Node]],
    locale: String
  ) -> CISOAssistantLibrary.Text {
    var text = CISOAssistantLibrary.Text()
    if let own = scalar(fields[key], key) { text.byLanguage[locale] = own }
    for (language, translated) in translations {
      if let value = scalar(translated[key], key) { text.byLanguage[language] = value }
    }
    return text
  }

  /// The `translations` of an object: language → its translated fields.
  private mutating func translations(_ fields: [String: Node]) -> [String: [String: Node]] {
    guard let node = fields["translations"], !isNull(node),
      let languages = self.fields(node, "translations")
    else { return [:] }
    var result: [String: [String: Node]] = [:]
    for (language, value) in languages {
      if let translated = self.fields(value, "translations.\(language)") {
        result[language] = translated
      }
    }
    return result
  }

  // MARK: - The library

  /// The library, or nil with the problems recorded. `framework`: the URN of the framework to
  /// import, when the library holds several.
  mutating func read(_ root: Node, framework: String?) -> CISOAssistantLibrary? {
    guard tree.kind(root) == .mapping, let top = fields(root, "the library") else {
      problems = []
      problem(root, .notALibrary(missing: "urn, objects"))
      return nil
    }
    let missing = ["urn", "objects"].filter { top[$0] == nil }
    guard missing.isEmpty, let objects = fields(top["objects"], "objects") else {
      if problems.isEmpty { problem(root, .notALibrary(missing: missing.joined(separator: ", "))) }
      return nil
    }
    var library = CISOAssistantLibrary()
    library.urn = scalar(top["urn"], "urn") ?? ""
    library.locale = scalar(top["locale"], "locale") ?? "en"
    library.refID = scalar(top["ref_id"], "ref_id") ?? ""
    library.copyright = scalar(top["copyright"], "copyright") ?? ""
    library.provider = scalar(top["provider"], "provider") ?? ""
    library.version = scalar(top["version"], "version") ?? ""
    let translations = self.translations(top)
    library.languages =
      [library.locale] + translations.keys.sorted().filter { $0 != library.locale }
    library.name = text(top, "name", translations: translations, locale: library.locale)
    library.description = text(
      top, "description", translations: translations, locale: library.locale)

    // One framework: `objects.framework` (a mapping, or a list of them).
    var frameworks: [Node] = []
    if let node = objects["framework"] {
      frameworks = tree.kind(node) == .sequence ? items(node, "framework") : [node]
    }
    if let node = objects["frameworks"] { frameworks += items(node, "frameworks") }
    guard !frameworks.isEmpty else {
      let kinds = objects.keys.sorted()
      problem(top["objects"], .notAFramework(holds: kinds))
      return nil
    }
    var chosen: (node: Node, fields: [String: Node])?
    var urns: [String] = []
    for node in frameworks {
      guard let fields = self.fields(node, "framework") else { continue }
      let urn = scalar(fields["urn"], "urn") ?? ""
      urns.append(urn)
      if framework == nil ? frameworks.count == 1 : urn == framework { chosen = (node, fields) }
    }
    guard let (frameworkNode, fields) = chosen else {
      if let framework {
        problem(frameworks[0], .frameworkNotFound(framework, available: urns))
      } else {
        problem(frameworks[0], .severalFrameworks(urns))
      }
      return nil
    }
    guard let frameworkURN = scalar(fields["urn"], "urn"), !frameworkURN.isBlank else {
      problem(frameworkNode, .missingURN(what: "the framework"))
      return nil
    }
    library.frameworkURN = frameworkURN
    let frameworkTranslations = self.translations(fields)
    library.frameworkName = text(
      fields, "name", translations: frameworkTranslations, locale: library.locale)
    library.frameworkDescription = text(
      fields, "description", translations: frameworkTranslations, locale: library.locale)
    library.minScore = scalar(fields["min_score"], "min_score")
    library.maxScore = scalar(fields["max_score"], "max_score")
    for node in items(fields["scores_definition"], "scores_definition") {
      guard let score = self.fields(node, "a score") else { continue }
      let translations = self.translations(score)
      guard let value = scalar(score["score"], "score") else {
        problem(node, .missingKey("score", in: "a score definition"))
        continue
      }
      library.scores.append(
        CISOAssistantLibrary.Score(
          score: value,
          name: text(score, "name", translations: translations, locale: library.locale),
          description: text(
            score, "description", translations: translations, locale: library.locale)))
    }
    var groupPlaces: [String: Node] = [:]
    for node in items(fields["implementation_groups_definition"], "implementation_groups") {
      guard let group = self.fields(node, "an implementation group") else { continue }
      guard let refID = scalar(group["ref_id"], "ref_id"), !refID.isBlank else {
        problem(node, .missingKey("ref_id", in: "an implementation group"))
        continue
      }
      if let first = groupPlaces[refID] {
        problem(node, .duplicateGroup(refID, firstLine: place(first).line))
        continue
      }
      groupPlaces[refID] = node
      let translations = self.translations(group)
      library.groups.append(
        CISOAssistantLibrary.Group(
          refID: refID,
          name: text(group, "name", translations: translations, locale: library.locale),
          description: text(
            group, "description", translations: translations, locale: library.locale),
          place: place(node)))
    }
    let nodeItems = items(fields["requirement_nodes"], "requirement_nodes")
    if nodeItems.isEmpty, problems.isEmpty {
      problem(frameworkNode, .noRequirements)
    }
    for node in nodeItems {
      if let requirement = readNode(node, locale: library.locale, library: &library) {
        library.nodes.append(requirement)
      }
    }
    checkStructure(library)
    return problems.isEmpty ? library : nil
  }

  private mutating func readNode(
    _ node: Node, locale: String, library: inout CISOAssistantLibrary
  ) -> CISOAssistantLibrary.RequirementNode? {
    guard let fields = self.fields(node, "a requirement node") else { return nil }
    guard let urn = scalar(fields["urn"], "urn"), !urn.isBlank else {
      problem(node, .missingURN(what: "a requirement node"))
      return nil
    }
    let translations = self.translations(fields)
    var questions: [CISOAssistantLibrary.Question] = []
    if let questionsNode = fields["questions"], !isNull(questionsNode),
      let map = self.fields(questionsNode, "questions")
    {
      // Keyed by URN, in the order written.
      for (key, value) in zip(tree.keys(questionsNode), tree.values(questionsNode)) {
        _ = map
        if let question = readQuestion(tree.text(key), key: key, value, locale: locale) {
          questions.append(question)
        }
      }
    }
    library.droppedLinks +=
      items(fields["reference_controls"], "reference_controls").count
      + items(fields["threats"], "threats").count
    return CISOAssistantLibrary.RequirementNode(
      urn: urn, refID: scalar(fields["ref_id"], "ref_id"),
      parentURN: scalar(fields["parent_urn"], "parent_urn"),
      assessable: bool(fields["assessable"], "assessable"),
      name: text(fields, "name", translations: translations, locale: locale),
      description: text(fields, "description", translations: translations, locale: locale),
      annotation: text(fields, "annotation", translations: translations, locale: locale),
      typicalEvidence: text(
        fields, "typical_evidence", translations: translations, locale: locale),
      groups: scalars(fields["implementation_groups"], "implementation_groups"),
      questions: questions, place: place(node),
      parentPlace: fields["parent_urn"].map { place($0) })
  }

  private mutating func readQuestion(_ urn: String, key: Node, _ node: Node, locale: String)
    -> CISOAssistantLibrary.Question?
  {
    guard let fields = self.fields(node, "a question") else { return nil }
    let typeName = scalar(fields["type"], "type") ?? ""
    guard let kind = CISOAssistantLibrary.QuestionKind(rawValue: typeName) else {
      problem(
        fields["type"] ?? node,
        .unknownQuestionType(
          typeName, known: CISOAssistantLibrary.QuestionKind.allCases.map(\.rawValue)))
      return nil
    }
    let translations = self.translations(fields)
    var choices: [CISOAssistantLibrary.Choice] = []
    for choiceNode in items(fields["choices"], "choices") {
      guard let choice = self.fields(choiceNode, "a choice") else { continue }
      guard let choiceURN = scalar(choice["urn"], "urn"), !choiceURN.isBlank else {
        problem(choiceNode, .missingURN(what: "a choice"))
        continue
      }
      let choiceTranslations = self.translations(choice)
      choices.append(
        CISOAssistantLibrary.Choice(
          urn: choiceURN,
          value: text(choice, "value", translations: choiceTranslations, locale: locale),
          description: text(
            choice, "description", translations: choiceTranslations, locale: locale),
          computeResult: scalar(choice["compute_result"], "compute_result"),
          selectGroups: scalars(
            choice["select_implementation_groups"], "select_implementation_groups"),
          place: place(choiceNode)))
    }
    if (kind == .uniqueChoice || kind == .multipleChoice) && choices.isEmpty {
      problem(node, .noChoices(urn))
    }
    var dependency: CISOAssistantLibrary.Dependency?
    if let dependsNode = fields["depends_on"], !isNull(dependsNode),
      let depends = self.fields(dependsNode, "depends_on")
    {
      let condition = scalar(depends["condition"], "condition") ?? "any"
      if condition != "any" && condition != "all" {
        problem(depends["condition"], .badDependencyCondition(condition))
      }
      if let question = scalar(depends["question"], "question") {
        dependency = CISOAssistantLibrary.Dependency(
          questionURN: question, answerURNs: scalars(depends["answers"], "answers"),
          all: condition == "all", place: place(dependsNode))
      } else {
        problem(dependsNode, .missingKey("question", in: "depends_on"))
      }
    }
    return CISOAssistantLibrary.Question(
      urn: urn, kind: kind,
      text: text(fields, "text", translations: translations, locale: locale),
      choices: choices, dependsOn: dependency, place: place(key))
  }

  /// URNs present and unique; every parent exists and no chain of parents loops.
  private mutating func checkStructure(_ library: CISOAssistantLibrary) {
    var first: [String: CISOAssistantLibrary.Place] = [:]
    var parentOf: [String: String] = [:]
    func report(_ place: CISOAssistantLibrary.Place, _ kind: CISOAssistantImport.Problem.Kind) {
      guard problems.count < CISOAssistantImport.maximumProblems else { return }
      problems.append(
        CISOAssistantImport.Problem(
          file: file, line: place.line, column: place.column, kind: kind))
    }
    for node in library.nodes {
      if let earlier = first[node.urn] {
        report(node.place, .duplicateURN(node.urn, firstLine: earlier.line))
        continue
      }
      first[node.urn] = node.place
      if let parent = node.parentURN { parentOf[node.urn] = parent }
    }
    var questionURNs: [String: CISOAssistantLibrary.Place] = [:]
    for node in library.nodes {
      for question in node.questions {
        if let earlier = questionURNs[question.urn] ?? first[question.urn] {
          report(question.place, .duplicateURN(question.urn, firstLine: earlier.line))
        }
        questionURNs[question.urn] = question.place
        var choiceURNs = Set<String>()
        for choice in question.choices where !choiceURNs.insert(choice.urn).inserted {
          report(choice.place, .duplicateURN(choice.urn, firstLine: question.place.line))
        }
      }
    }
    var inReportedLoop = Set<String>()
    for node in library.nodes where !inReportedLoop.contains(node.urn) {
      guard let parent = node.parentURN else { continue }
      guard first[parent] != nil else {
        report(node.parentPlace ?? node.place, .unknownParent(parent, child: node.urn))
        continue
      }
      // Follow the parents: back to this node is a loop, reported once, at its first node, with
      // its own nodes. A node met again that is not this one is a loop this node only leads
      // into: its own nodes report it.
      var seen: [String] = [node.urn]
      var visited: Set<String> = [node.urn]
      var current = parent
      while true {
        if current == node.urn {
          report(node.parentPlace ?? node.place, .parentLoop(seen + [current]))
          inReportedLoop.formUnion(seen)
          break
        }
        if visited.contains(current) || inReportedLoop.contains(current) { break }
        guard let next = parentOf[current] else { break }
        seen.append(current)
        visited.insert(current)
        current = next
      }
    }
  }
}
