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

  public init(
    questionID: String, record: DerogationRecord, status: DerogationStatus, waives: [String]
  ) {
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
  /// level when all are, or the highest of the scale under a blocking finding; nil when none
  /// applies.
  public var level: String?
  /// The level before the answers: each mitigating question rated as not in place.
  public var inherentLevel: String?
  /// The mitigating questions that apply, with their levels.
  public var findings: [Finding]
  /// The blocking rules that hold (not waived) on one of its mitigating questions: the residual
  /// level is then the highest of the scale.
  public var blocking: [String] = []
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
  /// Answers two merged copies of the session disagree on, not yet resolved: until someone
  /// chooses, the assessment does not say what it concludes on them.
  case conflicts(count: Int)
  /// Blocking findings waived by derogations: acceptance rests on them, so it has conditions.
  case derogations(count: Int)
  /// The points beyond the reference text (a `basis`) that weigh on the verdict: questions not
  /// compliant at or above the conditions level, not covered by a derogation, in walking order.
  case beyondGuideline(questions: [String])
  /// The blocking rules beyond the reference text (a `basis`) that hold: those of good practice
  /// or policy make the verdict at worst "acceptable with conditions".
  case blockingBeyondGuideline(rules: [String])
  case noGaps
}

/// An evidence record whose validity ended before the summary's day.
public struct ExpiredEvidence: Equatable, Sendable {
  /// The question's position (walking order).
  public var position: Int
  public var record: EvidenceRecord

  public init(position: Int, record: EvidenceRecord) {
    self.position = position
    self.record = record
  }
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
  /// The evidence records expired on ``asOf``, of the questions that apply, in walking order.
  public var expiredEvidence: [ExpiredEvidence] = []
  /// The questions that apply whose provider's current claim holds an answer.
  public var claimCount = 0
  /// Of those, the ones where the claim differs from the assessor's answer or the assessor has
  /// not judged yet (``ProviderClaim/agrees(with:)``), in walking order.
  public var claimDifferences: [ClaimDifference] = []
  /// Positions of the answers carried over from the previous assessment and not yet
  /// re-verified.
  public var toReverify: [Int] = []
  /// The action plan as of ``asOf``.
  public var plan = PlanSummary()
  /// Which questions apply, in walking order (the state's): the reports read it rather than
  /// evaluate every condition again.
  public var visibility: [Bool] = []
  /// The ids of the answers whose value no longer fits their question (an option removed, a type
  /// changed), sorted: the same as ``Questionnaire/invalidAnswerIDs(_:)``, found in the engine's
  /// pass over the answers rather than by another.
  public var invalidAnswerIDs: [String] = []
  /// The questions that apply whose answer is in conflict (two merged copies disagree), in
  /// walking order.
  public var conflicts: [String] = []
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
    var expiredEvidence: [ExpiredEvidence] = []
    var claimCount = 0
    var claimDifferences: [ClaimDifference] = []
    var toReverify: [Int] = []
    var derogationPositions: [Int] = []
    var invalid: [String] = []
    var conflicts: [String] = []
    // The actions of the questions that apply, in walking order, gathered in the one pass over
    // the answers (the plan needs no other).
    var actions: [(position: Int, action: PlanAction)] = []
    var required = 0
    var requiredCarried = 0
    var ratings: [RatingKey: Finding] = [:]
    var sections = questionnaire.sections.indices.map {
      SectionCompliance(section: $0, applicable: 0, compliantScore: 0, answered: 0)
    }
    // A compliance question that applies, scored: its section's counts and its finding.
    func score(_ question: Question, position: Int, answer scored: ScoredAnswer, carried: Bool) {
      let section = questionnaire.sectionIndexOfQuestion[position]
      sections[section].applicable += 1
      if scored != .unanswered { sections[section].answered += 1 }
      if scored == .compliant { sections[section].compliantScore += 1 }
      if scored == .partial { sections[section].compliantScore += 0.5 }
      // The rating depends only on the answer, the severity and the dimensions protected: a
      // handful of combinations, rated once each.
      let key = RatingKey(
        answer: scored, severity: question.severity ?? .medium, protects: question.protects,
        targeted: !targeted.contains(question.id)
          ? []
          : activeAdjustments.indices.filter {
            activeAdjustments[$0].questions.contains(question.id)
          })
      let rated: Finding
      if let known = ratings[key] {
        rated = known
      } else {
        rated = finding(
          question, position: position, section: section, answer: scored,
          adjustments: activeAdjustments)
        ratings[key] = rated
      }
      findings.append(
        Finding(
          questionID: question.id, position: position, section: section, answer: scored,
          severity: rated.severity, likelihood: rated.likelihood, impact: rated.impact,
          level: rated.level, impactReasons: rated.impactReasons, toReverify: carried))
    }
    // One pass over the questions: a large questionnaire's questions are thousands of boxes on
    // the heap, and each pass over them is as many cache misses. Each answer's fields are read
    // from the dictionary's slot rather than from a copy of the whole `Answer`: a copy retains
    // its note, evidence and action, cold in memory in a large session, for every question.
    let answers = state.answers
    for (position, question) in questionnaire.questions.enumerated() {
      let slot = answers.index(forKey: question.id)
      // An answer in conflict (two merged copies disagree) counts as unanswered, and the
      // verdict cannot be "acceptable" while one remains.
      let inConflict = slot.map { answers.values[$0].conflict != nil } ?? false
      let stored = inConflict ? nil : slot.flatMap { answers.values[$0].value }
      // An answer that no longer fits its question (an option removed) counts as unanswered; it
      // is kept, and listed whether its question applies or not.
      var value = stored.flatMap { questionnaire.fits($0, question) ? $0 : nil }
      if value == nil, stored != nil { invalid.append(question.id) }
      guard visibility[position] else { continue }
      if inConflict { conflicts.append(question.id) }
      if question.isRequired { required += 1 }
      if question.type == .derogation { derogationPositions.append(position) }
      if value == nil, question.isRequired { unanswered.append(position) }
      guard let slot else {
        // Nothing recorded: only a compliance question that is not optional is scored.
        if question.type == .compliance && !question.optional {
          score(question, position: position, answer: .unanswered, carried: false)
        }
        continue
      }
      if let action = answers.values[slot].action { actions.append((position, action)) }
      // The claim is compared with what the assessor recorded (a carried answer as recorded),
      // an answer in conflict or that no longer fits counting as not yet judged.
      if let claim = answers.values[slot].claims.last, claim.value != nil {
        claimCount += 1
        if !claim.agrees(with: value) {
          claimDifferences.append(ClaimDifference(position: position, claim: claim, answer: value))
        }
      }
      let carried = value != nil && answers.values[slot].reverify
      if carried {
        toReverify.append(position)
        if question.isRequired { requiredCarried += 1 }
        if let compliance = value?.compliance, compliance != .noncompliant {
          value = .choice(ComplianceValue.unknown.rawValue)
        }
      }
      if answers.values[slot].flagged { flagged.append(position) }
      if !answers.values[slot].evidence.isEmpty {
        evidence.append(position)
        for record in answers.values[slot].evidence where record.isExpired(on: day) {
          expiredEvidence.append(ExpiredEvidence(position: position, record: record))
        }
      }
      guard question.type == .compliance else { continue }
      let scored: ScoredAnswer
      switch value?.compliance {
      case .compliant?: scored = .compliant
      case .partial?: scored = .partial
      case .noncompliant?: scored = .noncompliant
      case .unknown?: scored = .unknown
      case .na?:
        // "Not applicable" without a justification (`Answer.isUnjustifiedNotApplicable`).
        if answers.values[slot].note.isBlank {
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
      score(question, position: position, answer: scored, carried: carried)
    }
    var matrix = Array(
      repeating: Array(repeating: 0, count: model.impact.count), count: model.likelihood.count)
    // The matrix counts what is at risk: the findings that are not compliant (gaps and questions
    // not verified). A compliant answer mitigates a risk; it is not one (docs/risk-model.md).
    for finding in findings where finding.answer != .compliant {
      if let row = model.likelihood.firstIndex(where: { $0.id == finding.likelihood }),
        let column = model.impact.firstIndex(where: { $0.id == finding.impact })
      {
        matrix[row][column] += 1
      }
    }
    var derogations: [DerogationUse] = []
    for position in derogationPositions {
      let question = questionnaire.questions[position]
      guard case .derogation(let record)? = answer(question.id), !record.isBlank else { continue }
      derogations.append(
        DerogationUse(
          questionID: question.id, record: record, status: record.status(on: day), waives: []))
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
    // The gaps by level, then severity (both descending), then walking order: the indices are
    // sorted on one integer key each, and each gap is copied once, into place (a finding is a
    // large struct, not moved around by the sort).
    let gapIndices = findings.indices.filter { findings[$0].isGap }
    let gapKeys = gapIndices.map { index -> Int in
      let finding = findings[index]
      return (rank(finding.level) << 48) | (finding.severity.rank << 40)
        | (Int(UInt32.max) - finding.position)
    }
    let gaps = gapIndices.indices.sorted { gapKeys[$0] > gapKeys[$1] }.map {
      findings[gapIndices[$0]]
    }
    // The finding of each position, by index (not a dictionary of every finding by id).
    var findingAt = [Int](repeating: -1, count: questionnaire.questions.count)
    for (index, finding) in findings.enumerated() where findingAt[finding.position] < 0 {
      findingAt[finding.position] = index
    }
    let lowest = model.levels.first?.id
    let highest = model.levels.last?.id
    var register = questionnaire.risks.map { risk in
      let related = risk.mitigatedBy.compactMap { id -> Finding? in
        guard let position = questionnaire.index(of: id), findingAt[position] >= 0 else {
          return nil
        }
        return findings[findingAt[position]]
      }
      let open = related.filter { $0.answer != .compliant }
      let worst = open.max { rank($0.level) < rank($1.level) }
      let inherent = related.map { inherentLevel($0) }.max { rank($0) < rank($1) }
      // A blocking finding on one of its mitigations puts the risk at the top of the scale: the
      // register never reads "low" beside a finding that makes the verdict "not acceptable".
      let mitigations = Set(risk.mitigatedBy)
      let blockedBy = blocking.filter {
        !$0.rule.basis.isCapped && $0.rule.questions.contains(where: mitigations.contains)
      }.map(\.rule.id)
      let residual = blockedBy.isEmpty || related.isEmpty ? worst?.level ?? lowest : highest
      return RegisterEntry(
        risk: risk, level: related.isEmpty ? nil : residual, inherentLevel: inherent,
        findings: related, blocking: blockedBy)
    }
    let plan = planSummary(
      actions, findings: findings, findingAt: findingAt, day: day, answer: answer)
    for index in register.indices {
      register[index].accepted = register[index].findings.map(\.questionID).filter { id in
        plan.accepted.contains { $0.questionID == id && $0.acceptance.counts }
      }
    }
    let progress = Progress(
      answered: required - unanswered.count, applicable: required,
      verified: required - unanswered.count - requiredCarried, toReverify: toReverify.count,
      unjustifiedNotApplicable: unjustified.count)
    let (verdict, reasons) = decide(
      blocking: blocking, waived: derogations.filter { !$0.waives.isEmpty }, findings: findings,
      unanswered: unanswered.count,
      unjustified: unjustified.count, conflicts: conflicts.count)
    return RiskSummary(
      metadata: state.metadata, progress: progress, verdict: verdict, reasons: reasons,
      blocking: blocking, derogations: derogations, asOf: day, findings: findings, matrix: matrix,
      register: register,
      sections: sections.filter { $0.applicable > 0 }, gaps: gaps, unanswered: unanswered,
      flagged: flagged, notApplicable: notApplicable, unjustifiedNotApplicable: unjustified,
      evidence: evidence, expiredEvidence: expiredEvidence, claimCount: claimCount,
      claimDifferences: claimDifferences, toReverify: toReverify, plan: plan,
      visibility: visibility, invalidAnswerIDs: invalid.sorted(), conflicts: conflicts)
  }

  /// The plan as of `day`: every action recorded for a question that applies (`actions`, in
  /// walking order).
  private func planSummary(
    _ actions: [(position: Int, action: PlanAction)], findings: [Finding], findingAt: [Int],
    day: String,
    answer: @escaping (String) -> AnswerValue?
  ) -> PlanSummary {
    var plan = PlanSummary()
    for (position, action) in actions {
      let question = questionnaire.questions[position]
      var acceptance = action.acceptance(on: day)
      if action.status == .riskAccepted {
        // A blocking finding is not accepted away; nor is a gap on a rule the reference text
        // allows no exception to (`derogation: none`), whether it blocks today or not.
        let rules = questionnaire.blockingRules.filter {
          $0.refusesAcceptance(of: question.id, answer)
        }
        if !rules.isEmpty { acceptance = .blocking(rules.map(\.id)) }
      }
      // The level of the question's gap, when it is one.
      let finding = findingAt[position]
      let level = finding >= 0 && findings[finding].isGap ? findings[finding].level : nil
      let item = PlanItem(
        questionID: question.id, position: position, action: action, level: level,
        overdue: action.isOverdue(on: day), acceptance: acceptance,
        responsibility: questionnaire.owner(at: position))
      switch action.status {
      case .open, .inProgress: plan.pending.append(item)
      case .done: plan.done.append(item)
      case .riskAccepted:
        if case .blocking = acceptance {
          plan.refused.append(item)
        } else {
          plan.accepted.append(item)
        }
      }
    }
    // By due date, undated last; then in walking order.
    func dueKey(_ item: PlanItem) -> String {
      let due = item.action.dueDate.trimmed
      return Day.isValid(due) ? due : "~"
    }
    // Keys computed once per action, not once per comparison; the items, large, moved once.
    let keys = plan.pending.map(dueKey)
    plan.pending = plan.pending.indices
      .sorted { (keys[$0], plan.pending[$0].position) < (keys[$1], plan.pending[$1].position) }
      .map { plan.pending[$0] }
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
    let likelihood =
      model.answerLikelihood[ScoredAnswer.noncompliant.rawValue] ?? model.likelihood.last?.id ?? ""
    let impactIndex = model.impact.firstIndex { $0.id == finding.impact } ?? 0
    return model.matrix[likelihood].flatMap {
      $0.indices.contains(impactIndex) ? $0[impactIndex] : nil
    }
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
    var groups = question.protects.map { dimension in
      adjustments.filter { $0.dimensions.contains(dimension) }
    }
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
    let level =
      model.matrix[likelihood].flatMap {
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
    unjustified: Int, conflicts: Int
  ) -> (Verdict, [VerdictReason]) {
    let model = questionnaire.riskModel
    let rank = { (id: String) in model.levelRank(id) ?? 0 }
    let blockingFrom = rank(model.notAcceptableFrom)
    let conditionsFrom = rank(model.conditionsFrom)
    // Every gap at or above the conditions level, the severe ones included: the reason's text
    // says "or above". Counted in one pass (no copies of the findings). "Not acceptable" rests
    // on the reference text or the law: a good practice or a policy choice alone makes a gap
    // a condition at worst, and every point beyond the reference text that weighs is named.
    var severe = 0
    var conditional = 0
    var beyond: [String] = []
    for finding in findings where finding.answer != .compliant && finding.waivedBy == nil {
      let level = rank(finding.level)
      let basis = questionnaire.questions[finding.position].basis
      if level >= blockingFrom && !basis.isCapped { severe += 1 }
      if level >= conditionsFrom {
        conditional += 1
        if basis != nil { beyond.append(finding.questionID) }
      }
    }
    // A blocking rule beyond the reference text is named; one of good practice or policy is,
    // like such a gap, a condition at worst.
    let blocks = blocking.filter { !$0.rule.basis.isCapped }
    let beyondRules = blocking.filter { $0.rule.basis != nil }.map(\.rule.id)
    var reasons: [VerdictReason] = []
    if !blocks.isEmpty { reasons.append(.blocking(count: blocks.count)) }
    if !beyondRules.isEmpty { reasons.append(.blockingBeyondGuideline(rules: beyondRules)) }
    if severe > 0 {
      reasons.append(.gapsNotAcceptable(count: severe, level: model.notAcceptableFrom))
    }
    if conditional > 0 {
      reasons.append(.gapsWithConditions(count: conditional, level: model.conditionsFrom))
    }
    if unanswered > 0 { reasons.append(.incomplete(unanswered: unanswered)) }
    if unjustified > 0 { reasons.append(.unjustifiedNotApplicable(count: unjustified)) }
    if conflicts > 0 { reasons.append(.conflicts(count: conflicts)) }
    let waivedRules = waived.reduce(0) { $0 + $1.waives.count }
    if waivedRules > 0 { reasons.append(.derogations(count: waivedRules)) }
    if !beyond.isEmpty { reasons.append(.beyondGuideline(questions: beyond)) }
    let verdict: Verdict
    if !blocks.isEmpty || severe > 0 {
      verdict = .notAcceptable
    } else if !blocking.isEmpty || conditional > 0 || unanswered > 0 || unjustified > 0
      || !waived.isEmpty || conflicts > 0
    {
      verdict = .acceptableWithConditions
    } else {
      verdict = .acceptable
      reasons.append(.noGaps)
    }
    return (verdict, reasons)
  }
}

extension Optional where Wrapped == RequirementBasis {
  /// Whether a point on this basis can alone make the verdict at worst "acceptable with
  /// conditions": good practice and policy (not the reference text, not the law).
  var isCapped: Bool { self == .goodPractice || self == .policy }
}
