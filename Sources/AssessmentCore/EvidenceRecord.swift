import Foundation

/// A document offered in support of an answer: a report (ISAE 3402, SOC 2), a certificate
/// (ISO/IEC 27001), a contract clause. Evidence ages: a certificate or an audit report says
/// something about a period, and an assessment that relies on an expired one relies on nothing.
/// Days are ISO 8601 (`2026-11-30`), empty when not given.
public struct EvidenceRecord: Equatable, Hashable, Sendable {
  /// What the document is: its name, version, clause, or a link.
  public var reference: String
  public var issuedOn: String
  public var validUntil: String
  /// The file attached, with its digest taken when it was attached.
  public var file: EvidenceFile?

  public init(
    reference: String, issuedOn: String = "", validUntil: String = "", file: EvidenceFile? = nil
  ) {
    self.reference = reference
    self.issuedOn = issuedOn
    self.validUntil = validUntil
    self.file = file
  }

  /// Whether the document's validity ended before `day` (an ISO day, the summary's). A validity
  /// that is not a day is not judged here: the forms refuse it when it is typed.
  public func isExpired(on day: String) -> Bool {
    if case .past = Day.expiry(validUntil, on: day) { return true }
    return false
  }
}

extension EvidenceRecord {
  /// Which part of a record is typed: the front ends edit one at a time.
  public enum Part: String, CaseIterable, Sendable {
    case reference, issuedOn, validUntil

    public var isDay: Bool { self != .reference }
  }

  public subscript(part: Part) -> String {
    get {
      switch part {
      case .reference: return reference
      case .issuedOn: return issuedOn
      case .validUntil: return validUntil
      }
    }
    set {
      switch part {
      case .reference: reference = newValue
      case .issuedOn: issuedOn = newValue
      case .validUntil: validUntil = newValue
      }
    }
  }

  /// The record with its reference and days trimmed, as the wizard keeps it.
  public var trimmed: EvidenceRecord {
    var record = self
    for part in Part.allCases {
      record[part] = record[part].trimmed
    }
    return record
  }

  /// Whether each day given is one (YYYY-MM-DD); an empty day is not given.
  public var hasValidDays: Bool {
    (issuedOn.isEmpty || Day.isValid(issuedOn)) && (validUntil.isEmpty || Day.isValid(validUntil))
  }
}

extension WizardState {
  /// The day of the session's last change: what the question screen judges evidence against,
  /// as the summary does by default.
  public var day: String { String(Timestamp.format(metadata.updated).prefix(10)) }
}

/// A file attached as evidence: where it was, and its SHA-256 (lowercase hex) when attached, so
/// that a reader can tell whether the document in hand is the one the assessor saw.
public struct EvidenceFile: Equatable, Hashable, Sendable {
  public var path: String
  public var sha256: String

  public init(path: String, sha256: String) {
    self.path = path
    self.sha256 = sha256
  }
}

/// A reference alone, as evidence was before it had dates: `["contrat §14"]`.
extension EvidenceRecord: ExpressibleByStringLiteral {
  public init(stringLiteral reference: String) { self.init(reference: reference) }
}
