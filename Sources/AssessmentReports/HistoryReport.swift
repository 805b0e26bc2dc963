import AssessmentCore
import Foundation

/// Who changed what in a session (`cloud-assess history`): the identification's changes, then
/// each answer's, oldest first, questions in walking order (answers to questions the
/// questionnaire no longer has last). Values in words, as the reader chose them, never ids.
public struct HistoryReport: Sendable {
  public let questionnaire: Questionnaire
  public let sessionID: String
  public let answers: [String: Answer]
  public let identification: [IdentificationChange]
  public let language: InterfaceLanguage
  /// One question only (`history SESSION QUESTION`), without the identification.
  public let questionID: String?

  public init(
    questionnaire: Questionnaire, sessionID: String, answers: [String: Answer],
    identification: [IdentificationChange], language: InterfaceLanguage,
    questionID: String? = nil
  ) {
    self.questionnaire = questionnaire
    self.sessionID = sessionID
    self.answers = answers
    self.identification = identification
    self.language = language
    self.questionID = questionID
  }

  func t(_ phrase: TeamPhrase) -> String { phrase.text(language) }
  func f(_ phrase: TeamPhrase, _ arguments: CustomStringConvertible...) -> String {
    phrase.text(language).substituting(arguments.map(\.description))
  }

  /// The question ids shown, in order.
  public var questionIDs: [String] {
    if let questionID { return [questionID] }
    var ids = questionnaire.questions.map(\.id).filter { answers[$0]?.history.isEmpty == false }
    let known = Set(questionnaire.questions.map(\.id))
    ids += answers.keys.filter { !known.contains($0) && answers[$0]?.history.isEmpty == false }
      .sorted()
    return ids
  }

  /// The question's text as the reader reads it (with its citation), or its id for one the
  /// questionnaire no longer has.
  public func title(_ id: String) -> String {
    guard let question = questionnaire.question(id) else { return f(.historyOrphan, id) }
    let text = question.text.resolve(language.rawValue, fallbacks: questionnaire.languages)
    let refs =
      question.refs.isEmpty
      ? "" : "[" + questionnaire.citations(question.refs, language.rawValue) + "] "
    return refs + text
  }

  /// A part of a change in words: "answer: Partially compliant".
  public func partText(_ part: AnswerChange.Part, question id: String) -> String {
    let colon = language.colon
    switch part {
    case .value(let value):
      return t(.partValue) + colon + (value.map { words($0, question: id) } ?? t(.historyCleared))
    case .note(let note):
      return t(.partNote) + colon
        + (note.isEmpty ? t(.historyCleared) : "« \(Self.oneLine(note)) »".quotedFor(language))
    case .evidence(let records):
      return t(.partEvidence) + colon
        + (records.isEmpty
          ? t(.partNoEvidence) : records.map(\.reference).joined(separator: language.listSeparator))
    case .action(let action):
      guard let action else { return t(.partAction) + colon + t(.partNoAction) }
      let fields = [
        action.status.phrase.text(language), action.owner, action.dueDate, action.reference,
      ]
      .filter { !$0.isEmpty }
      return t(.partAction) + colon + fields.joined(separator: ", ")
    case .flagged(let flagged): return t(flagged ? .partFlagged : .partNotFlagged)
    case .claim(let value):
      return t(.partClaim) + colon + (value.map { words($0, question: id) } ?? "—")
    }
  }

  /// A value in words for its question (the id itself for a question no longer there).
  public func words(_ value: AnswerValue, question id: String) -> String {
    guard let question = questionnaire.question(id) else {
      switch value {
      case .choice(let choice): return choice
      case .choices(let choices): return choices.joined(separator: ", ")
      case .text(let text): return text
      case .number(let number): return AnswerValue.numberText(number)
      case .date(let day): return day
      case .derogation(let record): return record.reference
      }
    }
    return Self.oneLine(value.display(question, language, questionnaire))
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " / ")
  }

  func person(_ name: String) -> String { name.isEmpty ? t(.historyUnknownPerson) : name }

  /// The text form.
  public func text() -> String {
    var lines: [String] = []
    lines.append("\(t(.historyTitle)) — \(sessionID)")
    let colon = language.colon
    if questionID == nil, !identification.isEmpty {
      lines.append("")
      lines.append(t(.historyIdentification))
      for change in identification {
        let fields = SessionMetadata.Field.allCases.compactMap { field in
          change.fields[field].map { Self.fieldLabel(field, language) + colon + Self.oneLine($0) }
        }
        lines.append(
          "  \(Timestamp.formatMinutes(change.at)) · \(person(change.by)) · "
            + fields.joined(separator: language.listSeparator))
      }
    }
    let ids = questionIDs
    for id in ids {
      lines.append("")
      lines.append(title(id))
      let history = answers[id]?.history ?? []
      if history.isEmpty { lines.append("  " + t(.historyNone)) }
      for change in history {
        lines.append(
          "  \(Timestamp.formatMinutes(change.at)) · \(person(change.by)) · "
            + change.origin.words(language))
        for part in change.parts { lines.append("      " + partText(part, question: id)) }
      }
    }
    if ids.isEmpty, identification.isEmpty || questionID != nil {
      lines.append("")
      lines.append(t(.historyNone))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func fieldLabel(_ field: SessionMetadata.Field, _ language: InterfaceLanguage) -> String {
    switch field {
    case .organisation: return Phrase.organisation.text(language)
    case .assessor: return Phrase.assessor.text(language)
    case .provider: return Phrase.provider.text(language)
    case .service: return Phrase.service.text(language)
    }
  }
}

extension String {
  /// French guillemets stay for French; English and Dutch quote with typographic quotes.
  fileprivate func quotedFor(_ language: InterfaceLanguage) -> String {
    guard language != .fr, hasPrefix("« "), hasSuffix(" »") else { return self }
    return "“" + dropFirst(2).dropLast(2) + "”"
  }
}

extension HistoryReport {
  /// The JSON form: `session`, `language`, `identification` (each change's `at`, `by`,
  /// `fields`), `questions` (each `id`, `question`, `changes`: `at`, `by`, `origin`, `parts`,
  /// each part with `part` and its value: `words` for a value or a claim, as the reader reads
  /// it, with `value` its raw form; `text` for a note; `references` for evidence; `action` for
  /// the plan, null when removed; `flagged`).
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let document = Document(
      session: sessionID, language: language.rawValue,
      identification: questionID != nil
        ? []
        : identification.map { change in
          IdentificationEntry(
            at: Timestamp.format(change.at), by: change.by,
            fields: Dictionary(
              uniqueKeysWithValues: change.fields.map { ($0.key.rawValue, $0.value) }))
        },
      questions: questionIDs.map { id in
        QuestionEntry(
          id: id, question: title(id),
          changes: (answers[id]?.history ?? []).map { change in
            ChangeEntry(
              at: Timestamp.format(change.at), by: change.by, origin: change.origin.rawValue,
              parts: change.parts.map { part(for: $0, question: id) })
          })
      })
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  private func part(for part: AnswerChange.Part, question id: String) -> PartEntry {
    switch part {
    case .value(let value):
      return PartEntry(
        part: "value", words: value.map { words($0, question: id) }, value: value.map(Self.raw))
    case .note(let note): return PartEntry(part: "note", text: note)
    case .evidence(let records):
      return PartEntry(part: "evidence", references: records.map(\.reference))
    case .action(let action):
      return PartEntry(
        part: "action",
        action: action.map {
          ActionEntry(
            owner: $0.owner, dueDate: $0.dueDate, status: $0.status.rawValue,
            reference: $0.reference)
        }, hasAction: true)
    case .flagged(let flagged): return PartEntry(part: "flagged", flagged: flagged)
    case .claim(let value):
      return PartEntry(
        part: "claim", words: value.map { words($0, question: id) }, value: value.map(Self.raw))
    }
  }

  /// A value as stored: an id, ids joined by commas, the text, the number, a derogation's
  /// reference.
  static func raw(_ value: AnswerValue) -> String {
    switch value {
    case .choice(let id): return id
    case .choices(let ids): return ids.joined(separator: ",")
    case .text(let text): return text
    case .number(let number): return AnswerValue.numberText(number)
    case .date(let day): return day
    case .derogation(let record): return record.reference
    }
  }

  private struct Document: Encodable {
    var session: String
    var language: String
    var identification: [IdentificationEntry]
    var questions: [QuestionEntry]
  }
  private struct IdentificationEntry: Encodable {
    var at: String
    var by: String
    var fields: [String: String]
  }
  private struct QuestionEntry: Encodable {
    var id: String
    var question: String
    var changes: [ChangeEntry]
  }
  private struct ChangeEntry: Encodable {
    var at: String
    var by: String
    var origin: String
    var parts: [PartEntry]
  }
  private struct ActionEntry: Encodable {
    var owner: String
    var dueDate: String
    var status: String
    var reference: String
    enum CodingKeys: String, CodingKey {
      case owner, dueDate = "due_date", status, reference
    }
  }
  private struct PartEntry: Encodable {
    var part: String
    var words: String?
    var value: String?
    var text: String?
    var references: [String]?
    var action: ActionEntry?
    var hasAction = false
    var flagged: Bool?

    enum CodingKeys: String, CodingKey {
      case part, words, value, text, references, action, flagged
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(part, forKey: .part)
      switch part {
      case "value", "claim":
        try container.encode(words, forKey: .words)
        try container.encode(value, forKey: .value)
      case "note": try container.encode(text ?? "", forKey: .text)
      case "evidence": try container.encode(references ?? [], forKey: .references)
      case "action": try container.encode(action, forKey: .action)
      default: try container.encode(flagged ?? false, forKey: .flagged)
      }
    }
  }
}
