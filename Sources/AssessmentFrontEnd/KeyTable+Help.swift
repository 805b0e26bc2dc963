import AssessmentCore

extension Array {
  /// The help's lines for this table, one per binding with a help text: its keys and those of
  /// the bindings without one that follow it (↓ j with ↑ k), then what they do.
  public func helpLines<Action>(_ language: InterfaceLanguage) -> [String]
  where Element == KeyBinding<Action> {
    var groups: [(keys: [Key], help: (String, String, String))] = []
    for binding in self {
      if let help = binding.help {
        groups.append((binding.keys, help))
      } else if !groups.isEmpty {
        groups[groups.count - 1].keys += binding.keys
      }
    }
    return groups.map { group in
      let text: String
      switch language {
      case .fr: text = group.help.0
      case .en: text = group.help.1
      case .nl: text = group.help.2
      }
      return Key.helpNames(group.keys, language) + language.colon + text
    }
  }
}

extension Key {
  /// How the help names the key in a language.
  public func name(_ language: InterfaceLanguage) -> String {
    let (fr, nl): (String, String)
    switch self {
    case .enter: (fr, nl) = ("Entrée", "Enter")
    case .delete: (fr, nl) = ("Suppr", "Del")
    case .backspace: (fr, nl) = ("Retour arrière", "Backspace")
    case .character(" "): (fr, nl) = ("Espace", "Spatie")
    case .escape: (fr, nl) = ("Échap", "Esc")
    case .pageUp: (fr, nl) = ("PgPréc", "PgUp")
    case .pageDown: (fr, nl) = ("PgSuiv", "PgDn")
    case .backTab: (fr, nl) = ("Maj-Tab", "Shift-Tab")
    case .home: (fr, nl) = ("Début", "Home")
    case .end: (fr, nl) = ("Fin", "End")
    default: return readmeName
    }
    switch language {
    case .fr: return fr
    case .en: return self == .delete ? "Del" : readmeName
    case .nl: return nl
    }
  }

  /// The keys' names, a run of digits named by its ends (1–9).
  static func helpNames(_ keys: [Key], _ language: InterfaceLanguage) -> String {
    var names: [String] = []
    var digits: [Character] = []
    func flush() {
      if let first = digits.first, let last = digits.last {
        names.append(digits.count > 1 ? "\(first)–\(last)" : String(first))
      }
      digits = []
    }
    for key in keys {
      if case .character(let character) = key, character.isNumber {
        digits.append(character)
        continue
      }
      flush()
      names.append(key.name(language))
    }
    flush()
    return names.joined(separator: " ")
  }
}

extension App {
  /// The help's Keys section: the question screen's, the review's, the summary's (with the keys
  /// only a finished assessment's summary binds) and the action plan form's keys, each made from
  /// its table, under its title.
  public static func keyHelp(_ language: InterfaceLanguage) -> [(title: String, lines: [String])] {
    let summaryOnlyFinished = finishedSummaryKeys.filter { binding in
      !binding.keys.contains { key in summaryKeys.contains { $0.keys.contains(key) } }
    }
    return [
      (KeyText.questionKeysTitle.text(language), questionKeys.helpLines(language)),
      (KeyText.reviewKeysTitle.text(language), reviewKeys.helpLines(language)),
      (
        KeyText.summaryKeysTitle.text(language),
        summaryKeys.helpLines(language) + summaryOnlyFinished.helpLines(language)
      ),
      (KeyText.planKeysTitle.text(language), planFormKeys.helpLines(language)),
    ]
  }
}
