import AssessmentCore
import Foundation

/// The texts of the reports' list of provider claims that differ from the assessor's judgement
/// (``RiskSummary/claimDifferences``), and of the provider's columns of the CSV and xlsx answers.
/// The words are those of the provider workbook and of the question screen: fournisseur,
/// déclaration, évaluateur / leverancier, verklaring, beoordelaar.
public enum ClaimDifferencePhrase: TranslatedText, CaseIterable, Sendable {
  case title, notice, assessor, notYetJudged, importedOn
  case providerAnswerColumn, providerExplanationColumn, providerEvidenceColumn
  case claimImportedColumn, assessorAnswerColumn, sheet

  public var translations: (String, String, String) {
    switch self {
    case .title:
      return (
        "Déclarations du fournisseur différentes du jugement de l'évaluateur",
        "Provider's claims that differ from the assessor's judgement",
        "Verklaringen van de leverancier die afwijken van het antwoord van de beoordelaar"
      )
    case .notice:
      return (
        "%1 déclaration(s) du fournisseur comparée(s) aux réponses de l'évaluateur. Une différence informe l'évaluateur : elle ne change ni sa réponse ni le verdict.",
        "%1 provider claim(s) compared with the assessor's answers. A difference informs the assessor: it changes neither the answer nor the verdict.",
        "%1 verklaring(en) van de leverancier vergeleken met de antwoorden van de beoordelaar. Een verschil informeert de beoordelaar: het wijzigt noch het antwoord noch het oordeel."
      )
    case .assessor: return ("Évaluateur", "Assessor", "Beoordelaar")
    case .notYetJudged: return ("pas encore jugé", "not yet judged", "nog niet beoordeeld")
    case .importedOn: return ("importée le %1", "imported on %1", "geïmporteerd op %1")
    case .providerAnswerColumn:
      return ("Réponse du fournisseur", "Provider's answer", "Antwoord van de leverancier")
    case .providerExplanationColumn:
      return (
        "Explication du fournisseur", "Provider's explanation", "Toelichting van de leverancier"
      )
    case .providerEvidenceColumn:
      return ("Preuve du fournisseur", "Provider's evidence", "Bewijsstuk van de leverancier")
    case .claimImportedColumn:
      return ("Déclaration importée le", "Claim imported on", "Verklaring geïmporteerd op")
    case .assessorAnswerColumn:
      return ("Réponse de l'évaluateur", "Assessor's answer", "Antwoord van de beoordelaar")
    case .sheet:
      return ("Fournisseur ≠ évaluateur", "Provider ≠ assessor", "Leverancier ≠ beoordelaar")
    }
  }
}

extension SummaryReport {
  func c(_ phrase: ClaimDifferencePhrase) -> String { phrase.text(language) }

  /// The day (UTC) a claim was imported.
  static func importDay(_ claim: ProviderClaim) -> String {
    String(Timestamp.format(claim.importedAt).prefix(10))
  }

  /// The assessor's side of a difference: the answer in words, or "not yet judged".
  func assessorWords(_ difference: ClaimDifference) -> String {
    let question = questionnaire.questions[difference.position]
    guard let value = difference.answer else { return c(.notYetJudged) }
    let words = answerWords(question, value)
    // Lower case as the claim's line writes the provider's compliance word in the sentence.
    guard question.type == .compliance, let first = words.first else { return words }
    return first.lowercased() + words.dropFirst()
  }

  /// A difference in one line: "Assessor: compliant · Provider: partially compliant — … —
  /// evidence: SOC 2 type II, valid until 2027-03-31 · imported on 2026-12-01".
  func claimDifferenceWords(_ difference: ClaimDifference) -> String {
    let colon = language.colon
    let question = questionnaire.questions[difference.position]
    return [
      c(.assessor) + colon + assessorWords(difference),
      difference.claim.line(question, language, questionnaire),
      ClaimDifferencePhrase.importedOn.format(language, Self.importDay(difference.claim)),
    ].joined(separator: " · ")
  }

  /// The provider's current claim on a question as the answers' columns show it: the answer in
  /// words, the explanation, the evidence (one phrase a record, one a line), the day imported;
  /// four empty cells without a claim.
  func claimColumns(_ position: Int) -> [String] {
    let question = questionnaire.questions[position]
    guard let claim = answers[question.id]?.claim else { return ["", "", "", ""] }
    return [
      claim.value.map { answerWords(question, $0) } ?? "", claim.explanation,
      claim.evidence.map { EvidencePhrase.describe($0, language) }.joined(separator: "\n"),
      Self.importDay(claim),
    ]
  }

  /// The headings of ``claimColumns(_:)``.
  var claimHeadings: [String] {
    [
      c(.providerAnswerColumn), c(.providerExplanationColumn), c(.providerEvidenceColumn),
      c(.claimImportedColumn),
    ]
  }
}
