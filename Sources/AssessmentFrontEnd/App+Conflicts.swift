import AssessmentCore
import Foundation

/// The texts of merge conflicts on screen, in French, English and Dutch.
public enum ConflictText: CaseIterable, TranslatedText {
  case title, ours, theirs, answerAnew, noConflict, reviewHeading, opening, allSettled, by
  case noValue, note, evidence, plan, flagged

  public var translations: (String, String, String) {
    switch self {
    case .title:
      return (
        "Conflit : deux copies fusionnées de la session ne disent pas la même chose",
        "Conflict: two merged copies of the session disagree",
        "Conflict: twee samengevoegde kopieën van de sessie verschillen"
      )
    case .ours: return ("o la nôtre", "o ours", "o de onze")
    case .theirs: return ("t la leur", "t theirs", "t de andere")
    case .answerAnew:
      return (
        "ou répondez autrement : la réponse donnée tranche le conflit",
        "or answer anew: the answer given settles the conflict",
        "of geef een ander antwoord: dat antwoord beslecht het conflict"
      )
    case .noConflict:
      return (
        "cette réponse n'est pas en conflit", "this answer is not in conflict",
        "voor dit antwoord is er geen conflict"
      )
    case .reviewHeading:
      return ("En conflit (%1)", "In conflict (%1)", "In conflict (%1)")
    case .opening:
      return (
        "%1 en conflit (fusion) : o la nôtre, t la leur, ou une autre réponse",
        "%1 in conflict after a merge: o ours, t theirs, or another answer",
        "%1 in conflict na samenvoegen: o de onze, t de andere, of nieuw antwoord"
      )
    case .allSettled:
      return (
        "plus aucun conflit : git add du fichier de session suffit à git",
        "no conflict left: git add of the session file is all git needs",
        "geen conflict meer: git add van het sessiebestand is alles wat git nodig heeft"
      )
    case .by: return ("par %1, %2", "by %1, %2", "door %1, %2")
    case .noValue: return ("sans réponse", "no answer", "geen antwoord")
    case .note: return ("note", "note", "notitie")
    case .evidence: return ("preuves", "evidence", "bewijsstukken")
    case .plan: return ("plan d'action", "action plan", "actieplan")
    case .flagged: return ("marquée à revoir", "flagged", "gemarkeerd")
    }
  }
}

/// Merge conflicts where answers are given: shown first, settled by taking a side or answering.
extension App {
  /// The lines that show the current question's conflict (empty without one): each side's
  /// answer, what else differs, and who changed it when.
  public func conflictLines(_ state: AppState, _ question: Question) -> [String] {
    guard let conflict = state.wizard.answers[question.id]?.conflict else { return [] }
    let language = state.language
    let colon = language.colon
    func describe(_ side: AnswerConflict.Side, _ other: AnswerConflict.Side, _ key: ConflictText)
      -> [String]
    {
      let value =
        side.value.map { $0.display(question, language, questionnaire) }
        ?? ConflictText.noValue.text(language)
      var who: [String] = []
      if !side.by.isEmpty || side.at != nil {
        let when =
          side.at.map {
            Timestamp.format($0).prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
          } ?? ""
        who = [ConflictText.by.format(language, side.by.isEmpty ? "?" : side.by, when)]
      }
      var lines = ["  " + key.text(language) + colon + ([value] + who).joined(separator: " — ")]
      if side.note != other.note {
        let note = side.note.isEmpty ? "—" : side.note.replacingOccurrences(of: "\n", with: " / ")
        lines.append("      " + ConflictText.note.text(language) + colon + note)
      }
      if side.evidence != other.evidence {
        let evidence = side.evidence.map(\.reference).joined(separator: " · ")
        lines.append(
          "      " + ConflictText.evidence.text(language) + colon
            + (evidence.isEmpty ? "—" : evidence))
      }
      if side.action != other.action {
        let plan = side.action.map { action in
          [action.status.phrase.text(language), action.owner, action.dueDate, action.reference]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        }
        lines.append("      " + ConflictText.plan.text(language) + colon + (plan ?? "—"))
      }
      if side.flagged != other.flagged, side.flagged {
        lines.append("      " + ConflictText.flagged.text(language))
      }
      return lines
    }
    return [ConflictText.title.text(language)]
      + describe(conflict.ours, conflict.theirs, .ours)
      + describe(conflict.theirs, conflict.ours, .theirs)
      + ["  " + ConflictText.answerAnew.text(language)]
  }

  /// The positions of the questions that apply whose answer is in conflict, in walking order.
  public func conflictPositions(_ state: AppState) -> [Int] {
    wizard.review(state.wizard).conflicts
  }

  /// Opens on the first conflict, with a notice saying how many there are and how to settle
  /// them: a merged session's conflicts come before anything else.
  func openOnFirstConflict(_ state: inout AppState) {
    guard state.wizard.phase == .questions, let first = conflictPositions(state).first else {
      return
    }
    let count = conflictPositions(state).count
    send(&state, .questionJumped(questionnaire.questions[first].id))
    state.notice = ConflictText.opening.format(
      state.language, CountedNoun.question.format(count, state.language))
  }

  /// After one is settled, on to the next conflict, or the notice that none is left.
  public func settleNextConflict(_ state: inout AppState) -> [WizardEffect] {
    syncOptionCursor(&state)
    let positions = conflictPositions(state)
    guard !positions.isEmpty else {
      state.notice = ConflictText.allSettled.text(state.language)
      return []
    }
    let next = positions.first { $0 > state.wizard.cursor } ?? positions[0]
    return send(&state, .questionJumped(questionnaire.questions[next].id))
  }
}
