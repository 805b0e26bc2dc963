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
  func f(_ phrase: Phrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  /// "Label :" in French, "Label:" otherwise.
  func l(_ phrase: Phrase) -> String { t(phrase) + (language == .fr ? " :" : ":") }
  func q(_ text: LocalizedText) -> String { text.resolve(language.rawValue, fallbacks: questionnaire.languages) }

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
    case .gapsNotAcceptable(let count, let level): return f(.reasonGapsNotAcceptable, count, levelLabel(level).lowercased())
    case .gapsWithConditions(let count, let level): return f(.reasonGapsConditions, count, levelLabel(level).lowercased())
    case .incomplete(let count): return f(.reasonIncomplete, count)
    case .unjustifiedNotApplicable(let count): return f(.reasonUnjustified, count)
    case .noGaps: return t(.reasonNoGaps)
    }
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

  func refs(_ question: Question) -> String {
    question.refs.isEmpty ? question.id : question.refs.joined(separator: ", ")
  }

  static func date(_ date: Date) -> String { Timestamp.formatMinutes(date) }

  var shortDigest: String { String(digest.prefix(12)) }

  var percent: Int {
    Int((summary.progress.fraction * 100).rounded(.down))
  }

  // MARK: - Text

  /// The summary as lines of at most `width` cells' worth of words (long texts are wrapped by
  /// the caller that knows display widths; here lines are logical).
  public func lines() -> [SummaryLine] {
    var lines: [SummaryLine] = []
    func add(_ text: String, _ emphasis: SummaryLine.Emphasis = .plain, question: String? = nil) {
      lines.append(SummaryLine(text, emphasis, questionID: question))
    }
    func heading(_ text: String) {
      add("")
      add(text, .heading)
    }
    let meta = summary.metadata
    add(t(.summaryHeading).uppercased(), .title)
    add("\(l(.summaryOrganisation)) \(meta.organisation)")
    add("\(l(.summaryAssessor)) \(meta.assessor)")
    add("\(l(.summaryProvider)) \(meta.provider)")
    add("\(l(.summaryService)) \(meta.service)")
    add("\(l(.summaryQuestionnaire)) \(questionnaire.id) \(questionnaire.version) (sha256 \(shortDigest)…)")
    add("\(l(.summaryCreated)) \(Self.date(meta.created)) · \(l(.summaryUpdated)) \(Self.date(meta.updated))")
    add("\(l(.summaryCompleteness)) \(summary.progress.answered)/\(summary.progress.applicable) (\(percent) %)")
    if summary.progress.isComplete, !summary.unjustifiedNotApplicable.isEmpty {
      // Not complete while a "not applicable" lacks its justification.
      add(f(.summaryUnjustified, summary.unjustifiedNotApplicable.count), .level("high"))
    } else if summary.progress.isComplete {
      add(t(.summaryComplete))
    } else {
      add(f(.summaryIncomplete, summary.progress.applicable - summary.progress.answered), .level("high"))
    }
    add("")
    add("\(l(.verdict)) \(verdictText(summary.verdict))", .verdict(summary.verdict))
    for reason in summary.reasons { add("  - " + reasonText(reason)) }

    heading(t(.blockingFindings))
    if summary.blocking.isEmpty { add("  " + t(.noBlocking)) }
    for finding in summary.blocking {
      add("  [\(finding.rule.refs.joined(separator: ", "))] \(q(finding.rule.message))", .level(questionnaire.riskModel.levels.last?.id ?? ""), question: finding.questionID)
      add("      \(l(.whatToDo)) \(q(finding.rule.remediation))", question: finding.questionID)
    }

    heading(t(.riskMatrix))
    lines += matrixLines().map { line in
      var row = line
      row.isTableRow = true
      return row
    }

    if !summary.register.isEmpty {
      heading(t(.riskRegister))
      for entry in summary.register {
        let level = entry.level.map { levelLabel($0).uppercased() } ?? t(.notAssessed)
        add("  \(entry.risk.id)  \(q(entry.risk.title)) — \(level)", entry.level.map { .level($0) } ?? .dim)
        let ids = entry.findings.map { finding in
          "\(refs(questionnaire.questions[finding.position])) \(levelLabel(finding.level).lowercased())"
        }
        if !ids.isEmpty { add("      \(l(.mitigatedBy)) \(ids.joined(separator: "; "))", .dim) }
      }
    }

    heading(t(.complianceBySection))
    for section in summary.sections {
      let title = q(questionnaire.sections[section.section].title)
      add(
        "  \(title): \(section.compliantPercent ?? 0) % \(t(.compliantPercent)), \(section.answeredPercent ?? 0) % \(t(.answeredPercent)) (\(section.applicable))")
    }

    heading(t(.gaps))
    if summary.gaps.isEmpty { add("  " + t(.noGaps)) }
    // Labels looked up once, not once per gap: a large session has thousands of gaps.
    var levelLabels: [String: String] = [:]
    for level in questionnaire.riskModel.levels { levelLabels[level.id] = levelLabel(level.id).uppercased() }
    let answerLabel = "     " + l(.answer) + " "
    let severityLabel = " · " + l(.severity) + " "
    let noteLabel = "     " + l(.note) + " "
    let remediationLabel = "     " + l(.remediation) + " "
    for (index, gap) in summary.gaps.enumerated() {
      let question = questionnaire.questions[gap.position]
      let level = levelLabels[gap.level] ?? levelLabel(gap.level).uppercased()
      add("  \(index + 1). [\(level)] \(refs(question)) — \(q(question.text))", .level(gap.level), question: gap.questionID)
      add(answerLabel + answerText(gap.answer) + severityLabel + t(gap.severity.phrase), question: gap.questionID)
      if let note = noteText(gap.questionID) { add(noteLabel + note, question: gap.questionID) }
      if let remediation = question.remediation {
        add(remediationLabel + q(remediation), question: gap.questionID)
      }
    }

    listSection(t(.listUnanswered), summary.unanswered, &lines) { _ in nil }
    listSection(t(.listFlagged), summary.flagged, &lines) { self.noteText(self.questionnaire.questions[$0].id) }
    listSection(t(.listNotApplicable), summary.notApplicable, &lines) { position in
      self.noteText(self.questionnaire.questions[position].id).map { "\(self.l(.justification)) \($0)" }
    }
    if !summary.unjustifiedNotApplicable.isEmpty {
      listSection(t(.listUnjustified), summary.unjustifiedNotApplicable, &lines) { _ in nil }
    }
    listSection(t(.listEvidence), summary.evidence, &lines) { position in
      self.stateEvidence(position)
    }
    return lines
  }

  private func noteText(_ questionID: String) -> String? {
    guard let note = answers[questionID]?.note.trimmed, !note.isEmpty else { return nil }
    return note.replacingScalar("\n", with: " / ")
  }

  private func stateEvidence(_ position: Int) -> String? {
    let items = answers[questionnaire.questions[position].id]?.evidence ?? []
    return items.isEmpty ? nil : items.joined(separator: "; ")
  }

  private func listSection(
    _ title: String, _ positions: [Int], _ lines: inout [SummaryLine], detail: (Int) -> String?
  ) {
    lines.append(SummaryLine(""))
    lines.append(SummaryLine("\(title) (\(positions.count))", .heading))
    if positions.isEmpty { lines.append(SummaryLine("  " + t(.none), .dim)) }
    for position in positions {
      let question = questionnaire.questions[position]
      lines.append(SummaryLine("  - \(refs(question)) — \(q(question.text))", questionID: question.id))
      if let detail = detail(position) {
        lines.append(SummaryLine("      \(detail)", .dim, questionID: question.id))
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
      return right ? String(repeating: " ", count: room) + text : text + String(repeating: " ", count: room)
    }
    var lines: [SummaryLine] = []
    lines.append(SummaryLine("  " + pad(t(.likelihood) + " \\ " + t(.impact), first) , .dim))
    lines.append(SummaryLine("  " + pad("", first) + columnLabels.map { pad($0, cell, right: true) }.joined()))
    for (row, likelihood) in model.likelihood.enumerated().reversed() {
      var text = "  " + pad(rowLabels[row], first)
      for column in model.impact.indices {
        let level = model.matrix[likelihood.id]?[column] ?? ""
        let initial = levelLabel(level).prefix(1).uppercased()
        text += pad("\(summary.matrix[row][column]) \(initial)", cell, right: true)
      }
      lines.append(SummaryLine(text))
    }
    let legend = model.levels.map { "\(q($0.label).prefix(1).uppercased()) = \(q($0.label).lowercased())" }
    lines.append(SummaryLine("  " + legend.joined(separator: ", "), .dim))
    return lines
  }

  /// Plain text, with ANSI colours when `color` is true.
  public func text(color: Bool) -> String {
    lines().map { line in
      guard color else { return line.text }
      return Self.ansi(line.emphasis, levels: questionnaire.riskModel.levels.map(\.id)) + line.text
        + (line.emphasis == .plain ? "" : "\u{1B}[0m")
    }.joined(separator: "\n") + "\n"
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

  // MARK: - Markdown

  public func markdown() -> String {
    var out: [String] = []
    let meta = summary.metadata
    func esc(_ text: String) -> String {
      text.replacingScalar("|", with: "\\|").replacingScalar("\n", with: " ")
    }
    out.append("# \(t(.summaryHeading))")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append("| \(t(.summaryOrganisation)) | \(esc(meta.organisation)) |")
    out.append("| \(t(.summaryAssessor)) | \(esc(meta.assessor)) |")
    out.append("| \(t(.summaryProvider)) | \(esc(meta.provider)) |")
    out.append("| \(t(.summaryService)) | \(esc(meta.service)) |")
    out.append("| \(t(.summaryQuestionnaire)) | \(questionnaire.id) \(questionnaire.version) (sha256 `\(shortDigest)`) |")
    out.append("| \(t(.summaryCreated)) | \(Self.date(meta.created)) |")
    out.append("| \(t(.summaryUpdated)) | \(Self.date(meta.updated)) |")
    out.append("| \(t(.summaryCompleteness)) | \(summary.progress.answered)/\(summary.progress.applicable) (\(percent) %) |")
    out.append("")
    if !summary.progress.isComplete {
      out.append("> **\(f(.summaryIncomplete, summary.progress.applicable - summary.progress.answered))**")
      out.append("")
    }
    out.append("## \(l(.verdict)) \(verdictText(summary.verdict))")
    out.append("")
    for reason in summary.reasons { out.append("- \(reasonText(reason))") }
    out.append("")
    out.append("## \(t(.blockingFindings))")
    out.append("")
    if summary.blocking.isEmpty { out.append(t(.noBlocking)) }
    for finding in summary.blocking {
      out.append("- **\(finding.rule.refs.joined(separator: ", "))** — \(esc(q(finding.rule.message)))  ")
      out.append("  *\(l(.whatToDo))* \(esc(q(finding.rule.remediation)))")
    }
    out.append("")
    out.append("## \(t(.riskMatrix))")
    out.append("")
    let model = questionnaire.riskModel
    out.append("| \(t(.likelihood)) \\\\ \(t(.impact)) | " + model.impact.map { q($0.label) }.joined(separator: " | ") + " |")
    out.append("|---|" + model.impact.map { _ in "---:" }.joined(separator: "|") + "|")
    for (row, likelihood) in model.likelihood.enumerated().reversed() {
      let cells = model.impact.indices.map { column -> String in
        let level = model.matrix[likelihood.id]?[column] ?? ""
        return "\(summary.matrix[row][column]) (\(levelLabel(level).lowercased()))"
      }
      out.append("| \(q(likelihood.label)) | " + cells.joined(separator: " | ") + " |")
    }
    if !summary.register.isEmpty {
      out.append("")
      out.append("## \(t(.riskRegister))")
      out.append("")
      out.append("| | | \(t(.level)) | \(t(.mitigatedBy)) |")
      out.append("|---|---|---|---|")
      for entry in summary.register {
        let level = entry.level.map { "**\(levelLabel($0))**" } ?? t(.notAssessed)
        let questions = entry.findings.map { "\(refs(questionnaire.questions[$0.position])) (\(levelLabel($0.level).lowercased()))" }
        out.append("| \(entry.risk.id) | \(esc(q(entry.risk.title))) | \(level) | \(esc(questions.joined(separator: ", "))) |")
      }
    }
    out.append("")
    out.append("## \(t(.complianceBySection))")
    out.append("")
    out.append("| \(t(.section)) | \(t(.compliantPercent)) | \(t(.answeredPercent)) | n |")
    out.append("|---|---:|---:|---:|")
    for section in summary.sections {
      out.append("| \(esc(q(questionnaire.sections[section.section].title))) | \(section.compliantPercent ?? 0) % | \(section.answeredPercent ?? 0) % | \(section.applicable) |")
    }
    out.append("")
    out.append("## \(t(.gaps))")
    out.append("")
    if summary.gaps.isEmpty { out.append(t(.noGaps)) }
    for (index, gap) in summary.gaps.enumerated() {
      let question = questionnaire.questions[gap.position]
      out.append("\(index + 1). **[\(levelLabel(gap.level))] \(refs(question))** — \(esc(q(question.text)))  ")
      out.append("   \(l(.answer)) \(answerText(gap.answer)) · \(l(.severity)) \(t(gap.severity.phrase))  ")
      if let note = noteText(gap.questionID) { out.append("   \(l(.note)) \(esc(note))  ") }
      if let remediation = question.remediation { out.append("   *\(l(.remediation))* \(esc(q(remediation)))") }
    }
    func list(_ title: String, _ positions: [Int], detail: (Int) -> String?) {
      out.append("")
      out.append("## \(title) (\(positions.count))")
      out.append("")
      if positions.isEmpty { out.append(t(.none)) }
      for position in positions {
        let question = questionnaire.questions[position]
        var line = "- \(refs(question)) — \(esc(q(question.text)))"
        if let detail = detail(position) { line += " — *\(esc(detail))*" }
        out.append(line)
      }
    }
    list(t(.listUnanswered), summary.unanswered) { _ in nil }
    list(t(.listFlagged), summary.flagged) { self.noteText(self.questionnaire.questions[$0].id) }
    list(t(.listNotApplicable), summary.notApplicable) { self.noteText(self.questionnaire.questions[$0].id) }
    if !summary.unjustifiedNotApplicable.isEmpty {
      list(t(.listUnjustified), summary.unjustifiedNotApplicable) { _ in nil }
    }
    list(t(.listEvidence), summary.evidence) { self.stateEvidence($0) }
    return out.joined(separator: "\n") + "\n"
  }
}
