import AssessmentCore
import Foundation
import Testing

@testable import AssessmentStore

/// Random three-way variations of real sessions (the fixtures, with their questionnaire),
/// merged: the result always loads, and no answer either side gave is lost without a conflict
/// that records it.
@Suite struct MergePropertyTests {
  /// SplitMix64: the same variations at every run, a seed per round.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  let questionnaire = try! QuestionnaireLoader.load(path: fixturePath("risk.yaml")).questionnaire

  /// A value that fits `question`, at random.
  func randomValue(_ question: Question, _ random: inout Generator) -> AnswerValue? {
    switch question.type {
    case .compliance, .yesno, .single:
      return question.choiceIDs.randomElement(using: &random).map { .choice($0) }
    case .multiple:
      let ids = question.choiceIDs.filter { _ in Bool.random(using: &random) }
      return ids.isEmpty ? nil : .choices(ids)
    case .text: return .text("text \(random.next() % 1000)")
    case .number: return .number(Double(random.next() % 100))
    case .date: return .date("2027-0\(1 + random.next() % 9)-1\(random.next() % 10)")
    case .derogation:
      return .derogation(DerogationRecord(reference: "D-\(random.next() % 100)"))
    }
  }

  /// `record` with about one answer in `oneIn` changed, removed or added, by `person`.
  func vary(
    _ record: SessionRecord, by person: String, oneIn: Int, _ random: inout Generator
  ) -> SessionRecord {
    var record = record
    for question in questionnaire.questions where Int.random(in: 0..<oneIn, using: &random) == 0 {
      let at = t0.addingTimeInterval(Double(random.next() % 86_400))
      var answer = record.answers[question.id] ?? Answer()
      switch Int.random(in: 0..<6, using: &random) {
      case 0: answer.value = nil
      case 1: answer.note = "note by \(person) \(random.next() % 5)"
      case 2: answer.evidence.append(EvidenceRecord(reference: "doc \(random.next() % 5)"))
      case 3: answer.flagged.toggle()
      case 4:
        answer.action = PlanAction(owner: person, dueDate: "2027-0\(1 + random.next() % 9)-01")
      default: answer.value = randomValue(question, &random)
      }
      answer.history.append(AnswerChange(at: at, by: person, parts: [.value(answer.value)]))
      record.answers[question.id] = answer.isEmpty ? nil : answer
    }
    return record
  }

  @Test(arguments: ["all-compliant", "health-public", "mixed", "planned"])
  func mergesOfVariationsLoseNothing(_ name: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath("sessions/\(name).json")))
    let real = try SessionFile.decode(data, path: name)
    var conflicts = 0
    for seed in 0..<50 {
      var random = Generator(state: UInt64(seed) &* 7919 &+ UInt64(name.utf8.count))
      let base = vary(real, by: "Carol", oneIn: 10, &random)
      let ours = vary(base, by: "Alice", oneIn: 3, &random)
      let theirs = vary(base, by: "Bob", oneIn: 3, &random)
      let result = try SessionMerge.merge(base: base, ours: ours, theirs: theirs)
      let merged = result.record
      conflicts += result.conflicts.count
      // The result always loads.
      let reloaded = try SessionFile.decode(SessionFile.encode(merged), path: name)
      #expect(reloaded.answers == merged.answers, "seed \(seed): the file does not hold the merge")
      let ids = Set(base.answers.keys).union(ours.answers.keys).union(theirs.answers.keys)
      for id in ids {
        let before = base.answers[id]
        let answer = merged.answers[id]
        for (side, given) in [("ours", ours.answers[id]), ("theirs", theirs.answers[id])]
        where given?.value != before?.value {
          // Changed on this side: the merged answer holds it, or its conflict does.
          let kept =
            answer?.value == given?.value
            || answer?.conflict?.ours.value == given?.value
            || answer?.conflict?.theirs.value == given?.value
          #expect(kept, "seed \(seed), \(id): \(side)'s \(String(describing: given?.value)) lost")
        }
        // Every change anyone recorded is in the history.
        for change in (ours.answers[id]?.history ?? []) + (theirs.answers[id]?.history ?? []) {
          #expect(answer?.history.contains(change) == true, "seed \(seed), \(id): history lost")
        }
        if let conflict = answer?.conflict {
          #expect(result.conflicts.contains(id) || ours.answers[id]?.conflict == conflict)
        }
      }
    }
    // The variations do collide: the property is tested on conflicts too.
    #expect(conflicts > 0)
  }
}
