import Foundation

/// Where the action closing a gap stands.
public enum ActionStatus: String, CaseIterable, Equatable, Hashable, Sendable {
  case open
  case inProgress = "in_progress"
  case done
  /// The organisation decided to live with the risk: a decision with who, when, why, until when.
  case riskAccepted = "risk_accepted"

  /// Still to be done: open or in progress.
  public var isPending: Bool { self == .open || self == .inProgress }
}

/// The action plan of one gap: who closes it, by when, where it stands, and the reference that
/// tracks it (a ticket, a contract amendment, a provider commitment). With the status "risk
/// accepted", the acceptance decision: who accepted the risk, on which day, why, until when.
/// Days are ISO 8601 (`2027-03-31`), empty when not given.
public struct PlanAction: Equatable, Hashable, Sendable {
  public var owner: String
  public var dueDate: String
  public var status: ActionStatus
  public var reference: String
  public var acceptedBy: String
  public var acceptedOn: String
  public var acceptanceReason: String
  public var acceptedUntil: String

  public init(
    owner: String = "", dueDate: String = "", status: ActionStatus = .open, reference: String = "",
    acceptedBy: String = "", acceptedOn: String = "", acceptanceReason: String = "",
    acceptedUntil: String = ""
  ) {
    self.owner = owner
    self.dueDate = dueDate
    self.status = status
    self.reference = reference
    self.acceptedBy = acceptedBy
    self.acceptedOn = acceptedOn
    self.acceptanceReason = acceptanceReason
    self.acceptedUntil = acceptedUntil
  }

  /// The text fields, in the order the plan form shows them (the status is a choice, not text).
  public enum Field: String, CaseIterable, Sendable {
    case owner
    case dueDate = "due_date"
    case reference
    case acceptedBy = "accepted_by"
    case acceptedOn = "accepted_on"
    case acceptanceReason = "acceptance_reason"
    case acceptedUntil = "accepted_until"

    /// Whether the field holds a day (`YYYY-MM-DD`).
    public var isDate: Bool { self == .dueDate || self == .acceptedOn || self == .acceptedUntil }
    /// Whether the field belongs to the acceptance decision.
    public var isAcceptance: Bool {
      self == .acceptedBy || self == .acceptedOn || self == .acceptanceReason
        || self == .acceptedUntil
    }
  }

  public subscript(field: Field) -> String {
    get {
      switch field {
      case .owner: return owner
      case .dueDate: return dueDate
      case .reference: return reference
      case .acceptedBy: return acceptedBy
      case .acceptedOn: return acceptedOn
      case .acceptanceReason: return acceptanceReason
      case .acceptedUntil: return acceptedUntil
      }
    }
    set {
      switch field {
      case .owner: owner = newValue
      case .dueDate: dueDate = newValue
      case .reference: reference = newValue
      case .acceptedBy: acceptedBy = newValue
      case .acceptedOn: acceptedOn = newValue
      case .acceptanceReason: acceptanceReason = newValue
      case .acceptedUntil: acceptedUntil = newValue
      }
    }
  }

  /// Who carries the action: its owner as recorded, else, until someone is named, whoever must
  /// act on the point (`duty`), in words.
  public func owner(default duty: DutyOwner, _ language: InterfaceLanguage) -> String {
    owner.isBlank ? duty.name(language) : owner
  }

  /// Nothing recorded: the status is "open" and every field blank. Such an action is not kept.
  public var isBlank: Bool { status == .open && Field.allCases.allSatisfy { self[$0].isBlank } }

  /// Whether the action is past its due date on `day` (an ISO day): pending, with a due date
  /// before that day.
  public func isOverdue(on day: String) -> Bool {
    let due = dueDate.trimmed
    return status.isPending && Day.isValid(due) && due < day
  }

  /// Whether the acceptance counts on `day`: it needs who accepted the risk and why, and an
  /// expiry, when given, not past. A blocking finding is never accepted (see ``Wizard``).
  public func acceptance(on day: String) -> AcceptanceStatus {
    guard status == .riskAccepted else { return .notAccepted }
    if acceptedBy.isBlank || acceptanceReason.isBlank { return .incomplete }
    switch Day.expiry(acceptedUntil, on: day) {
    case .none, .current: return .valid
    case .past(let until): return .expired(until)
    case .notADay(let text): return .badExpiry(text)
    }
  }
}

/// Whether a risk acceptance counts.
public enum AcceptanceStatus: Equatable, Sendable {
  case notAccepted
  case valid
  /// Who accepted the risk, or why, is missing: it is not a decision yet.
  case incomplete
  case expired(String)
  case badExpiry(String)
  /// The gap is the subject of a blocking finding, which cannot be accepted away.
  case blocking([String])

  public var counts: Bool { self == .valid }

  /// The machine-readable kind (JSON).
  public var kind: String {
    switch self {
    case .notAccepted: return "not_accepted"
    case .valid: return "valid"
    case .incomplete: return "incomplete"
    case .expired: return "expired"
    case .badExpiry: return "bad_expiry"
    case .blocking: return "blocking"
    }
  }
}

/// One action of the plan, as the summary lists it.
public struct PlanItem: Equatable, Sendable {
  public var questionID: String
  /// Position in walking order.
  public var position: Int
  public var action: PlanAction
  /// The level of the question's gap, when it is one today.
  public var level: String?
  public var overdue: Bool
  public var acceptance: AcceptanceStatus
  /// Who must act on the question's point (``Questionnaire/owner(at:)``): the action's owner
  /// while none is named.
  public var responsibility: DutyOwner = .provider

  /// Who carries the action, in words: its owner as recorded, else the point's owner.
  public func owner(_ language: InterfaceLanguage) -> String {
    action.owner(default: responsibility, language)
  }
}

/// The action plan, as of a day: pending actions by due date (undated last), the overdue ones,
/// the accepted risks with their expiry, and the actions done.
public struct PlanSummary: Equatable, Sendable {
  public var pending: [PlanItem] = []
  public var overdue: [PlanItem] = []
  public var accepted: [PlanItem] = []
  /// Risk acceptances recorded on the gap of a blocking finding, which no acceptance can
  /// cover: listed apart, never among the accepted risks.
  public var refused: [PlanItem] = []
  public var done: [PlanItem] = []

  public init() {}

  public var isEmpty: Bool {
    pending.isEmpty && accepted.isEmpty && refused.isEmpty && done.isEmpty
  }
}
