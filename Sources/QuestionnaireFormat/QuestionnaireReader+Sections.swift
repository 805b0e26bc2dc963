// The reader's sections and questions: owners, citations, labels, options and mappings.
import AssessmentCore
import Foundation

extension QuestionnaireReader {
  /// A condition waiting for every question to be known before its references are checked.
  struct PendingCondition {
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
  mutating func readOwner(_ node: Node?, id: String?) -> DutyOwner? {
    guard let node, let name = string(node, "owner", id: id) else { return nil }
    if let known = DutyOwner(rawValue: name) { return known }
    let names = DutyOwner.allCases.map(\.rawValue)
    let choices = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    problem(node, "unknown owner '\(name)'; use \(choices)", id: id)
    return nil
  }

  /// `citations`: ref → how a reader finds it in the published source, per language.
  mutating func readCitations(_ node: Node?) -> [String: LocalizedText] {
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
  mutating func readLabels(_ node: Node?) -> QuestionnaireLabels {
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

  mutating func readSection(
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
}
