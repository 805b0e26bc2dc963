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

  public var isGap: Bool { answer != .compliant && answer != .unanswered }
}

/// A blocking rule that holds.
public struct BlockingFinding: Equatable, Sendable {
  public var rule: BlockingRule
  /// The first of the rule's questions that applies, to jump to.
  public var questionID: String?
}

/// A risk of the register with its residual level.
public struct RegisterEntry: Equatable, Sendable {
  public var risk: RegisterRisk
  /// The highest level among the mitigating questions that apply; nil when none applies.
  public var level: String?
  /// The mitigating questions that apply, with their levels.
  public var findings: [Finding]
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
  case noGaps
}

/// The risk summary of an assessment: computed, never stored.
public struct RiskSummary: Equatable, Sendable {
  public var metadata: SessionMetadata
  public var progress: Progress
  public var verdict: Verdict
  public var reasons: [VerdictReason]
  public var blocking: [BlockingFinding]
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
}

/// Computes the risk summary from the questionnaire's risk method and the answers.
public struct RiskEngine: Sendable {
  public let questionnaire: Questionnaire

  public init(questionnaire: Questionnaire) {
    self.questionnaire = questionnaire
  }

  public func summarize(_ state: WizardState) -> RiskSummary {
    let model = questionnaire.riskModel
    let visibility = state.visibility
    let answer = questionnaire.visibleAnswer(state.answers, visibility)
    let activeAdjustments = model.impactAdjustments.filter { $0.when.evaluate(answer) }
    var findings: [Finding] = []
    var unanswered: [Int] = []
    var flagged: [Int] = []
    var notApplicable: [Int] = []
    var unjustified: [Int] = []
    var evidence: [Int] = []
    var ratings: [RatingKey: Finding] = [:]
    var sections = questionnaire.sections.indices.map {
      SectionCompliance(section: $0, applicable: 0, compliantScore: 0, answered: 0)
    }
    for (position, question) in questionnaire.questions.enumerated() where visibility[position] {
      let recorded = state.answers[question.id]
      if recorded?.isAnswered != true { unanswered.append(position) }
      if recorded?.flagged == true { flagged.append(position) }
      if recorded?.evidence.isEmpty == false { evidence.append(position) }
      guard question.type == .compliance else { continue }
      let scored: ScoredAnswer
      switch recorded?.value?.compliance {
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
      case nil: scored = .unanswered
      }
      let section = questionnaire.sectionIndexOfQuestion[position]
      sections[section].applicable += 1
      if scored != .unanswered { sections[section].answered += 1 }
      if scored == .compliant { sections[section].compliantScore += 1 }
      if scored == .partial { sections[section].compliantScore += 0.5 }
      // The rating depends only on the answer, the severity and the dimensions protected: a
      // handful of combinations, rated once each.
      let key = RatingKey(answer: scored, severity: question.severity ?? .medium, protects: question.protects)
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
          level: rated.level, impactReasons: rated.impactReasons))
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
    let blocking = questionnaire.blockingRules.filter { $0.when.evaluate(answer) }.map { rule in
      BlockingFinding(
        rule: rule,
        questionID: rule.questions.first {
          questionnaire.index(of: $0).map { visibility[$0] } ?? false
        })
    }
    let rank = { (id: String) in model.levelRank(id) ?? 0 }
    // Sort keys computed once per gap, not once per comparison.
    let gaps = findings.filter(\.isGap)
      .map { (key: (rank($0.level), $0.severity.rank, -$0.position), finding: $0) }
      .sorted { $0.key > $1.key }
      .map(\.finding)
    let byID = Dictionary(findings.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
    let register = questionnaire.risks.map { risk in
      let related = risk.mitigatedBy.compactMap { byID[$0] }
      let worst = related.max { rank($0.level) < rank($1.level) }
      return RegisterEntry(risk: risk, level: worst?.level, findings: related)
    }
    let progress = Progress(
      answered: visibility.indices.filter { visibility[$0] }.count - unanswered.count,
      applicable: visibility.filter { $0 }.count)
    let (verdict, reasons) = decide(
      blocking: blocking, findings: findings, unanswered: unanswered.count,
      unjustified: unjustified.count)
    return RiskSummary(
      metadata: state.metadata, progress: progress, verdict: verdict, reasons: reasons,
      blocking: blocking, findings: findings, matrix: matrix, register: register,
      sections: sections.filter { $0.applicable > 0 }, gaps: gaps, unanswered: unanswered,
      flagged: flagged, notApplicable: notApplicable, unjustifiedNotApplicable: unjustified,
      evidence: evidence)
  }

  private struct RatingKey: Hashable {
    var answer: ScoredAnswer
    var severity: Severity
    var protects: [SecurityDimension]
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
    var shift: Int?
    var reasons: [LocalizedText] = []
    for dimension in question.protects {
      let applying = adjustments.filter { $0.dimensions.contains(dimension) }
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
      impactReasons: (shift ?? 0) == 0 ? [] : reasons)
  }

  private func decide(
    blocking: [BlockingFinding], findings: [Finding], unanswered: Int, unjustified: Int
  ) -> (Verdict, [VerdictReason]) {
    let model = questionnaire.riskModel
    let rank = { (id: String) in model.levelRank(id) ?? 0 }
    let blockingFrom = rank(model.notAcceptableFrom)
    let conditionsFrom = rank(model.conditionsFrom)
    let scored = findings.filter { $0.answer != .compliant }
    let severe = scored.filter { rank($0.level) >= blockingFrom }.count
    let conditional = scored.filter { rank($0.level) >= conditionsFrom && rank($0.level) < blockingFrom }.count
    var reasons: [VerdictReason] = []
    if !blocking.isEmpty { reasons.append(.blocking(count: blocking.count)) }
    if severe > 0 { reasons.append(.gapsNotAcceptable(count: severe, level: model.notAcceptableFrom)) }
    if conditional > 0 { reasons.append(.gapsWithConditions(count: conditional, level: model.conditionsFrom)) }
    if unanswered > 0 { reasons.append(.incomplete(unanswered: unanswered)) }
    if unjustified > 0 { reasons.append(.unjustifiedNotApplicable(count: unjustified)) }
    let verdict: Verdict
    if !blocking.isEmpty || severe > 0 {
      verdict = .notAcceptable
    } else if conditional > 0 || unanswered > 0 || unjustified > 0 {
      verdict = .acceptableWithConditions
    } else {
      verdict = .acceptable
      reasons.append(.noGaps)
    }
    return (verdict, reasons)
  }
}
