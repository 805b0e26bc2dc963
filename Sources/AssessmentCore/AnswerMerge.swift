import Foundation

/// The one rule by which two copies of a session are merged (`cloud-assess merge`), part by
/// part, against the copy they both started from: a change on one side is taken; the same
/// change on both sides is taken once; different changes are a conflict.
public enum ThreeWay {
  public enum Outcome<Value> {
    case merged(Value)
    /// Both sides changed the part, differently.
    case conflict(ours: Value, theirs: Value)

    /// The part as merged, or ours when in conflict.
    var ours: Value {
      switch self {
      case .merged(let value), .conflict(let value, _): return value
      }
    }

    /// The part as merged, or theirs when in conflict.
    var theirs: Value {
      switch self {
      case .merged(let value), .conflict(_, let value): return value
      }
    }

    var inConflict: Bool {
      if case .conflict = self { return true }
      return false
    }
  }

  public static func merge<Value: Equatable>(base: Value, ours: Value, theirs: Value)
    -> Outcome<Value>
  {
    if ours == theirs || theirs == base { return .merged(ours) }
    if ours == base { return .merged(theirs) }
    return .conflict(ours: ours, theirs: theirs)
  }

  /// A list whose elements are added and removed (evidence): when both sides changed it, every
  /// element removed on one side is removed and every element added on either side is added
  /// (ours first), so nothing either side added is lost and no conflict arises.
  public static func mergeList<Element: Equatable>(
    base: [Element], ours: [Element], theirs: [Element]
  ) -> [Element] {
    if ours == theirs || theirs == base { return ours }
    if ours == base { return theirs }
    var result = ours.filter { base.contains($0) ? theirs.contains($0) : true }
    for element in theirs where !base.contains(element) && !result.contains(element) {
      result.append(element)
    }
    return result
  }

  /// The union of two lists kept oldest first (a history, the claims, the sign-offs): every
  /// element of either side once, in the order of `key`, ours first among equal keys.
  public static func union<Element: Equatable, Key: Comparable>(
    _ ours: [Element], _ theirs: [Element], by key: (Element) -> Key
  ) -> [Element] {
    if ours == theirs { return ours }
    var result = ours
    for element in theirs where !result.contains(element) { result.append(element) }
    // A stable sort: equal keys keep ours before theirs.
    return result.indices.sorted { (key(result[$0]), $0) < (key(result[$1]), $1) }.map {
      result[$0]
    }
  }
}

extension Answer {
  /// Merges one answer of two copies of a session against their common copy (nil: no answer
  /// there). Value, note, evidence, flag, action plan (with its risk acceptance) and the
  /// re-verification mark merge by ``ThreeWay``; the history and the provider's claims are the
  /// union of both sides. When the value, the note or the action plan was changed differently
  /// on both sides, the answer holds ours in them and records an ``AnswerConflict`` with both
  /// sides (who and when from each side's history); it counts as unanswered until resolved.
  /// Nil when nothing is left.
  public static func merge(base: Answer?, ours: Answer?, theirs: Answer?) -> Answer? {
    if ours == theirs { return ours }
    let base = base ?? Answer()
    let ours = ours ?? Answer()
    let theirs = theirs ?? Answer()
    let value = ThreeWay.merge(base: base.value, ours: ours.value, theirs: theirs.value)
    let note = ThreeWay.merge(base: base.note, ours: ours.note, theirs: theirs.note)
    let action = ThreeWay.merge(base: base.action, ours: ours.action, theirs: theirs.action)
    let flagged = ThreeWay.merge(base: base.flagged, ours: ours.flagged, theirs: theirs.flagged)
    let reverify = ThreeWay.merge(
      base: base.reverify, ours: ours.reverify, theirs: theirs.reverify)
    // The parts in conflict are ours in the result; each side's copy has its own.
    let evidence = ThreeWay.mergeList(
      base: base.evidence, ours: ours.evidence, theirs: theirs.evidence)
    var result = Answer(
      value: value.ours, note: note.ours, evidence: evidence, flagged: flagged.ours,
      action: action.ours, reverify: reverify.ours)
    // When the value is theirs, so is the moment it was given.
    result.answeredAt =
      ours.value == base.value && theirs.value != base.value ? theirs.answeredAt : ours.answeredAt
    result.history = ThreeWay.union(ours.history, theirs.history) { $0.at }
    result.claims = ThreeWay.union(ours.claims, theirs.claims) { $0.importedAt }
    if value.inConflict || note.inConflict || action.inConflict || flagged.inConflict
      || reverify.inConflict
    {
      // What each side's copy of the answer is: the merged parts, and its own where they differ.
      let oursSide = Answer(
        value: result.value, note: result.note, evidence: evidence, flagged: result.flagged,
        action: result.action, reverify: result.reverify)
      let theirsSide = Answer(
        value: value.theirs, note: note.theirs, evidence: evidence, flagged: flagged.theirs,
        action: action.theirs, reverify: reverify.theirs)
      result.conflict = AnswerConflict(
        ours: AnswerConflict.Side(oursSide, changedBy: ours),
        theirs: AnswerConflict.Side(theirsSide, changedBy: theirs))
    } else {
      // A conflict resolved on one side is resolved; one left on both stays.
      switch ThreeWay.merge(base: base.conflict, ours: ours.conflict, theirs: theirs.conflict) {
      case .merged(let conflict): result.conflict = conflict
      case .conflict(let mine, _): result.conflict = mine
      }
    }
    return result.isEmpty ? nil : result
  }

  /// The answer once its conflict is settled by taking `side`: ours keeps the answer as it is
  /// (ours, with whatever was changed since the merge); theirs takes their value, note,
  /// evidence, flag and action plan. Unchanged when there is no conflict. Who settled it, and
  /// when, is recorded in the history by whoever saves the change (origin `conflict_resolved`).
  public func resolvingConflict(taking side: ConflictSide) -> Answer {
    guard let conflict else { return self }
    var answer = self
    answer.conflict = nil
    guard side == .theirs else { return answer }
    let theirs = conflict.theirs
    answer.value = theirs.value
    answer.note = theirs.note
    answer.evidence = theirs.evidence
    answer.flagged = theirs.flagged
    answer.action = theirs.action
    if theirs.value != value { answer.answeredAt = theirs.value == nil ? nil : theirs.at }
    return answer
  }
}

extension AnswerConflict.Side {
  /// One side of a conflict: the answer's parts as that side has them, and who changed it last
  /// and when, from that side's history (else when its value was given).
  init(_ answer: Answer, changedBy side: Answer) {
    self.init(
      value: answer.value, note: answer.note, evidence: answer.evidence, flagged: answer.flagged,
      action: answer.action, by: side.history.last?.by ?? "",
      at: side.history.last?.at ?? side.answeredAt)
  }
}

extension SessionMetadata {
  /// One identification field both sides changed differently (ours is kept; theirs stays in the
  /// identification's history).
  public struct FieldConflict: Equatable, Sendable {
    public var field: Field
    public var ours: String
    public var theirs: String
  }

  /// Merges the identification field by field by ``ThreeWay``; a field changed differently on
  /// both sides keeps ours and is returned among the conflicts. Created is the earlier,
  /// updated the later of the two.
  public static func merge(base: SessionMetadata, ours: SessionMetadata, theirs: SessionMetadata)
    -> (metadata: SessionMetadata, conflicts: [FieldConflict])
  {
    var result = ours
    var conflicts: [FieldConflict] = []
    for field in Field.allCases {
      switch ThreeWay.merge(base: base[field], ours: ours[field], theirs: theirs[field]) {
      case .merged(let value): result[field] = value
      case .conflict(let mine, let other):
        conflicts.append(FieldConflict(field: field, ours: mine, theirs: other))
      }
    }
    result.created = min(ours.created, theirs.created)
    result.updated = max(ours.updated, theirs.updated)
    return (result, conflicts)
  }
}
