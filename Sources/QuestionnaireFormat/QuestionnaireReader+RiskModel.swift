// The reader's risk method: scales, matrix, adjustments, blocking rules and the risk register.
import AssessmentCore
import Foundation

extension QuestionnaireReader {
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

  mutating func readRiskModel(_ node: Node, _ questionnaire: Questionnaire) -> RiskModel? {
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

  mutating func readBlockingRule(_ node: Node, _ questionnaire: Questionnaire)
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

  mutating func readRisk(_ node: Node, _ questionnaire: Questionnaire) -> RegisterRisk? {
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
