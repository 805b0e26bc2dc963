import AssessmentCore
import Foundation

/// The summary in Markdown: every text goes through ``Markdown``, which escapes it.
extension SummaryReport {
  public func markdown() -> String {
    var out: [Markdown] = []
    let meta = summary.metadata
    out.append("# \(t(.summaryHeading))")
    out.append("")
    out.append("| | |")
    out.append("|---|---|")
    out.append("| \(t(.summaryOrganisation)) | \(meta.organisation) |")
    out.append("| \(t(.summaryAssessor)) | \(meta.assessor) |")
    out.append("| \(t(.summaryProvider)) | \(meta.provider) |")
    out.append("| \(t(.summaryService)) | \(meta.service) |")
    out.append(
      "| \(t(.summaryQuestionnaire)) | \(questionnaire.id) \(questionnaire.version) (sha256 `\(shortDigest)`) |"
    )
    if let notice = ownerNotice { out.append("| \(t(.summaryNotice)) | \(notice) |") }
    out.append("| \(t(.summaryCreated)) | \(Self.date(meta.created)) |")
    out.append("| \(t(.summaryUpdated)) | \(Self.date(meta.updated)) |")
    out.append("| \(t(.summaryCompleteness)) | \(completenessValue) |")
    out.append("")
    if let version = answeredUnderVersion {
      out.append("> **\(f(.questionnaireAnsweredUnder, version, questionnaire.version))**")
      out.append("")
    }
    for line in incompleteness {
      out.append("> **\(line)**")
      out.append("")
    }
    out.append("## \(l(.verdict)) \(verdictText(summary.verdict))")
    out.append("")
    for reason in summary.reasons { out.append("- \(reasonText(reason))") }
    out.append("")
    out += changesMarkdown()
    out += decisionMarkdown()
    out.append("## \(t(.blockingFindings))")
    out.append("")
    if summary.blocking.isEmpty { out.append("\(t(.noBlocking))") }
    for finding in summary.blocking {
      let basis: Markdown = finding.rule.basis.map { " (\(Self.basisText($0, language)))" } ?? ""
      out.append("- **\(cite(finding.rule.refs))**\(basis) — \(q(finding.rule.message))  ")
      out.append("  *\(l(.whatToDo))* \(q(finding.rule.remediation))")
      if let failed = finding.failedDerogation {
        out.append(
          "  \(f(.derogationFailed, failed.record.reference.isBlank ? "—" : failed.record.reference, derogationStatusText(failed)))"
        )
      }
      if finding.rule.derogation == .none { out.append("  \(t(.derogationNonePossible))") }
    }
    out.append("")
    if !summary.derogations.isEmpty {
      out.append("## \(t(.derogations))")
      out.append("")
      out.append("\(f(.derogationAsOf, summary.asOf))")
      out.append("")
      for use in summary.derogations {
        let question = questionnaire.question(use.questionID)
        let colon = language.colon
        out.append(
          "- **\(use.record.reference.isBlank ? "—" : use.record.reference)** (\(question.map(refs) ?? use.questionID))\(colon)\(derogationStatusText(use))"
        )
        for field in DerogationRecord.Field.allCases
        where field != .reference && !use.record[field].isBlank {
          out.append("  - \(derogationFieldLabel(field))\(colon)\(use.record[field])")
        }
      }
      out.append("")
    }
    out.append("## \(t(.riskMatrix))")
    out.append("")
    let model = questionnaire.riskModel
    var header: Markdown = "| \(t(.likelihood)) \\\\ \(t(.impact)) |"
    var rule: Markdown = "|---|"
    for impact in model.impact {
      header += " \(q(impact.label)) |"
      rule += "---:|"
    }
    out.append(header)
    out.append(rule)
    for (row, likelihood) in model.likelihood.enumerated().reversed() {
      let cells = model.impact.indices.map { column -> String in
        let level = model.matrix[likelihood.id]?[column] ?? ""
        return "\(summary.matrix[row][column]) (\(levelLabel(level).lowercased()))"
      }
      var line: Markdown = "| \(q(likelihood.label)) |"
      for cell in cells { line += " \(cell) |" }
      out.append(line)
    }
    if !summary.register.isEmpty {
      out.append("")
      out.append("## \(registerHeading)")
      out.append("")
      out.append("| | | \(t(.inherentLevel)) | \(t(.residualLevel)) | \(t(.mitigatedBy)) |")
      out.append("|---|---|---|---|---|")
      for entry in summary.register {
        let level: Markdown = entry.level.map { "**\(levelLabel($0))**" } ?? "\(t(.notAssessed))"
        let inherent = entry.inherentLevel.map(levelLabel) ?? t(.notAssessed)
        let questions = entry.findings.map {
          "\($0.questionID) (\(refs(questionnaire.questions[$0.position])))\(language.colon)\(mitigationText($0))"
        }
        let accepted = registerAcceptedLine(entry).map { " — " + $0 } ?? ""
        out.append(
          "| \(registerName(entry.risk)) | \(q(entry.risk.title)) | \(inherent) | \(level) | \(questions.joined(separator: language.listSeparator) + accepted) |"
        )
      }
    }
    out.append("")
    out.append("## \(t(.complianceBySection))")
    out.append("")
    out.append("| \(t(.section)) | \(t(.compliantPercent)) | \(t(.answeredPercent)) | n |")
    out.append("|---|---:|---:|---:|")
    for section in summary.sections {
      out.append(
        "| \(q(questionnaire.sections[section.section].title)) | \(section.compliantPercent ?? 0) % | \(section.answeredPercent ?? 0) % | \(section.applicable) |"
      )
    }
    out.append("")
    out.append("## \(t(.gaps))")
    out.append("")
    if summary.gaps.isEmpty { out.append("\(t(.noGaps))") }
    for (index, gap) in summary.gaps.enumerated() {
      let question = questionnaire.questions[gap.position]
      out.append(
        "\(index + 1). **[\(levelLabel(gap.level))] \(refs(question))** — \(q(question.text))  ")
      if let basis = basisText(question) { out.append("   *(\(basis))*  ") }
      out.append(
        "   \(l(.answer)) \(answerText(gap.answer)) · \(l(.severity)) \(t(gap.severity.phrase)) · \(l(.impact)) \(impactText(gap))"
          + " · \(questionnaire.owner(at: gap.position).labelled(language))  ")
      if let waiver = gap.waivedBy {
        let reference =
          summary.derogations.first { $0.questionID == waiver }?.record.reference ?? waiver
        out.append("   \(f(.waivedBy, reference))  ")
      }
      if let note = noteText(gap.questionID) { out.append("   \(l(.note)) \(note)  ") }
      if let remediation = question.remediation {
        out.append(
          "   *\(actionLabel(question))\(language == .fr ? " :" : ":")* \(q(remediation))  ")
      }
      for line in gapPlanLines(gap) { out.append("   \(line)  ") }
    }
    out += planMarkdown()
    let context = contextPositions
    if !context.isEmpty {
      out.append("")
      out.append("## \(t(.context))")
      out.append("")
      out.append("| \(t(.question)) | \(t(.answer)) |")
      out.append("|---|---|")
      for position in context {
        let question = questionnaire.questions[position]
        guard let value = questionnaire.value(answers[question.id], question) else { continue }
        out.append("| \(q(question.text)) | \(answerWords(question, value)) |")
      }
    }
    func list(_ title: String, _ positions: [Int], detail: (Int) -> String?) {
      out.append("")
      out.append("## \(title) (\(positions.count))")
      out.append("")
      if positions.isEmpty { out.append("\(t(.none))") }
      for position in positions {
        let question = questionnaire.questions[position]
        var line: Markdown = "- \(refs(question)) — \(q(question.text))"
        if let detail = detail(position) { line += " — *\(detail)*" }
        out.append(line)
      }
    }
    list(t(.listUnanswered), summary.unanswered) { _ in nil }
    list(t(.listFlagged), summary.flagged) { self.noteText(self.questionnaire.questions[$0].id) }
    list(t(.listNotApplicable), summary.notApplicable) {
      self.noteText(self.questionnaire.questions[$0].id)
    }
    if !summary.unjustifiedNotApplicable.isEmpty {
      list(t(.listUnjustified), summary.unjustifiedNotApplicable) { _ in nil }
    }
    list(t(.listEvidence), summary.evidence) { self.stateEvidence($0) }
    let (expired, toRenew) = expiredEvidenceLines()
    for (title, items) in [
      (EvidencePhrase.toRenewTitle, toRenew), (EvidencePhrase.expiredTitle, expired),
    ]
    where !items.isEmpty {
      list(title.text(language), items.map(\.position)) { position in
        items.first { $0.position == position }?.records.joined(separator: language.listSeparator)
      }
    }
    // Only a session with provider claims has the list: "none" then says they all agree.
    if summary.claimCount > 0 {
      let differences = summary.claimDifferences
      list(c(.title), differences.map(\.position)) { position in
        differences.first { $0.position == position }.map(self.claimDifferenceWords)
      }
      out.append("")
      out.append("\(ClaimDifferencePhrase.notice.format(language, summary.claimCount))")
    }
    let invalid = invalidAnswers
    if !invalid.isEmpty {
      out.append("")
      out.append("## \(f(.listInvalid, invalid.count))")
      out.append("")
      for (question, stored) in invalid {
        out.append("- \(refs(question)) — \(q(question.text)) — `\(question.id)`: \(stored)")
      }
    }
    return Markdown.document(out)
  }
}
