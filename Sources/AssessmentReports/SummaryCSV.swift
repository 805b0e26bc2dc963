import AssessmentCore
import Foundation

/// How the CSV export is written.
public struct CSVOptions: Equatable, Sendable {
  /// `,` by default; `;` for spreadsheets in locales whose decimal separator is a comma.
  public var delimiter: Character
  /// A UTF-8 byte-order mark first, for spreadsheets that otherwise guess the encoding.
  public var byteOrderMark: Bool

  public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
    self.delimiter = delimiter
    self.byteOrderMark = byteOrderMark
  }
}

public enum CSV {
  /// A cell made inert for spreadsheets (CSV injection): text starting with `=`, `+`, `-`, `@`,
  /// a tab or a carriage return is prefixed with an apostrophe, so it is never read as a formula.
  public static func neutralised(_ text: String) -> String {
    guard let first = text.unicodeScalars.first else { return text }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return "'" + text
    default: return text
    }
  }

  /// A field as RFC 4180 writes it: quoted when it holds the delimiter, a quote, CR or LF, with
  /// quotes doubled.
  public static func field(_ text: String, delimiter: Character) -> String {
    let needsQuotes = text.unicodeScalars.contains {
      delimiter.unicodeScalars.contains($0) || $0 == "\"" || $0 == "\n" || $0 == "\r"
    }
    guard needsQuotes else { return text }
    var out = "\""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
    }
    return out + "\""
  }

  /// Rows as RFC 4180 text: fields neutralised then quoted, CRLF after every record.
  public static func document(_ rows: [[String]], options: CSVOptions) -> String {
    var out = options.byteOrderMark ? "\u{FEFF}" : ""
    let separator = String(options.delimiter)
    for row in rows {
      out += row.map { field(neutralised($0), delimiter: options.delimiter) }.joined(
        separator: separator)
      out += "\r\n"
    }
    return out
  }
}

extension SummaryReport {
  /// The column headings of ``csvRows()``, in the report's language.
  public var csvHeader: [String] {
    let question: [String] = [
      r(.citation), r(.questionID), r(.sectionColumn), r(.questionColumn),
      DutyOwner.heading(language), r(.answerColumn),
      r(.severityColumn), r(.likelihood), r(.impact), r(.levelColumn), r(.blockingColumn),
      r(.noteColumn), r(.evidenceList),
    ]
    let plan: [String] = [
      r(.actionOwner), r(.dueDate), r(.status), r(.actionReference), p(.acceptedBy),
      r(.acceptedUntilColumn),
    ]
    return question + claimHeadings + plan
  }

  /// One row per question that applies, in walking order: compliance questions with their
  /// scoring, the others (scope, context, derogations) with their answer only; after the
  /// question, who must act on it. After the evidence, the provider's current claim (its answer,
  /// explanation, evidence and the day it was imported), empty without one: the provider's word
  /// beside the assessor's, never in its place. The last six columns are the question's action, when it has
  /// one: owner (who must act on the point while none is named), due date, status (in words;
  /// "risk accepted" for an accepted risk), reference, and for an accepted risk who accepted it
  /// and until when.
  public func csvRows() -> [[String]] {
    var findings: [Int: Finding] = [:]
    for finding in summary.findings { findings[finding.position] = finding }
    let blocking = blockingRulesByQuestion
    var sectionTitles: [Int: String] = [:]
    let statusWords = Dictionary(
      uniqueKeysWithValues: ActionStatus.allCases.map { ($0, p($0.phrase)) })
    let owners = DutyOwner.allCases.map { $0.name(language) }
    return applicablePositions.map { position in
      let question = questionnaire.questions[position]
      let answer = answers[question.id]
      let sectionIndex = questionnaire.sectionIndexOfQuestion[position]
      let section = sectionTitles[sectionIndex] ?? q(questionnaire.sections[sectionIndex].title)
      sectionTitles[sectionIndex] = section
      let finding = findings[position]
      let action = answer?.action
      let accepted = action?.status == .riskAccepted
      let duty = questionnaire.owner(at: position)
      let scored: [String] = [
        question.refs.isEmpty ? "" : cite(question.refs), question.id, section, q(question.text),
        owners[duty.order], csvAnswer(position), question.severity.map { t($0.phrase) } ?? "",
        finding.map { likelihoodLabel($0.likelihood) } ?? "",
        finding.map { impactLabel($0.impact) } ?? "",
        // A compliant answer has no level of its own (docs/risk-model.md, "The risk matrix").
        finding.map { $0.answer == .compliant ? "" : levelLabel($0.level) } ?? "",
        (blocking[question.id] ?? []).joined(separator: " "),
        answer?.note ?? "",
        (answer?.evidence ?? []).map { evidenceWords($0, question: question.id) }
          .joined(separator: "\n"),
      ]
      let planned: [String] = [
        action.map { $0.owner.isBlank ? owners[duty.order] : $0.owner } ?? "",
        action?.dueDate ?? "", action.map { statusWords[$0.status] ?? "" } ?? "",
        action?.reference ?? "", accepted ? action?.acceptedBy ?? "" : "",
        accepted ? action?.acceptedUntil ?? "" : "",
      ]
      return scored + claimColumns(position) + planned
    }
  }

  /// The answer in words; a text answer whole, its line breaks kept (the cell is quoted).
  func csvAnswer(_ position: Int) -> String {
    let question = questionnaire.questions[position]
    guard let value = questionnaire.value(answers[question.id], question) else { return "" }
    if case .text(let text) = value { return text }
    return answerWords(question, value)
  }

  /// The CSV export: a header row, then ``csvRows()``.
  public func csv(_ options: CSVOptions = CSVOptions()) -> String {
    CSV.document([csvHeader] + csvRows(), options: options)
  }
}
