import Foundation

/// What the provider answered for a question in the workbook it was sent
/// (`cloud-assess provider import`). A claim is the provider's word, never the assessor's
/// judgement: it is shown beside the question, the assessor may take it as their answer, and the
/// reports list where the two differ.
public struct ProviderClaim: Equatable, Sendable {
  /// The provider's answer in the question's own terms (for a compliance question, a
  /// ``ComplianceValue`` id); nil when the provider left it empty but wrote something else.
  public var value: AnswerValue?
  public var explanation: String
  public var evidence: [EvidenceRecord]
  public var remarks: String
  /// When it was imported; supplied by the caller, never read from a clock here.
  public var importedAt: Date
  /// SHA-256 (lowercase hex) of the workbook it came from.
  public var workbookSHA256: String
  /// Where in that workbook the answer was, e.g. `Questions!F12`.
  public var cell: String

  public init(
    value: AnswerValue?, explanation: String = "", evidence: [EvidenceRecord] = [],
    remarks: String = "", importedAt: Date, workbookSHA256: String, cell: String
  ) {
    self.value = value
    self.explanation = explanation
    self.evidence = evidence
    self.remarks = remarks
    self.importedAt = importedAt
    self.workbookSHA256 = workbookSHA256
    self.cell = cell
  }

  /// Whether the claim says the same as the assessor's answer `value`.
  public func agrees(with value: AnswerValue?) -> Bool { self.value == value }
}
