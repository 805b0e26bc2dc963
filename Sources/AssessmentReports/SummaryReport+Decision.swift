// Management's decision in the summary: its lines (text, Markdown, the wizard), the refusal of a
// decision that contradicts the verdict, in words.
import AssessmentCore
import Foundation

extension SummaryReport {
  func t(_ phrase: TeamPhrase) -> String { phrase.text(language) }
  func f(_ phrase: TeamPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }

  /// The decision in force, in one sentence: "Accepted with conditions on 2026-12-10 by … (…),
  /// reference …".
  public func decisionSentence(_ signOff: SignOff) -> String {
    let words = signOff.decision.words(language)
    return f(
      .decisionLine, words.prefix(1).uppercased() + words.dropFirst(), signOff.on, signOff.by,
      signOff.role, signOff.reference)
  }

  /// "accepted on 2026-12-10 by …; 4 answer(s) changed since" (the decision in words, a refusal
  /// too), when the content changed since the decision; nil when it did not (or there is none).
  public var decisionOutOfDateText: String? {
    guard let decision, decision.contentChanged else { return nil }
    let current = decision.current
    let words = current.decision.words(language)
    return decision.answersChangedSince > 0
      ? f(.decisionOutOfDate, words, current.on, current.by, decision.answersChangedSince)
      : f(.decisionOutOfDateUncounted, words, current.on, current.by)
  }

  /// The decision section's lines: the decision, its conditions, who recorded it and when, and
  /// whether the content changed since; "no decision recorded" without one.
  public var decisionLines: [String] {
    guard let decision else { return [t(.decisionNone)] }
    let current = decision.current
    var lines = [decisionSentence(current)]
    if !current.conditions.isEmpty { lines.append(f(.decisionConditions, current.conditions)) }
    lines.append(
      f(.decisionRecorded, Self.date(current.recordedAt), personName(current.recordedBy)))
    lines.append(decisionOutOfDateText ?? t(.decisionUnchanged))
    if decision.superseded > 0 { lines.append(f(.decisionSuperseded, decision.superseded)) }
    return lines
  }

  /// The decision section of the text summary (and the wizard's), when one is recorded: an
  /// out-of-date decision is emphasised.
  func renderDecision<Sink: SummarySink>(into sink: inout Sink) {
    guard decision != nil else { return }
    sink.add("", .plain, question: nil)
    sink.add(t(.decisionHeading), .heading, question: nil)
    let outOfDate = decisionOutOfDateText
    for line in decisionLines {
      sink.add("  " + line, line == outOfDate ? .level("high") : .plain, question: nil)
    }
  }

  /// The decision section of the Markdown summary, when one is recorded.
  func decisionMarkdown() -> [Markdown] {
    guard decision != nil else { return [] }
    let outOfDate = decisionOutOfDateText
    var out: [Markdown] = ["## \(t(.decisionHeading))", ""]
    for line in decisionLines {
      out.append(line == outOfDate ? "> **\(line)**" : "- \(line)")
    }
    out.append("")
    return out
  }

  /// The decision in the HTML report's executive summary, when one is recorded; an out-of-date
  /// one is marked as a warning.
  func htmlDecision() -> HTML {
    guard decision != nil else { return "" }
    let outOfDate = decisionOutOfDateText
    var html: HTML = "<div class=\"decision\"><h3>\(t(.decisionHeading))</h3>"
    for line in decisionLines {
      html += line == outOfDate ? "<p class=\"warn\">\(line)</p>" : "<p>\(line)</p>"
    }
    html += "</div>\n"
    return html
  }

  /// The appendix's "last change" of an answer: when, and by whom.
  func appendLastChange(_ change: AnswerChange, to html: inout HTML) {
    html += "<p class=\"dim change\">"
    html.append(
      t(.historyLastChange) + (language == .fr ? "\u{A0}: " : ": ")
        + f(.historyBy, Self.date(change.at), personName(change.by)))
    html += "</p>"
  }

  /// A recorded name, or "(unknown)" for a change recorded without one.
  public func personName(_ name: String) -> String {
    name.isEmpty ? t(.historyUnknownPerson) : name
  }

  /// Why a decision cannot be recorded, as lines: the first says what, the others name the
  /// blocking findings (their citation and message) and the verdict's other reasons.
  public func problemLines(_ problem: SignOffProblem, decision: SignOff.Decision) -> [String] {
    switch problem {
    case .missing(let field): return [f(.problemMissing, field.label(language))]
    case .notADay(let text): return [f(.problemNotADay, text)]
    case .inTheFuture(let day): return [f(.problemInTheFuture, day)]
    case .conditionsMissing: return [t(.problemConditionsMissing)]
    case .contradictsVerdict(let verdict, let blocking, let reasons):
      var lines: [String] = []
      if verdict == .notAcceptable {
        lines.append(f(.problemNotAcceptable, decision.argument))
        for finding in blocking {
          lines.append(
            "  - "
              + f(
                .problemNotAcceptableBlocking,
                "[\(cite(finding.rule.refs))] \(q(finding.rule.message))"))
        }
      } else {
        lines.append(t(.problemConditions))
      }
      for reason in reasons { lines.append("  - " + f(.problemReasons, reasonText(reason))) }
      lines.append(t(.problemCovered))
      return lines
    }
  }
}
