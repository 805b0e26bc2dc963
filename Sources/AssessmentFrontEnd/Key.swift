import Foundation

/// How a piece of text is drawn. Colours are roles; a terminal without colour (or with
/// `NO_COLOR`) draws them with the attributes alone.
public struct TextStyle: Equatable, Sendable {
  public var bold = false
  public var reverse = false
  public var underline = false
  public var dim = false
  public var color: ColorRole?

  public init(
    bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
    color: ColorRole? = nil
  ) {
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
    self.color = color
  }

  public static let plain = TextStyle()
  public static let bold = TextStyle(bold: true)
  public static let reverse = TextStyle(reverse: true)
  public static let underline = TextStyle(underline: true)
  public static let dim = TextStyle(dim: true)
}

public enum ColorRole: Int, CaseIterable, Sendable {
  case accent = 1, good, warning, danger, critical
}

/// A key the assessor pressed.
public enum Key: Equatable, Sendable {
  case character(Character)
  /// Ctrl plus a letter, e.g. `.control("s")`.
  case control(Character)
  case up, down, left, right, home, end, pageUp, pageDown
  case enter, tab, backTab, backspace, delete, escape
  case function(Int)
  /// The terminal changed size.
  case resize
  /// Text pasted in one piece (a bracketed paste): typed into the field being edited, ignored
  /// anywhere else, so that a digit in it never records an answer.
  case paste(String)
}
