import Foundation

/// The value given to a question. A question with no value is unanswered.
public enum AnswerValue: Equatable, Hashable, Sendable {
  /// `compliance` (a ``ComplianceValue`` id), `single` (an option id) and `yesno` (`yes`/`no`).
  case choice(String)
  /// `multiple`: the chosen option ids, in the questionnaire's order.
  case choices([String])
  case text(String)
  case number(Double)
  /// `derogation`: the record of a formal derogation.
  /// Held apart (`indirect`): six texts inline would make every value, and every answer, that
  /// much larger, and few answers are derogations.
  indirect case derogation(DerogationRecord)
  /// `date`: an ISO 8601 day, `YYYY-MM-DD`.
  case date(String)

  /// Whether the value is, or (for `multiple`) contains, `id`. Numbers match their decimal text.
  public func matches(_ id: String) -> Bool {
    switch self {
    case .choice(let chosen): return chosen == id
    case .choices(let chosen): return chosen.contains(id)
    case .text(let text): return text == id
    case .number(let number): return Double(id) == number
    case .derogation: return false
    case .date(let day): return day == id
    }
  }

  /// The compliance value, when this is the answer to a `compliance` question.
  public var compliance: ComplianceValue? {
    if case .choice(let id) = self { return ComplianceValue(rawValue: id) }
    return nil
  }
}

/// A formal derogation ("sauf dérogation autorisée"): a decision with a reference, taken by
/// someone (management, the information-security committee) on a date, for a scope, with
/// compensating measures, until an expiry or review date. Dates are ISO 8601 days (`2026-11-30`).
public struct DerogationRecord: Equatable, Hashable, Sendable {
  public var reference: String
  public var grantedBy: String
  public var grantedOn: String
  public var scope: String
  public var measures: String
  public var expiresOn: String

  public init(
    reference: String = "", grantedBy: String = "", grantedOn: String = "", scope: String = "",
    measures: String = "", expiresOn: String = ""
  ) {
    self.reference = reference
    self.grantedBy = grantedBy
    self.grantedOn = grantedOn
    self.scope = scope
    self.measures = measures
    self.expiresOn = expiresOn
  }

  public enum Field: String, CaseIterable, Sendable {
    case reference, grantedBy = "granted_by", grantedOn = "granted_on", scope, measures
    case expiresOn = "expires_on"

    /// Whether the field holds a day (`YYYY-MM-DD`).
    public var isDate: Bool { self == .grantedOn || self == .expiresOn }

    /// Whether the derogation counts only with this field filled in (``status(on:)``).
    public var isRequired: Bool { self != .scope && self != .measures }
  }

  public subscript(field: Field) -> String {
    get {
      switch field {
      case .reference: return reference
      case .grantedBy: return grantedBy
      case .grantedOn: return grantedOn
      case .scope: return scope
      case .measures: return measures
      case .expiresOn: return expiresOn
      }
    }
    set {
      switch field {
      case .reference: reference = newValue
      case .grantedBy: grantedBy = newValue
      case .grantedOn: grantedOn = newValue
      case .scope: scope = newValue
      case .measures: measures = newValue
      case .expiresOn: expiresOn = newValue
      }
    }
  }

  /// Whether every field is blank.
  public var isBlank: Bool { Field.allCases.allSatisfy { self[$0].isBlank } }

  /// Whether the derogation counts on `day` (an ISO day, the summary's): an authorised decision
  /// has a reference, who granted it, the day it was granted (not after `day`), and an expiry
  /// or review date not before the grant and not past.
  public func status(on day: String) -> DerogationStatus {
    if reference.isBlank { return .noReference }
    if grantedBy.isBlank { return .noGrantor }
    let granted = grantedOn.trimmed
    if granted.isEmpty { return .noGrantDate }
    guard Day.isValid(granted) else { return .badGrantDate(granted) }
    if granted > day { return .grantedAfter(granted) }
    switch Day.expiry(expiresOn, on: day) {
    case .none: return .noExpiry
    case .notADay(let text): return .badExpiry(text)
    case .current(let expiry): return expiry < granted ? .expiryBeforeGrant(expiry) : .valid
    case .past(let expiry): return expiry < granted ? .expiryBeforeGrant(expiry) : .expired(expiry)
    }
  }
}

/// Whether a derogation counts.
public enum DerogationStatus: Equatable, Sendable {
  case valid
  /// Recorded without a reference: it does not count.
  case noReference
  /// Who granted it is missing: it is not an authorised decision.
  case noGrantor
  /// The day it was granted is missing.
  case noGrantDate
  /// The day it was granted is not a day.
  case badGrantDate(String)
  /// Granted after the day the summary is made for: it did not exist yet.
  case grantedAfter(String)
  /// Neither an expiry nor a review date: a derogation is granted for a time.
  case noExpiry
  /// The expiry or review date comes before the grant.
  case expiryBeforeGrant(String)
  /// Past its expiry or review date: it does not count.
  case expired(String)
  /// The expiry date is not a day: it does not count until corrected.
  case badExpiry(String)

  public var counts: Bool { self == .valid }
}

/// What the assessor recorded for one question, and around it: the provider's claims, the
/// answer's history, and a merge conflict waiting to be resolved.
public struct Answer: Equatable, Sendable {
  public var value: AnswerValue?
  /// The assessor's note; for "not applicable" it is the justification.
  public var note: String
  /// The documents relied on.
  public var evidence: [EvidenceRecord]
  public var flagged: Bool
  /// When the value was last given; supplied by the caller, never read from a clock here.
  public var answeredAt: Date?
  /// The action plan of the gap (owner, due date, status, reference, risk acceptance).
  public var action: PlanAction? {
    get { actionBox?.value }
    set { actionBox = newValue.map(Held.init) }
  }
  /// The plan, held apart as the conflict is: its eight fields inline were a third of an
  /// answer, and an answer is copied (each text retained) wherever a session is read, merged,
  /// summed up or shown.
  private var actionBox: Held<PlanAction>?
  /// Carried over from a previous assessment (`new --from`) and not yet confirmed: the value is
  /// last year's, shown as such, and not counted as verified until confirmed or changed.
  public var reverify: Bool
  /// The provider's answers from its workbooks, oldest first; the last is the current one.
  public var claims: [ProviderClaim]
  /// Who changed what, oldest first.
  public var history: [AnswerChange]
  /// Two copies of the session disagree on this answer (`cloud-assess merge`): until resolved,
  /// the answer counts as unanswered.
  public var conflict: AnswerConflict? {
    get { conflictBox?.value }
    set { conflictBox = newValue.map(Held.init) }
  }
  /// The conflict, held apart: its two sides, each with its own value, note, evidence and plan,
  /// are twice the size of the rest of the answer (569 of 865 bytes inline), few answers ever
  /// hold one, and answers are copied and moved wherever a session is read, merged, summed up or
  /// shown.
  private var conflictBox: Held<AnswerConflict>?

  public init(
    value: AnswerValue? = nil, note: String = "", evidence: [EvidenceRecord] = [],
    flagged: Bool = false, answeredAt: Date? = nil, action: PlanAction? = nil,
    reverify: Bool = false, claims: [ProviderClaim] = [], history: [AnswerChange] = [],
    conflict: AnswerConflict? = nil
  ) {
    self.value = value
    self.note = note
    self.evidence = evidence
    self.flagged = flagged
    self.answeredAt = answeredAt
    self.actionBox = action.map(Held.init)
    self.reverify = reverify
    self.claims = claims
    self.history = history
    self.conflict = conflict
  }

  /// An unresolved conflict makes the answer count as unanswered.
  public var isAnswered: Bool { value != nil && conflictBox == nil }

  /// The provider's current claim.
  public var claim: ProviderClaim? { claims.last }

  /// "Not applicable" without a justification does not count as not applicable.
  public var isUnjustifiedNotApplicable: Bool {
    value?.compliance == .na && note.isBlank
  }

  /// Nothing recorded at all: such an answer need not be stored.
  public var isEmpty: Bool {
    value == nil && note.isEmpty && evidence.isEmpty && !flagged && actionBox == nil && !reverify
      && claims.isEmpty && history.isEmpty && conflictBox == nil
  }
}

/// A part of an answer held apart (its plan, its conflict), never changed in place: a changed
/// part is a new box, so copies of an answer share one safely.
private final class Held<Value: Equatable & Sendable>: Equatable, Sendable,
  CustomDebugStringConvertible
{
  let value: Value

  init(_ value: Value) {
    self.value = value
  }

  static func == (lhs: Held, rhs: Held) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  /// A test's failure shows the part, not the box.
  var debugDescription: String { String(reflecting: value) }
}

/// Who assesses what: asked by the wizard's first form.
public struct SessionMetadata: Equatable, Sendable {
  public var organisation: String
  public var assessor: String
  public var provider: String
  public var service: String
  public var created: Date
  public var updated: Date

  public init(
    organisation: String = "", assessor: String = "", provider: String = "", service: String = "",
    created: Date, updated: Date
  ) {
    self.organisation = organisation
    self.assessor = assessor
    self.provider = provider
    self.service = service
    self.created = created
    self.updated = updated
  }

  public enum Field: String, CaseIterable, Sendable {
    case organisation, assessor, provider, service
  }

  public subscript(field: Field) -> String {
    get {
      switch field {
      case .organisation: return organisation
      case .assessor: return assessor
      case .provider: return provider
      case .service: return service
      }
    }
    set {
      switch field {
      case .organisation: organisation = newValue
      case .assessor: assessor = newValue
      case .provider: provider = newValue
      case .service: service = newValue
      }
    }
  }
}
