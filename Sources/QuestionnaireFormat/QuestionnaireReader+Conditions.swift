// The reader's conditions: their parsing, and the check of what they refer to.
import AssessmentCore
import Foundation

extension QuestionnaireReader {
  mutating func parseCondition(
    _ node: Node?, ownerID: String, limit: Int, guarded: String?,
    _ pending: inout [PendingCondition]
  ) -> Condition? {
    guard let node, let source = string(node, "when", id: ownerID) else { return nil }
    do {
      let result = try ConditionParser.parse(source)
      pending.append(
        PendingCondition(
          result: result, node: node, ownerID: ownerID, limit: limit, guardedQuestion: guarded))
      return result.condition
    } catch {
      problem(
        node, conditionColumn: error.column, conditionMessage(error, source: source), id: ownerID)
      return nil
    }
  }

  func conditionMessage(_ error: ConditionSyntaxError, source: String) -> String {
    "condition '\(source)': column \(error.column): \(error.message)"
  }

  mutating func checkConditions(
    _ pending: [PendingCondition], _ questionnaire: Questionnaire
  ) {
    for condition in pending {
      checkReferences(
        condition.result.references, node: condition.node, ownerID: condition.ownerID,
        questionnaire: questionnaire, limit: condition.limit, guarded: condition.guardedQuestion)
    }
  }

  /// Checks that a condition names known questions (earlier ones when `limit` is given) and
  /// answer ids those questions have.
  mutating func checkReferences(
    _ references: [ConditionReference], node: Node, ownerID: String,
    questionnaire: Questionnaire, limit: Int?, guarded: String?
  ) {
    for reference in references {
      let at = "column \(reference.column)"
      guard let position = questionnaire.index(of: reference.questionID),
        let question = questionnaire.question(reference.questionID)
      else {
        problem(
          node, conditionColumn: reference.column,
          "condition, \(at): unknown question '\(reference.questionID)'", id: ownerID)
        continue
      }
      if reference.questionID == guarded {
        problem(
          node, conditionColumn: reference.column,
          "condition, \(at): a question's condition cannot refer to the question itself",
          id: ownerID)
        continue
      }
      if let limit, position >= limit {
        problem(
          node, conditionColumn: reference.column,
          "condition, \(at): '\(reference.questionID)' comes later; a condition may refer only to earlier questions",
          id: ownerID)
        continue
      }
      switch reference.use {
      case .answered:
        break
      case .truth:
        if question.type != .yesno {
          problem(
            node, conditionColumn: reference.column,
            "condition, \(at): '\(reference.questionID)' alone needs a yesno question; it is '\(question.type.rawValue)', compare it with == or in",
            id: ownerID)
        }
      case .comparison:
        if question.type != .number {
          problem(
            node, conditionColumn: reference.column,
            "condition, \(at): '\(reference.questionID)' is not a number question", id: ownerID)
        }
      case .value:
        if question.type == .text || question.type == .date {
          problem(
            node, conditionColumn: reference.column,
            "condition, \(at): '\(reference.questionID)' is a \(question.type.rawValue) question; only answered() applies",
            id: ownerID)
        } else if question.type == .number {
          for (index, value) in reference.values.enumerated() where Double(value) == nil {
            let column =
              reference.valueColumns.indices.contains(index)
              ? reference.valueColumns[index] : reference.column
            problem(
              node, conditionColumn: column,
              "condition, column \(column): '\(value)' is not a number", id: ownerID)
          }
        } else {
          let known = question.answerIDs
          for (index, value) in reference.values.enumerated() where !known.contains(value) {
            let column =
              reference.valueColumns.indices.contains(index)
              ? reference.valueColumns[index] : reference.column
            problem(
              node, conditionColumn: column,
              "condition, column \(column): '\(value)' is not an answer of '\(reference.questionID)' (\(known.joined(separator: ", ")))",
              id: ownerID)
          }
        }
      }
    }
  }
}
