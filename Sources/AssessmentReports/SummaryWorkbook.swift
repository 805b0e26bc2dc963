import AssessmentCore
import Foundation
import Workbook

/// The names of the summary workbook's sheets: at most 31 characters, none of `[ ] : * ? / \`.
enum WorkbookPhrase: CaseIterable, Sendable, TranslatedText {
  case answersSheet, gapsSheet, registerSheet, mitigations, group

  var translations: (String, String, String) {
    switch self {
    case .answersSheet: return ("Réponses", "Answers", "Antwoorden")
    case .gapsSheet: return ("Écarts classés", "Gaps ranked", "Tekortkomingen gerangschikt")
    case .registerSheet: return ("Registre des risques", "Risk register", "Risicoregister")
    case .mitigations: return ("Atténué par", "Mitigated by", "Beperkt door")
    case .group: return ("Partie du plan", "Part of the plan", "Deel van het plan")
    }
  }
}

/// The summary as a workbook (`summary --format xlsx`): the identification and the verdict, the
/// answers (the CSV's columns), the gaps ranked, the action plan and the risk register, each
/// with a filter on its header row, levels written and coloured. Made from the same
/// `SummaryReport` as every other format; returns bytes, the caller writes them.
extension SummaryReport {
  /// The colours of the four tones of levels (`tone(_:)`), as in the HTML report.
  static let toneFills = ["CFE9D3", "FFF0A8", "FFC48A", "F29B9B"]
  static let headerStyle = CellStyle(bold: true, wrap: true, fill: "D9D9D9")
  /// Wrapped and aligned to the top, as every value cell is, so that a row's cells line up.
  static let wrapped = CellStyle(wrap: true)

  func w(_ phrase: WorkbookPhrase) -> String { phrase.text(language) }

  /// A level's label in a cell filled with its colour (colour is never the only sign).
  func levelCell(_ level: String?) -> Cell {
    guard let level else { return Cell(nil) }
    return Cell(
      .text(levelLabel(level)),
      style: CellStyle(wrap: true, fill: Self.toneFills[max(0, min(3, tone(level)))]))
  }

  /// A day (YYYY-MM-DD) as a date cell, so that it sorts and filters as one; other text as text.
  static func dayCell(_ text: String) -> Cell {
    if text.isEmpty { return Cell(nil) }
    if let serial = CellValue.serial(day: text) {
      return Cell(.date(serial: serial), style: wrapped)
    }
    return Cell(.text(text), style: wrapped)
  }

  static func textCell(_ text: String) -> Cell {
    text.isEmpty ? Cell(nil) : Cell(.text(text), style: wrapped)
  }

  static func table(_ name: String, header: [String], rows: [Row], widths: [Double]) -> Sheet {
    Sheet(
      name: name, rows: [Row(header.map { Cell.text($0, style: headerStyle) })] + rows,
      columnWidths: widths,
      frozenRows: 1, autoFilterRow: 1)
  }

  public func workbook(_ provenance: ReportProvenance) -> Workbook {
    var sheets = [identificationSheet(provenance), answersSheet(), gapsSheet(), planSheet()]
    if !summary.register.isEmpty { sheets.append(registerSheet()) }
    if !summary.expiredEvidence.isEmpty { sheets.append(expiredEvidenceSheet()) }
    if !summary.claimDifferences.isEmpty { sheets.append(claimDifferencesSheet()) }
    return Workbook(sheets: sheets)
  }

  /// The workbook's bytes (Office Open XML), dated with the report's production date.
  public func xlsx(_ provenance: ReportProvenance) throws -> Data {
    try WorkbookWriter.data(workbook(provenance), modified: provenance.produced)
  }

  func identificationSheet(_ provenance: ReportProvenance) -> Sheet {
    let meta = summary.metadata
    var rows: [(String, Cell)] = [
      (
        questionnaire.identificationLabel(.organisation, language), Self.textCell(meta.organisation)
      ),
      (questionnaire.identificationLabel(.assessor, language), Self.textCell(meta.assessor)),
      (questionnaire.identificationLabel(.provider, language), Self.textCell(meta.provider)),
      (questionnaire.identificationLabel(.service, language), Self.textCell(meta.service)),
    ]
    let verdictTone: Int
    switch summary.verdict {
    case .acceptable: verdictTone = 0
    case .acceptableWithConditions: verdictTone = 2
    case .notAcceptable: verdictTone = 3
    }
    rows.append(
      (
        t(.verdict),
        Cell(
          .text(verdictText(summary.verdict)),
          style: CellStyle(bold: true, wrap: true, fill: Self.toneFills[verdictTone]))
      ))
    for reason in summary.reasons {
      rows.append((r(.verdictReasons), Self.textCell(reasonText(reason))))
    }
    if !summary.progress.isComplete {
      rows.append(
        (
          "⚠",
          Self.textCell(
            f(.summaryIncomplete, summary.progress.applicable - summary.progress.answered))
        ))
    }
    rows += [
      (
        t(.summaryCompleteness),
        Self.textCell("\(summary.progress.answered)/\(summary.progress.applicable) (\(percent) %)")
      ),
      (t(.blockingFindings), Self.textCell(String(summary.blocking.count))),
      (t(.gaps), Self.textCell(String(summary.gaps.count))),
      (
        t(.summaryQuestionnaire),
        Self.textCell("\(q(questionnaire.title)) — \(questionnaire.id) \(questionnaire.version)")
      ),
      (r(.questionnaireDigest), Self.textCell(digest)),
    ]
    if let notice = ownerNotice { rows.append((t(.summaryNotice), Self.textCell(notice))) }
    rows += [
      (t(.summaryCreated), Self.textCell(Self.date(meta.created))),
      (t(.summaryUpdated), Self.textCell(Self.date(meta.updated))),
      (p(.plan), Self.textCell(pf(.planAsOf, summary.asOf))),
      (r(.produced), Self.textCell(Self.date(provenance.produced))),
      (r(.session), Self.textCell(provenance.sessionID)),
      (r(.sessionFile), Self.textCell(provenance.sessionSHA256)),
    ]
    if let version = answeredUnderVersion {
      rows.append(
        ("⚠", Self.textCell(f(.questionnaireAnsweredUnder, version, questionnaire.version))))
    }
    if decision != nil {
      let outOfDate = decisionOutOfDateText
      for line in decisionLines {
        rows.append(
          line == outOfDate
            ? (
              t(.decisionHeading),
              Cell(
                .text(line), style: CellStyle(bold: true, wrap: true, fill: Self.toneFills[3]))
            )
            : (t(.decisionHeading), Self.textCell(line)))
      }
    }
    let label = CellStyle(bold: true, wrap: true)
    return Sheet(
      name: r(.identification), rows: rows.map { Row([Cell.text($0.0, style: label), $0.1]) },
      columnWidths: [44, 90])
  }

  func answersSheet() -> Sheet {
    var findings: [Int: Finding] = [:]
    for finding in summary.findings { findings[finding.position] = finding }
    let positions = applicablePositions
    // Columns found by their headings: the CSV's columns change as the reports grow.
    let header = csvHeader
    let levelColumn = header.firstIndex(of: r(.levelColumn))
    let dayColumns = Set(
      [r(.dueDate), r(.acceptedUntilColumn), c(.claimImportedColumn)].compactMap {
        header.firstIndex(of: $0)
      })
    let rows = zip(positions, csvRows()).map { position, fields in
      Row(
        fields.enumerated().map { index, field in
          if index == levelColumn, !field.isEmpty, let level = findings[position]?.level {
            return Cell(
              .text(field),
              style: CellStyle(wrap: true, fill: Self.toneFills[max(0, min(3, tone(level)))]))
          }
          if dayColumns.contains(index) { return Self.dayCell(field) }
          return Self.textCell(field)
        })
    }
    return Self.table(
      w(.answersSheet), header: header, rows: rows,
      widths: [
        12, 16, 18, 45, 14, 18, 11, 12, 12, 11, 12, 30, 24, 18, 30, 24, 12, 16, 11, 12, 16, 16, 12,
      ])
  }

  func gapsSheet() -> Sheet {
    let header = [
      r(.rank), r(.levelColumn), r(.citation), r(.questionID), r(.questionColumn), r(.answerColumn),
      r(.severityColumn), r(.impact), r(.whatToDo), r(.noteColumn), p(.owner), p(.dueDate),
      p(.status),
    ]
    var rows: [Row] = []
    for (index, gap) in summary.gaps.enumerated() {
      let question = questionnaire.questions[gap.position]
      let answer = answers[gap.questionID]
      let action = answer?.action
      let colon = language.colon
      let whatToDo =
        question.remediation.map {
          Self.actionLabel(question, questionnaire, language) + colon + q($0)
        } ?? ""
      rows.append(
        Row([
          Cell(.number(Double(index + 1)), style: Self.wrapped), levelCell(gap.level),
          Self.textCell(refs(question)), Self.textCell(gap.questionID),
          Self.textCell(q(question.text)), Self.textCell(answerText(gap.answer)),
          Self.textCell(t(gap.severity.phrase)),
          Self.textCell(impactText(gap)),
          Self.textCell(whatToDo),
          Self.textCell(answer?.note ?? ""), Self.textCell(action?.owner ?? ""),
          Self.dayCell(action?.dueDate ?? ""),
          Self.textCell(action.map { p($0.status.phrase) } ?? ""),
        ]))
    }
    if rows.isEmpty { rows.append(Row([Self.textCell(t(.noGaps))])) }
    return Self.table(
      w(.gapsSheet), header: header, rows: rows,
      widths: [5, 11, 12, 16, 45, 18, 11, 14, 45, 30, 16, 11, 12])
  }

  func planSheet() -> Sheet {
    let header = [
      w(.group), r(.citation), r(.questionID), r(.questionColumn), r(.levelColumn), p(.owner),
      p(.dueDate),
      p(.status), p(.overdue), p(.reference), p(.acceptedBy), r(.acceptedUntilColumn),
    ]
    let plan = summary.plan
    var rows: [Row] = []
    func add(_ group: String, _ items: [PlanItem]) {
      for item in items {
        let question = questionnaire.questions[item.position]
        let action = item.action
        let accepted = action.status == .riskAccepted
        rows.append(
          Row([
            Self.textCell(group), Self.textCell(refs(question)), Self.textCell(item.questionID),
            Self.textCell(q(question.text)),
            levelCell(item.level), Self.textCell(action.owner), Self.dayCell(action.dueDate),
            Self.textCell(p(action.status.phrase)),
            item.overdue
              ? Cell(
                .text(p(.overdue)),
                style: CellStyle(bold: true, wrap: true, fill: Self.toneFills[3])) : Cell(nil),
            Self.textCell(action.reference), Self.textCell(accepted ? action.acceptedBy : ""),
            Self.dayCell(accepted ? action.acceptedUntil : ""),
          ]))
      }
    }
    add(pf(.planPending, plan.pending.count), plan.pending)
    add(pf(.planAccepted, plan.accepted.count), plan.accepted)
    add(pf(.planDone, plan.done.count), plan.done)
    if rows.isEmpty { rows.append(Row([Self.textCell(p(.noPlan))])) }
    return Self.table(
      p(.plan), header: header, rows: rows,
      widths: [24, 16, 18, 50, 12, 20, 12, 14, 16, 24, 20, 14])
  }

  func registerSheet() -> Sheet {
    let header = [
      r(.questionID), r(.risk), r(.inherent), r(.residual), w(.mitigations), p(.acceptanceSection),
    ]
    let rows = summary.register.map { entry in
      Row([
        Self.textCell(entry.risk.id), Self.textCell(q(entry.risk.title)),
        levelCell(entry.inherentLevel), levelCell(entry.level),
        Self.textCell(
          entry.findings.map { "\($0.questionID) (\(levelLabel($0.level)))" }.joined(
            separator: "\n")),
        Self.textCell(registerAcceptedLine(entry) ?? ""),
      ])
    }
    return Self.table(
      w(.registerSheet), header: header, rows: rows, widths: [16, 50, 14, 14, 40, 40])
  }

  /// The evidence expired on the summary's day (to renew, for evidence carried into a
  /// re-assessment): a question's id, its text, the record, the day its validity ended.
  func expiredEvidenceSheet() -> Sheet {
    let header = [
      r(.questionID), r(.questionColumn), r(.evidenceList),
      EvidencePhrase.validUntilColumn.text(language),
    ]
    let rows = summary.expiredEvidence.map { item in
      let question = questionnaire.questions[item.position]
      return Row([
        Self.textCell(question.id), Self.textCell(q(question.text)),
        Self.textCell(evidenceWords(item.record, question: question.id)),
        Self.dayCell(item.record.validUntil),
      ])
    }
    return Self.table(
      EvidencePhrase.expiredTitle.text(language), header: header, rows: rows,
      widths: [16, 50, 50, 14])
  }

  /// The questions whose provider's claim differs from the assessor's answer (or that the
  /// assessor has not judged yet): the question, the assessor's answer, the provider's answer,
  /// explanation and evidence, the day the claim was imported.
  func claimDifferencesSheet() -> Sheet {
    let header =
      [r(.citation), r(.questionID), r(.questionColumn), c(.assessorAnswerColumn)] + claimHeadings
    let rows = summary.claimDifferences.map { difference in
      let question = questionnaire.questions[difference.position]
      let claim = claimColumns(difference.position)
      return Row(
        [
          Self.textCell(refs(question)), Self.textCell(question.id),
          Self.textCell(q(question.text)),
          Self.textCell(
            difference.answer.map { answerWords(question, $0) } ?? c(.notYetJudged)),
        ] + claim.dropLast().map(Self.textCell) + [Self.dayCell(claim.last ?? "")])
    }
    return Self.table(
      c(.sheet), header: header, rows: rows, widths: [12, 16, 50, 18, 18, 40, 30, 12])
  }
}
