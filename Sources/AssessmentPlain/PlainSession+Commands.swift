// Plain mode's commands: moving, jumping, the plan, review, summary, save and finish.
import AssessmentCore
import AssessmentFrontEnd
import AssessmentReports
import Foundation

extension PlainSession {
  /// The applicable question with this id or reference.
  private func position(of argument: String) -> Int? {
    questionnaire.questions.indices.first { position in
      let candidate = questionnaire.questions[position]
      return state.wizard.visibility[position]
        && (candidate.id == argument || candidate.refs.contains(argument))
    }
  }

  mutating func run(
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
        for (index, item) in evidence.enumerated() {
          reply.lines.append(
            "  \(index + 1). " + EvidencePhrase.describe(item, language, asOf: state.wizard.day))
        }
      } else if let parsed = Self.evidencePart(argument) {
        // `evidence N issued DAY`, `evidence N valid DAY`, `evidence N file PATH`.
        let (number, part, text) = parsed
        guard evidence.indices.contains(number - 1) else {
          reply.refused = PlainText.evidenceNoSuch.format(language, number)
          return
        }
        if let part {
          if handOver(
            .evidenceDay(index: number - 1, part), text, current: evidence[number - 1][part],
            now: now, &reply)
          {
            reply.lines.append(
              "  \(number). "
                + EvidencePhrase.describe(
                  state.wizard.answers[question.id]?.evidence[number - 1] ?? evidence[number - 1],
                  language, asOf: state.wizard.day))
          }
        } else {
          switch app.attach(&state, evidence: number - 1, path: text, now: now) {
          case .success(let effects):
            reply.effects += effects
            let sha = state.wizard.answers[question.id]?.evidence[number - 1].file?.sha256 ?? ""
            reply.lines.append(EvidencePhrase.fileAttached.format(language, number, sha))
          case .failure(let failure):
            reply.refused = failure.message
          }
        }
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
    case .take:
      guard let question else { return notHere() }
      guard let value = state.wizard.answers[question.id]?.claim?.value else {
        reply.refused = ClaimPhrase.noClaim.text(language)
        return
      }
      send(.claimTaken(at: now), &reply)
      reply.lines.append(
        ClaimPhrase.taken.format(language, value.display(question, language, questionnaire)))
    case .takeOurs, .takeTheirs:
      guard let question else { return notHere() }
      guard state.wizard.answers[question.id]?.conflict != nil else {
        reply.refused = ConflictText.noConflict.text(language)
        return
      }
      send(.conflictResolved(command == .takeOurs ? .ours : .theirs, at: now), &reply)
      reply.effects += app.settleNextConflict(&state)
      if let notice = state.notice {
        reply.lines.append(notice)
        state.notice = nil
      }
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
    case .decision:
      // Management's decision, from where the verdict is seen.
      guard phase == .review || phase == .summary || phase == .finished else { return notHere() }
      // What was typed on a refused attempt is kept; the decision proposed is the verdict's.
      state.signOffDraft.decision = SignOffDraft.proposed(
        for: app.summaryReport(state).summary.verdict)
      reply.lines.append(TeamPhrase.signOffTitle.text(language))
      reply.lines.append(TeamPhrase.signOffHint.text(language))
      expecting = .signOff(.decision)
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

extension PlainSession {
  /// `N issued DAY`, `N valid DAY`, `N file PATH` (the words in any of the three languages):
  /// the record's number, the day part (nil for a file) and the text. Nil for anything else,
  /// which is a reference to add.
  static func evidencePart(_ argument: String) -> (Int, EvidenceRecord.Part?, String)? {
    let words = argument.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard words.count >= 2, let number = Int(words[0]) else { return nil }
    let text = words.count == 3 ? String(words[2]) : ""
    switch words[1].lowercased() {
    case "issued", "délivrée", "délivré", "uitgereikt": return (number, .issuedOn, text)
    case "valid", "valable", "geldig": return (number, .validUntil, text)
    case "file", "fichier", "bestand":
      return text.isEmpty ? nil : (number, nil, text)
    default: return nil
    }
  }
}
