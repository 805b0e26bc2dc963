// What plain mode shows: the form, question, plan, review and summary before each prompt.
import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

extension PlainSession {
  /// The lines to show before the next prompt (the form, question, review or summary when it
  /// changed), and the prompt.
  public mutating func next() -> (lines: [String], prompt: String) {
    var lines: [String] = []
    let view = currentView()
    if view != shown {
      shown = view
      lines = block()
    }
    return (lines, prompt())
  }

  private func currentView() -> String {
    switch state.wizard.phase {
    case .identification: return "identification"
    case .questions: return "question \(state.wizard.cursor)"
    case .review: return "review"
    case .summary: return "summary"
    case .finished: return "finished"
    }
  }

  func label(_ text: String) -> String { text + language.colon }

  private func block() -> [String] {
    switch state.wizard.phase {
    case .identification:
      var lines = ["", questionnaire.text(questionnaire.title, language.rawValue)]
      if let description = questionnaire.description {
        lines.append(questionnaire.text(description, language.rawValue))
      }
      lines += [
        "", Phrase.identificationTitle.text(language), Phrase.identificationHelp.text(language),
        PlainText.commandsHint.text(language),
      ]
      return lines
    case .questions: return questionLines()
    case .review: return reviewLines()
    case .summary: return [""] + summaryLines() + ["", PlainText.summaryHint.text(language)]
    case .finished:
      return ["", Phrase.finishedMessage.text(language), ""] + summaryLines() + [
        "", PlainText.finishedHint.text(language),
      ]
    }
  }

  /// The question: where it is, the citation, the question, what is recorded, the choices.
  func questionLines() -> [String] {
    guard let question = wizard.current(state.wizard) else {
      return ["", Phrase.allAnswered.text(language)]
    }
    var lines = [""]
    let section = questionnaire.sectionIndexOfQuestion[state.wizard.cursor]
    let sections = wizard.visibleSections(state.wizard)
    lines.append(
      PlainText.location.format(
        language, (sections.firstIndex(of: section) ?? 0) + 1, sections.count,
        wizard.visibleRank(state.wizard),
        state.wizard.visibility.filter { $0 }.count,
        questionnaire.text(questionnaire.sections[section].title, language.rawValue)))
    let firstOfSection = questionnaire.sectionRanges[section].first { state.wizard.visibility[$0] }
    if firstOfSection == state.wizard.cursor {
      // The section's introduction and references (either may be absent).
      if let introduction = questionnaire.sections[section].introduction {
        lines.append(questionnaire.text(introduction, language.rawValue))
      }
      let refs = questionnaire.sections[section].refs
      if !refs.isEmpty { lines.append("§ " + questionnaire.citations(refs, language.rawValue)) }
    }
    var reference =
      question.refs.isEmpty ? "" : "§ " + questionnaire.citations(question.refs, language.rawValue)
    if let severity = question.severity {
      reference +=
        (reference.isEmpty ? "" : " · ") + label(Phrase.severity.text(language))
        + severity.phrase.text(language)
    }
    if !question.protects.isEmpty {
      reference +=
        (reference.isEmpty ? "" : " · ")
        + question.protects.map { $0.phrase.text(language) }.joined(separator: ", ")
    }
    reference +=
      (reference.isEmpty ? "" : " · ")
      + questionnaire.owner(at: state.wizard.cursor).labelled(language)
    lines.append(reference)
    if let basis = SummaryReport.basisText(question, language) { lines.append("(" + basis + ")") }
    lines += app.conflictLines(state, question)
    lines.append(questionnaire.text(question.text, language.rawValue))
    let answer = state.wizard.answers[question.id]
    if question.type == .derogation {
      if let standing = DerogationStanding.of(question, in: state, questionnaire: questionnaire) {
        let record = standing.record
        lines.append(label(Phrase.derogationStatus.text(language)) + standing.text)
        for field in DerogationRecord.Field.allCases where !record[field].isEmpty {
          lines.append(
            "  " + label(SummaryReport.derogationFieldLabel(field, language)) + record[field])
        }
      }
    } else if let value = answer?.value {
      lines.append(
        label(PlainText.currentAnswer.text(language))
          + value.display(question, language, questionnaire))
    }
    if let note = answer?.note, !note.isEmpty {
      lines.append(
        label(Phrase.note.text(language)) + note.replacingOccurrences(of: "\n", with: " / "))
    } else if answer?.isUnjustifiedNotApplicable == true {
      lines.append(PlainText.justificationNeeded.text(language))
    }
    if let evidence = answer?.evidence, !evidence.isEmpty {
      lines.append(
        label(Phrase.evidence.text(language))
          + evidence.map { EvidencePhrase.describe($0, language, asOf: state.wizard.day) }
          .joined(separator: " · "))
    }
    if let claim = answer?.claim {
      lines.append(
        claim.line(question, language, questionnaire) + PlainText.claimTakes.text(language))
    }
    if answer?.flagged == true { lines.append(Phrase.flagged.text(language)) }
    if answer?.reverify == true { lines.append(PlainText.reverifyMark.text(language)) }
    if let action = answer?.action {
      lines.append(actionLine(question, action) + PlainText.planEdits.text(language))
    }
    for (index, choice) in question.choices(language, questionnaire).enumerated() {
      lines.append("  \(index + 1). \(choice.label)")
    }
    return lines
  }

  /// The action plan in one line, as the question screen of the full-screen wizard shows it,
  /// with the acceptance's standing (or "overdue") today.
  func actionLine(_ question: Question, _ action: PlanAction) -> String {
    var text = label(PlanPhrase.plan.text(language)) + action.status.phrase.text(language)
    let duty = questionnaire.owner(of: question.id)
    text += " · " + action.owner(default: duty, language)
    for field in [PlanAction.Field.dueDate, .reference] where !action[field].isEmpty {
      text += " · " + action[field]
    }
    let day = String(Timestamp.format(state.now ?? state.wizard.metadata.updated).prefix(10))
    if action.status == .riskAccepted {
      var status = action.acceptance(on: day)
      let rules = wizard.blockingRules(holdingFor: question.id, state.wizard)
      if !rules.isEmpty { status = .blocking(rules.map(\.id)) }
      text +=
        " — "
        + SummaryReport.acceptanceText(
          status, action: action, questionnaire: questionnaire, language: language)
    } else if action.isOverdue(on: day) {
      text += " — " + PlanPhrase.overdue.text(language)
    }
    return text
  }

  /// What `plan` shows before asking the fields: the question, what the form is for, the
  /// statuses.
  func planLines(_ question: Question) -> [String] {
    let refs =
      question.refs.isEmpty
      ? question.id : questionnaire.citations(question.refs, language.rawValue)
    let statuses = ActionStatus.allCases.enumerated().map { index, status in
      "\(index + 1). " + status.phrase.text(language)
    }
    return [
      "", PlanPhrase.planTitle.text(language),
      "§ \(refs) — " + questionnaire.text(question.text, language.rawValue),
      PlanPhrase.planHelp.text(language), PlainText.planFieldsHint.text(language),
      label(PlanPhrase.status.text(language)) + statuses.joined(separator: "  "),
    ]
  }

  func currentAction() -> PlanAction {
    guard let question = wizard.current(state.wizard) else { return PlanAction() }
    return state.wizard.answers[question.id]?.action ?? PlanAction()
  }

  private func reviewLines() -> [String] {
    let entries = app.reviewEntries(state)
    var lines = ["", Phrase.reviewTitle.text(language)]
    if entries.isEmpty { lines.append(Phrase.allAnswered.text(language)) }
    for entry in entries {
      if let position = entry.position {
        // The id, for `goto`, unless the line already starts with it.
        let id = questionnaire.questions[position].id
        lines.append("  " + entry.text + (entry.text.hasPrefix(id + " ") ? "" : " [" + id + "]"))
      } else {
        lines.append(entry.text)
      }
    }
    lines.append(PlainText.reviewHint.text(language))
    return lines
  }

  /// The summary as text, the first line about a question ending with its id (for `goto` and
  /// `plan`) unless it already names it.
  private func summaryLines() -> [String] {
    var previous: String?
    return app.summaryReport(state).lines().map { line in
      defer { previous = line.questionID }
      guard let id = line.questionID, id != previous, !line.text.contains(id) else {
        return line.text
      }
      return line.text + " [" + id + "]"
    }
  }

  func prompt() -> String {
    switch expecting {
    case .identification(let field):
      return fieldPrompt(
        questionnaire.identificationLabel(field, language), state.wizard.metadata[field])
    case .question:
      guard let question = wizard.current(state.wizard) else {
        return PlainText.promptCommand.text(language)
      }
      let carried =
        state.wizard.answers[question.id]?.reverify == true
        ? PlainText.promptReverify.text(language) : ""
      return carried + questionPrompt(question)
    case .planStatus:
      return PlainText.promptStatus.format(language, currentAction().status.phrase.text(language))
    case .plan(let field):
      var name = field.phrase.text(language)
      if field.isDate { name += " (" + PlainText.dayForm.text(language) + ")" }
      let current = currentAction()[field]
      if field == .owner, current.isEmpty, let question = wizard.current(state.wizard) {
        // Left empty, the action is carried by whoever must act on the point.
        return fieldPrompt(name, questionnaire.owner(of: question.id).byDefault(language))
      }
      return fieldPrompt(name, current)
    case .derogation(let field):
      let fieldLabel = SummaryReport.derogationFieldLabel(field, language)
      let record = currentRecord()
      if field == .reference, record.isBlank {
        return PlainText.promptDerogationFirst.format(language, fieldLabel)
      }
      return fieldPrompt(fieldLabel, record[field])
    case .signOff(.decision):
      let choices = SignOff.Decision.allCases.enumerated().map { index, decision in
        "\(index + 1). \(decision.words(language))"
      }.joined(separator: ", ")
      return fieldPrompt(
        SignOff.Field.decision.label(language) + " (" + choices + ")",
        state.signOffDraft.decision.words(language))
    case .signOff(let field):
      var name = field.label(language)
      if field == .on { name += " (" + PlainText.dayForm.text(language) + ")" }
      return fieldPrompt(name, state.signOffDraft[field])
    case .justification: return PlainText.promptJustification.text(language)
    case .finishConfirmation:
      let unanswered = wizard.review(state.wizard).unanswered.count
      return PlainText.finishConfirm.format(
        language, CountedNoun.question.format(unanswered, language)) + " "
    case .command: return PlainText.promptCommand.text(language)
    }
  }

  private func questionPrompt(_ question: Question) -> String {
    switch question.type {
    case .multiple: return PlainText.promptChoices.text(language)
    case .text: return PlainText.promptText.text(language)
    case .number: return PlainText.promptNumber.text(language)
    case .date: return PlainText.promptDate.text(language)
    case .derogation: return PlainText.promptCommand.text(language)
    default:
      return PlainText.promptChoice.format(
        language, question.choices(language, questionnaire).count)
    }
  }

  private func fieldPrompt(_ name: String, _ current: String) -> String {
    current.isEmpty ? label(name) : label(name + " [" + current + "]")
  }

  func currentRecord() -> DerogationRecord {
    guard let question = wizard.current(state.wizard),
      case .derogation(let record)? = state.wizard.answers[question.id]?.value
    else { return DerogationRecord() }
    return record
  }
}
