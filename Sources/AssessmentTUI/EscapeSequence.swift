import AssessmentFrontEnd
import Foundation

/// The rest of a key that reached the program as Esc followed by characters: curses turns into
/// keys only the sequences its terminal description lists, and a terminal whose `TERM` says
/// something else (xterm-256color inside tmux sends Home as `Esc [ 1 ~`, not `Esc O H`), a mouse
/// report or a bracketed paste arrive as Esc and characters. Handed to the
/// screens one by one, the Esc closed the screen and a digit in the sequence recorded an answer:
/// here a sequence is read whole, turned into the key it stands for when it is a known one, and
/// dropped otherwise.
public enum EscapeSequence {
  /// What an Esc and the characters after it were.
  public enum Outcome: Equatable, Sendable {
    /// A key (`.escape` when Esc came alone).
    case key(Key)
    /// Esc, then a character that starts no sequence: a key pressed right after Esc (tmux or a
    /// fast typist), kept for the next read.
    case escapeThen(Character)
    /// A sequence to ignore, read whole.
    case ignored
  }

  /// What came after an Esc.
  ///
  /// `next(milliseconds)` gives the next character, or nil when none came within that time.
  /// `followUp`: how long to wait for a character after the Esc (a key's sequence is written in
  /// one piece, so what follows at once belongs to it; nothing within this time is Esc alone).
  public static func read(
    followUp: Int = 25, within: Int = 100, next: (Int) -> Character?
  ) -> Outcome {
    guard let first = next(followUp) else { return .key(.escape) }
    switch first {
    case "[", "O", "\u{1B}", "]", "P", "_", "^", "X":
      return sequence(first, followUp: followUp, within: within, next: next).map { .key($0) }
        ?? .ignored
    default:
      return .escapeThen(first)
    }
  }

  /// The sequence `first` introduces: its key, or nil to ignore it.
  private static func sequence(
    _ first: Character, followUp: Int, within: Int, next: (Int) -> Character?
  ) -> Key? {
    switch first {
    case "[":
      return controlSequence(within: within, next: next)
    case "O":
      guard let final = next(within) else { return nil }
      return singleShift(final)
    case "\u{1B}":
      // Esc twice is one Esc; Esc before a sequence (Alt with an arrow) is dropped whole.
      return read(followUp: followUp, within: within, next: next) == .key(.escape) ? .escape : nil
    case "]", "P", "_", "^", "X":
      // A string (an operating system command, a device control string...): up to BEL or ST.
      var previous: Character?
      for _ in 0..<4096 {
        guard let character = next(within) else { return nil }
        if character == "\u{07}" || (previous == "\u{1B}" && character == "\\") { return nil }
        previous = character
      }
      return nil
    default:
      return nil
    }
  }

  /// `Esc [` parameters, intermediates, a final character; `Esc [ M` and three characters (a
  /// mouse report in the oldest form); `Esc [ 200 ~` text `Esc [ 201 ~` (a bracketed paste).
  private static func controlSequence(within: Int, next: (Int) -> Character?) -> Key? {
    var parameters = ""
    for _ in 0..<64 {
      guard let character = next(within), let value = character.asciiValue else { return nil }
      switch value {
      case 0x30...0x3F, 0x20...0x2F:
        parameters.append(character)
      case 0x40...0x7E:
        if character == "M", parameters.isEmpty {
          for _ in 0..<3 { _ = next(within) }
          return nil
        }
        if character == "~", parameters == "200" { return paste(within: within, next: next) }
        return controlKey(final: character, parameters: parameters)
      default:
        return nil
      }
    }
    return nil
  }

  private static func controlKey(final: Character, parameters: String) -> Key? {
    let numbers = parameters.split(separator: ";").map { Int($0) }
    // A private parameter (`<`, `?`, `>`, `=`) is a report (the mouse's, a device's), never a key.
    if parameters.contains(where: { "<=>?".contains($0) }) { return nil }
    switch final {
    case "A": return .up
    case "B": return .down
    case "C": return .right
    case "D": return .left
    case "H": return .home
    case "F": return .end
    case "Z": return .backTab
    case "P": return .function(1)
    case "Q": return .function(2)
    case "R": return .function(3)
    case "S": return .function(4)
    case "~":
      guard let first = numbers.first, let code = first else { return nil }
      switch code {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      case 11...15: return .function(code - 10)
      case 17...21: return .function(code - 11)
      case 23, 24: return .function(code - 12)
      default: return nil
      }
    default:
      return nil
    }
  }

  /// `Esc O` and a character: the arrows, Home, End, F1-F4 and the keypad in application mode
  /// (whose digits are what was typed).
  private static func singleShift(_ final: Character) -> Key? {
    switch final {
    case "A": return .up
    case "B": return .down
    case "C": return .right
    case "D": return .left
    case "H": return .home
    case "F": return .end
    case "M": return .enter
    case "P": return .function(1)
    case "Q": return .function(2)
    case "R": return .function(3)
    case "S": return .function(4)
    case "p"..."y":
      let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
      let index = Int(final.asciiValue ?? 0) - Int(Character("p").asciiValue ?? 0)
      return digits.indices.contains(index) ? .character(digits[index]) : nil
    case "j": return .character("*")
    case "k": return .character("+")
    case "l": return .character(",")
    case "m": return .character("-")
    case "n": return .character(".")
    case "o": return .character("/")
    default: return nil
    }
  }

  /// The text of a bracketed paste, up to `Esc [ 201 ~` (or until nothing more comes).
  private static func paste(within: Int, next: (Int) -> Character?) -> Key? {
    let end: [Character] = ["\u{1B}", "[", "2", "0", "1", "~"]
    var text: [Character] = []
    while let character = next(within) {
      text.append(character)
      if text.count >= end.count, Array(text.suffix(end.count)) == end {
        text.removeLast(end.count)
        break
      }
    }
    // Terminals send a pasted line break as a carriage return.
    return .paste(
      String(text).replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\r", with: "\n"))
  }
}
