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

  /// Whether the claim says the same as the assessor's answer `value`, compared by the
  /// answer's kind: choices (compliance, single, yes/no) by their ids; multiple choices as a set
  /// of ids; numbers by their value; text and days exactly, after trimming the blanks around
  /// them; a derogation record field by field. Without an answer (nil), or with a claim that
  /// holds no answer, the two do not agree.
  public func agrees(with value: AnswerValue?) -> Bool {
    guard let claimed = self.value, let value else { return false }
    switch (claimed, value) {
    case (.choices(let left), .choices(let right)): return Set(left) == Set(right)
    case (.text(let left), .text(let right)): return left.trimmed == right.trimmed
    case (.date(let left), .date(let right)): return left.trimmed == right.trimmed
    default: return claimed == value
    }
  }
}

/// A question whose current provider claim says something other than the assessor's answer,
/// or that the assessor has not judged yet. Information for the assessor: it changes neither
/// the answer nor the verdict.
public struct ClaimDifference: Equatable, Sendable {
  /// The question's position (walking order).
  public var position: Int
  /// The provider's current claim (the last imported); it always holds an answer.
  public var claim: ProviderClaim
  /// The assessor's answer, nil when not yet judged (none, in conflict, or no longer fitting
  /// the question).
  public var answer: AnswerValue?

  public init(position: Int, claim: ProviderClaim, answer: AnswerValue?) {
    self.position = position
    self.claim = claim
    self.answer = answer
  }
}
