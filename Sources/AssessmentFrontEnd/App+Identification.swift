import AssessmentCore
import Foundation

/// The identification form's keys.
extension App {
  // MARK: - Identification form

  func handleForm(_ state: inout AppState, _ key: Key, now: Date) -> [WizardEffect] {
    let fields = SessionMetadata.Field.allCases
    func move(_ state: inout AppState, to index: Int) -> [WizardEffect] {
      let effects = handOver(&state, now: now) ?? []
      openForm(&state, fields[(index + fields.count) % fields.count], now: now)
      return effects
    }
    if case .help(let scroll) = state.mode {
      // The questionnaire's description whole: scrolled, any other key goes back to the form.
      let total = aboutLines(state, width: state.width - 4).count
      let last = Viewport.maxOffset(total: total, rows: state.listRows)
      let page = Viewport.page(rows: state.listRows)
      switch Self.aboutKeys.action(for: key) ?? .close {
      case .previous: state.mode = .help(scroll: max(0, min(scroll, last) - 1))
      case .next: state.mode = .help(scroll: min(last, scroll + 1))
      case .pageUp: state.mode = .help(scroll: max(0, min(scroll, last) - page))
      case .pageDown: state.mode = .help(scroll: min(last, scroll + page))
      case .first: state.mode = .help(scroll: 0)
      case .last: state.mode = .help(scroll: last)
      case .quit: return quit(&state, now: now)
      case .close: state.mode = .browsing
      }
      return []
    }
    switch Self.formKeys.action(for: key) ?? .type {
    case .about:
      state.mode = .help(scroll: 0)
      return []
    case .quit:
      return quit(&state, now: now)
    case .nextField:
      return move(&state, to: state.formField + 1)
    case .previousField:
      return move(&state, to: state.formField - 1)
    case .confirm:
      var effects = handOver(&state, now: now) ?? []
      let missing = wizard.missingIdentification(state.wizard)
      if missing.isEmpty {
        state.field = nil
        effects += send(&state, .identificationConfirmed(at: now))
      } else {
        let wasFirst = state.formField == 0
        openForm(&state, missing[0], now: now)
        if missing.count < fields.count || !wasFirst || state.formField != 0 {
          state.notice = Phrase.identificationMissing.format(
            state.language,
            missing.map { questionnaire.identificationLabel($0, state.language) }.joined(
              separator: ", "))
        }
      }
      return effects
    case .type:
      state.field?.editor.apply(key)
      return []
    }
  }
}

extension App {
  /// The questionnaire's title and description, as the identification form shows them.
  public func aboutText(_ language: InterfaceLanguage) -> String {
    questionnaire.text(questionnaire.title, language.rawValue) + " — "
      + (questionnaire.description.map { questionnaire.text($0, language.rawValue) } ?? "")
  }

  /// The title and description whole (F1 from the form), for a description cut on the form.
  public func aboutLines(_ state: AppState, width: Int) -> [(String, TextStyle)] {
    [
      (Phrase.descriptionTitle.text(state.language), TextStyle(bold: true, color: .accent)),
      ("", .plain),
    ]
      + DisplayWidth.wrap(aboutText(state.language), width: width).map { ($0, .plain) }
  }
}
