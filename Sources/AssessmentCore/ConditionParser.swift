import Foundation

/// A syntax error in a condition; `column` counts characters from 1.
public struct ConditionSyntaxError: Error, Equatable, Sendable {
  public var message: String
  public var column: Int

  public init(message: String, column: Int) {
    self.message = message
    self.column = column
  }
}

/// A place in a condition where a question (and possibly answer values) is named.
public struct ConditionReference: Equatable, Sendable {
  public var questionID: String
  public var values: [String]
  /// 1-based column of the question id in the condition text.
  public var column: Int
  /// The kind of use, to check it against the question's type.
  public var use: Use
  /// 1-based column of each of `values` in the condition text.
  public var valueColumns: [Int] = []

  public enum Use: Equatable, Sendable {
    case truth, value, comparison, answered
  }
}

/// Parses the condition language of `docs/questionnaire-format.md`.
///
/// Grammar (`!` binds tightest, then `&&`, then `||`):
/// ```
/// or      := and ("||" and)*
/// and     := unary ("&&" unary)*
/// unary   := "!" unary | primary
/// primary := "(" or ")" | "answered" "(" ident ")" | ident [("=="|"!=") value
///            | ["not"] "in" "[" value ("," value)* "]" | ("<"|"<="|">"|">=") number]
/// ```
public struct ConditionParser {
  /// Deeper nesting than this is refused, so hostile input cannot exhaust the stack.
  public static let maximumDepth = 64
  /// Longer conditions are refused.
  public static let maximumLength = 4_096

  public struct Result: Equatable, Sendable {
    public var condition: Condition
    public var references: [ConditionReference]
  }

  public static func parse(_ source: String) throws(ConditionSyntaxError) -> Result {
    guard source.utf8.count <= maximumLength || source.count <= maximumLength else {
      throw ConditionSyntaxError(
        message: "condition is longer than \(maximumLength) characters", column: maximumLength)
    }
    // Tokenized, the source is ASCII (any other character is an error): bytes are characters.
    var parser = ConditionParser(tokens: try tokenize(source), endColumn: source.utf8.count + 1)
    guard !parser.tokens.isEmpty else {
      throw ConditionSyntaxError(message: "empty condition", column: 1)
    }
    let condition = try parser.parseOr(depth: 0)
    if let extra = parser.peek {
      throw ConditionSyntaxError(message: "unexpected \(extra.kind.quoted)", column: extra.column)
    }
    return Result(condition: condition, references: parser.references)
  }

  // MARK: - Tokens

  struct Token: Equatable {
    enum Kind: Equatable {
      case identifier(String), number(String)
      case and, or, not, equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
      case openParen, closeParen, openBracket, closeBracket, comma

      var quoted: String {
        switch self {
        case .identifier(let name): return "'\(name)'"
        case .number(let text): return "'\(text)'"
        case .and: return "'&&'"
        case .or: return "'||'"
        case .not: return "'!'"
        case .equal: return "'=='"
        case .notEqual: return "'!='"
        case .less: return "'<'"
        case .lessOrEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterOrEqual: return "'>='"
        case .openParen: return "'('"
        case .closeParen: return "')'"
        case .openBracket: return "'['"
        case .closeBracket: return "']'"
        case .comma: return "','"
        }
      }
    }
    var kind: Kind
    var column: Int
  }

  private static func twoCharacterKind(_ first: UInt8, _ second: UInt8) -> Token.Kind? {
    switch (first, second) {
    case (UInt8(ascii: "&"), UInt8(ascii: "&")): return .and
    case (UInt8(ascii: "|"), UInt8(ascii: "|")): return .or
    case (UInt8(ascii: "="), UInt8(ascii: "=")): return .equal
    case (UInt8(ascii: "!"), UInt8(ascii: "=")): return .notEqual
    case (UInt8(ascii: "<"), UInt8(ascii: "=")): return .lessOrEqual
    case (UInt8(ascii: ">"), UInt8(ascii: "=")): return .greaterOrEqual
    default: return nil
    }
  }

  private static func oneCharacterKind(_ byte: UInt8) -> Token.Kind? {
    switch byte {
    case UInt8(ascii: "!"): return .not
    case UInt8(ascii: "<"): return .less
    case UInt8(ascii: ">"): return .greater
    case UInt8(ascii: "("): return .openParen
    case UInt8(ascii: ")"): return .closeParen
    case UInt8(ascii: "["): return .openBracket
    case UInt8(ascii: "]"): return .closeBracket
    case UInt8(ascii: ","): return .comma
    default: return nil
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// A character of an identifier or a value after its first.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: ".")
  }

  /// The tokens of `source`, over its UTF-8 bytes. Every token is ASCII and the first byte that is
  /// not ASCII is an error, so up to every error a byte's offset is its character's: columns
  /// count characters.
  static func tokenize(_ source: String) throws(ConditionSyntaxError) -> [Token] {
    let bytes = Array(source.utf8)
    var tokens: [Token] = []
    var position = 0
    while position < bytes.count {
      let byte = bytes[position]
      let next: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
      let column = position + 1
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
        position += 1
        continue
      }
      if let kind = twoCharacterKind(byte, next) {
        tokens.append(Token(kind: kind, column: column))
        position += 2
        continue
      }
      if let kind = oneCharacterKind(byte) {
        tokens.append(Token(kind: kind, column: column))
        position += 1
        continue
      }
      if isLetter(byte) || byte == UInt8(ascii: "_") {
        var end = position
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        tokens.append(
          Token(
            kind: .identifier(String(decoding: bytes[position..<end], as: UTF8.self)),
            column: column))
        position = end
        continue
      }
      if isDigit(byte) || (byte == UInt8(ascii: "-") && isDigit(next)) {
        // A number, or a value that starts with a digit: every option id (`10-50`, `1a`,
        // `1.5.2`) can be named. It is a number only when it reads as one.
        var end = position + 1
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        let isNumber =
          Double(text) != nil
          && text.utf8.allSatisfy {
            isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
          }
        tokens.append(Token(kind: isNumber ? .number(text) : .identifier(text), column: column))
        position = end
        continue
      }
      if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "=") {
        let character = Character(Unicode.Scalar(byte))
        throw ConditionSyntaxError(
          message: "unexpected '\(character)' (did you mean '\(character)\(character)'?)",
          column: column)
      }
      // The whole character (a carriage return with its line feed, a letter with its accents).
      let character = source[source.utf8.index(source.utf8.startIndex, offsetBy: position)]
      throw ConditionSyntaxError(message: "unexpected character '\(character)'", column: column)
    }
    return tokens
  }

  // MARK: - Parsing

  private var tokens: [Token]
  private var position = 0
  private let endColumn: Int
  private var references: [ConditionReference] = []

  private init(tokens: [Token], endColumn: Int) {
    self.tokens = tokens
    self.endColumn = endColumn
  }

  private var peek: Token? { position < tokens.count ? tokens[position] : nil }

  private mutating func advance() -> Token? {
    defer { position += 1 }
    return peek
  }

  private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ConditionSyntaxError)
    -> Token
  {
    guard let token = peek else {
      throw ConditionSyntaxError(message: "expected \(what) at the end", column: endColumn)
    }
    guard token.kind == kind else {
      throw ConditionSyntaxError(
        message: "expected \(what), found \(token.kind.quoted)", column: token.column)
    }
    position += 1
    return token
  }

  private func checkDepth(_ depth: Int, column: Int) throws(ConditionSyntaxError) {
    if depth > Self.maximumDepth {
      throw ConditionSyntaxError(
        message: "condition nested deeper than \(Self.maximumDepth) levels", column: column)
    }
  }

  private mutating func parseOr(depth: Int) throws(ConditionSyntaxError) -> Condition {
    var result = try parseAnd(depth: depth)
    while peek?.kind == .or {
      position += 1
      result = .or(result, try parseAnd(depth: depth))
    }
    return result
  }

  private mutating func parseAnd(depth: Int) throws(ConditionSyntaxError) -> Condition {
    var result = try parseUnary(depth: depth)
    while peek?.kind == .and {
      position += 1
      result = .and(result, try parseUnary(depth: depth))
    }
    return result
  }

  private mutating func parseUnary(depth: Int) throws(ConditionSyntaxError) -> Condition {
    if let token = peek, token.kind == .not {
      try checkDepth(depth + 1, column: token.column)
      position += 1
      return .not(try parseUnary(depth: depth + 1))
    }
    return try parsePrimary(depth: depth)
  }

  private mutating func parsePrimary(depth: Int) throws(ConditionSyntaxError) -> Condition {
    guard let token = advance() else {
      throw ConditionSyntaxError(
        message: "expected a question id, '!' or '(' at the end", column: endColumn)
    }
    switch token.kind {
    case .openParen:
      try checkDepth(depth + 1, column: token.column)
      let inner = try parseOr(depth: depth + 1)
      _ = try expect(.closeParen, "')'")
      return inner
    case .identifier("answered") where peek?.kind == .openParen:
      position += 1
      let (id, column) = try identifier("a question id")
      _ = try expect(.closeParen, "')'")
      references.append(
        ConditionReference(questionID: id, values: [], column: column, use: .answered))
      return .answered(id)
    case .identifier(let id):
      return try parseComparison(id, column: token.column)
    default:
      throw ConditionSyntaxError(
        message: "expected a question id, '!' or '(', found \(token.kind.quoted)",
        column: token.column)
    }
  }

  private mutating func parseComparison(_ id: String, column: Int) throws(ConditionSyntaxError)
    -> Condition
  {
    guard let token = peek else {
      references.append(ConditionReference(questionID: id, values: [], column: column, use: .truth))
      return .isYes(id)
    }
    switch token.kind {
    case .equal, .notEqual:
      position += 1
      let (value, valueColumn) = try value()
      references.append(
        ConditionReference(
          questionID: id, values: [value], column: column, use: .value, valueColumns: [valueColumn])
      )
      return token.kind == .equal ? .equals(id, value) : .not(.equals(id, value))
    case .identifier("in"):
      position += 1
      let list = try valueList()
      let values = list.map(\.0)
      references.append(
        ConditionReference(
          questionID: id, values: values, column: column, use: .value, valueColumns: list.map(\.1)))
      return .isIn(id, values)
    case .identifier("not"):
      position += 1
      guard case .identifier("in")? = peek?.kind else {
        throw ConditionSyntaxError(
          message: "expected 'in' after 'not'", column: peek?.column ?? endColumn)
      }
      position += 1
      let list = try valueList()
      let values = list.map(\.0)
      references.append(
        ConditionReference(
          questionID: id, values: values, column: column, use: .value, valueColumns: list.map(\.1)))
      return .not(.isIn(id, values))
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      position += 1
      guard let next = advance(), case .number(let text) = next.kind, let number = Double(text)
      else {
        throw ConditionSyntaxError(
          message: "expected a number after \(token.kind.quoted)",
          column: tokens.indices.contains(position - 1) ? tokens[position - 1].column : endColumn)
      }
      let op: ComparisonOperator =
        switch token.kind {
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        default: .greaterOrEqual
        }
      references.append(
        ConditionReference(questionID: id, values: [], column: column, use: .comparison))
      return .compare(id, op, number)
    default:
      references.append(ConditionReference(questionID: id, values: [], column: column, use: .truth))
      return .isYes(id)
    }
  }

  private mutating func identifier(_ what: String) throws(ConditionSyntaxError) -> (String, Int) {
    guard let token = advance() else {
      throw ConditionSyntaxError(message: "expected \(what) at the end", column: endColumn)
    }
    guard case .identifier(let name) = token.kind else {
      throw ConditionSyntaxError(
        message: "expected \(what), found \(token.kind.quoted)", column: token.column)
    }
    return (name, token.column)
  }

  private mutating func value() throws(ConditionSyntaxError) -> (String, Int) {
    guard let token = advance() else {
      throw ConditionSyntaxError(message: "expected a value at the end", column: endColumn)
    }
    switch token.kind {
    case .identifier(let name), .number(let name): return (name, token.column)
    default:
      throw ConditionSyntaxError(
        message: "expected a value, found \(token.kind.quoted)", column: token.column)
    }
  }

  private mutating func valueList() throws(ConditionSyntaxError) -> [(String, Int)] {
    _ = try expect(.openBracket, "'['")
    var values = [try value()]
    while peek?.kind == .comma {
      position += 1
      values.append(try value())
    }
    _ = try expect(.closeBracket, "']' or ','")
    return values
  }
}
