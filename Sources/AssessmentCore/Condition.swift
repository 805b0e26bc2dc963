import Foundation

/// A condition over answers, such as `personal_data == yes && deployment_model in [public, hybrid]`.
///
/// Conditions are parsed (``ConditionParser``), never evaluated as code. See
/// `docs/questionnaire-format.md` for the language.
public indirect enum Condition: Equatable, Hashable, Sendable {
  /// A `yesno` question answered `yes`.
  case isYes(String)
  /// The question is answered with `value` (for `multiple`: `value` is among the chosen options).
  case equals(String, String)
  /// The question is answered with one of `values`.
  case isIn(String, [String])
  /// A `number` question compared with a constant.
  case compare(String, ComparisonOperator, Double)
  case answered(String)
  case not(Condition)
  case and(Condition, Condition)
  case or(Condition, Condition)

  /// The question ids the condition reads.
  public var questionIDs: Set<String> {
    switch self {
    case .isYes(let id), .equals(let id, _), .isIn(let id, _), .compare(let id, _, _),
      .answered(let id):
      return [id]
    case .not(let inner): return inner.questionIDs
    case .and(let lhs, let rhs), .or(let lhs, let rhs):
      return lhs.questionIDs.union(rhs.questionIDs)
    }
  }

  /// Evaluates the condition; `answer` gives the current answer of a question, or nil when it has
  /// none (or when it does not apply).
  public func evaluate(_ answer: (String) -> AnswerValue?) -> Bool {
    switch self {
    case .isYes(let id):
      return answer(id)?.matches("yes") ?? false
    case .equals(let id, let value):
      return answer(id)?.matches(value) ?? false
    case .isIn(let id, let values):
      guard let given = answer(id) else { return false }
      return values.contains { given.matches($0) }
    case .compare(let id, let op, let constant):
      guard case .number(let number)? = answer(id) else { return false }
      return op.apply(number, constant)
    case .answered(let id):
      return answer(id) != nil
    case .not(let inner):
      return !inner.evaluate(answer)
    case .and(let lhs, let rhs):
      return lhs.evaluate(answer) && rhs.evaluate(answer)
    case .or(let lhs, let rhs):
      return lhs.evaluate(answer) || rhs.evaluate(answer)
    }
  }
}

public enum ComparisonOperator: String, Equatable, Hashable, Sendable {
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="

  func apply(_ lhs: Double, _ rhs: Double) -> Bool {
    switch self {
    case .less: return lhs < rhs
    case .lessOrEqual: return lhs <= rhs
    case .greater: return lhs > rhs
    case .greaterOrEqual: return lhs >= rhs
    }
  }
}

extension Condition: CustomStringConvertible {
  /// The condition in the questionnaire language, fully parenthesised where precedence requires.
  public var description: String { render(parentPrecedence: 0) }

  private var precedence: Int {
    switch self {
    case .or: return 1
    case .and: return 2
    default: return 3
    }
  }

  private func render(parentPrecedence: Int) -> String {
    let text: String
    switch self {
    case .isYes(let id): text = id
    case .equals(let id, let value): text = "\(id) == \(value)"
    case .isIn(let id, let values): text = "\(id) in [\(values.joined(separator: ", "))]"
    case .compare(let id, let op, let constant):
      text = "\(id) \(op.rawValue) \(Condition.format(constant))"
    case .answered(let id): text = "answered(\(id))"
    case .not(.equals(let id, let value)): text = "\(id) != \(value)"
    case .not(.isIn(let id, let values)):
      text = "\(id) not in [\(values.joined(separator: ", "))]"
    case .not(let inner): text = "!" + inner.render(parentPrecedence: 3)
    case .and(let lhs, let rhs):
      text = lhs.render(parentPrecedence: 2) + " && " + rhs.render(parentPrecedence: 2)
    case .or(let lhs, let rhs):
      text = lhs.render(parentPrecedence: 1) + " || " + rhs.render(parentPrecedence: 1)
    }
    return precedence < parentPrecedence ? "(\(text))" : text
  }

  static func format(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }
}
