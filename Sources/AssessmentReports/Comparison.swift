import AssessmentCore
import Foundation

/// What changed between two assessments of a service (last year's and this year's): the
/// verdict, blocking findings, compliance per section, the register, the questions, the actions.
/// Two questionnaires with different ids are compared on the questions they have in common
/// (``commonOnly``).
public struct Comparison: Sendable {
  public struct QuestionChange: Equatable, Sendable {
    public var id: String
    /// The answer in words, then and now (nil: none, or the question is not there).
    public var then: String?
    public var now: String?
  }
  public struct SectionChange: Equatable, Sendable {
    public var id: String
    public var title: String
    public var then: Int?
    public var now: Int?
  }
  public struct RiskChange: Equatable, Sendable {
    public var id: String
    public var title: String
    public var then: String?
    public var now: String?
    public var inherentThen: String?
    public var inherentNow: String?
  }
  public struct ActionRef: Equatable, Sendable {
    public var question: String
    public var action: PlanAction
  }

  public var old: ComparedAssessment
  public var new: ComparedAssessment
  public var language: InterfaceLanguage
  public var commonOnly: Bool
  public var blockingAdded: [String] = []
  public var blockingResolved: [String] = []
  public var sections: [SectionChange] = []
  public var register: [RiskChange] = []
  public var improved: [QuestionChange] = []
  public var regressed: [QuestionChange] = []
  public var added: [QuestionChange] = []
  public var removed: [QuestionChange] = []
  /// Answers carried into the new assessment (`new --from`) and not yet confirmed: last year's
  /// value, not an answer of this year's, so neither an improvement, a regression nor a new
  /// question.
  public var notReverified: [QuestionChange] = []
  public var actionsClosed: [ActionRef] = []
  public var actionsOpen: [ActionRef] = []
  public var actionsOverdue: [ActionRef] = []

  /// How good an answer is, for "improved" and "regressed".
  static func rank(_ answer: ScoredAnswer) -> Int {
    switch answer {
    case .compliant: return 3
    case .partial: return 2
    case .unknown, .unanswered, .unjustifiedNotApplicable: return 1
    case .noncompliant: return 0
    }
  }

  public init(old: ComparedAssessment, new: ComparedAssessment, language: InterfaceLanguage) {
    self.old = old
    self.new = new
    self.language = language
    commonOnly = old.questionnaire.id != new.questionnaire.id
    let oldBlocking = Set(old.summary.blocking.map(\.rule.id))
    let newBlocking = Set(new.summary.blocking.map(\.rule.id))
    blockingAdded = new.summary.blocking.map(\.rule.id).filter { !oldBlocking.contains($0) }
    blockingResolved = old.summary.blocking.map(\.rule.id).filter { !newBlocking.contains($0) }

    func words(_ side: ComparedAssessment, _ id: String) -> String? {
      guard let question = side.questionnaire.question(id),
        let value = side.questionnaire.value(side.state.answers[id], question)
      else { return nil }
      let report = SummaryReport(
        questionnaire: side.questionnaire, summary: side.summary, answers: side.state.answers,
        language: language, digest: "")
      return report.answerWords(question, value)
    }
    let oldFindings = Dictionary(
      old.summary.findings.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
    let newFindings = Dictionary(
      new.summary.findings.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
    let carried = Set(new.summary.toReverify.map { new.questionnaire.questions[$0].id })
    for finding in new.summary.findings {
      let id = finding.questionID
      if carried.contains(id) {
        if commonOnly, old.questionnaire.question(id) == nil { continue }
        notReverified.append(QuestionChange(id: id, then: words(old, id), now: words(new, id)))
        continue
      }
      if let before = oldFindings[id] {
        let change = QuestionChange(id: id, then: words(old, id), now: words(new, id))
        if Self.rank(finding.answer) > Self.rank(before.answer) { improved.append(change) }
        if Self.rank(finding.answer) < Self.rank(before.answer) { regressed.append(change) }
      } else {
        // New to the questionnaire, or newly applicable; with another questionnaire, only the
        // questions both have.
        if commonOnly, old.questionnaire.question(id) == nil { continue }
        added.append(QuestionChange(id: id, then: words(old, id), now: words(new, id)))
      }
    }
    for finding in old.summary.findings where newFindings[finding.questionID] == nil {
      let id = finding.questionID
      if carried.contains(id) { continue }
      if commonOnly, new.questionnaire.question(id) == nil { continue }
      removed.append(QuestionChange(id: id, then: words(old, id), now: words(new, id)))
    }

    if !commonOnly {
      let oldSections = Dictionary(
        old.summary.sections.map {
          (old.questionnaire.sections[$0.section].id, $0.compliantPercent)
        },
        uniquingKeysWith: { a, _ in a })
      var seen = Set<String>()
      for section in new.summary.sections {
        let model = new.questionnaire.sections[section.section]
        seen.insert(model.id)
        sections.append(
          SectionChange(
            id: model.id, title: new.questionnaire.text(model.title, language.rawValue),
            then: oldSections[model.id] ?? nil, now: section.compliantPercent))
      }
      for section in old.summary.sections
      where !seen.contains(old.questionnaire.sections[section.section].id) {
        let model = old.questionnaire.sections[section.section]
        sections.append(
          SectionChange(
            id: model.id, title: old.questionnaire.text(model.title, language.rawValue),
            then: section.compliantPercent,
            now: nil))
      }
      let oldRegister = Dictionary(
        old.summary.register.map { ($0.risk.id, $0) }, uniquingKeysWith: { a, _ in a })
      for entry in new.summary.register {
        let before = oldRegister[entry.risk.id]
        register.append(
          RiskChange(
            id: entry.risk.id, title: new.questionnaire.text(entry.risk.title, language.rawValue),
            then: before?.level, now: entry.level, inherentThen: before?.inherentLevel,
            inherentNow: entry.inherentLevel))
      }
    }

    // Actions: last time's pending ones closed (done, accepted, or the gap gone), still open, overdue.
    let newPending = Set(new.summary.plan.pending.map(\.questionID))
    for item in old.summary.plan.pending {
      let gapNow = newFindings[item.questionID].map(\.isGap) ?? false
      if newPending.contains(item.questionID) && gapNow { continue }
      if !newPending.contains(item.questionID) || !gapNow {
        let action = new.state.answers[item.questionID]?.action ?? item.action
        actionsClosed.append(ActionRef(question: item.questionID, action: action))
      }
    }
    actionsOpen = new.summary.plan.pending.map {
      ActionRef(question: $0.questionID, action: $0.action)
    }
    actionsOverdue = new.summary.plan.overdue.map {
      ActionRef(question: $0.questionID, action: $0.action)
    }
  }

  /// The short account for a re-assessment's summary.
  public func changesSince() -> ChangesSince {
    let l = language
    var lines: [String] = []
    lines.append(
      ComparisonPhrase.compareVerdict.text(l) + l.colon
        + verdictWords(old.summary.verdict) + " → "
        + verdictWords(new.summary.verdict))
    lines.append(
      ComparisonPhrase.changesSinceCounts.format(
        l, improved.count, regressed.count, added.count, removed.count, blockingAdded.count,
        blockingResolved.count))
    if !notReverified.isEmpty {
      lines.append(ComparisonPhrase.changesSinceNotReverified.format(l, notReverified.count))
    }
    if !actionsClosed.isEmpty || !actionsOpen.isEmpty {
      lines.append(
        [
          ComparisonPhrase.compareActionsClosed.format(l, actionsClosed.count),
          ComparisonPhrase.compareActionsOpen.format(l, actionsOpen.count),
          ComparisonPhrase.compareActionsOverdue.format(l, new.summary.asOf, actionsOverdue.count),
        ].joined(separator: " · "))
    }
    return ChangesSince(
      title: "\(old.id), \(Timestamp.formatMinutes(old.state.metadata.updated))", lines: lines)
  }

  func verdictWords(_ verdict: Verdict) -> String {
    switch verdict {
    case .acceptable: return Phrase.verdictAcceptable.text(language)
    case .acceptableWithConditions: return Phrase.verdictConditions.text(language)
    case .notAcceptable: return Phrase.verdictNotAcceptable.text(language)
    }
  }
}

extension PreviousSession {
  /// The short account of what changed between the previous assessment and `current`.
  public func changes(to current: ComparedAssessment, language: InterfaceLanguage) -> ChangesSince {
    switch self {
    case .read(let old):
      return Comparison(old: old, new: current, language: language).changesSince()
    case .unreadable(let id, let path):
      return ChangesSince(
        title: id, lines: [ComparisonPhrase.changesSinceMissing.format(language, id, path)])
    }
  }
}
