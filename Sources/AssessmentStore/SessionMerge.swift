import AssessmentCore
import Foundation

/// The three-way merge of two copies of one session against the copy they both started from
/// (`cloud-assess merge`, git's merge driver; docs/team.md). Pure: records in, a record out.
///
/// Every part merges by the one rule of ``ThreeWay``: the answers question by question
/// (``Answer/merge(base:ours:theirs:)``), the identification field by field, the phase, the
/// questionnaire reference and the previous assessment whole; the histories, the identification's
/// history and management's sign-offs are the union of both sides, oldest first. The abstract
/// is derived data: never merged, left to be recomputed.
public enum SessionMerge {
  public struct Result: Equatable, Sendable {
    public var record: SessionRecord
    /// The questions whose answer this merge put in conflict (both sides recorded in the
    /// answer), sorted.
    public var conflicts: [String]
    /// The identification fields changed differently on both sides: ours kept, theirs in the
    /// identification's history.
    public var identificationConflicts: [SessionMetadata.FieldConflict]

    /// Whether the merge needs a person: git must stop.
    public var needsResolution: Bool { !conflicts.isEmpty || !identificationConflicts.isEmpty }
  }

  /// Why two files cannot be merged.
  public enum Refusal: Error, Equatable, Sendable {
    /// The files are copies of different sessions.
    case differentSessions(ours: String, theirs: String)
    /// The files were made with different questionnaires.
    case differentQuestionnaires(ours: String, theirs: String)
  }

  /// Merges `ours` and `theirs` against `base` (nil when the two copies have no common one, as
  /// when both added the file: every difference is then a change on both sides).
  ///
  /// `ours` is taken over and becomes the result: its answers are replaced in place, each read
  /// before it is replaced, rather than copied (a copy of a session's answers was the largest
  /// block of memory a merge touched).
  public static func merge(
    base: SessionRecord?, ours: consuming SessionRecord, theirs: SessionRecord
  ) throws(Refusal) -> Result {
    var record = ours
    for other in [theirs] + (base.map { [$0] } ?? []) {
      guard other.id == record.id else {
        throw .differentSessions(ours: record.id, theirs: other.id)
      }
      guard other.questionnaire.id == record.questionnaire.id else {
        throw .differentQuestionnaires(
          ours: record.questionnaire.id, theirs: other.questionnaire.id)
      }
    }
    var conflicts: [String] = []
    let baseAnswers = base?.answers ?? [:]
    var ids = Set(record.answers.keys)
    ids.formUnion(theirs.answers.keys)
    ids.formUnion(baseAnswers.keys)
    for id in ids {
      let mine = record.answers[id]
      let merged = Answer.merge(base: baseAnswers[id], ours: mine, theirs: theirs.answers[id])
      if let conflict = merged?.conflict, conflict != mine?.conflict { conflicts.append(id) }
      record.answers[id] = merged
    }
    // Every part below is read from `record` (ours) before it is replaced.
    let metadata = SessionMetadata.merge(
      base: base?.metadata ?? record.metadata, ours: record.metadata, theirs: theirs.metadata)
    record.metadata = metadata.metadata
    // Finishing is agreed on: when the two disagree, the earlier phase.
    switch ThreeWay.merge(base: base?.phase, ours: record.phase, theirs: theirs.phase) {
    case .merged(let phase): record.phase = phase ?? record.phase
    case .conflict(let mine, let other):
      let order = Phase.allCases
      record.phase =
        [mine, other].compactMap { $0 }.min {
          (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0)
        } ?? record.phase
    }
    // A conflict is settled where answers are given: a finished assessment holding one is
    // open again (the wizard does not change the answers of a finished one).
    if !conflicts.isEmpty, record.phase == .finished { record.phase = .questions }
    record.questionnaire = pick(
      base.map(\.questionnaire), record.questionnaire, theirs.questionnaire)
    record.previous = pick(base.map(\.previous), record.previous, theirs.previous)
    // Where the person was is theirs to keep: ours (`record.cursorQuestionID` as it is).
    record.identificationHistory = ThreeWay.union(
      record.identificationHistory, theirs.identificationHistory
    ) { $0.at }
    record.signOffs = ThreeWay.union(record.signOffs, theirs.signOffs) { $0.recordedAt }
    record.abstract = nil
    return Result(
      record: record, conflicts: conflicts.sorted(), identificationConflicts: metadata.conflicts)
  }

  /// A part merged whole; ours when both changed it differently.
  private static func pick<Value: Equatable>(_ base: Value?, _ ours: Value, _ theirs: Value)
    -> Value
  {
    guard let base else { return ours }
    switch ThreeWay.merge(base: base, ours: ours, theirs: theirs) {
    case .merged(let value): return value
    case .conflict(let mine, _): return mine
    }
  }
}
