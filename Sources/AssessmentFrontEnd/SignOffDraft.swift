import AssessmentCore
import Foundation

/// Management's decision as it is filled in on the wizard's form or in plain mode, before it is
/// checked against the verdict and recorded (``SignOff``).
public struct SignOffDraft: Equatable, Sendable {
  public var decision: SignOff.Decision
  public var by: String
  public var role: String
  public var reference: String
  /// The day of the decision; empty: today.
  public var on: String
  public var conditions: String

  public init(
    decision: SignOff.Decision = .accept, by: String = "", role: String = "",
    reference: String = "", on: String = "", conditions: String = ""
  ) {
    self.decision = decision
    self.by = by
    self.role = role
    self.reference = reference
    self.on = on
    self.conditions = conditions
  }

  /// A text field; the decision is not one (its text is its command-line word).
  public subscript(field: SignOff.Field) -> String {
    get {
      switch field {
      case .by: return by
      case .role: return role
      case .decision: return decision.rawValue
      case .reference: return reference
      case .on: return on
      case .conditions: return conditions
      }
    }
    set {
      switch field {
      case .by: by = newValue
      case .role: role = newValue
      case .decision: decision = SignOff.Decision(rawValue: newValue) ?? decision
      case .reference: reference = newValue
      case .on: on = newValue
      case .conditions: conditions = newValue
      }
    }
  }

  /// The form's text fields, in order (the decision is the first row, a choice).
  public static let textFields: [SignOff.Field] = [.by, .role, .reference, .on, .conditions]

  /// The decision the verdict allows at most: a form opens on it.
  public static func proposed(for verdict: Verdict) -> SignOff.Decision {
    switch verdict {
    case .acceptable: return .accept
    case .acceptableWithConditions: return .acceptWithConditions
    case .notAcceptable: return .refuse
    }
  }

  /// The day recorded: the one typed, else `today`.
  public func day(today: String) -> String {
    let typed = on.trimmed
    return typed.isEmpty ? today : typed
  }
}
