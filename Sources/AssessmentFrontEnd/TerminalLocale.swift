import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The character set the terminal is written in. The interface language is not decided here (it
/// comes from the environment, `InterfaceLanguage.from`): a LANG whose locale is not installed
/// keeps its language, and only the terminal falls back.
public enum TerminalLocale {
  public enum Charset: Equatable, Sendable {
    /// UTF-8, in the locale named (the user's, or a UTF-8 fallback).
    case utf8(locale: String)
    /// No UTF-8 locale: ASCII replacements for accents, arrows, bars and box drawing.
    case ascii
  }

  /// The UTF-8 locales tried, in order, when the one the environment asks for is not installed.
  static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

  /// Sets the process locale from the environment (`setlocale(LC_ALL, "")`). When that fails for
  /// a UTF-8 locale that is not installed (e.g. `LANG=fr_BE.UTF-8` on a server), a UTF-8 locale
  /// that is installed is used instead, so that ncursesw still writes UTF-8 instead of garbage.
  /// A locale that is not UTF-8, or no UTF-8 locale at all, gives ASCII.
  @discardableResult
  public static func setUp(variable: (String) -> String? = ProcessEnvironment.value) -> Charset {
    decide(
      requested: requestedName(variable),
      apply: { name in setlocale(LC_ALL, name) != nil },
      codeset: { String(cString: nl_langinfo(nl_item(CODESET))) })
  }

  /// The locale the environment asks for characters: `LC_ALL`, `LC_CTYPE`, `LANG` (the first set).
  static func requestedName(_ variable: (String) -> String?) -> String {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = variable(name), !value.isEmpty { return value }
    }
    return ""
  }

  /// The decision, with the C library injected. `apply("")` means the environment's locale.
  static func decide(requested: String, apply: (String) -> Bool, codeset: () -> String) -> Charset {
    if apply("") {
      return isUTF8(codeset()) ? .utf8(locale: requested.isEmpty ? "C" : requested) : .ascii
    }
    if isUTF8(requested) {
      for fallback in fallbacks where apply(fallback) && isUTF8(codeset()) {
        return .utf8(locale: fallback)
      }
    }
    _ = apply("C")
    return .ascii
  }

  static func isUTF8(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered.contains("utf-8") || lowered.contains("utf8")
  }
}

/// Text for a terminal without UTF-8: accents dropped (é → e), and every mark the screens draw
/// (arrows, bars, box drawing, quotes, dashes) replaced by one ASCII character of the same width,
/// so that columns computed on the original text stay aligned. Anything else becomes `?`.
public enum ASCIIText {
  static let replacements: [Character: String] = [
    "—": "-", "–": "-", "‑": "-", "−": "-", "…": "~", "·": ".", "•": "*", "›": ">", "‹": "<",
    "«": "\"", "»": "\"", "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": "'",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "▲": "^", "▼": "v", "█": "#", "░": ".", "▒": ":",
    "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+",
    "┴": "+", "┼": "+", "═": "=", "║": "|", "⚑": "!", "✓": "v", "✔": "v", "✗": "x", "×": "x",
    "\u{00A0}": " ", "\u{202F}": " ", "\u{2009}": " ", "§": "#", "€": "E", "°": "o", "ß": "s",
    "œ": "o", "Œ": "O", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O",
  ]

  /// The text in ASCII.
  public static func fold(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    var result = ""
    for character in text {
      if character.isASCII {
        result.append(character)
      } else if let replacement = replacements[character] {
        result += replacement
      } else {
        // A letter with accents: its base letter, when decomposing gives one.
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first
        if let base, base.isASCII, base.properties.isAlphabetic {
          result.unicodeScalars.append(base)
        } else {
          result += String(repeating: "?", count: max(1, DisplayWidth.of(character)))
        }
      }
    }
    return result
  }
}
