import AssessmentCore
import Foundation

/// Renders a ``Comparison`` as text, Markdown or JSON, in one language.
extension Comparison {
  private func p(_ phrase: PlanPhrase) -> String { phrase.text(language) }
  private func p(_ phrase: ComparisonPhrase) -> String { phrase.text(language) }
  private func pf(_ phrase: PlanPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  private func pf(_ phrase: ComparisonPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }
  private var colon: String { language.colon }

  private func levelWords(_ side: ComparedAssessment, _ id: String?) -> String {
    guard let id else { return SummaryPhrase.notAssessed.text(language) }
    return side.questionnaire.riskModel.levels.first { $0.id == id }
      .map { side.questionnaire.text($0.label, language.rawValue).lowercased() } ?? id
  }

  private func questionTitle(_ id: String) -> String {
    let side = new.questionnaire.question(id) != nil ? new : old
    guard let question = side.questionnaire.question(id) else { return id }
    let refs =
      question.refs.isEmpty ? id : side.questionnaire.citations(question.refs, language.rawValue)
    return "\(refs) — \(side.questionnaire.text(question.text, language.rawValue))"
  }

  private func blockingText(_ id: String) -> String {
    let rule =
      new.questionnaire.blockingRules.first { $0.id == id }
      ?? old.questionnaire.blockingRules.first { $0.id == id }
    return rule.map { "\(id): " + new.questionnaire.text($0.message, language.rawValue) } ?? id
  }

  private func percent(_ value: Int?) -> String { value.map { "\($0) %" } ?? "—" }

  private func change(_ then: Int?, _ now: Int?) -> String {
    guard let then, let now else { return "" }
    let delta = now - then
    return delta == 0 ? " (=)" : delta > 0 ? " (+\(delta))" : " (\(delta))"
  }

  private func actionWords(_ ref: ActionRef) -> String {
    var parts = [ref.question]
    if !ref.action.owner.isBlank { parts.append(ref.action.owner) }
    parts.append(ref.action.dueDate.isBlank ? p(.noDueDate) : ref.action.dueDate)
    parts.append(p(ref.action.status.phrase))
    if !ref.action.reference.isBlank { parts.append(ref.action.reference) }
    return parts.joined(separator: " · ")
  }

  /// The sections of the report: a heading and its lines.
  private func blocks() -> [(heading: String, lines: [String])] {
    var blocks: [(String, [String])] = []
    // "none" agrees with the heading's noun in French: « constats » (masculine), « questions »
    // and « actions » (feminine).
    let none = ["  " + p(.compareNone)]
    func or(_ lines: [String], masculine: Bool = false) -> [String] {
      lines.isEmpty ? (masculine ? ["  " + p(.compareNoneMasculine)] : none) : lines
    }
    blocks.append(
      (
        p(.compareVerdict),
        [
          "  " + p(.compareThen) + colon + verdictWords(old.summary.verdict),
          "  " + p(.compareNow) + colon + verdictWords(new.summary.verdict),
        ]
      ))
    blocks.append(
      (
        pf(.compareBlockingAdded, blockingAdded.count),
        or(blockingAdded.map { "  - " + blockingText($0) }, masculine: true)
      ))
    blocks.append(
      (
        pf(.compareBlockingResolved, blockingResolved.count),
        or(blockingResolved.map { "  - " + blockingText($0) }, masculine: true)
      ))
    if !commonOnly {
      blocks.append(
        (
          p(.compareSections),
          sections.map {
            "  \($0.title)" + colon
              + "\(percent($0.then)) → \(percent($0.now))\(change($0.then, $0.now))"
          }
        ))
      if !register.isEmpty {
        blocks.append(
          (
            p(.compareRegister),
            register.map {
              "  \($0.id) \($0.title)" + colon
                + "\(levelWords(old, $0.then)) → \(levelWords(new, $0.now).uppercased())"
                + " (\(levelWords(old, $0.inherentThen)) → \(levelWords(new, $0.inherentNow)))"
            }
          ))
      }
    }
    func questions(_ changes: [QuestionChange]) -> [String] {
      or(
        changes.flatMap {
          ["  - " + questionTitle($0.id), "      \($0.then ?? "—") → \($0.now ?? "—")"]
        })
    }
    blocks.append((pf(.compareImproved, improved.count), questions(improved)))
    blocks.append((pf(.compareRegressed, regressed.count), questions(regressed)))
    blocks.append((pf(.compareNew, added.count), questions(added)))
    blocks.append((pf(.compareRemoved, removed.count), questions(removed)))
    // Carried answers awaiting re-verification: last year's values, listed apart (only when
    // the newer assessment is a re-assessment with some left).
    if !notReverified.isEmpty {
      blocks.append((pf(.compareNotReverified, notReverified.count), questions(notReverified)))
    }
    blocks.append(
      (
        pf(.compareActionsClosed, actionsClosed.count),
        or(actionsClosed.map { "  - " + actionWords($0) })
      ))
    blocks.append(
      (pf(.compareActionsOpen, actionsOpen.count), or(actionsOpen.map { "  - " + actionWords($0) }))
    )
    blocks.append(
      (
        pf(.compareActionsOverdue, new.summary.asOf, actionsOverdue.count),
        or(actionsOverdue.map { "  - " + actionWords($0) })
      ))
    return blocks
  }

  private var header: [String] {
    func side(_ label: String, _ side: ComparedAssessment) -> String {
      let meta = side.state.metadata
      return "\(label)" + colon
        + "\(side.id) — \(meta.provider) — \(meta.service) — \(side.questionnaire.id) \(side.questionnaire.version) — \(Timestamp.formatMinutes(meta.updated))"
    }
    var lines = [side(p(.compareThen), old), side(p(.compareNow), new)]
    if commonOnly {
      lines.append("! " + pf(.compareCommonOnly, old.questionnaire.id, new.questionnaire.id))
    }
    return lines
  }

  public func text() -> String {
    var out = [p(.compareTitle)] + header
    for block in blocks() {
      out.append("")
      out.append(block.heading)
      out += block.lines
    }
    return out.joined(separator: "\n") + "\n"
  }

  public func markdown() -> String {
    var out: [Markdown] = ["# \(p(.compareTitle).capitalized(with: nil))", ""]
    out += header.map { "- \($0)" }
    for block in blocks() {
      out.append("")
      out.append("## \(block.heading)")
      out.append("")
      out += block.lines.map { line -> Markdown in
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("- ") { return "- \(String(trimmed.dropFirst(2)))" }
        return line.hasPrefix("      ") ? "  \(String(trimmed))" : "- \(String(trimmed))"
      }
    }
    return Markdown.document(out)
  }

  /// The comparison as deterministic JSON.
  public func json() throws -> String {
    struct Side: Encodable {
      var id, provider, service, questionnaire, version, updated, verdict: String
    }
    struct Document: Encodable {
      var schemaVersion = 1
      var language: String
      var old, new: Side
      var commonQuestionsOnly: Bool
      var warning: String?
      var blockingAdded, blockingResolved: [String]
      var sections: [Section]
      var register: [Risk]
      var improved, regressed, added, removed, notReverified: [Question]
      var actionsClosed, actionsOpen, actionsOverdue: [Action]
      var asOf: String
    }
    struct Section: Encodable { var id, title: String; var then, now: Int? }
    struct Risk: Encodable {
      var id, title: String; var then, now, inherentThen, inherentNow: String?
    }
    struct Question: Encodable { var id: String; var then, now: String? }
    struct Action: Encodable { var question, owner, dueDate, status, reference: String }
    func side(_ side: ComparedAssessment) -> Side {
      Side(
        id: side.id, provider: side.state.metadata.provider, service: side.state.metadata.service,
        questionnaire: side.questionnaire.id, version: side.questionnaire.version,
        updated: Timestamp.formatSeconds(side.state.metadata.updated),
        verdict: side.summary.verdict.rawValue)
    }
    func action(_ ref: ActionRef) -> Action {
      Action(
        question: ref.question, owner: ref.action.owner, dueDate: ref.action.dueDate,
        status: ref.action.status.rawValue, reference: ref.action.reference)
    }
    func question(_ change: QuestionChange) -> Question {
      Question(id: change.id, then: change.then, now: change.now)
    }
    let document = Document(
      language: language.rawValue, old: side(old), new: side(new), commonQuestionsOnly: commonOnly,
      warning: commonOnly
        ? pf(.compareCommonOnly, old.questionnaire.id, new.questionnaire.id) : nil,
      blockingAdded: blockingAdded, blockingResolved: blockingResolved,
      sections: sections.map { Section(id: $0.id, title: $0.title, then: $0.then, now: $0.now) },
      register: register.map {
        Risk(
          id: $0.id, title: $0.title, then: $0.then, now: $0.now, inherentThen: $0.inherentThen,
          inherentNow: $0.inherentNow)
      },
      improved: improved.map(question), regressed: regressed.map(question),
      added: added.map(question),
      removed: removed.map(question), notReverified: notReverified.map(question),
      actionsClosed: actionsClosed.map(action),
      actionsOpen: actionsOpen.map(action), actionsOverdue: actionsOverdue.map(action),
      asOf: new.summary.asOf)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }
}
