import Foundation

/// The one reader of numbers typed by the assessor (the answer to a `number` question).
///
/// Accepted: an optional sign, digits with spaces between groups (`12 000`, also with a
/// no-break, narrow no-break or thin space), a decimal point (`12.5`, in every language) or, in
/// French and Dutch, a decimal comma (`12,5`), and an exponent (`1.5e3`). Refused, each with its
/// own message: anything else (hexadecimal `0x1A`, `nan`, `inf`, a comma in English), a value
/// too large to be kept exactly (an integer part beyond 2^53, where whole numbers start to be
/// rounded; `1e999`), a value outside the question's bounds, a fraction where a whole number is
/// asked for. Nothing is rounded.
public enum NumberInput {
  /// The largest magnitude kept exactly: every whole number up to 2^53 is a `Double`.
  public static let largestExact: Double = 9_007_199_254_740_992

  public enum Failure: Error, Equatable, Sendable {
    /// Not a number; `hint` says what the language accepts.
    case notANumber
    /// `0x…`: hexadecimal.
    case hexadecimal
    /// A comma in English, or two decimal separators.
    case ambiguousSeparator
    /// Beyond ``largestExact`` (or beyond what a `Double` holds at all).
    case tooLarge
    case belowMinimum(Double)
    case aboveMaximum(Double)
    case notInteger

    /// The message about `text`, in an interface language.
    public func message(_ text: String, _ language: InterfaceLanguage) -> String {
      let shown = "\u{201C}\(text)\u{201D}"
      let pick = language.pick
      switch self {
      case .notANumber:
        return pick(
          "« \(text) » n'est pas un nombre : écrivez par exemple 12 000 ou 12,5",
          "\(shown) is not a number: write for example 12000, 12 000 or 12.5",
          "‘\(text)’ is geen getal: schrijf bijvoorbeeld 12 000 of 12,5")
      case .hexadecimal:
        return pick(
          "« \(text) » est en hexadécimal : écrivez le nombre en décimal",
          "\(shown) is hexadecimal: write the number in decimal",
          "‘\(text)’ is hexadecimaal: schrijf het getal decimaal")
      case .ambiguousSeparator:
        return pick(
          "« \(text) » : un seul séparateur décimal (virgule ou point), et une espace entre les milliers",
          "\(shown): use a point for decimals (12.5) and a space between thousands (12 000)",
          "‘\(text)’: één decimaalteken (komma of punt), en een spatie tussen de duizendtallen")
      case .tooLarge:
        let limit = NumberInput.format(NumberInput.largestExact, language)
        return pick(
          "« \(text) » est trop grand : les nombres sont conservés exactement jusqu'à \(limit)",
          "\(shown) is too large: numbers are kept exactly up to \(limit)",
          "‘\(text)’ is te groot: getallen worden exact bewaard tot \(limit)")
      case .belowMinimum(let minimum):
        let bound = NumberInput.format(minimum, language)
        return pick(
          "« \(text) » est trop petit : au moins \(bound)",
          "\(shown) is too small: at least \(bound)",
          "‘\(text)’ is te klein: minstens \(bound)")
      case .aboveMaximum(let maximum):
        let bound = NumberInput.format(maximum, language)
        return pick(
          "« \(text) » est trop grand : au plus \(bound)",
          "\(shown) is too large: at most \(bound)",
          "‘\(text)’ is te groot: hoogstens \(bound)")
      case .notInteger:
        return pick(
          "« \(text) » : un nombre entier est demandé",
          "\(shown): a whole number is asked for",
          "‘\(text)’: een geheel getal is gevraagd")
      }
    }
  }

  /// Reads `text` as the answer to `question` (its bounds and `integer`).
  public static func parse(_ text: String, for question: Question, language: InterfaceLanguage)
    -> Result<Double, Failure>
  {
    parse(
      text, language: language, minimum: question.minimum, maximum: question.maximum,
      integer: question.integer)
  }

  /// Reads `text` as a number typed in `language`, within the bounds given.
  public static func parse(
    _ text: String, language: InterfaceLanguage, minimum: Double? = nil, maximum: Double? = nil,
    integer: Bool = false
  ) -> Result<Double, Failure> {
    let value: Double
    switch read(text, decimalComma: language != .en) {
    case .failure(let failure): return .failure(failure)
    case .success(let number): value = number
    }
    if integer, value.rounded(.towardZero) != value { return .failure(.notInteger) }
    if let minimum, value < minimum { return .failure(.belowMinimum(minimum)) }
    if let maximum, value > maximum { return .failure(.aboveMaximum(maximum)) }
    return .success(value)
  }

  private static let groupSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

  /// The grammar: `[+-] digits (space digits)* [(.|,) digits] [(e|E) [+-] digits]`, with
  /// digits before or after the separator.
  private static func read(_ text: String, decimalComma: Bool) -> Result<Double, Failure> {
    var scalars = Array(text.unicodeScalars)
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    let lowered = String(String.UnicodeScalarView(scalars)).lowercased()
    if lowered.hasPrefix("0x") || lowered.hasPrefix("-0x") || lowered.hasPrefix("+0x") {
      return .failure(.hexadecimal)
    }
    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    var normalized = ""
    var index = 0
    if index < scalars.count,
      scalars[index] == "-" || scalars[index] == "+" || scalars[index] == "\u{2212}"
    {
      if scalars[index] != "+" { normalized.append("-") }
      index += 1
    }
    var integerDigits = 0
    var integerPart = ""
    var fractionDigits = 0
    var separators = 0
    var inExponent = false
    var exponentDigits = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if isDigit(scalar) {
        normalized.unicodeScalars.append(scalar)
        if inExponent {
          exponentDigits += 1
        } else if separators == 0 {
          integerDigits += 1
          if !(integerPart.isEmpty && scalar == "0") { integerPart.unicodeScalars.append(scalar) }
        } else {
          fractionDigits += 1
        }
      } else if groupSpaces.contains(scalar), !inExponent, separators == 0, integerDigits > 0,
        index + 1 < scalars.count, isDigit(scalars[index + 1])
      {
        // A space between groups of the integer part.
      } else if scalar == "." || scalar == "," {
        guard !inExponent else { return .failure(.notANumber) }
        separators += 1
        if separators > 1 || (scalar == "," && !decimalComma) {
          return .failure(.ambiguousSeparator)
        }
        normalized.append(".")
      } else if scalar == "e" || scalar == "E", !inExponent, integerDigits + fractionDigits > 0 {
        inExponent = true
        normalized.append("e")
        if index + 1 < scalars.count, scalars[index + 1] == "-" || scalars[index + 1] == "+" {
          normalized.unicodeScalars.append(scalars[index + 1])
          index += 1
        }
      } else {
        return .failure(.notANumber)
      }
      index += 1
    }
    guard integerDigits + fractionDigits > 0, !inExponent || exponentDigits > 0 else {
      return .failure(.notANumber)
    }
    // An exponent of thousands of digits is too large (or too small) whatever its mantissa.
    guard let value = Double(normalized) else { return .failure(.tooLarge) }
    guard value.isFinite, abs(value) <= largestExact else { return .failure(.tooLarge) }
    // A whole part beyond 2^53 may have been rounded to it (9007199254740993 reads as 2^53):
    // compared as digits; with an exponent, 2^53 itself is refused, being where rounding starts.
    if inExponent {
      if abs(value) >= largestExact { return .failure(.tooLarge) }
    } else if integerPart.count > 16
      || (integerPart.count == 16 && integerPart > "9007199254740992")
    {
      return .failure(.tooLarge)
    }
    return .success(value == 0 ? 0 : value)
  }

  /// A number as the assessor would write it: whole numbers without a fraction, groups of three
  /// digits separated by a space in French and Dutch, a decimal comma in French and Dutch.
  public static func format(_ value: Double, _ language: InterfaceLanguage) -> String {
    var text: String
    if value == value.rounded(), abs(value) <= largestExact {
      let digits = String(Int64(abs(value)))
      var grouped = ""
      for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 {
          grouped.append(language == .en ? "," : "\u{00A0}")
        }
        grouped.append(character)
      }
      text = (value < 0 ? "-" : "") + grouped
    } else {
      text = String(value)
      if language != .en { text = text.replacingOccurrences(of: ".", with: ",") }
    }
    return text
  }
}
