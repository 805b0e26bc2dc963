import AssessmentCore

/// The texts of an evidence record, and the one phrase that shows a record everywhere: the
/// question screen, plain mode, the review and every report.
public enum EvidencePhrase: TranslatedText, CaseIterable, Sendable {
  case issued, validUntil, issuedAndValid, expired, toRenew, file
  case expiredTitle, toRenewTitle, validUntilColumn
  case fileUnreadable, notAFile, fileAttached, noSuchRecord

  public var translations: (String, String, String) {
    switch self {
    case .issued: return ("délivrée le %1", "issued %1", "uitgereikt op %1")
    case .validUntil: return ("valable jusqu'au %1", "valid until %1", "geldig tot %1")
    case .issuedAndValid:
      return (
        "délivrée le %1, valable jusqu'au %2", "issued %1, valid until %2",
        "uitgereikt op %1, geldig tot %2"
      )
    case .expired:
      return ("expirée", "expired", "vervallen")
    case .toRenew:
      return (
        "à renouveler (expirée)", "to renew (expired)", "te vernieuwen (vervallen)"
      )
    case .file: return ("fichier %1, SHA-256 %2", "file %1, SHA-256 %2", "bestand %1, SHA-256 %2")
    case .expiredTitle:
      return ("Preuves expirées", "Expired evidence", "Vervallen bewijsstukken")
    case .toRenewTitle:
      return ("Preuves à renouveler", "Evidence to renew", "Te vernieuwen bewijsstukken")
    case .validUntilColumn: return ("Valable jusqu'au", "Valid until", "Geldig tot")
    case .fileUnreadable:
      return (
        "Impossible de lire « %1 » (%2) : rien n'a été joint. Vérifiez le chemin et les droits.",
        "Cannot read '%1' (%2): nothing was attached. Check the path and the permissions.",
        "Kan '%1' niet lezen (%2): er werd niets bijgevoegd. Controleer het pad en de rechten."
      )
    case .notAFile:
      return (
        "« %1 » n'est pas un fichier (un périphérique, un tube ou un dossier) : rien n'a été joint. Donnez le chemin d'un document.",
        "'%1' is not a file (a device, a pipe or a folder): nothing was attached. Give the path of a document.",
        "'%1' is geen bestand (een apparaat, een pipe of een map): er werd niets bijgevoegd. Geef het pad van een document."
      )
    case .fileAttached:
      return (
        "Fichier joint à la preuve %1 (SHA-256 %2).", "File attached to evidence %1 (SHA-256 %2).",
        "Bestand bijgevoegd bij bewijsstuk %1 (SHA-256 %2)."
      )
    case .noSuchRecord:
      return ("Pas de preuve %1.", "No evidence %1.", "Geen bewijsstuk %1.")
    }
  }

  /// "SOC 2 type II — issued 2026-01-15, valid until 2027-03-31 — expired": the valid-until day
  /// is the last day it counts, so the flag names no day of its own;
  /// the reference, its days when given, the file attached, and, when `day` (the summary's) is
  /// after its validity, that it expired (or, for evidence carried into a re-assessment, that it
  /// is to renew).
  public static func describe(
    _ record: EvidenceRecord, _ language: InterfaceLanguage, asOf day: String? = nil,
    carried: Bool = false
  ) -> String {
    var parts = [record.reference]
    switch (record.issuedOn.isEmpty, record.validUntil.isEmpty) {
    case (false, false):
      parts.append(issuedAndValid.format(language, record.issuedOn, record.validUntil))
    case (false, true): parts.append(issued.format(language, record.issuedOn))
    case (true, false): parts.append(validUntil.format(language, record.validUntil))
    case (true, true): break
    }
    if let file = record.file {
      parts.append(EvidencePhrase.file.format(language, file.path, String(file.sha256.prefix(16))))
    }
    if let day, record.isExpired(on: day) {
      parts.append((carried ? toRenew : expired).text(language))
    }
    return parts.joined(separator: " — ")
  }
}

extension SummaryReport {
  /// Whether a record of a question was carried from the previous assessment (the same
  /// reference and validity there).
  func isCarried(_ record: EvidenceRecord, question: String) -> Bool {
    previousEvidence[question]?.contains {
      $0.reference == record.reference && $0.validUntil == record.validUntil
    } == true
  }

  /// A record of a question as the reports show it, flagged when expired on the summary's day.
  func evidenceWords(_ record: EvidenceRecord, question: String) -> String {
    EvidencePhrase.describe(
      record, language, asOf: summary.asOf, carried: isCarried(record, question: question))
  }

  /// The questions with expired records and those records' words, split into those merely
  /// expired and those carried from the previous assessment (to renew); each list in the
  /// questionnaire's order, as the other lists of questions.
  func expiredEvidenceLines() -> (
    expired: [(position: Int, records: [String])], toRenew: [(position: Int, records: [String])]
  ) {
    var expired: [(position: Int, records: [String])] = []
    var toRenew: [(position: Int, records: [String])] = []
    func add(_ position: Int, _ words: String, to list: inout [(position: Int, records: [String])])
    {
      if list.last?.position == position {
        list[list.count - 1].records.append(words)
      } else {
        list.append((position, [words]))
      }
    }
    for item in summary.expiredEvidence {
      let id = questionnaire.questions[item.position].id
      let words = evidenceWords(item.record, question: id)
      if isCarried(item.record, question: id) {
        add(item.position, words, to: &toRenew)
      } else {
        add(item.position, words, to: &expired)
      }
    }
    return (expired, toRenew)
  }
}
