import AssessmentCore
import Foundation
import Testing

@testable import AssessmentFrontEnd
@testable import AssessmentTUI

/// The README's key table names every key of the question screen's table, and names no key
/// there that the table does not bind (for the keys of the question screen).
@Suite struct KeyTableTests {
  /// The first column of the README's key table, one set of key names per row.
  func readmeKeys() throws -> [Set<String>] {
    let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "| keys | action |"))
    return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { row in
      let cell = row.split(separator: "|", omittingEmptySubsequences: false)[1]
      let words = cell.split(whereSeparator: { " ,()".contains($0) }).map(String.init)
      return Set(words.filter { $0 != "or" && $0 != "and" })
    }
  }

  @Test func everyKeyOfTheQuestionScreenIsInTheReadme() throws {
    let named = try readmeKeys().reduce(into: Set<String>()) { $0.formUnion($1) }
    for binding in App.questionKeys {
      let names = binding.action == .pick ? ["1–9"] : binding.keys.map(\.readmeName)
      for name in names {
        #expect(
          named.contains(name), "\(name) (\(binding.action)) is not in the README's key table")
      }
    }
  }

  /// The other screens' keys are named in the README's key table too (their rows say where).
  @Test func everyKeyOfTheOtherScreensIsInTheReadme() throws {
    let named = try readmeKeys().reduce(into: Set<String>()) { $0.formUnion($1) }
    let keys: [(String, [Key])] = [
      ("review", App.reviewKeys.flatMap(\.keys)),
      ("summary", App.summaryKeys.flatMap(\.keys)),
      ("finished summary", App.finishedSummaryKeys.flatMap(\.keys)),
      ("help", App.helpScreenKeys.flatMap(\.keys)),
      ("contents", App.contentsKeys.flatMap(\.keys)),
      ("start screen", StartMenu.keys.flatMap(\.keys)),
    ]
    for (screen, keys) in keys {
      for name in keys.map(\.readmeName) {
        #expect(named.contains(name), "\(name) (\(screen)) is not in the README's key table")
      }
    }
  }

  /// With the cursor on no question that applies, the keys the question screen's table binds to
  /// the review and to leaving still do that, and every other key nothing.
  @Test func withoutAQuestionTheTableStillOpensTheReviewAndQuits() throws {
    func harness() throws -> Harness {
      var harness = Harness(try fixture("small.yaml"))
      harness.state.wizard.visibility = harness.state.wizard.visibility.map { _ in false }
      #expect(harness.app.wizard.current(harness.state.wizard) == nil)
      return harness
    }
    for binding in App.questionKeys {
      for key in binding.keys {
        var pressed = try harness()
        let before = pressed.state.wizard
        pressed.press(key)
        switch binding.action {
        case .review:
          #expect(pressed.state.wizard.phase == .review, "\(key.readmeName)")
        case .quit:
          #expect(pressed.effects.contains(.exit), "\(key.readmeName)")
        default:
          #expect(pressed.state.wizard == before && pressed.effects.isEmpty, "\(key.readmeName)")
        }
      }
    }
  }

  @Test func theTableBindsEachKeyOnce() {
    let keys = App.questionKeys.flatMap(\.keys)
    #expect(Set(keys.map(\.readmeName)).count == keys.count)
  }

  /// Every key a terminal sends, and a few typed characters: what the "does nothing" tests press.
  static let everyKey: [Key] =
    [
      .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab,
      .backspace, .delete, .escape,
    ] + (1...12).map { Key.function($0) }
    + "ceqs".map { Key.control($0) }
    + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?/-+.,".map {
      Key.character($0)
    }

  @Test func eachKeyIsBoundOnceInEachTable() {
    let tables: [(String, [Key])] = [
      ("question", App.questionKeys.flatMap(\.keys)),
      ("review", App.reviewKeys.flatMap(\.keys)),
      ("summary", App.summaryKeys.flatMap(\.keys)),
      ("finished summary", App.finishedSummaryKeys.flatMap(\.keys)),
      ("start screen", StartMenu.keys.flatMap(\.keys)),
      ("help", App.helpScreenKeys.flatMap(\.keys)),
      ("contents", App.contentsKeys.flatMap(\.keys)),
      ("finish question", App.finishKeys.flatMap(\.keys)),
      ("note", App.noteKeys.flatMap(\.keys)),
      ("text field", App.textFieldKeys.flatMap(\.keys)),
      ("number field", App.numberFieldKeys.flatMap(\.keys)),
      ("derogation field", App.derogationFieldKeys.flatMap(\.keys)),
      ("search", App.searchKeys.flatMap(\.keys)),
      ("identification form", App.formKeys.flatMap(\.keys)),
      ("questionnaire description", App.aboutKeys.flatMap(\.keys)),
      ("plan form", App.planFormKeys.flatMap(\.keys)),
      ("plan field", App.planFieldKeys.flatMap(\.keys)),
      ("evidence", App.evidenceKeys.flatMap(\.keys)),
    ]
    for (name, keys) in tables {
      #expect(Set(keys.map(\.readmeName)).count == keys.count, "a key bound twice on the \(name)")
    }
  }

  /// A key the review's table does not bind changes nothing there (the handler dispatches
  /// through the table only; every bound key is handled, the switch over the actions being
  /// exhaustive).
  @Test func theReviewIgnoresKeysNotInItsTable() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("r"))
    #expect(harness.state.wizard.phase == .review)
    expectIgnored(harness, unless: { App.reviewKeys.action(for: $0) != nil }, "review")
  }

  @Test(arguments: [false, true])
  func theSummaryIgnoresKeysNotInItsTable(finished: Bool) throws {
    var harness = Harness(try fixture("small.yaml"))
    if finished {
      harness.press(.character("F"), .character("y"))
      #expect(harness.state.wizard.phase == .finished)
    } else {
      harness.press(.character("S"))
      #expect(harness.state.wizard.phase == .summary)
    }
    let table = finished ? App.finishedSummaryKeys : App.summaryKeys
    expectIgnored(harness, unless: { table.action(for: $0) != nil }, "summary")
  }

  /// The key bars made from the tables say what the hand-written ones said.
  @Test func theReviewAndSummaryBarsKeepTheirWords() {
    #expect(
      App.reviewKeys.keyBar(.fr)
        == "↑↓ PgPréc/PgSuiv choisir  Entrée aller à la question  F clôturer  S résumé"
        + "  Échap retour")
    #expect(
      App.summaryKeys.keyBar(.en)
        == "↑↓ PgUp/PgDn scroll  Enter go to gap  a action plan  D decision  Esc back  q quit")
    #expect(
      App.finishedSummaryKeys.keyBar(.nl)
        == "↑↓ PgUp/PgDn scrollen  a actieplan van de tekortkoming  D beslissing"
        + "  o beoordeling heropenen  q stoppen")
  }

  @Test func theStartScreenIgnoresKeysNotInItsTable() {
    let menu = StartMenu(entries: [], language: .fr)
    for key in Self.everyKey where StartMenu.keys.action(for: key) == nil {
      var pressed = menu
      #expect(pressed.handle(key) == nil)
      #expect(pressed == menu, "\(key) moved the start screen's selection")
    }
    #expect(StartMenu.keys.keyBar(.fr) == "↑↓ choisir  Entrée ouvrir  q quitter")
  }

  /// Presses each key of `everyKey` the table does not bind on a copy of `harness`: nothing
  /// changes and nothing is done.
  func expectIgnored(
    _ harness: Harness, unless bound: (Key) -> Bool, _ name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var harness = harness
    harness.effects = []
    harness.state.notice = nil
    for key in Self.everyKey where !bound(key) {
      var pressed = harness
      pressed.press(key)
      #expect(
        pressed.state == harness.state, "\(key) changed the \(name)",
        sourceLocation: sourceLocation)
      #expect(
        pressed.effects.isEmpty, "\(key) did something on the \(name)",
        sourceLocation: sourceLocation)
    }
  }

  @Test func theHelpTheContentsAndTheFinishQuestionIgnoreKeysNotInTheirTables() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("?"))
    guard case .help = harness.state.mode else {
      Issue.record("? did not open the help")
      return
    }
    expectIgnored(harness, unless: { App.helpScreenKeys.action(for: $0) != nil }, "help")
    harness.press(.escape, .character("g"))
    guard case .contents = harness.state.mode else {
      Issue.record("g did not open the contents")
      return
    }
    expectIgnored(harness, unless: { App.contentsKeys.action(for: $0) != nil }, "contents")
    harness.press(.escape, .character("F"))
    #expect(harness.state.mode == .confirmingFinish)
    expectIgnored(harness, unless: { App.finishKeys.action(for: $0) != nil }, "finish question")
    // Every typed character is bound there (any other one declines), so only keys are left.
    #expect(App.finishKeys.action(for: .character("n")) == .decline)
    #expect(App.finishKeys.action(for: .function(1)) == nil)
  }

  /// Every key bar of the wizard, by name, in a language.
  static func keyBars(_ language: InterfaceLanguage) -> [(String, String)] {
    QuestionBar.allCases.map { ("question (\($0))", App.questionKeyBar($0, language)) } + [
      ("review", App.reviewKeys.keyBar(language)),
      ("summary", App.summaryKeys.keyBar(language)),
      ("finished summary", App.finishedSummaryKeys.keyBar(language)),
      ("help", App.helpScreenKeys.keyBar(language)),
      ("contents", App.contentsKeys.keyBar(language)),
      ("start screen", StartMenu.keys.keyBar(language)),
      ("note", App.noteKeys.keyBar(language)),
      ("text field", App.textFieldKeys.keyBar(language)),
      ("number field", App.numberFieldKeys.keyBar(language)),
      ("search", App.searchKeys.keyBar(language)),
      ("identification form", App.formKeys.keyBar(language)),
      ("questionnaire description", App.aboutKeys.keyBar(language)),
      ("plan form", App.planFormKeys.keyBar(language)),
      ("evidence", App.evidenceKeys.keyBar(language)),
    ]
  }

  /// Every key bar shows whole on the two rows an 80-column terminal gives it, in every
  /// language: a key cut off the bar is a key the user is not told about.
  @Test(arguments: InterfaceLanguage.allCases)
  func everyKeyBarFitsTwoRowsAt80Columns(language: InterfaceLanguage) {
    for (name, bar) in Self.keyBars(language) {
      let rows = Screen.wrapKeys(bar, width: 78)
      #expect(rows.count <= 2, "the \(name) key bar loses “\(rows.dropFirst(2).joined())”")
    }
  }

  /// The keys a bar names, in its order, with each language's key names made English (Entrée,
  /// Suppr, Échap...): a bare letter counts as a key only at the start of an item, since a
  /// French or Dutch word of one letter (à) may follow.
  static func barKeys(_ bar: String) -> [String] {
    let names = [
      "Entrée": "Enter", "Suppr": "Del", "Espace": "Space", "Spatie": "Space", "Échap": "Esc",
      "PgPréc": "PgUp", "PgSuiv": "PgDn",
    ]
    let keyWords: Set<String> = [
      "Enter", "Del", "Space", "Esc", "Tab", "PgUp", "PgDn", "Home", "End", "F1", "F10",
      "Ctrl-C", "Ctrl-S", "1-9", "0-9", "1-4",
    ]
    var keys: [String] = []
    for item in bar.components(separatedBy: "  ") where !item.isEmpty {
      for (index, word) in item.split(separator: " ").enumerated() {
        if index == 0, word == "/" { keys.append("/") }
        keys += word.filter { "↑↓←→".contains($0) }.map { String($0) }
        for part in word.split(separator: "/").map({ names[String($0)] ?? String($0) }) {
          if keyWords.contains(part)
            || (index == 0 && part.count == 1 && part != "←"
              && !"↑↓←→".contains(part))
          {
            keys.append(part)
          }
        }
      }
    }
    return keys
  }

  /// Every bar names the same keys in French, English and Dutch: a key left off one language's
  /// bar to make it fit is a key that language's user is not told about.
  @Test func everyKeyBarNamesTheSameKeysInEveryLanguage() {
    let english = Self.keyBars(.en)
    for language in [InterfaceLanguage.fr, .nl] {
      for ((name, bar), (_, reference)) in zip(Self.keyBars(language), english) {
        #expect(
          Self.barKeys(bar) == Self.barKeys(reference),
          "the \(name) key bar in \(language) names other keys than in English: \(bar)")
      }
    }
  }

  /// The action plan form ignores the keys its table does not bind (no field being typed).
  @Test func thePlanFormIgnoresKeysNotInItsTable() throws {
    var harness = Harness(try fixture("small.yaml"))
    harness.press(.character("a"))
    guard case .plan = harness.state.mode, harness.state.field == nil else {
      Issue.record("a did not open the plan form")
      return
    }
    expectIgnored(harness, unless: { App.planFormKeys.action(for: $0) != nil }, "plan form")
  }

  /// The bars of the fields and forms, made from their tables, say what the written ones said.
  @Test func theFieldBarsKeepTheirWords() {
    #expect(
      App.noteKeys.keyBar(.fr)
        == "Note : Entrée nouvelle ligne  ←→↑↓ déplacer  Tab ou Échap terminer")
    #expect(
      App.numberFieldKeys.keyBar(.en)
        == "Enter confirm and next"
        + "  Esc leave the field (kept if it is a number, dropped otherwise)")
    #expect(App.formKeys.keyBar(.nl) == "Tab/↑↓ veld  Enter volgende  Esc/Ctrl-C stoppen")
    #expect(App.planFormKeys.keyBar(.fr) == "↑↓ champ  Entrée modifier  1-4 statut  Échap retour")
    #expect(
      App.evidenceKeys.keyBar(.en)
        == "Enter add  ↑↓ choose  Del remove  Tab dates  ^O file  Esc close")
    #expect(App.searchKeys.keyBar(.nl) == "Enter zoeken  Esc annuleren")
    #expect(App.aboutKeys.keyBar(.fr) == "↑↓ PgPréc/PgSuiv défiler  Échap fermer")
  }

  /// Every key the question screen, the review, the summary and the action plan form bind is
  /// named in the help's Keys section, in every language: a key on no bar is at least there.
  @Test(arguments: InterfaceLanguage.allCases)
  func everyBoundKeyIsInTheHelp(language: InterfaceLanguage) {
    let sections = App.keyHelp(language)
    let tables: [[Key]] = [
      App.questionKeys.flatMap(\.keys), App.reviewKeys.flatMap(\.keys),
      App.summaryKeys.flatMap(\.keys) + App.finishedSummaryKeys.flatMap(\.keys),
      App.planFormKeys.flatMap(\.keys),
    ]
    #expect(sections.count == tables.count)
    for ((title, lines), keys) in zip(sections, tables) {
      let named = lines.map { $0.components(separatedBy: language == .fr ? " : " : ": ")[0] }
      for key in keys {
        var name = key.name(language)
        if case .character(let character) = key, character.isNumber { name = "1–" }
        #expect(
          named.contains { " \($0) ".contains(" \(name)") },
          "\(name) is not among the help's \(title) keys (\(language))")
      }
    }
  }
}
