// The summary as text for the terminal and the wizard: its parts, gaps, lists and matrix.
import AssessmentCore
import Foundation

extension SummaryReport {
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
    let colon = language.colon
    let meta = summary.metadata
    add(t(.summaryHeading).uppercased(), .title)
    add("\(l(.summaryOrganisation)) \(meta.organisation)")
    add("\(l(.summaryAssessor)) \(meta.assessor)")
    add("\(l(.summaryProvider)) \(meta.provider)")
    add("\(l(.summaryService)) \(meta.service)")
    add(
      "\(l(.summaryQuestionnaire)) \(questionnaire.id) \(questionnaire.version) (sha256 \(shortDigest)…)"
    )
    if let notice = ownerNotice { add("\(l(.summaryNotice)) \(notice)") }
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
    renderDecision(into: &sink)

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
              "        \(finding.questionID) (\(refs(questionnaire.questions[finding.position])))\(language.colon)\(mitigationText(finding))",
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
        out += language.colon
        out += "\(section.compliantPercent ?? 0) % "
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
    let (expired, toRenew) = expiredEvidenceLines()
    for (title, items) in [
      (EvidencePhrase.toRenewTitle, toRenew), (EvidencePhrase.expiredTitle, expired),
    ]
    where !items.isEmpty {
      listSection(title.text(language), items.map(\.position), into: &sink) { position in
        items.first { $0.position == position }?.records.joined(separator: language.listSeparator)
      }
    }
    // Only a session with provider claims has the list: "none" then says they all agree.
    if summary.claimCount > 0 {
      let differences = summary.claimDifferences
      listSection(c(.title), differences.map(\.position), into: &sink) { position in
        differences.first { $0.position == position }.map(self.claimDifferenceWords)
      }
      sink.add("  " + ClaimDifferencePhrase.notice.format(language, summary.claimCount), .dim)
    }
    let invalid = invalidAnswers
    if !invalid.isEmpty {
      heading(f(.listInvalid, invalid.count))
      for (question, stored) in invalid {
        add("  - \(refs(question)) — \(q(question.text))", question: question.id)
        add("      \(question.id)\(language.colon)\(stored)", .dim, question: question.id)
      }
    }
  }

  /// The gaps, ranked: each with its question, answer, severity and impact, derogation, note,
  /// what to do and its action. The words that repeat are made once per report, not once per
  /// gap: a large session has thousands of gaps.
  private func renderGaps<Sink: SummarySink>(into sink: inout Sink) {
    let colon = language.colon
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
    let id = questionnaire.questions[position].id
    let items = answers[id]?.evidence.map { evidenceWords($0, question: id) } ?? []
    return items.isEmpty ? nil : items.joined(separator: language.listSeparator)
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
