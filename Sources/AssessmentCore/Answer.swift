import Foundation

/// The value given to a question. A question with no value is unanswered.
public enum AnswerValue: Equatable, Hashable, Sendable {
  /// `compliance` (a ``ComplianceValue`` id), `single` (an option id) and `yesno` (`yes`/`no`).
  case choice(String)
  /// `multiple`: the chosen option ids, in the questionnaire's order.
  case choices([String])
  case text(String)
  case number(Double)

  /// Whether the value is, or (for `multiple`) contains, `id`. Numbers match their decimal text.
  public func matches(_ id: String) -> Bool {
    switch self {
    case .choice(let chosen): return chosen == id
    case .choices(let chosen): return chosen.contains(id)
    case .text(let text): return text == id
    case .number(let number): return Double(id) == number
    }
  }

  /// The compliance value, when this is the answer to a `compliance` question.
  public var compliance: ComplianceValue? {
    if case .choice(let id) = self { return ComplianceValue(rawValue: id) }
    return nil
  }
}

/// What the assessor recorded for one question.
public struct Answer: Equatable, Sendable {
  public var value: AnswerValue?
  /// The assessor's note; for "not applicable" it is the justification.
  public var note: String
  /// Evidence references: document names, links.
  public var evidence: [String]
  public var flagged: Bool
  /// When the value was last given; supplied by the caller, never read from a clock here.
  public var answeredAt: Date?

  public init(
    value: AnswerValue? = nil, note: String = "", evidence: [String] = [], flagged: Bool = false,
    answeredAt: Date? = nil
  ) {
    self.value = value
    self.note = note
    self.evidence = evidence
    self.flagged = flagged
    self.answeredAt = answeredAt
  }

  public var isAnswered: Bool { value != nil }

  /// "Not applicable" without a justification does not count as not applicable.
  public var isUnjustifiedNotApplicable: Bool {
    value?.compliance == .na && note.isBlank
  }

  /// Nothing recorded at all: such an answer need not be stored.
  public var isEmpty: Bool { value == nil && note.isEmpty && evidence.isEmpty && !flagged }
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
