import Foundation

/// The decision of the person or body entitled to decide on the assessment's result (management,
/// the information-security committee), recorded with the reference of their minutes or decision
/// and the digest of the content it was taken on, so that a later change shows.
public struct SignOff: Equatable, Sendable {
  public var by: String
  public var role: String
  public var decision: Decision
  /// The minutes or decision number.
  public var reference: String
  /// The day of the decision (ISO 8601).
  public var on: String
  /// The conditions of an "accept with conditions".
  public var conditions: String
  /// SHA-256 (lowercase hex) of the assessment's content when the decision was taken: answers,
  /// derogations, the action plan.
  public var contentDigest: String
  /// When and by whom it was recorded in the tool.
  public var recordedAt: Date
  public var recordedBy: String

  public init(
    by: String, role: String, decision: Decision, reference: String, on: String,
    conditions: String = "", contentDigest: String, recordedAt: Date, recordedBy: String
  ) {
    self.by = by
    self.role = role
    self.decision = decision
    self.reference = reference
    self.on = on
    self.conditions = conditions
    self.contentDigest = contentDigest
    self.recordedAt = recordedAt
    self.recordedBy = recordedBy
  }

  public enum Decision: String, CaseIterable, Sendable {
    case accept
    case acceptWithConditions = "accept_with_conditions"
    case refuse
  }
}
