// A typed line that is not a command: an identification field, an answer, a derogation, a plan.
import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

extension PlainSession {
  mutating func answer(_ text: String, now: Date, _ reply: inout Reply) {
    switch expecting {
    case .identification(let field):
      let current = state.wizard.metadata[field]
      if !text.isEmpty {
        _ = handOver(.identification(field), text, current: current, now: now, &reply)
      } else if current.isBlank {
        reply.refused =
          label(questionnaire.identificationLabel(field, language))
          + PlainText.blankRequired.text(language)
        return
      }
      let fields = SessionMetadata.Field.allCases
      if let index = fields.firstIndex(of: field), index + 1 < fields.count {
        expecting = .identification(fields[index + 1])
        return
      }
      let missing = wizard.missingIdentification(state.wizard)
      if let first = missing.first {
        expecting = .identification(first)
        reply.lines.append(
          Phrase.identificationMissing.format(
            language,
            missing.map { questionnaire.identificationLabel($0, language) }.joined(separator: ", "))
        )
      } else {
        send(.identificationConfirmed(at: now), &reply)
      }
    case .question:
      answerQuestion(text, now: now, &reply)
    case .signOff(let field):
      answerSignOff(field, text, now: now, &reply)
    case .derogation(let field):
      guard let question = wizard.current(state.wizard) else { return }
      let record = currentRecord()
      if text.isEmpty, field == .reference, record.isBlank {
        send(.nextPressed, &reply)
        return
      }
      if !text.isEmpty {
        let value = text == "-" ? "" : text
        _ = handOver(.derogation(field), value, current: record[field], now: now, &reply)
        if field.isDate, !value.isEmpty, !Day.isValid(value) {
          reply.lines.append(Phrase.derogationNotADay.format(language, value))
        }
      }
      let fields = DerogationRecord.Field.allCases
      let index = fields.firstIndex(of: field) ?? 0
      if index + 1 < fields.count, wizard.current(state.wizard)?.id == question.id {
        expecting = .derogation(fields[index + 1])
      } else {
        expecting = .question
        send(.nextPressed, &reply)
      }
    case .planStatus:
      guard wizard.current(state.wizard) != nil else {
        expecting = .question
        return
      }
      let current = currentAction().status
      if !text.isEmpty {
        let statuses = ActionStatus.allCases
        guard let number = Int(text), statuses.indices.contains(number - 1) else {
          reply.refused = PlainText.notAChoice.format(language, text, statuses.count)
          return
        }
        if statuses[number - 1] != current {
          // The plan form's own rule: a blocking finding's acceptance is refused, with why.
          state.notice = nil
          reply.effects += app.setActionStatus(&state, statuses[number - 1], now: now)
          if let notice = state.notice {
            state.notice = nil
            reply.refused = notice
            return
          }
        }
      }
      expecting = .plan(PlanAction.Field.allCases[0])
    case .plan(let field):
      guard let question = wizard.current(state.wizard) else {
        expecting = .question
        return
      }
      if !text.isEmpty {
        let value = text == "-" ? "" : text
        guard handOver(.action(field), value, current: currentAction()[field], now: now, &reply)
        else { return }
      }
      let fields = PlanAction.Field.allCases
      let accepted = currentAction().status == .riskAccepted
      let rest = fields.drop { $0 != field }.dropFirst().filter { accepted || !$0.isAcceptance }
      if let next = rest.first {
        expecting = .plan(next)
      } else {
        expecting = .question
        let action = state.wizard.answers[question.id]?.action ?? PlanAction()
        reply.lines.append(actionLine(question, action))
      }
    case .justification:
      if let question = wizard.current(state.wizard), !text.isEmpty {
        _ = handOver(
          .note, text, current: state.wizard.answers[question.id]?.note ?? "", now: now, &reply)
      }
      if state.wizard.answers[wizard.current(state.wizard)?.id ?? ""]?.isUnjustifiedNotApplicable
        == true
      {
        reply.lines.append(PlainText.justificationNeeded.text(language))
      }
      expecting = .question
      send(.nextPressed, &reply)
    case .finishConfirmation:
      expecting = .command
      if ["y", "o", "j", "yes", "oui", "ja"].contains(PlainCommand.fold(text)) {
        send(.finishRequested, &reply)
      }
      if state.wizard.phase == .questions { expecting = .question }
    case .command:
      // An empty line changes nothing; anything else should have been a command.
      if !text.isEmpty { reply.refused = PlainText.unknownCommand.format(language, text) }
    }
  }

  private mutating func answerQuestion(_ text: String, now: Date, _ reply: inout Reply) {
    guard let question = wizard.current(state.wizard) else {
      if !text.isEmpty { reply.refused = PlainText.unknownCommand.format(language, text) }
      return
    }
    if text.isEmpty {
      send(.nextPressed, &reply)
      return
    }
    let answer = state.wizard.answers[question.id]
    let choices = question.choices(language, questionnaire)
    switch question.type {
    case .text, .number, .date:
      let current = answer?.value.map { $0.display(question, language, questionnaire) } ?? ""
      guard handOver(.answer(question.type), text, current: current, now: now, &reply) else {
        return
      }
      send(.nextPressed, &reply)
    case .multiple:
      let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
      var picked = Set<String>()
      for piece in pieces {
        guard let number = Int(piece), choices.indices.contains(number - 1) else {
          reply.refused = PlainText.notAChoice.format(language, String(piece), choices.count)
          return
        }
        picked.insert(choices[number - 1].id)
      }
      send(.answerChosen(.choices(choices.map(\.id).filter(picked.contains)), at: now), &reply)
      send(.nextPressed, &reply)
    case .derogation:
      reply.refused = PlainText.unknownCommand.format(language, text)
    case .compliance, .yesno, .single:
      guard let number = Int(text), choices.indices.contains(number - 1) else {
        reply.refused = PlainText.notAChoice.format(language, text, choices.count)
        return
      }
      send(.answerChosen(.choice(choices[number - 1].id), at: now), &reply)
      if state.wizard.answers[question.id]?.isUnjustifiedNotApplicable == true {
        reply.lines.append(PlainText.justificationNeeded.text(language))
        expecting = .justification
        return
      }
      send(.nextPressed, &reply)
    }
  }
}

extension PlainSession {
  /// A field of management's decision: the decision by its number or word, then the text
  /// fields in turn (the conditions only for an acceptance with conditions; an empty day is
  /// today); the last one checks it against the verdict, and a decision that contradicts it is
  /// refused with why (the blocking findings named).
  mutating func answerSignOff(
    _ field: SignOff.Field, _ text: String, now: Date, _ reply: inout Reply
  ) {
    let decisions = SignOff.Decision.allCases
    if field == .decision {
      if !text.isEmpty {
        let chosen =
          Int(text).flatMap { decisions.indices.contains($0 - 1) ? decisions[$0 - 1] : nil }
          ?? decisions.first { $0.argument == text || $0.words(language) == text }
        guard let chosen else {
          reply.refused = PlainText.notAChoice.format(language, text, decisions.count)
          return
        }
        state.signOffDraft.decision = chosen
      }
      expecting = .signOff(.by)
      return
    }
    if !text.isEmpty {
      var field = EditedField(.signOff(field), text: state.signOffDraft[field])
      field.editor = TextEditor(text == "-" ? "" : text)
      state.field = field
      let handed = app.handOver(&state, now: now)
      state.field = nil
      guard handed != nil else {
        reply.refused = state.notice ?? ""
        state.notice = nil
        return
      }
    }
    let fields = SignOffDraft.textFields.filter {
      $0 != .conditions || state.signOffDraft.decision == .acceptWithConditions
    }
    if let index = fields.firstIndex(of: field), index + 1 < fields.count {
      expecting = .signOff(fields[index + 1])
      return
    }
    expecting = .command
    var form = state
    let effects = app.recordSignOff(&form, now: now)
    state.signOffProblem = []
    if let first = form.signOffProblem.first {
      reply.refused = first
      reply.lines += form.signOffProblem.dropFirst()
      return
    }
    for effect in effects {
      switch effect {
      case .save: reply.effects.append(.save)
      case .recordSignOff(let draft): reply.signOff = draft
      case .exit, .editExternally: break
      }
    }
  }
}
