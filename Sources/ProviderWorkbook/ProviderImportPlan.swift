import AssessmentCore
import Foundation

/// What importing a provider workbook does to a session: one claim per row the provider
/// filled in, appended to the question's claims when it is new or says something else than the
/// current claim (a second import supersedes the first and keeps what it replaced); a row that
/// says the same as the current claim changes nothing.
public struct ProviderImportPlan: Sendable, Equatable {
  public enum Change: Sendable, Equatable {
    /// The question had no claim.
    case new
    /// The provider says something else than its current claim.
    case changed
    /// The same answer, explanation, evidence and remarks as the current claim.
    case unchanged
  }

  public struct Entry: Sendable, Equatable {
    public var id: String
    public var claim: ProviderClaim
    public var change: Change
  }

  public var entries: [Entry]
  /// Rows of questions the provider left blank: their claims, if any, stay as they are.
  public var blankRows: Int
  public var workbookSHA256: String

  /// The plan for `answers` (the session's, as they are now), the claims dated `importedAt`.
  public init(
    _ read: ProviderWorkbookAnswers, current answers: [String: Answer], importedAt: Date,
    workbookSHA256: String
  ) {
    blankRows = read.blankRows
    self.workbookSHA256 = workbookSHA256
    entries = read.rows.map { row in
      let claim = ProviderClaim(
        value: row.value, explanation: row.explanation,
        evidence: row.evidence.isEmpty
          ? [] : [EvidenceRecord(reference: row.evidence, validUntil: row.evidenceValidUntil)],
        remarks: row.remarks, importedAt: importedAt, workbookSHA256: workbookSHA256,
        cell: ProviderWorkbookAnswers.cellName(read.sheet, row.answerAddress))
      let change: Change
      if let current = answers[row.id]?.claim {
        change = Self.saysTheSame(current, claim) ? .unchanged : .changed
      } else {
        change = .new
      }
      return Entry(id: row.id, claim: claim, change: change)
    }
  }

  /// Whether two claims say the same, wherever and whenever they were read.
  static func saysTheSame(_ a: ProviderClaim, _ b: ProviderClaim) -> Bool {
    a.value == b.value && a.explanation == b.explanation && a.evidence == b.evidence
      && a.remarks == b.remarks
  }

  public func count(_ change: Change) -> Int { entries.filter { $0.change == change }.count }

  /// Appends the new and changed claims; returns the ids of the answers it changed.
  public func apply(to answers: inout [String: Answer]) -> Set<String> {
    var changed: Set<String> = []
    for entry in entries where entry.change != .unchanged {
      answers[entry.id, default: Answer()].claims.append(entry.claim)
      changed.insert(entry.id)
    }
    return changed
  }

  /// What the import reads and does, as lines for the terminal.
  /// With `questionnaire`, each new or changed claim on a line of its own, as the wizard shows
  /// it, so that a dry run shows what the import would bring.
  public func report(
    _ language: InterfaceLanguage, file: String, dryRun: Bool, questionnaire: Questionnaire? = nil
  ) -> [String] {
    var lines = [
      ProviderText.importRead.format(
        language, file, String(workbookSHA256.prefix(12)), entries.count, count(.new),
        count(.changed), count(.unchanged), blankRows)
    ]
    if let questionnaire {
      for entry in entries where entry.change != .unchanged {
        guard let question = questionnaire.question(entry.id) else { continue }
        lines.append(
          "  \(entry.id) (\(entry.claim.cell)): "
            + entry.claim.line(question, language, questionnaire))
      }
    }
    let changed = entries.filter { $0.change == .changed }
    if !changed.isEmpty {
      lines.append(
        ProviderText.importChanged.format(
          language, changed.map { "\($0.id) (\($0.claim.cell))" }.joined(separator: ", ")))
    }
    if dryRun {
      lines.append(ProviderText.importDryRun.text(language))
    } else if count(.new) + count(.changed) == 0 {
      lines.append(ProviderText.importNothing.text(language))
    } else {
      lines.append(ProviderText.importDone.text(language))
    }
    return lines
  }
}
