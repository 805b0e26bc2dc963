import AssessmentCore

/// The question screen's key bars: one by question type, one for an answer carried from last
/// year (to re-verify), and one for an answer in a merge conflict.
public enum QuestionBar: CaseIterable, Sendable {
  case choice, multiple, number, text, date, derogation, reverify, conflict
}

/// An item of the question screen's key bars: the action of `App.questionKeys` whose keys it
/// names, the bars that show it, and its words in French, English and Dutch. Every language's
/// bar shows the same items, so each set is chosen to fit the two rows an 80-column terminal
/// gives it in the longest language; the keys left off (/ n u g r F s...) are in the help.
public struct QuestionBarItem: Sendable {
  /// nil for the digits of a number question, typed before the table is read.
  public let action: QuestionAction?
  public let bars: Set<QuestionBar>
  public let words: (String, String, String)

  init(_ action: QuestionAction?, _ bars: Set<QuestionBar>, _ words: (String, String, String)) {
    self.action = action
    self.bars = bars
    self.words = words
  }
}

extension App {
  /// The question screen's key bars, in order.
  public static let questionBarItems: [QuestionBarItem] = {
    // The conflict's bar has its own few items: settling it comes first.
    let all = Set(QuestionBar.allCases).subtracting([.conflict])
    let answered = all.subtracting([.derogation])
    let everywhere = all.union([.conflict])
    return [
      QuestionBarItem(.takeOurs, [.conflict], ("o la nôtre", "o take ours", "o de onze")),
      QuestionBarItem(.takeTheirs, [.conflict], ("t la leur", "t take theirs", "t de andere")),
      QuestionBarItem(
        .confirm, [.conflict],
        ("Entrée/1-9 répondre autrement", "Enter/1-9 answer anew", "Enter/1-9 anders antwoorden")),
      QuestionBarItem(
        .confirmCarried, [.reverify], ("c confirmer", "c confirm last year's", "c bevestigen")),
      QuestionBarItem(
        .highlightPrevious, [.choice, .reverify],
        ("↑↓ 1-9 choisir", "↑↓ 1-9 choose", "↑↓ 1-9 kiezen")),
      QuestionBarItem(.highlightPrevious, [.multiple], ("↑↓ choisir", "↑↓ choose", "↑↓ kiezen")),
      QuestionBarItem(
        .toggle, [.multiple], ("Espace/1-9 cocher", "Space/1-9 tick", "Spatie/1-9 vinken")),
      QuestionBarItem(.highlightPrevious, [.derogation], ("↑↓ champ", "↑↓ field", "↑↓ veld")),
      QuestionBarItem(
        nil, [.number], ("0-9 saisir le nombre", "0-9 type a number", "0-9 getal typen")),
      QuestionBarItem(
        .confirm, [.choice, .reverify], ("Entrée valider", "Enter confirm", "Enter bevestigen")),
      QuestionBarItem(
        .confirm, [.multiple], ("Entrée suivante", "Enter next", "Enter volgende")),
      QuestionBarItem(.confirm, [.number], ("Entrée modifier", "Enter edit", "Enter wijzigen")),
      QuestionBarItem(
        .confirm, [.text],
        ("Entrée écrire la réponse", "Enter write the answer", "Enter antwoord schrijven")),
      QuestionBarItem(
        .confirm, [.date],
        (
          "Entrée saisir la date (AAAA-MM-JJ)", "Enter type the date (YYYY-MM-DD)",
          "Enter datum typen (JJJJ-MM-DD)"
        )),
      QuestionBarItem(
        .confirm, [.derogation],
        (
          "Entrée remplir (puis champ suivant)", "Enter fill in (then next field)",
          "Enter invullen (dan volgend veld)"
        )),
      QuestionBarItem(
        .previous, everywhere, ("←→ préc./suiv.", "←/→ prev/next", "←→ vorige/volgende")),
      QuestionBarItem(.clear, answered, ("Suppr effacer", "Del clear", "Del wissen")),
      QuestionBarItem(
        .clear, [.derogation],
        ("Suppr effacer la dérogation", "Del clear the derogation", "Del afwijking wissen")),
      QuestionBarItem(.note, everywhere, ("Tab note", "Tab note", "Tab notitie")),
      QuestionBarItem(.evidence, all, ("e preuves", "e evidence", "e bewijs")),
      QuestionBarItem(.flag, all, ("f marquer", "f flag", "f markeren")),
      QuestionBarItem(.plan, answered, ("a plan", "a plan", "a plan")),
      QuestionBarItem(.summary, answered, ("S résumé", "S summary", "S samenvatting")),
      QuestionBarItem(.help, everywhere, ("? aide", "? help", "? hulp")),
      QuestionBarItem(.quit, everywhere, ("q quitter", "q quit", "q stoppen")),
    ]
  }()

  /// A question screen's key bar in a language, made from `questionBarItems`.
  public static func questionKeyBar(_ bar: QuestionBar, _ language: InterfaceLanguage) -> String {
    questionBarItems.filter { $0.bars.contains(bar) }.map { item in
      switch language {
      case .fr: return item.words.0
      case .en: return item.words.1
      case .nl: return item.words.2
      }
    }.joined(separator: "  ")
  }
}
