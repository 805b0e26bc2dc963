import Foundation

/// How a compliance question was answered, for scoring.
public enum ScoredAnswer: String, Equatable, Sendable {
  case compliant, partial, noncompliant, unknown, unanswered
  /// "Not applicable" without a justification: counts as unknown.
  case unjustifiedNotApplicable

  /// The key of ``RiskModel/answerLikelihood``.
  var likelihoodKey: String {
    self == .unjustifiedNotApplicable ? ScoredAnswer.unknown.rawValue : rawValue
  }
}

/// One scored compliance question.
public struct Finding: Equatable, Sendable {
  public var questionID: String
  /// Position in walking order.
  public var position: Int
  public var section: Int
  public var answer: ScoredAnswer
  public var severity: Severity
  public var likelihood: String
  public var impact: String
  public var level: String
  /// The adjustments that moved the impact away from the severity.
  public var impactReasons: [LocalizedText]
  /// The `derogation` question whose valid record covers this gap (a waived blocking rule names
  /// the question): the gap stays listed but does not weigh on the verdict.
  public var waivedBy: String? = nil
  /// Carried over from the previous assessment and not yet re-verified: scored as unknown (a
  /// carried non-compliance stays non-compliant).
  public var toReverify = false

  public var isGap: Bool { answer != .compliant && answer != .unanswered }
}

/// A blocking rule that holds.
public struct BlockingFinding: Equatable, Sendable {
  public var rule: BlockingRule
  /// The first of the rule's questions that applies, to jump to.
  public var questionID: String?
  /// The derogation recorded for the rule that does not count (no reference, expired), if any.
  public var failedDerogation: DerogationUse?
}

/// A derogation recorded in the session, and what it does.
public struct DerogationUse: Equatable, Sendable {
  /// The `derogation` question holding the record.
  public var questionID: String
  public var record: DerogationRecord
  public var status: DerogationStatus
  /// The blocking rules it waives (those that would hold without it), when it counts.
  public var waives: [String]

  public init(questionID: String, record: DerogationRecord, status: DerogationStatus, waives: [String]) {
    self.questionID = questionID
    self.record = record
    self.status = status
    self.waives = waives
  }
}

/// A risk of the register: its inherent level (were none of its mitigations in place) and its
/// residual level (after the answers).
public struct RegisterEntry: Equatable, Sendable {
  public var risk: RegisterRisk
  /// The highest level among the mitigating questions that are not compliant, or the lowest
  /// level when all are; nil when none applies.
  public var level: String?
  /// The level before the answers: each mitigating question rated as not in place.
  public var inherentLevel: String?
  /// The mitigating questions that apply, with their levels.
  public var findings: [Finding]
  /// The mitigating questions whose gap the organisation accepted (a valid acceptance): the
  /// risk stays in the register at its level, shown as accepted.
  public var accepted: [String] = []
}

/// Compliance of one section: applicable compliance questions, how many compliant (partial
/// counts half) and answered.
public struct SectionCompliance: Equatable, Sendable {
  public var section: Int
  public var applicable: Int
  public var compliantScore: Double
  public var answered: Int

  public var compliantPercent: Int? {
    applicable == 0 ? nil : Int((compliantScore * 100 / Double(applicable)).rounded())
  }
  public var answeredPercent: Int? {
    applicable == 0 ? nil : Int((Double(answered) * 100 / Double(applicable)).rounded())
  }
}

public enum Verdict: String, Equatable, Sendable {
  case acceptable
  case acceptableWithConditions = "acceptable_with_conditions"
  case notAcceptable = "not_acceptable"
}

/// Why the verdict is what it is.
public enum VerdictReason: Equatable, Sendable {
  case blocking(count: Int)
  /// Gaps at or above the "not acceptable" level.
  case gapsNotAcceptable(count: Int, level: String)
  /// Gaps at or above the "conditions" level.
  case gapsWithConditions(count: Int, level: String)
  case incomplete(unanswered: Int)
  case unjustifiedNotApplicable(count: Int)
  /// Blocking findings waived by derogations: acceptance rests on them, so it has conditions.
  case derogations(count: Int)
  case noGaps
}

/// The risk summary of an assessment: computed, never stored.
public struct RiskSummary: Equatable, Sendable {
  public var metadata: SessionMetadata
  public var progress: Progress
  public var verdict: Verdict
  public var reasons: [VerdictReason]
  public var blocking: [BlockingFinding]
  /// Every derogation recorded for a question that applies, counting or not.
  public var derogations: [DerogationUse]
  /// The day (ISO 8601) the derogations' expiry was judged against.
  public var asOf: String
  /// Every applicable compliance question, in walking order.
  public var findings: [Finding]
  /// `matrix[likelihood index][impact index]`: how many findings fall in each cell.
  public var matrix: [[Int]]
  public var register: [RegisterEntry]
  public var sections: [SectionCompliance]
  /// Findings that are not compliant and answered, by level, then severity, then order.
  public var gaps: [Finding]
  /// Positions (walking order) of the questions that apply and have no answer.
  public var unanswered: [Int]
  public var flagged: [Int]
  /// Positions of justified "not applicable" answers.
  public var notApplicable: [Int]
  public var unjustifiedNotApplicable: [Int]
  /// Positions of the questions that apply and have evidence.
  public var evidence: [Int]
  /// Positions of the answers carried over from the previous assessment and not yet
  /// re-verified.
  public var toReverify: [Int] = []
  /// The action plan as of ``asOf``.
  public var plan = PlanSummary()
  /// Which questions apply, in walking order (the state's): the reports read it rather than
  /// evaluate every condition again.
  public var visibility: [Bool] = []
}

/// Computes the risk summary from the questionnaire's risk method and the answers.
public struct RiskEngine: Sendable {
  public let questionnaire: Questionnaire

  public init(questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
  }

  /// The summary as of `asOf` (the day derogations are judged against; the session's last
  /// change when nil: the engine reads no clock).
  public func summarize(_ state: WizardState, asOf: Date? = nil) -> RiskSummary {
    let day = String(Timestamp.format(asOf ?? state.metadata.updated).prefix(10))
    let model = questionnaire.riskModel
    let visibility = state.visibility
    let visible = questionnaire.visibleAnswer(state.answers, visibility)
    // A carried answer not yet re-verified is not verified: a compliance answer reads as
    // unknown (a carried non-compliance stays one), for the rules as for the scoring.
    let answer: (String) -> AnswerValue? = { id in
      let value = visible(id)
      guard let value, state.answers[id]?.reverify == true, let compliance = value.compliance,
        compliance != .noncompliant
      else { return value }
      return .choice(ComplianceValue.unknown.rawValue)
    }
    let activeAdjustments = model.impactAdjustments.filter { $0.when.evaluate(answer) }
    let targeted = Set(activeAdjustments.flatMap(\.questions))
    var findings: [Finding] = []
    var unanswered: [Int] = []
    var flagged: [Int] = []
    var notApplicable: [Int] = []
    var unjustified: [Int] = []
    var evidence: [Int] = []
    var toReverify: [Int] = []
    var ratings: [RatingKey: Finding] = [:]
    var sections = questionnaire.sections.indices.map {
      SectionCompliance(section: $0, applicable: 0, compliantScore: 0, answered: 0)
    }
    for (position, question) in questionnaire.questions.enumerated() where visibility[position] {
      let recorded = state.answers[question.id]
      // An answer that no longer fits its question (an option removed) counts as unanswered.
      var value = questionnaire.value(recorded, question)
      if value == nil, question.isRequired { unanswered.append(position) }
      let carried = value != nil && recorded?.reverify == true
      if carried {
        toReverify.append(position)
        if let compliance = value?.compliance, compliance != .noncompliant {
          value = .choice(ComplianceValue.unknown.rawValue)
        }
      }
      if recorded?.flagged == true { flagged.append(position) }
      if recorded?.evidence.isEmpty == false { evidence.append(position) }
      guard question.type == .compliance else { continue }
      let scored: ScoredAnswer
      switch value?.compliance {
      case .compliant?: scored = .compliant
      case .partial?: scored = .partial
      case .noncompliant?: scored = .noncompliant
      case .unknown?: scored = .unknown
      case .na?:
        if recorded?.isUnjustifiedNotApplicable == true {
          scored = .unjustifiedNotApplicable
          unjustified.append(position)
        } else {
          notApplicable.append(position)
          continue
        }
      case nil:
        // An optional question left empty is not scored at all.
        if question.optional { continue }
        scored = .unanswered
      }
      let section = questionnaire.sectionIndexOfQuestion[position]
      sections[section].applicable += 1
      if scored != .unanswered { sections[section].answered += 1 }
      if scored == .compliant { sections[section].compliantScore += 1 }
      if scored == .partial { sections[section].compliantScore += 0.5 }
      // The rating depends only on the answer, the severity and the dimensions protected: a
      // handful of combinations, rated once each.
      let key = RatingKey(
        answer: scored, severity: question.severity ?? .medium, protects: question.protects,
        targeted: targeted.isEmpty ? [] : activeAdjustments.indices.filter {
          activeAdjustments[$0].questions.contains(question.id)
        })
      let rated: Finding
      if let known = ratings[key] {
        rated = known
      } else {
        rated = finding(question, position: position, section: section, answer: scored, adjustments: activeAdjustments)
        ratings[key] = rated
      }
      findings.append(
        Finding(
          questionID: question.id, position: position, section: section, answer: scored,
          severity: rated.severity, likelihood: rated.likelihood, impact: rated.impact,
          level: rated.level, impactReasons: rated.impactReasons, toReverify: carried))
    }
    var matrix = Array(
      repeating: Array(repeating: 0, count: model.impact.count), count: model.likelihood.count)
    for finding in findings {
      if let row = model.likelihood.firstIndex(where: { $0.id == finding.likelihood }),
        let column = model.impact.firstIndex(where: { $0.id == finding.impact })
      {
        matrix[row][column] += 1
      }
    }
    var derogations: [DerogationUse] = []
    for question in questionnaire.questions where question.type == .derogation {
      guard case .derogation(let record)? = answer(question.id), !record.isBlank else { continue }
      derogations.append(
        DerogationUse(questionID: question.id, record: record, status: record.status(on: day), waives: []))
    }
    var blocking: [BlockingFinding] = []
    for rule in questionnaire.blockingRules where rule.when.evaluate(answer) {
      var failed: DerogationUse?
      if case .question(let id) = rule.derogation,
        let index = derogations.firstIndex(where: { $0.questionID == id })
      {
        if derogations[index].status.counts {
          derogations[index].waives.append(rule.id)
          continue
        }
        failed = derogations[index]
      }
      blocking.append(
        BlockingFinding(
          rule: rule,
          questionID: rule.questions.first {
            questionnaire.index(of: $0).map { visibility[$0] } ?? false
          }, failedDerogation: failed))
    }
    // Gaps covered by a valid derogation (the questions of the rules it waives).
    var waivedQuestions: [String: String] = [:]
    for use in derogations {
      for ruleID in use.waives {
        for id in questionnaire.blockingRules.first(where: { $0.id == ruleID })?.questions ?? [] {
          waivedQuestions[id] = waivedQuestions[id] ?? use.questionID
        }
      }
    }
    if !waivedQuestions.isEmpty {
      for index in findings.indices where findings[index].isGap {
        findings[index].waivedBy = waivedQuestions[findings[index].questionID]
      }
    }
    let rank = { (id: String) in model.levelRank(id) ?? 0 }
    // Sort keys computed once per gap, not once per comparison.
    let gaps = findings.filter(\.isGap)
      .map { (key: (rank($0.level), $0.severity.rank, -$0.position), finding: $0) }
      .sorted { $0.key > $1.key }
      .map(\.finding)
    // The finding of each position, by index (not a dictionary of every finding by id).
    var findingAt = [Int](repeating: -1, count: questionnaire.questions.count)
    for (index, finding) in findings.enumerated() where findingAt[finding.position] < 0 { findingAt[finding.position] = index }
    let lowest = model.levels.first?.id
    var register = questionnaire.risks.map { risk in
      let related = risk.mitigatedBy.compactMap { id -> Finding? in
        guard let position = questionnaire.index(of: id), findingAt[position] >= 0 else { return nil }
        return findings[findingAt[position]]
      }
      let open = related.filter { $0.answer != .compliant }
      let worst = open.max { rank($0.level) < rank($1.level) }
      let inherent = related.map { inherentLevel($0) }.max { rank($0) < rank($1) }
      return RegisterEntry(
        risk: risk, level: related.isEmpty ? nil : worst?.level ?? lowest, inherentLevel: inherent,
        findings: related)
    }
    let plan = planSummary(state, findings: findings, day: day, answer: answer)
    for index in register.indices {
      register[index].accepted = register[index].findings.map(\.questionID).filter { id in
        plan.accepted.contains { $0.questionID == id && $0.acceptance.counts }
      }
    }
    var required = 0
    for (position, question) in questionnaire.questions.enumerated()
    where visibility[position] && question.isRequired {
      required += 1
    }
    let progress = Progress(answered: required - unanswered.count, applicable: required)
    let (verdict, reasons) = decide(
      blocking: blocking, waived: derogations.filter { !$0.waives.isEmpty }, findings: findings,
      unanswered: unanswered.count,
      unjustified: unjustified.count)
    return RiskSummary(
      metadata: state.metadata, progress: progress, verdict: verdict, reasons: reasons,
      blocking: blocking, derogations: derogations, asOf: day, findings: findings, matrix: matrix,
      register: register,
      sections: sections.filter { $0.applicable > 0 }, gaps: gaps, unanswered: unanswered,
      flagged: flagged, notApplicable: notApplicable, unjustifiedNotApplicable: unjustified,
      evidence: evidence, toReverify: toReverify, plan: plan, visibility: visibility)
  }

  /// The plan as of `day`: every action recorded for a question that applies.
  private func planSummary(
    _ state: WizardState, findings: [Finding], day: String, answer: @escaping (String) -> AnswerValue?
  ) -> PlanSummary {
    var plan = PlanSummary()
    // The actions first (few, or none), in walking order; the levels only for them.
    var actions: [(position: Int, action: PlanAction)] = []
    for (id, recorded) in state.answers {
      guard let action = recorded.action, let position = questionnaire.index(of: id),
        state.visibility.indices.contains(position), state.visibility[position]
      else { continue }
      actions.append((position, action))
    }
    guard !actions.isEmpty else { return plan }
    actions.sort { $0.position < $1.position }
    var levels: [String: String] = [:]
    for finding in findings where finding.isGap && levels[finding.questionID] == nil {
      levels[finding.questionID] = finding.level
    }
    for (position, action) in actions {
      let question = questionnaire.questions[position]
      var acceptance = action.acceptance(on: day)
      if action.status == .riskAccepted {
        let rules = questionnaire.blockingRules.filter { $0.questions.contains(question.id) && $0.when.evaluate(answer) }
        if !rules.isEmpty { acceptance = .blocking(rules.map(\.id)) }
      }
      let item = PlanItem(
        questionID: question.id, position: position, action: action, level: levels[question.id],
        overdue: action.isOverdue(on: day), acceptance: acceptance)
      switch action.status {
      case .open, .inProgress: plan.pending.append(item)
      case .done: plan.done.append(item)
      case .riskAccepted: plan.accepted.append(item)
      }
    }
    // By due date, undated last; then in walking order.
    func dueKey(_ item: PlanItem) -> String {
      let due = item.action.dueDate.trimmed
      return Day.isValid(due) ? due : "~"
    }
    // Keys computed once per action, not once per comparison.
    plan.pending = plan.pending.map { (key: dueKey($0), item: $0) }
      .sorted { ($0.key, $0.item.position) < ($1.key, $1.item.position) }
      .map(\.item)
    plan.overdue = plan.pending.filter(\.overdue)
    return plan
  }

  private struct RatingKey: Hashable {
    var answer: ScoredAnswer
    var severity: Severity
    var protects: [SecurityDimension]
    /// The active adjustments naming the question.
    var targeted: [Int]
  }

  /// The level of a finding were the point not in place: the likelihood of a non-compliant
  /// answer at the finding's impact.
  func inherentLevel(_ finding: Finding) -> String {
    let model = questionnaire.riskModel
    let likelihood = model.answerLikelihood[ScoredAnswer.noncompliant.rawValue] ?? model.likelihood.last?.id ?? ""
    let impactIndex = model.impact.firstIndex { $0.id == finding.impact } ?? 0
    return model.matrix[likelihood].flatMap { $0.indices.contains(impactIndex) ? $0[impactIndex] : nil }
      ?? model.levels.last?.id ?? ""
  }

  /// Scores one compliance question: likelihood from the answer, impact from the severity moved
  /// by the adjustments that hold for the dimensions it protects, level from the matrix.
  func finding(
    _ question: Question, position: Int, section: Int, answer: ScoredAnswer,
    adjustments: [ImpactAdjustment]
  ) -> Finding {
    let model = questionnaire.riskModel
    let severity = question.severity ?? .medium
    let likelihood = model.answerLikelihood[answer.likelihoodKey] ?? model.likelihood.last?.id ?? ""
    let baseImpact = model.impact.firstIndex { $0.id == model.severityImpact[severity] } ?? 0
    // Per dimension, the adjustments add up, within one level either way; the question takes
    // the largest shift among the dimensions it protects (the highest stake counts).
    // Adjustments naming the question apply whatever it protects, as one more "dimension".
    var shift: Int?
    var reasons: [LocalizedText] = []
    let named = adjustments.filter { $0.questions.contains(question.id) }
    var groups = question.protects.map { dimension in adjustments.filter { $0.dimensions.contains(dimension) } }
    if !named.isEmpty { groups.append(named) }
    for applying in groups {
      let total = max(-1, min(1, applying.reduce(0) { $0 + $1.shift }))
      if shift == nil || total > shift ?? 0 {
        shift = total
        reasons = applying.map(\.reason)
      }
    }
    let impactIndex = max(0, min(model.impact.count - 1, baseImpact + (shift ?? 0)))
    let impact = model.impact.indices.contains(impactIndex) ? model.impact[impactIndex].id : ""
    let level = model.matrix[likelihood].flatMap {
      $0.indices.contains(impactIndex) ? $0[impactIndex] : nil
    } ?? model.levels.last?.id ?? ""
    return Finding(
      questionID: question.id, position: position, section: section, answer: answer,
      severity: severity, likelihood: likelihood, impact: impact, level: level,
      // Reasons only when the impact really moved (a shift at the scale's end changes nothing).
      impactReasons: impactIndex == max(0, min(model.impact.count - 1, baseImpact)) ? [] : reasons)
  }

  private func decide(
    blocking: [BlockingFinding], waived: [DerogationUse], findings: [Finding], unanswered: Int,
    unjustified: Int
  ) -> (Verdict, [VerdictReason]) {
    let model = questionnaire.riskModel
    let rank = { (id: String) in model.levelRank(id) ?? 0 }
    let blockingFrom = rank(model.notAcceptableFrom)
    let conditionsFrom = rank(model.conditionsFrom)
    let scored = findings.filter { $0.answer != .compliant && $0.waivedBy == nil }
    let severe = scored.filter { rank($0.level) >= blockingFrom }.count
    // Every gap at or above the conditions level, the severe ones included: the reason's text
    // says "or above".
    let conditional = scored.filter { rank($0.level) >= conditionsFrom }.count
    var reasons: [VerdictReason] = []
    if !blocking.isEmpty { reasons.append(.blocking(count: blocking.count)) }
    if severe > 0 { reasons.append(.gapsNotAcceptable(count: severe, level: model.notAcceptableFrom)) }
    if conditional > 0 { reasons.append(.gapsWithConditions(count: conditional, level: model.conditionsFrom)) }
    if unanswered > 0 { reasons.append(.incomplete(unanswered: unanswered)) }
    if unjustified > 0 { reasons.append(.unjustifiedNotApplicable(count: unjustified)) }
    let waivedRules = waived.reduce(0) { $0 + $1.waives.count }
    if waivedRules > 0 { reasons.append(.derogations(count: waivedRules)) }
    let verdict: Verdict
    if !blocking.isEmpty || severe > 0 {
      verdict = .notAcceptable
    } else if conditional > 0 || unanswered > 0 || unjustified > 0 || !waived.isEmpty {
      verdict = .acceptableWithConditions
    } else {
      verdict = .acceptable
      reasons.append(.noGaps)
    }
    return (verdict, reasons)
  }
}
