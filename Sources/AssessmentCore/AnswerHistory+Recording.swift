import Foundation

extension AnswerChange {
  /// Consecutive changes by the same person to the same answer, each within this many seconds
  /// of the last, are one entry: the wizard saves at every keystroke of a note, and a history
  /// of one entry per character would bury the changes a reader looks for ("who set this
  /// answer to non-compliant, and when"). Five minutes covers typing and correcting a note;
  /// coming back later, or another person's change, starts a new entry.
  public static let coalescingWindow: TimeInterval = 5 * 60

  /// The parts that differ from `old` to `new`, with their new values, in a fixed order (value,
  /// note, evidence, action, flag, claim); empty when nothing a reader cares about changed.
  /// Confirming an answer carried from the previous assessment records its value: the person
  /// now vouches for it. A recorded time (`answeredAt`) alone is not a change.
  public static func parts(from old: Answer?, to new: Answer?) -> [Part] {
    let before = old ?? Answer()
    let after = new ?? Answer()
    var parts: [Part] = []
    if before.value != after.value || (before.reverify && !after.reverify && after.value != nil) {
      parts.append(.value(after.value))
    }
    if before.note != after.note { parts.append(.note(after.note)) }
    if before.evidence != after.evidence { parts.append(.evidence(after.evidence)) }
    if before.action != after.action { parts.append(.action(after.action)) }
    if before.flagged != after.flagged { parts.append(.flagged(after.flagged)) }
    if before.claims != after.claims, let claim = after.claim { parts.append(.claim(claim.value)) }
    return parts
  }

  /// The kinds of part, in the order entries list them.
  public enum PartKind: Int, CaseIterable, Sendable {
    case value, note, evidence, action, flagged, claim
  }
}

extension AnswerChange.Part {
  public var kind: AnswerChange.PartKind {
    switch self {
    case .value: return .value
    case .note: return .note
    case .evidence: return .evidence
    case .action: return .action
    case .flagged: return .flagged
    case .claim: return .claim
    }
  }
}

extension Answer {
  /// Appends to the history what changed from `old` to this answer, made by `by` at `at`; the
  /// history is `old`'s (the store's, never a front end's copy). Returns whether an entry was
  /// added or extended.
  ///
  /// `origin` nil: the store works it out: a merge conflict that is gone was resolved, a new
  /// claim was imported, anything else was edited. A conflict resolved by keeping the value
  /// already shown changes no part: its entry records the value kept.
  ///
  /// Coalescing: when the last entry is by the same person, of the same origin (`edited`), and
  /// no more than ``AnswerChange/coalescingWindow`` before `at`, the new parts merge into it
  /// (a part of the same kind takes the newer value) and it takes the time `at`.
  @discardableResult
  public mutating func recordChange(
    from old: Answer?, at: Date, by: String, origin: AnswerChange.Origin? = nil
  ) -> Bool {
    history = old?.history ?? []
    var parts = AnswerChange.parts(from: old, to: self)
    let resolved = old?.conflict != nil && conflict == nil
    let origin =
      origin
      ?? (resolved
        ? .conflictResolved
        : (parts.count == 1 && parts[0].kind == .claim ? .claimImported : .edited))
    if parts.isEmpty {
      guard resolved || origin == .claimTaken else { return false }
      parts = [.value(value)]
    }
    if origin == .edited, var last = history.last, last.origin == .edited, last.by == by,
      at >= last.at, at.timeIntervalSince(last.at) <= AnswerChange.coalescingWindow
    {
      for part in parts {
        if let index = last.parts.firstIndex(where: { $0.kind == part.kind }) {
          last.parts[index] = part
        } else {
          last.parts.append(part)
        }
      }
      last.parts.sort { $0.kind.rawValue < $1.kind.rawValue }
      last.at = at
      history[history.count - 1] = last
      return true
    }
    history.append(AnswerChange(at: at, by: by, origin: origin, parts: parts))
    return true
  }

  /// The last change recorded, if any.
  public var lastChange: AnswerChange? { history.last }
}

extension IdentificationChange {
  /// The identification fields that differ from `old` to `new`, with their new values; nil when
  /// none does.
  public static func between(
    _ old: SessionMetadata, _ new: SessionMetadata, at: Date, by: String
  ) -> IdentificationChange? {
    var fields: [SessionMetadata.Field: String] = [:]
    for field in SessionMetadata.Field.allCases where old[field] != new[field] {
      fields[field] = new[field]
    }
    return fields.isEmpty ? nil : IdentificationChange(at: at, by: by, fields: fields)
  }
}

extension Array where Element == IdentificationChange {
  /// Appends `change`, merged into the last entry under the same rule as an answer's history
  /// (same person, within ``AnswerChange/coalescingWindow``): the identification form saves at
  /// every keystroke too.
  public mutating func record(_ change: IdentificationChange) {
    if var last = self.last, last.by == change.by, change.at >= last.at,
      change.at.timeIntervalSince(last.at) <= AnswerChange.coalescingWindow
    {
      last.fields.merge(change.fields) { _, new in new }
      last.at = change.at
      self[count - 1] = last
    } else {
      append(change)
    }
  }
}
