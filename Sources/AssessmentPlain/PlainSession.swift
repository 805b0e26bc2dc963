import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

/// The wizard as lines: what to show before each prompt, the prompt, and what a typed line
/// does. Pure, like ``App``, whose state and events it shares: the same wizard state machine,
/// the same edited-field mechanism (a line is a field typed and left at once), the same texts.
/// ``PlainRunner`` reads the lines and performs the effects.
public struct PlainSession {
  public let app: App
  public var state: AppState

  /// What the next line answers (besides a command, which it may always be).
  enum Expecting: Equatable {
    case identification(SessionMetadata.Field)
    case question
    /// A field of the derogation record of the current question (they are asked in turn).
    case derogation(DerogationRecord.Field)
    /// The note justifying "not applicable".
    case justification
    /// The status of the current question's action plan (`plan`), then its text fields in turn
    /// (the acceptance's only for an accepted risk).
    case planStatus
    case plan(PlanAction.Field)
    case finishConfirmation
    /// The review, the summary, a finished assessment: commands only.
    case command
  }

  var expecting: Expecting
  /// What was last shown in full (a question, the review...), so that it is shown again only
  /// when it changes.
  private var shown: String?

  /// What handling a line gave.
  public struct Reply: Equatable {
    public var lines: [String] = []
    public var effects: [WizardEffect] = []
    /// Why the line was refused (it changed nothing).
    public var refused: String?
    /// The line asked for a save (`save`): say when it was done.
    public var announcesSave = false
  }

  public init(app: App, state: AppState) {
    self.app = app
    self.state = state
    self.state.field = nil
    self.state.mode = .browsing
    expecting = .command
    expecting = settled()
  }

  var language: InterfaceLanguage { state.language }
  var wizard: Wizard { app.wizard }
  var questionnaire: Questionnaire { app.wizard.questionnaire }

  // MARK: - Output

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

  private func label(_ text: String) -> String { text + (language == .fr ? " : " : ": ") }

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
    lines.append(questionnaire.text(question.text, language.rawValue))
    let answer = state.wizard.answers[question.id]
    if question.type == .derogation {
      var record = DerogationRecord()
      if case .derogation(let recorded)? = answer?.value { record = recorded }
      if !record.isBlank {
        let day = String(Timestamp.format(state.now ?? state.wizard.metadata.updated).prefix(10))
        let status = record.status(on: day)
        let use = DerogationUse(questionID: question.id, record: record, status: status, waives: [])
        let text =
          status.counts
          ? Phrase.derogationCounts.text(language)
          : SummaryReport.derogationStatusText(use, language, questionnaire)
        lines.append(label(Phrase.derogationStatus.text(language)) + text)
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
      lines.append(label(Phrase.evidence.text(language)) + evidence.joined(separator: " · "))
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
  private func planLines(_ question: Question) -> [String] {
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

  private func currentAction() -> PlanAction {
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
    case .derogation: return PlainText.promptCommand.text(language)
    default:
      return PlainText.promptChoice.format(
        language, question.choices(language, questionnaire).count)
    }
  }

  private func fieldPrompt(_ name: String, _ current: String) -> String {
    current.isEmpty ? label(name) : label(name + " [" + current + "]")
  }

  private func currentRecord() -> DerogationRecord {
    guard let question = wizard.current(state.wizard),
      case .derogation(let record)? = state.wizard.answers[question.id]?.value
    else { return DerogationRecord() }
    return record
  }

  // MARK: - Input

  /// The end of the input: the session is saved and left.
  public mutating func endOfInput(now: Date) -> [WizardEffect] {
    app.send(&state, .quitRequested)
  }

  /// Handles one typed line.
  public mutating func handle(_ line: String, now: Date) -> Reply {
    state.now = now
    state.notice = nil
    var reply = Reply()
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if let (command, argument) = PlainCommand.parse(trimmed, language),
      expecting != .finishConfirmation
    {
      run(command, argument, now: now, &reply)
    } else {
      answer(trimmed, now: now, &reply)
    }
    if reply.refused == nil { expecting = settled(after: expecting) }
    return reply
  }

  /// What the next line answers, once a line has been handled.
  private func settled(after previous: Expecting? = nil) -> Expecting {
    switch state.wizard.phase {
    case .identification:
      if case .identification(let field)? = previous { return .identification(field) }
      return .identification(SessionMetadata.Field.allCases[0])
    case .questions:
      if let previous, previous == .justification || previous == .finishConfirmation {
        return previous
      }
      if let previous {
        switch previous {
        case .planStatus, .plan: return previous
        default: break
        }
      }
      if case .derogation(let field)? = previous, wizard.current(state.wizard)?.type == .derogation
      {
        return .derogation(field)
      }
      if wizard.current(state.wizard)?.type == .derogation { return .derogation(.reference) }
      return .question
    case .review, .summary:
      return previous == .finishConfirmation ? .finishConfirmation : .command
    case .finished:
      switch previous {
      case .planStatus?, .plan?: return previous ?? .command
      default: return .command
      }
    }
  }

  private mutating func send(_ event: WizardEvent, _ reply: inout Reply) {
    reply.effects += app.send(&state, event)
  }

  /// Hands `text` to the wizard as the field `target`, typed and left at once; the notice says
  /// why when it cannot be (a number that does not parse).
  private mutating func handOver(
    _ target: EditedField.Target, _ text: String, current: String, now: Date, _ reply: inout Reply
  ) -> Bool {
    var field = EditedField(target, text: current)
    field.editor = TextEditor(text, multiline: target == .note)
    state.field = field
    let effects = app.handOver(&state, now: now)
    state.field = nil
    guard let effects else {
      reply.refused = state.notice ?? ""
      state.notice = nil
      return false
    }
    reply.effects += effects
    return true
  }

  private mutating func answer(_ text: String, now: Date, _ reply: inout Reply) {
    switch expecting {
    case .identification(let field):
      let current = state.wizard.metadata[field]
      if !text.isEmpty {
        _ = handOver(.identification(field), text, current: current, now: now, &reply)
      } else if current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
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
    case .text, .number:
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

  // MARK: - Commands

  /// The applicable question with this id or reference.
  private func position(of argument: String) -> Int? {
    questionnaire.questions.indices.first { position in
      let candidate = questionnaire.questions[position]
      return state.wizard.visibility[position]
        && (candidate.id == argument || candidate.refs.contains(argument))
    }
  }

  private mutating func run(
    _ command: PlainCommand, _ argument: String, now: Date, _ reply: inout Reply
  ) {
    let phase = state.wizard.phase
    let question = phase == .questions ? wizard.current(state.wizard) : nil
    func notHere() {
      reply.refused = PlainText.notHere.format(language, command.names(language)[0])
    }
    switch command {
    case .answer:
      // What the line would answer if it were not a command's name.
      guard expecting != .command else { return notHere() }
      answer(argument, now: now, &reply)
    case .commands:
      reply.lines.append(PlainText.commandsTitle.text(language))
      reply.lines += PlainCommand.allCases.map { $0.describe(language) }
      reply.lines.append("  " + PlainText.forcedAnswer.text(language))
    case .help:
      guard question != nil else { return notHere() }
      reply.lines += [""] + app.helpLines(state, width: 100_000, keys: false).map(\.0)
    case .repeatQuestion:
      shown = nil
    case .note:
      guard let question else { return notHere() }
      let current = state.wizard.answers[question.id]?.note ?? ""
      if argument.isEmpty {
        reply.lines.append(
          current.isEmpty
            ? PlainText.noteNone.text(language) : label(Phrase.note.text(language)) + current)
        return
      }
      let text = argument == "-" ? "" : argument
      if handOver(.note, text, current: current, now: now, &reply) {
        reply.lines.append(
          (text.isEmpty ? PlainText.noteCleared : PlainText.noteRecorded).text(language))
      }
    case .evidence:
      guard let question else { return notHere() }
      let evidence = state.wizard.answers[question.id]?.evidence ?? []
      if argument.isEmpty {
        if evidence.isEmpty { reply.lines.append(Phrase.evidenceNone.text(language)) }
        for (index, item) in evidence.enumerated() { reply.lines.append("  \(index + 1). \(item)") }
      } else if argument.hasPrefix("-"), let number = Int(argument.dropFirst()) {
        guard evidence.indices.contains(number - 1) else {
          reply.refused = PlainText.evidenceNoSuch.format(language, number)
          return
        }
        send(.evidenceRemoved(number - 1, at: now), &reply)
        reply.lines.append(PlainText.evidenceRemoved.format(language, number))
      } else if handOver(.evidence(index: nil), argument, current: "", now: now, &reply) {
        reply.lines.append(PlainText.evidenceAdded.format(language, evidence.count + 1))
      }
    case .plan:
      if !argument.isEmpty {
        // `plan ID`: that question's plan, from anywhere (the summary's list of gaps, the review;
        // a finished assessment's too: following up the plan is not answering).
        guard phase != .identification else { return notHere() }
        guard let target = position(of: argument) else {
          reply.refused = PlainText.noSuchQuestion.format(language, argument)
          return
        }
        send(.questionJumped(questionnaire.questions[target].id), &reply)
      }
      let following = state.wizard.phase == .finished && !argument.isEmpty
      guard state.wizard.phase == .questions || following,
        let current = wizard.current(state.wizard)
      else {
        if phase == .summary || phase == .review || phase == .finished {
          reply.refused = PlainText.planWhich.text(language)
          return
        }
        return notHere()
      }
      reply.lines += planLines(current)
      expecting = .planStatus
    case .confirm:
      guard let question else { return notHere() }
      guard state.wizard.answers[question.id]?.reverify == true else {
        reply.refused = PlanPhrase.notCarried.text(language)
        return
      }
      send(.answerConfirmed(at: now), &reply)
      reply.lines.append(PlanPhrase.reverifyConfirmed.text(language))
      send(.nextPressed, &reply)
      expecting = .question
    case .flag:
      guard let question else { return notHere() }
      send(.flagToggled(at: now), &reply)
      let flagged = state.wizard.answers[question.id]?.flagged == true
      reply.lines.append(
        flagged ? Phrase.flagged.text(language) : PlainText.flagRemoved.text(language))
    case .clear:
      guard question != nil else { return notHere() }
      send(.answerCleared(at: now), &reply)
      reply.lines.append(PlainText.answerCleared.text(language))
      expecting = .question
    case .back:
      switch phase {
      case .questions: send(.backPressed, &reply)
      case .review: send(.backPressed, &reply)
      case .summary: send(.overlayClosed, &reply)
      default: return notHere()
      }
      expecting = .question
    case .next:
      guard phase == .questions else { return notHere() }
      send(.nextPressed, &reply)
      expecting = .question
    case .section:
      guard phase != .identification, phase != .finished else { return notHere() }
      let sections = wizard.visibleSections(state.wizard)
      if argument.isEmpty {
        reply.lines.append(Phrase.contentsTitle.text(language))
        for (index, section) in sections.enumerated() {
          let progress = wizard.progress(state.wizard, section: section)
          reply.lines.append(
            "  \(index + 1). "
              + questionnaire.text(questionnaire.sections[section].title, language.rawValue)
              + " (\(progress.verified)/\(progress.applicable)"
              + (progress.toReverify > 0
                ? ", " + PlanPhrase.progressToReverify.format(language, progress.toReverify) : "")
              + ")")
        }
        return
      }
      guard let number = Int(argument), sections.indices.contains(number - 1) else {
        reply.refused = PlainText.noSuchSection.format(language, argument)
        return
      }
      send(.sectionJumped(sections[number - 1]), &reply)
      expecting = .question
    case .goto:
      guard phase != .identification, phase != .finished else { return notHere() }
      guard let target = position(of: argument) else {
        reply.refused = PlainText.noSuchQuestion.format(language, argument)
        return
      }
      send(.questionJumped(questionnaire.questions[target].id), &reply)
      expecting = .question
    case .search:
      guard phase == .questions else { return notHere() }
      send(argument.isEmpty ? .nextMatchPressed : .searchSubmitted(argument), &reply)
      if let search = state.wizard.search {
        reply.lines.append(
          search.matches.isEmpty
            ? FrontEndText.searchNone.format(language, search.query)
            : FrontEndText.searchMatches.format(
              language, search.current + 1, search.matches.count, search.query
            )
            .components(separatedBy: " — ")[0])
      }
      expecting = .question
    case .review:
      guard phase == .questions || phase == .summary else { return notHere() }
      if phase == .summary { send(.overlayClosed, &reply) }
      send(.reviewOpened, &reply)
    case .summary:
      guard phase != .identification else { return notHere() }
      if phase == .finished {
        shown = nil
      } else {
        send(.summaryOpened, &reply)
      }
    case .finish:
      guard phase == .questions || phase == .review || phase == .summary else { return notHere() }
      if wizard.review(state.wizard).unanswered.isEmpty {
        send(.finishRequested, &reply)
      } else {
        expecting = .finishConfirmation
      }
    case .reopen:
      guard phase == .finished else { return notHere() }
      send(.reopenRequested, &reply)
      expecting = .question
    case .save:
      send(.saveRequested, &reply)
      reply.announcesSave = true
    case .quit:
      send(.quitRequested, &reply)
    }
  }
}
