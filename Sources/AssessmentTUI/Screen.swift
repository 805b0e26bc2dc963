import AssessmentCore
import AssessmentFrontEnd
import Foundation

/// Draws the front-end state on a terminal. A pure function of the state: everything on screen
/// is rebuilt from it on every pass (as kconfig's front ends do).
public struct Screen: Sendable {
  public let app: App

  public init(app: App) {
    self.app = app
  }

  var questionnaire: Questionnaire { app.wizard.questionnaire }

  public func draw(_ state: AppState, on terminal: Terminal) {
    terminal.clear()
    terminal.hideCursor()
    let (width, height) = terminal.size
    if width < AppState.minimumWidth || height < AppState.minimumHeight {
      let message = FrontEndText.tooSmall.format(state.language, width, height)
      terminal.draw(
        row: max(0, height / 2), column: 0, DisplayWidth.truncate(message, to: width), style: .bold)
      terminal.present()
      return
    }
    var canvas = Canvas(terminal: terminal, width: width, height: height, color: terminal.usesColor)
    switch state.wizard.phase {
    case .identification:
      if case .help(let scroll) = state.mode {
        IdentificationScreen(screen: self).drawAbout(state, scroll: scroll, &canvas)
      } else {
        IdentificationScreen(screen: self).draw(state, &canvas)
      }
    case .questions:
      switch state.mode {
      case .help(let scroll): HelpScreen(screen: self).draw(state, scroll: scroll, &canvas)
      case .contents(let selection):
        ContentsScreen(screen: self).draw(state, selection: selection, &canvas)
      case .plan(let selection): PlanScreen(screen: self).draw(state, selection: selection, &canvas)
      case .evidence(let selection):
        EvidenceScreen(screen: self).draw(
          state, editor: state.field?.editor ?? TextEditor(), selection: selection, &canvas)
      default: QuestionScreen(screen: self).draw(state, &canvas)
      }
    case .review: ReviewScreen(screen: self).draw(state, &canvas)
    case .summary, .finished:
      if case .signOff(let selection) = state.mode {
        SignOffScreen(screen: self).draw(state, selection: selection, &canvas)
      } else if case .plan(let selection) = state.mode, state.wizard.phase == .finished {
        PlanScreen(screen: self).draw(state, selection: selection, &canvas)
      } else {
        SummaryScreen(screen: self).draw(state, &canvas)
      }
    }
    terminal.present()
  }

  // MARK: - Shared parts

  /// The top two rows: breadcrumb, and a progress line with a bar.
  func header(_ state: AppState, _ canvas: inout Canvas, section: Int?) {
    let language = state.language.rawValue
    let title = questionnaire.text(questionnaire.title, language)
    var crumb = " " + title
    if let section {
      // The section matters more than the questionnaire's (long) title: keep it whole.
      let sectionTitle = questionnaire.text(questionnaire.sections[section].title, language)
      let room = max(12, canvas.width - 5 - DisplayWidth.of(sectionTitle))
      crumb =
        " " + DisplayWidth.truncate(title, to: min(room, canvas.width / 2)) + " › " + sectionTitle
    }
    canvas.fill(row: 0, style: TextStyle(reverse: true))
    // Who the changes are recorded for, at the right: a shared session's first question is
    // "whose name goes in the history?".
    let person = state.person.isEmpty ? "" : DisplayWidth.truncate(state.person, to: 24) + " "
    let personWidth = DisplayWidth.of(person)
    canvas.text(
      row: 0, column: 0,
      DisplayWidth.truncate(crumb, to: canvas.width - 1 - (personWidth > 0 ? personWidth + 2 : 0)),
      TextStyle(bold: true, reverse: true))
    if personWidth > 0 {
      canvas.text(
        row: 0, column: canvas.width - personWidth, person, TextStyle(reverse: true))
    }
    let progress = app.wizard.progress(state.wizard)
    var line = ""
    if let section, state.wizard.phase == .questions {
      let sections = app.wizard.visibleSections(state.wizard)
      line =
        "\(Phrase.question.text(state.language)) \(app.wizard.visibleRank(state.wizard))/\(app.wizard.visibleCount(state.wizard)) · "
        + "\(Phrase.section.text(state.language)) \((sections.firstIndex(of: section) ?? 0) + 1)/\(sections.count)"
    } else {
      // Verified answers: a carried one counts once confirmed, and those left are said.
      line = "\(progress.verified)/\(progress.applicable)"
      if progress.toReverify > 0 {
        line += " · " + PlanPhrase.progressToReverify.format(state.language, progress.toReverify)
      }
    }
    canvas.text(row: 1, column: 1, line, .plain)
    let barWidth = max(10, canvas.width - DisplayWidth.of(line) - 12)
    let filled = Int((progress.fraction * Double(barWidth)).rounded(.down))
    let bar =
      "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
      + "]"
    let percent = " \(Int((progress.fraction * 100).rounded(.down))) %"
    canvas.text(
      row: 1, column: canvas.width - barWidth - 2 - DisplayWidth.of(percent), bar,
      TextStyle(color: .good))
    canvas.text(row: 1, column: canvas.width - DisplayWidth.of(percent), percent, .plain)
  }

  /// The bottom rows: a notice, the save status, and the keys that work here.
  func footer(_ state: AppState, _ canvas: inout Canvas, keysText: String) {
    let height = canvas.height
    if let notice = state.notice {
      canvas.text(
        row: height - 4, column: 1, DisplayWidth.truncate(notice, to: canvas.width - 2),
        TextStyle(bold: true, color: .warning))
    }
    let status: String
    var style = TextStyle.dim
    switch state.wizard.saveStatus {
    case .notSaved: status = FrontEndText.notSavedYet.text(state.language)
    case .saved(let date): status = FrontEndText.savedAt.format(state.language, Self.time(date))
    case .failed(let message):
      status = Phrase.saveFailed.format(state.language, message)
      style = TextStyle(bold: true, reverse: !canvas.color, color: .danger)
    }
    canvas.text(
      row: height - 3, column: 1, DisplayWidth.truncate(status, to: canvas.width - 2), style)
    let lines = Self.wrapKeys(keysText, width: canvas.width - 2)
    for (index, line) in lines.prefix(2).enumerated() {
      canvas.fill(row: height - 2 + index, style: TextStyle(reverse: true))
      canvas.text(row: height - 2 + index, column: 1, line, TextStyle(reverse: true))
    }
  }

  /// Key hints split at double spaces onto at most two lines.
  static func wrapKeys(_ text: String, width: Int) -> [String] {
    var lines: [String] = [""]
    for item in text.components(separatedBy: "  ") where !item.isEmpty {
      let candidate = lines[lines.count - 1].isEmpty ? item : lines[lines.count - 1] + "  " + item
      if DisplayWidth.of(candidate) <= width || lines[lines.count - 1].isEmpty {
        lines[lines.count - 1] = DisplayWidth.truncate(candidate, to: width)
      } else {
        lines.append(item)
      }
    }
    return lines
  }

  /// The zone read once (`tzset`): `localtime_r` need not read it, and reading it again at each
  /// keystroke would look at /etc/localtime each time.
  private static let zoneRead: Void = tzset()

  /// Local time of day, `HH:mm:ss`, from the C library's local time (`TZ`, else /etc/localtime):
  /// this is drawn on every keystroke once a save has happened; a date formatter per call cost
  /// more than the rest of the screen, and Foundation's `TimeZone.current`, which gave the same,
  /// was a thirtieth of the work before the first frame.
  static func time(_ date: Date) -> String {
    _ = zoneRead
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var local = tm()
    let parts: [Int]
    if localtime_r(&seconds, &local) != nil {
      parts = [Int(local.tm_hour), Int(local.tm_min), Int(local.tm_sec)]
    } else {
      // Out of the C library's range: UTC.
      let second = (Int(seconds) % 86_400 + 86_400) % 86_400
      parts = [second / 3600, second / 60 % 60, second % 60]
    }
    return parts.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
  }

  /// Draws `lines` in rows `top..<bottom` from line `offset` (settled by ``Viewport``), with
  /// marks when there is more above or below. Returns the row of line `offset`.
  ///
  /// `cursorOn`: the line the terminal cursor goes to, at its start, when it is in view (the
  /// highlighted one): screen readers and magnifiers follow the cursor. A field being edited
  /// places the cursor again afterwards.
  @discardableResult
  func scrolled(
    _ lines: [(String, TextStyle)], offset: Int, top: Int, bottom: Int, _ canvas: inout Canvas,
    language: InterfaceLanguage, cursorOn: Int? = nil
  ) -> Int {
    let window = Viewport(offset: offset, total: lines.count, rows: bottom - top)
    let first = top + (window.showsAbove ? 1 : 0)
    for (row, index) in window.shown.enumerated() {
      canvas.text(row: first + row, column: 2, lines[index].0, lines[index].1)
      if index == cursorOn { canvas.terminal.placeCursor(row: first + row, column: 2) }
    }
    if window.showsAbove {
      canvas.text(row: top, column: canvas.width - 22, FrontEndText.moreAbove.text(language), .dim)
    }
    if window.showsBelow {
      canvas.text(
        row: bottom - 1, column: canvas.width - 22, FrontEndText.moreBelow.text(language), .dim)
    }
    return first
  }
}

/// A terminal with the screen's size and colour choice at hand.
struct Canvas {
  let terminal: Terminal
  let width: Int
  let height: Int
  let color: Bool

  func text(row: Int, column: Int, _ text: String, _ style: TextStyle) {
    terminal.draw(row: row, column: column, text, style: style)
  }

  func fill(row: Int, style: TextStyle) {
    terminal.draw(row: row, column: 0, String(repeating: " ", count: width), style: style)
  }
}
