import AssessmentCore
import Foundation

/// One line of the rendered summary: its text, how it is emphasised, and the question it is
/// about (for the wizard to jump to).
public struct SummaryLine: Equatable, Sendable {
  public enum Emphasis: Equatable, Sendable {
    case plain, title, heading, verdict(Verdict), level(String), dim
  }
  public var text: String
  public var emphasis: Emphasis
  public var questionID: String?
  /// A row of a table (the risk matrix): a screen cuts it rather than wrap it, which would
  /// misalign its columns.
  public var isTableRow = false

  public init(_ text: String, _ emphasis: Emphasis = .plain, questionID: String? = nil) {
    self.text = text
    self.emphasis = emphasis
    self.questionID = questionID
  }
}

/// Renders a ``RiskSummary`` as text lines (terminal and wizard) or Markdown, in one language.
public struct SummaryReport: Sendable {
  public let questionnaire: Questionnaire
  public let summary: RiskSummary
  public let language: InterfaceLanguage
  /// SHA-256 of the questionnaire source.
  public let digest: String
  /// The assessor's answers, for notes, justifications and evidence.
  public let answers: [String: Answer]
  /// The questionnaire version the session was answered under, when it differs from the one
  /// loaded: the header says so.
  public var answeredUnderVersion: String?
  /// For a re-assessment: the changes since the previous assessment, shown after the verdict.
  public var changesSince: ChangesSince?
  /// For a re-assessment: the evidence records the previous assessment had, by question; the
  /// ones of them expired on the summary's day are to renew rather than merely expired.
  public var previousEvidence: [String: [EvidenceRecord]] = [:]
  /// Management's decision in force and whether the content changed since (nil: none recorded).
  public var decision: DecisionStanding?

  public init(
    questionnaire: Questionnaire, summary: RiskSummary, answers: [String: Answer],
    language: InterfaceLanguage, digest: String
  ) {
    self.questionnaire = questionnaire
    self.summary = summary
    self.answers = answers
    self.language = language
    self.digest = digest
  }

  // MARK: - Shared pieces

  func t(_ phrase: Phrase) -> String { phrase.text(language) }
  func t(_ phrase: SummaryPhrase) -> String { phrase.text(language) }
  func f(_ phrase: Phrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  func f(_ phrase: SummaryPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  /// "Label :" in French, "Label:" otherwise.
  func l(_ phrase: Phrase) -> String { t(phrase) + (language == .fr ? " :" : ":") }
  func l(_ phrase: SummaryPhrase) -> String { t(phrase) + (language == .fr ? " :" : ":") }
  func q(_ text: LocalizedText) -> String {
    text.resolve(language.rawValue, fallbacks: questionnaire.languages)
  }

  /// The content owner's notice of the questionnaire (an imported framework's copyright and
  /// provider), in the report's language; nil when the questionnaire has none.
  public var ownerNotice: String? {
    guard let notice = questionnaire.notice else { return nil }
    let text = q(notice)
    return text.isBlank ? nil : text
  }

  public func levelLabel(_ id: String) -> String {
    questionnaire.riskModel.levels.first { $0.id == id }.map { q($0.label) } ?? id
  }

  func scaleLabel(_ scale: [ScaleLevel], _ id: String) -> String {
    scale.first { $0.id == id }.map { q($0.label) } ?? id
  }

  public func verdictText(_ verdict: Verdict) -> String {
    switch verdict {
    case .acceptable: return t(.verdictAcceptable)
    case .acceptableWithConditions: return t(.verdictConditions)
    case .notAcceptable: return t(.verdictNotAcceptable)
    }
  }

  public func reasonText(_ reason: VerdictReason) -> String {
    switch reason {
    case .blocking(let count): return f(.reasonBlocking, count)
    case .gapsNotAcceptable(let count, let level):
      return f(.reasonGapsNotAcceptable, count, levelLabel(level).lowercased())
    case .gapsWithConditions(let count, let level):
      return f(.reasonGapsConditions, count, levelLabel(level).lowercased())
    case .incomplete(let count): return f(.reasonIncomplete, count)
    case .unjustifiedNotApplicable(let count): return f(.reasonUnjustified, count)
    case .conflicts(let count): return f(.reasonConflicts, count)
    case .derogations(let count): return f(.reasonDerogations, count)
    case .beyondGuideline(let ids):
      return f(.reasonBeyondGuideline, ids.count, beyondGuidelineList(ids))
    case .blockingBeyondGuideline(let ids):
      let rules = ids.map { id in
        guard let rule = questionnaire.blockingRules.first(where: { $0.id == id }) else {
          return id
        }
        return
          ([cite(rule.refs)] + [rule.basis.map { Self.basisText($0, language) }].compactMap { $0 })
          .joined(separator: ", ")
      }
      return f(
        .reasonBlockingBeyondGuideline, ids.count, rules.joined(separator: language.listSeparator))
    case .noGaps: return t(.reasonNoGaps)
    }
  }

  /// The points beyond the reference text that weigh on the verdict, each as the list of gaps
  /// numbers it, with where it comes from and its basis: "no 3 (Annex C…, good practice…)".
  /// Past a few, only the gaps' numbers and a count of the others: each gap says its source and
  /// basis in the list of gaps, and a reason of thirty citations is not read.
  func beyondGuidelineList(_ ids: [String]) -> String {
    if ids.count > Self.beyondGuidelineDetailed {
      var numbers: [Int] = []
      var others = 0
      for id in ids {
        if let index = summary.gaps.firstIndex(where: { $0.questionID == id }) {
          numbers.append(index + 1)
        } else {
          others += 1
        }
      }
      var parts: [String] = []
      if !numbers.isEmpty {
        parts.append(t(.gapNumber) + numbers.sorted().map(String.init).joined(separator: ", "))
      }
      if others > 0 { parts.append(f(.beyondGuidelineNotJudged, others)) }
      return parts.joined(separator: language.listSeparator)
    }
    return ids.map { id in
      guard let question = questionnaire.question(id) else { return id }
      let number = summary.gaps.firstIndex { $0.questionID == id }.map {
        "\(t(.gapNumber))\($0 + 1)"
      }
      let detail = ([refs(question)] + [basisText(question)].compactMap { $0 }).joined(
        separator: ", ")
      return [number, "(\(detail))"].compactMap { $0 }.joined(separator: " ")
    }.joined(separator: language.listSeparator)
  }

  /// Up to this many points beyond the reference text are each named in the verdict's reason.
  static let beyondGuidelineDetailed = 5

  public func answerText(_ answer: ScoredAnswer) -> String {
    switch answer {
    case .compliant: return t(.compliant)
    case .partial: return t(.partial)
    case .noncompliant: return t(.noncompliant)
    case .unknown: return t(.unknown)
    case .unanswered: return t(.unanswered)
    case .unjustifiedNotApplicable: return t(.notApplicable)
    }
  }

  /// A question's refs as a reader finds them in the published source (its id when it has none).
  func refs(_ question: Question) -> String {
    question.refs.isEmpty ? question.id : cite(question.refs)
  }

  /// Refs as a reader finds them.
  func cite(_ refs: [String]) -> String { questionnaire.citations(refs, language.rawValue) }

  /// "law, beyond the reference text"... for a point the reference text does not demand.
  public func basisText(_ question: Question) -> String? { Self.basisText(question, language) }

  public static func basisText(_ question: Question, _ language: InterfaceLanguage) -> String? {
    question.basis.map { basisText($0, language) }
  }

  public static func basisText(_ basis: RequirementBasis, _ language: InterfaceLanguage) -> String {
    switch basis {
    case .law: return Phrase.basisLaw.text(language)
    case .goodPractice: return Phrase.basisGoodPractice.text(language)
    case .policy: return Phrase.basisPolicy.text(language)
    }
  }

  /// The label of a question's action: what to demand of the provider, or what the organisation
  /// does itself; the questionnaire's wording when it gives one.
  public func actionLabel(_ question: Question) -> String {
    Self.actionLabel(question, questionnaire, language)
  }

  public static func actionLabel(
    _ question: Question, _ questionnaire: Questionnaire, _ language: InterfaceLanguage
  ) -> String {
    return actionLabel(owner: questionnaire.owner(of: question.id), questionnaire, language)
  }

  /// The label of the action of a point that is `owner`'s duty.
  static func actionLabel(
    owner: DutyOwner, _ questionnaire: Questionnaire, _ language: InterfaceLanguage
  ) -> String {
    switch owner {
    case .organisation:
      return questionnaire.labels.organisationAction.map {
        questionnaire.text($0, language.rawValue)
      }
        ?? Phrase.whatToDo.text(language)
    case .provider:
      return questionnaire.labels.providerAction.map { questionnaire.text($0, language.rawValue) }
        ?? Phrase.genericAction.text(language)
    case .shared:
      return questionnaire.labels.sharedAction.map { questionnaire.text($0, language.rawValue) }
        ?? Phrase.genericAction.text(language)
    }
  }

  /// Where a register risk is stated (« annexe D, « Inconvénients et risques », 4e point »), or
  /// its id when the questionnaire cites nothing for it.
  func registerName(_ risk: RegisterRisk) -> String {
    risk.refs.isEmpty ? risk.id : questionnaire.citations(risk.refs, language.rawValue)
  }

  /// The register's heading: the questionnaire's wording when it gives one.
  public var registerHeading: String { questionnaire.labels.register.map(q) ?? t(.riskRegister) }

  /// What a derogation's status means, in words.
  public func derogationStatusText(_ use: DerogationUse) -> String {
    Self.derogationStatusText(use, language, questionnaire)
  }

  /// The blocking findings a valid derogation waives are named by where the guideline states
  /// their rule (« 2.4, 4e point »), never by the rule's id.
  public static func derogationStatusText(
    _ use: DerogationUse, _ language: InterfaceLanguage, _ questionnaire: Questionnaire
  ) -> String {
    switch use.status {
    case .valid:
      guard !use.waives.isEmpty else { return Phrase.derogationValidNothing.text(language) }
      let rules = use.waives.map { id -> String in
        guard let rule = questionnaire.blockingRules.first(where: { $0.id == id }) else {
          return id
        }
        return rule.refs.isEmpty
          ? questionnaire.text(rule.message, language.rawValue)
          : questionnaire.citations(rule.refs, language.rawValue)
      }
      return Phrase.derogationValid.format(language, rules.joined(separator: " ; "))
    case .noReference: return Phrase.derogationNoReference.text(language)
    case .noGrantor: return Phrase.derogationNoGrantor.text(language)
    case .noGrantDate: return Phrase.derogationNoGrantDate.text(language)
    case .badGrantDate(let text): return Phrase.derogationBadGrantDate.format(language, text)
    case .grantedAfter(let day): return Phrase.derogationGrantedAfter.format(language, day)
    case .noExpiry: return Phrase.derogationNoExpiry.text(language)
    case .expiryBeforeGrant(let day):
      return Phrase.derogationExpiryBeforeGrant.format(language, day)
    case .expired(let day): return Phrase.derogationExpired.format(language, day)
    case .badExpiry(let text): return Phrase.derogationBadExpiry.format(language, text)
    }
  }

  /// An answer as the assessor chose it, in words (labels, not ids), on one line.
  public func answerWords(_ question: Question, _ value: AnswerValue) -> String {
    value.display(question, language, questionnaire).replacingScalar("\n", with: " / ")
  }

  /// The context answers (scoping, identification of the stakes: every answered question that
  /// is neither scored nor a derogation), as positions in walking order.
  public var contextPositions: [Int] {
    let visibility = visibility
    return questionnaire.questions.indices.filter { position in
      let question = questionnaire.questions[position]
      return visibility[position] && question.type != .compliance && question.type != .derogation
        && questionnaire.value(answers[question.id], question) != nil
    }
  }

  /// Answers kept in the session whose value no longer fits their question (an option removed,
  /// a type changed), with the stored value as text: they count as unanswered. The risk engine
  /// found them (``RiskSummary/invalidAnswerIDs``).
  public var invalidAnswers: [(question: Question, stored: String)] {
    summary.invalidAnswerIDs.compactMap { id in
      guard let question = questionnaire.question(id), let value = answers[id]?.value else {
        return nil
      }
      let stored: String
      switch value {
      case .choice(let choice): stored = choice
      case .choices(let choices): stored = choices.joined(separator: ", ")
      case .text(let text): stored = text
      case .number(let number): stored = AnswerValue.numberText(number)
      case .derogation(let record): stored = record.reference
      case .date(let day): stored = day
      }
      return (question, stored)
    }
  }

  /// A mitigating question's answer in the register, with its level when it is not compliant: a
  /// compliant answer mitigates the risk and has no level of its own (docs/risk-model.md).
  public func mitigationText(_ finding: Finding) -> String {
    let answer = answerText(finding.answer).lowercased()
    return finding.answer == .compliant
      ? answer : "\(answer), \(levelLabel(finding.level).lowercased())"
  }

  /// The impact of a finding with why it moved, e.g. "critical (High confidentiality criticality)".
  public func impactText(_ finding: Finding) -> String {
    let label = scaleLabel(questionnaire.riskModel.impact, finding.impact).lowercased()
    if finding.impactReasons.isEmpty { return label }
    return "\(label) (\(finding.impactReasons.map(q).joined(separator: language.listSeparator)))"
  }

  /// One abbreviation per level, unique among the levels ignoring case and accents: the shortest
  /// common prefix length that tells them apart, else their rank.
  public var levelAbbreviations: [String: String] {
    let levels = questionnaire.riskModel.levels
    let labels = levels.map { q($0.label) }
    let longest = labels.map(\.count).max() ?? 0
    for length in 1...max(1, longest) {
      let candidates = labels.map { String($0.prefix(length)).uppercased() }
      let folded = candidates.map(Self.baseLetters)
      if Set(folded).count == folded.count, Set(candidates).count == candidates.count {
        return Dictionary(uniqueKeysWithValues: zip(levels.map(\.id), candidates))
      }
    }
    return Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1.id, String($0 + 1)) })
  }

  /// What a reader tells apart in a (capitalised) abbreviation: its letters without their
  /// accents. Each Unicode scalar stands for its name up to " WITH " ("LATIN CAPITAL LETTER E WITH
  /// ACUTE" and "LATIN CAPITAL LETTER E" are one letter), combining marks for nothing (an "E"
  /// followed by a combining acute is that same letter). The standard library's Unicode data
  /// suffices; Foundation's `folding` loaded much of Foundation for four labels.
  static func baseLetters(_ text: String) -> String {
    var key = ""
    for scalar in text.unicodeScalars {
      let properties = scalar.properties
      switch properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark: continue
      default: break
      }
      guard let name = properties.name else {
        key.unicodeScalars.append(scalar)
        continue
      }
      for word in name.split(separator: " ") {
        if word == "WITH" { break }
        key += String(word) + " "
      }
      key += "|"
    }
    return key
  }

  static func date(_ date: Date) -> String { Timestamp.formatMinutes(date) }

  var shortDigest: String { String(digest.prefix(12)) }

  var percent: Int {
    Int((summary.progress.fraction * 100).rounded(.down))
  }

  /// The completeness as every format shows it: verified answers among the applicable questions,
  /// and how many carried answers are left to re-verify.
  var completenessValue: String {
    let progress = summary.progress
    var value = "\(progress.verified)/\(progress.applicable) (\(percent) %)"
    if progress.toReverify > 0 {
      value += " · " + PlanPhrase.progressToReverify.format(language, progress.toReverify)
    }
    return value
  }

  /// Why the assessment is not complete (``Progress/isComplete``, the one definition every
  /// format reads), one statement per reason; empty when it is complete.
  var incompleteness: [String] {
    let progress = summary.progress
    guard !progress.isComplete else { return [] }
    var lines: [String] = []
    if progress.unanswered > 0 { lines.append(f(.summaryIncomplete, progress.unanswered)) }
    if progress.toReverify > 0 { lines.append(f(.completenessToReverify, progress.toReverify)) }
    if progress.unjustifiedNotApplicable > 0 {
      lines.append(
        f(
          progress.unanswered == 0 ? .summaryUnjustified : .summaryUnjustifiedToo,
          progress.unjustifiedNotApplicable))
    }
    return lines
  }
}
