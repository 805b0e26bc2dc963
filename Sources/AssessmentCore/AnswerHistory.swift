import Foundation

/// One change to an answer: who made it, when, and the parts it set, with their new values.
/// An answer's history is kept oldest first and is never rewritten, only appended to (and, when
/// two copies of a session are merged, the union of both).
public struct AnswerChange: Equatable, Sendable {
  public var at: Date
  /// The person's name as the tool knew it (`--as`, `CLOUD_ASSESS_USER`, git's `user.name`, the
  /// login name); empty when unknown (changes recorded before history existed).
  public var by: String
  public var origin: Origin
  public var parts: [Part]

  public init(at: Date, by: String, origin: Origin = .edited, parts: [Part]) {
    self.at = at
    self.by = by
    self.origin = origin
    self.parts = parts
  }

  /// How the change came about.
  public enum Origin: String, CaseIterable, Sendable {
    /// Typed by the person, in the wizard, plain mode or a command.
    case edited
    /// The provider's claim taken as the assessor's answer.
    case claimTaken = "claim_taken"
    /// A provider workbook imported: a new claim.
    case claimImported = "claim_imported"
    /// A merge conflict resolved by choosing or editing one side.
    case conflictResolved = "conflict_resolved"
    /// Carried from the previous assessment (`new --from`).
    case carried
    /// The state the answer had when its file was migrated from a format without history.
    case migrated
  }

  /// A part of the answer and its value after the change.
  public enum Part: Equatable, Sendable {
    /// The value: a choice, text, number, or a derogation record; nil when cleared.
    case value(AnswerValue?)
    case note(String)
    case evidence([EvidenceRecord])
    case action(PlanAction?)
    case flagged(Bool)
    /// A provider claim recorded (the claim itself is kept in the answer's claims).
    case claim(AnswerValue?)
  }
}

/// Two people changed the same answer differently in two copies of a session (`cloud-assess
/// merge`). Both sides are kept until someone resolves it; meanwhile the answer counts as
/// unanswered and the verdict cannot be "acceptable".
public struct AnswerConflict: Equatable, Sendable {
  public var ours: Side
  public var theirs: Side

  public init(ours: Side, theirs: Side) {
    self.ours = ours
    self.theirs = theirs
  }

  /// One side's answer, and who changed it last and when (from its history).
  public struct Side: Equatable, Sendable {
    public var value: AnswerValue?
    public var note: String
    public var evidence: [EvidenceRecord]
    public var flagged: Bool
    public var action: PlanAction?
    public var by: String
    public var at: Date?

    public init(
      value: AnswerValue?, note: String = "", evidence: [EvidenceRecord] = [],
      flagged: Bool = false, action: PlanAction? = nil, by: String = "", at: Date? = nil
    ) {
      self.value = value
      self.note = note
      self.evidence = evidence
      self.flagged = flagged
      self.action = action
      self.by = by
      self.at = at
    }
  }
}

/// One change to the assessment's identification (organisation, assessor, provider, service):
/// who, when, and the fields it set with their new values.
public struct IdentificationChange: Equatable, Sendable {
  public var at: Date
  public var by: String
  public var fields: [SessionMetadata.Field: String]

  public init(at: Date, by: String, fields: [SessionMetadata.Field: String]) {
    self.at = at
    self.by = by
    self.fields = fields
  }
}
