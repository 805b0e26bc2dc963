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
      return f(.reasonBlockingBeyondGuideline, ids.count, rules.joined(separator: "; "))
    case .noGaps: return t(.reasonNoGaps)
    }
  }

  /// The points beyond the reference text that weigh on the verdict, each as the list of gaps
  /// numbers it, with where it comes from and its basis: "no 3 (Annex C…, good practice…)".
  func beyondGuidelineList(_ ids: [String]) -> String {
    ids.map { id in
      guard let question = questionnaire.question(id) else { return id }
      let number = summary.gaps.firstIndex { $0.questionID == id }.map {
        "\(t(.gapNumber))\($0 + 1)"
      }
      let detail = ([refs(question)] + [basisText(question)].compactMap { $0 }).joined(
        separator: ", ")
      return [number, "(\(detail))"].compactMap { $0 }.joined(separator: " ")
    }.joined(separator: "; ")
  }

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
    return "\(label) (\(finding.impactReasons.map(q).joined(separator: "; ")))"
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

  // MARK: - Text

  /// The summary as lines of at most `width` cells' worth of words (long texts are wrapped by
  /// the caller that knows display widths; here lines are logical).
  public func lines() -> [SummaryLine] {
    var sink = SummaryLinesSink()
    render(into: &sink)
    return sink.lines
  }

  /// Plain text, with ANSI colours when `color` is true.
  public func text(color: Bool) -> String {
    // Room for the whole text at once: a gap with its note, remediation and action takes up to
    // a kilobyte, another question a line or two.
    var sink = SummaryTextSink(
      color: color, levels: questionnaire.riskModel.levels.map(\.id),
      capacity: 4096 + summary.gaps.count * 1024 + questionnaire.questions.count * 128)
    render(into: &sink)
    return sink.text
  }

  /// Writes the summary, line by line, into `sink`.
  func render<Sink: SummarySink>(into sink: inout Sink) {
    func add(_ text: String, _ emphasis: SummaryLine.Emphasis = .plain, question: String? = nil) {
      sink.add(text, emphasis, question: question)
    }
    func heading(_ text: String) {
      add("")
      add(text, .heading)
    }
    let colon = language == .fr ? " : " : ": "
    let meta = summary.metadata
    add(t(.summaryHeading).uppercased(), .title)
    add("\(l(.summaryOrganisation)) \(meta.organisation)")
    add("\(l(.summaryAssessor)) \(meta.assessor)")
    add("\(l(.summaryProvider)) \(meta.provider)")
    add("\(l(.summaryService)) \(meta.service)")
    add(
      "\(l(.summaryQuestionnaire)) \(questionnaire.id) \(questionnaire.version) (sha256 \(shortDigest)…)"
    )
    if let version = answeredUnderVersion {
      add(f(.questionnaireAnsweredUnder, version, questionnaire.version), .level("high"))
    }
    add(
      "\(l(.summaryCreated)) \(Self.date(meta.created)) · \(l(.summaryUpdated)) \(Self.date(meta.updated))"
    )
    add("\(l(.summaryCompleteness)) \(completenessValue)")
    if summary.progress.isComplete { add(t(.summaryComplete)) }
    for line in incompleteness { add(line, .level("high")) }
    add("")
    add("\(l(.verdict)) \(verdictText(summary.verdict))", .verdict(summary.verdict))
    for reason in summary.reasons { add("  - " + reasonText(reason)) }
    renderChanges(into: &sink)

    heading(t(.blockingFindings))
    if summary.blocking.isEmpty { add("  " + t(.noBlocking)) }
    for finding in summary.blocking {
      let basis = finding.rule.basis.map { " (\(Self.basisText($0, language)))" } ?? ""
      add(
        "  [\(cite(finding.rule.refs))\(basis)] \(q(finding.rule.message))",
        .level(questionnaire.riskModel.levels.last?.id ?? ""), question: finding.questionID)
      add("      \(l(.whatToDo)) \(q(finding.rule.remediation))", question: finding.questionID)
      if let failed = finding.failedDerogation {
        add(
          "      "
            + f(
              .derogationFailed, failed.record.reference.isBlank ? "—" : failed.record.reference,
              derogationStatusText(failed)), question: failed.questionID)
      }
      if finding.rule.derogation == .none {
        add("      " + t(.derogationNonePossible), question: finding.questionID)
      }
    }

    if !summary.derogations.isEmpty {
      heading(t(.derogations))
      add("  " + f(.derogationAsOf, summary.asOf), .dim)
      for use in summary.derogations {
        let question = questionnaire.question(use.questionID)
        add(
          "  - \(question.map(refs) ?? use.questionID) — \(use.record.reference.isBlank ? "—" : use.record.reference)\(colon)\(derogationStatusText(use))",
          use.status.counts ? .plain : .level("high"), question: use.questionID)
        for field in DerogationRecord.Field.allCases
        where field != .reference && !use.record[field].isBlank {
          add(
            "      \(derogationFieldLabel(field))\(colon)\(use.record[field].replacingScalar("\n", with: " / "))",
            .dim, question: use.questionID)
        }
      }
    }

    heading(t(.riskMatrix))
    for row in matrixLines() {
      sink.line(row.emphasis, question: row.questionID, tableRow: true) { $0 += row.text }
    }

    if !summary.register.isEmpty {
      heading(registerHeading)
      for entry in summary.register {
        let residual = entry.level.map { levelLabel($0).uppercased() } ?? t(.notAssessed)
        let inherent = entry.inherentLevel.map { levelLabel($0).lowercased() } ?? t(.notAssessed)
        add(
          "  \(registerName(entry.risk))  \(q(entry.risk.title))",
          entry.level.map { .level($0) } ?? .dim)
        add(
          "      \(t(.inherentLevel)) \(inherent) → \(t(.residualLevel)) \(residual)",
          entry.level.map { .level($0) } ?? .dim)
        if let accepted = registerAcceptedLine(entry) { add("      " + accepted) }
        if !entry.findings.isEmpty {
          add("      \(l(.mitigatedBy))", .dim)
          for finding in entry.findings {
            add(
              "        \(finding.questionID) (\(refs(questionnaire.questions[finding.position]))): \(mitigationText(finding))",
              .dim, question: finding.questionID)
          }
        }
      }
    }

    heading(t(.complianceBySection))
    let compliantWord = t(.compliantPercent), answeredWord = t(.answeredPercent)
    for section in summary.sections {
      sink.line { out in
        out += "  "
        out += q(questionnaire.sections[section.section].title)
        out += ": \(section.compliantPercent ?? 0) % "
        out += compliantWord
        out += ", \(section.answeredPercent ?? 0) % "
        out += answeredWord
        out += " (\(section.applicable))"
      }
    }

    heading(t(.gaps))
    if summary.gaps.isEmpty { add("  " + t(.noGaps)) }
    renderGaps(into: &sink)
    renderPlan(into: &sink)

    let context = contextPositions
    if !context.isEmpty {
      heading(t(.context))
      for position in context {
        let question = questionnaire.questions[position]
        guard let value = questionnaire.value(answers[question.id], question) else { continue }
        add("  - \(q(question.text))", question: question.id)
        add("      \(answerWords(question, value))", .dim, question: question.id)
      }
    }

    listSection(t(.listUnanswered), summary.unanswered, into: &sink) { _ in nil }
    listSection(t(.listFlagged), summary.flagged, into: &sink) {
      self.noteText(self.questionnaire.questions[$0].id)
    }
    listSection(t(.listNotApplicable), summary.notApplicable, into: &sink) { position in
      self.noteText(self.questionnaire.questions[position].id).map {
        "\(self.l(.justification)) \($0)"
      }
    }
    if !summary.unjustifiedNotApplicable.isEmpty {
      listSection(t(.listUnjustified), summary.unjustifiedNotApplicable, into: &sink) { _ in nil }
    }
    listSection(t(.listEvidence), summary.evidence, into: &sink) { position in
      self.stateEvidence(position)
    }
    let invalid = invalidAnswers
    if !invalid.isEmpty {
      heading(f(.listInvalid, invalid.count))
      for (question, stored) in invalid {
        add("  - \(refs(question)) — \(q(question.text))", question: question.id)
        add("      \(question.id): \(stored)", .dim, question: question.id)
      }
    }
  }

  /// The gaps, ranked: each with its question, answer, severity and impact, derogation, note,
  /// what to do and its action. The words that repeat are made once per report, not once per
  /// gap: a large session has thousands of gaps.
  private func renderGaps<Sink: SummarySink>(into sink: inout Sink) {
    let colon = language == .fr ? " : " : ": "
    let answerLabel = "     " + l(.answer) + " "
    let severityLabel = " · " + l(.severity) + " "
    let impactLabel = " · " + l(.impact) + " "
    let noteLabel = "     " + l(.note) + " "
    let planWords = PlanWords(self)
    var levels = WordCache(), answerWords = WordCache(), severityWords = WordCache()
    var impactWords = WordCache(), actionLabels = WordCache()
    for (index, gap) in summary.gaps.enumerated() {
      let question = questionnaire.questions[gap.position]
      let id = gap.questionID
      sink.line(.level(gap.level), question: id) { out in
        out += "  \(index + 1). ["
        out += levels(gap.level) { levelLabel(gap.level).uppercased() }
        out += "] "
        out += refs(question)
        out += " — "
        out += q(question.text)
      }
      if let basis = basisText(question) { sink.add("     (\(basis))", .dim, question: id) }
      sink.line(question: id) { out in
        out += answerLabel
        out += answerWords(gap.answer.rawValue) { answerText(gap.answer) }
        out += severityLabel
        out += severityWords(gap.severity.rawValue) { t(gap.severity.phrase) }
        out += impactLabel
        // The impact's words depend on the impact only, unless an adjustment moved it.
        out +=
          gap.impactReasons.isEmpty ? impactWords(gap.impact) { impactText(gap) } : impactText(gap)
        out += planWords.responsibility(questionnaire.owner(at: gap.position))
      }
      if let waiver = gap.waivedBy {
        let reference =
          summary.derogations.first { $0.questionID == waiver }?.record.reference ?? waiver
        sink.add("     " + f(.waivedBy, reference), question: id)
      }
      if let note = answers[id]?.note, !note.isBlank {
        sink.line(question: id) { out in
          out += noteLabel
          out.appendOneLine(note)
        }
      }
      if let remediation = question.remediation {
        let owner = questionnaire.owner(at: gap.position)
        let label = actionLabels(owner.rawValue) {
          Self.actionLabel(owner: owner, questionnaire, language)
        }
        sink.line(question: id) { out in
          out += "     "
          out += label
          out += colon
          out += q(remediation)
        }
      }
      gapPlan(gap, planWords) { write in
        sink.line(question: id) { out in
          out += "     "
          write(&out)
        }
      }
    }
  }

  /// A derogation field's name in a report: the dates without the form's input hint.
  func derogationFieldLabel(_ field: DerogationRecord.Field) -> String {
    switch field {
    case .grantedOn: return Phrase.derogationGrantedOnName.text(language)
    case .expiresOn: return Phrase.derogationExpiresOnName.text(language)
    default: return Self.derogationFieldLabel(field, language)
    }
  }

  public static func derogationFieldLabel(
    _ field: DerogationRecord.Field, _ language: InterfaceLanguage
  ) -> String {
    let phrase: Phrase
    switch field {
    case .reference: phrase = .derogationReference
    case .grantedBy: phrase = .derogationGrantedBy
    case .grantedOn: phrase = .derogationGrantedOn
    case .scope: phrase = .derogationScope
    case .measures: phrase = .derogationMeasures
    case .expiresOn: phrase = .derogationExpiresOn
    }
    return phrase.text(language)
  }

  /// The note of a question on one line (trimmed, line breaks as " / "); nil when blank.
  func noteText(_ questionID: String) -> String? {
    guard let note = answers[questionID]?.note, !note.isBlank else { return nil }
    var text = ""
    text.appendOneLine(note)
    return text
  }

  func stateEvidence(_ position: Int) -> String? {
    let items = answers[questionnaire.questions[position].id]?.evidence ?? []
    return items.isEmpty ? nil : items.joined(separator: "; ")
  }

  private func listSection<Sink: SummarySink>(
    _ title: String, _ positions: [Int], into sink: inout Sink, detail: (Int) -> String?
  ) {
    sink.add("")
    sink.add("\(title) (\(positions.count))", .heading)
    if positions.isEmpty { sink.add("  " + t(.none), .dim) }
    for position in positions {
      let question = questionnaire.questions[position]
      sink.line(question: question.id) { out in
        out += "  - "
        out += refs(question)
        out += " — "
        out += q(question.text)
      }
      if let detail = detail(position) {
        sink.line(.dim, question: question.id) { out in
          out += "      "
          out += detail
        }
      }
    }
  }

  /// The matrix as a plain table: a count and the level's initial in each cell.
  func matrixLines() -> [SummaryLine] {
    let model = questionnaire.riskModel
    let rowLabels = model.likelihood.map { q($0.label) }
    let columnLabels = model.impact.map { q($0.label) }
    let first = max(t(.likelihood).count, rowLabels.map(\.count).max() ?? 0) + 2
    let cell = max(8, (columnLabels.map(\.count).max() ?? 0) + 2)
    func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
      let room = max(0, width - text.count)
      return right
        ? String(repeating: " ", count: room) + text : text + String(repeating: " ", count: room)
    }
    let abbreviations = levelAbbreviations
    var lines: [SummaryLine] = []
    lines.append(SummaryLine("  " + pad(t(.likelihood) + " \\ " + t(.impact), first), .dim))
    lines.append(
      SummaryLine("  " + pad("", first) + columnLabels.map { pad($0, cell, right: true) }.joined()))
    for (row, likelihood) in model.likelihood.enumerated().reversed() {
      var text = "  " + pad(rowLabels[row], first)
      for column in model.impact.indices {
        let level = model.matrix[likelihood.id]?[column] ?? ""
        text += pad(
          "\(summary.matrix[row][column]) \(abbreviations[level] ?? level)", cell, right: true)
      }
      lines.append(SummaryLine(text))
    }
    let legend = model.levels.map {
      "\(abbreviations[$0.id] ?? $0.id) = \(q($0.label).lowercased())"
    }
    lines.append(SummaryLine("  " + legend.joined(separator: ", "), .dim))
    return lines
  }

  static func ansi(_ emphasis: SummaryLine.Emphasis, levels: [String]) -> String {
    switch emphasis {
    case .plain: return ""
    case .title, .heading: return "\u{1B}[1m"
    case .dim: return "\u{1B}[2m"
    case .verdict(.acceptable): return "\u{1B}[1;32m"
    case .verdict(.acceptableWithConditions): return "\u{1B}[1;33m"
    case .verdict(.notAcceptable): return "\u{1B}[1;31m"
    case .level(let id):
      let rank = levels.firstIndex(of: id) ?? 0
      let top = max(levels.count - 1, 1)
      if rank >= top { return "\u{1B}[1;35m" }
      if rank == top - 1 { return "\u{1B}[31m" }
      return rank == 0 ? "\u{1B}[32m" : "\u{1B}[33m"
    }
  }
}
