import AssessmentCore
import Foundation

/// The field being edited, whatever it is, with what of it the wizard already has. One
/// mechanism hands every kind of field to the wizard (``App/handOver(_:now:)``): periodically
/// while typing, and on every way out (leaving the field, quitting, a signal, a lost terminal).
public struct EditedField: Equatable, Sendable {
  public enum Target: Equatable, Sendable {
    /// A field of the identification form.
    case identification(SessionMetadata.Field)
    /// The note of the current question.
    case note
    /// The answer of the current `text`, `number` or `date` question.
    case answer(QuestionType)
    /// A field of the record answering the current `derogation` question.
    case derogation(DerogationRecord.Field)
    /// An evidence reference of the current question: a new one (nil), or the one at `index`
    /// once it has been handed over, so that later handovers update it instead of adding more.
    case evidence(index: Int?)
    /// A day of the evidence record at `index` of the current question (issued on, valid until).
    case evidenceDay(index: Int, EvidenceRecord.Part)
    /// The path of a file to attach to the evidence record at `index`: handed over by reading
    /// it and recording its SHA-256 (``App/attach(_:evidence:path:now:)``), never while typing.
    case evidenceFile(index: Int)
    /// A field of the current question's action plan.
    case action(PlanAction.Field)
    /// A field of management's decision being filled in (the form's draft, not the wizard's).
    case signOff(SignOff.Field)
  }

  public var target: Target
  public var editor: TextEditor
  /// The text the wizard has, so that an unchanged field is not handed over again.
  public var handedOver: String

  public init(_ target: Target, text: String = "") {
    self.target = target
    editor = TextEditor(text, multiline: target == .note)
    handedOver = text
  }

  /// Whether the wizard has everything typed.
  public var isHandedOver: Bool { editor.text == handedOver }
}

/// What an external editor (`$VISUAL`, `$EDITOR`, started by Ctrl-E) gave back.
public enum ExternalEdit: Equatable, Sendable {
  /// The text the editor saved.
  case edited(String)
  /// The editor is missing or failed: the message to show; the text stays as it was.
  case failed(String)
}

/// What handing a field's text to the wizard means.
enum Handover: Equatable {
  case event(WizardEvent)
  /// Nothing to hand over (a blank new evidence reference).
  case nothing
  /// The text cannot be handed over (a number that does not parse); the message says why.
  case invalid(String)
  /// A file to read and attach to the evidence record at an index (the App reads it).
  case attach(index: Int, path: String)
  /// The text of a form's draft field (management's decision), kept by the App until the form
  /// records it: the wizard's state is not changed.
  case draft(SignOff.Field, String)
}

extension EditedField {
  /// The one mapping from the text being edited to the wizard event that records it. A number
  /// is handed over only when it parses; blank text clears an answer or removes an evidence
  /// reference already handed over.
  func handover(
    question: Question?, answer: Answer? = nil, language: InterfaceLanguage, now: Date
  ) -> Handover {
    let text = editor.text
    let blank = text.allSatisfy { $0.isWhitespace }
    switch target {
    case .identification(let field):
      return .event(.identificationEdited(field, text, at: now))
    case .note:
      return .event(.noteEdited(text, at: now))
    case .answer(.number):
      if blank { return .event(.answerCleared(at: now)) }
      // The core's one reader of typed numbers: groups, decimal comma in fr/nl, bounds.
      let trimmed = text.trimmed
      let parsed =
        question.map { NumberInput.parse(trimmed, for: $0, language: language) }
        ?? NumberInput.parse(trimmed, language: language)
      switch parsed {
      case .success(let number): return .event(.answerChosen(.number(number), at: now))
      case .failure(let failure): return .invalid(failure.message(trimmed, language))
      }
    case .answer(.date):
      // A day is handed over only when it is one, like a number that must parse.
      if blank { return .event(.answerCleared(at: now)) }
      let trimmed = text.trimmed
      guard Day.isValid(trimmed) else {
        return .invalid(PlanPhrase.notADay.format(language, trimmed))
      }
      return .event(.answerChosen(.date(trimmed), at: now))
    case .answer:
      return .event(blank ? .answerCleared(at: now) : .answerChosen(.text(text), at: now))
    case .derogation(let field):
      // The record as the wizard has it, with this field as typed; a record left blank is none.
      var record = DerogationRecord()
      if case .derogation(let recorded)? = answer?.value { record = recorded }
      record[field] = text
      return .event(
        record.isBlank ? .answerCleared(at: now) : .answerChosen(.derogation(record), at: now))
    case .action(let field):
      // A day is handed over only when it is one (or blank), like a number that must parse.
      let trimmed = text.trimmed
      if field.isDate, !trimmed.isEmpty, !Day.isValid(trimmed) {
        return .invalid(PlanPhrase.notADay.format(language, trimmed))
      }
      var action = answer?.action ?? PlanAction()
      action[field] = field.isDate ? trimmed : text
      return .event(.actionEdited(action, at: now))
    case .evidence(let index?):
      // The reference rewritten; the record's days and file stay.
      guard var record = answer?.evidence[safe: index] else { return .nothing }
      record.reference = text
      return .event(.evidenceEdited(index, record, at: now))
    case .evidence(nil):
      return blank ? .nothing : .event(.evidenceAdded(EvidenceRecord(reference: text), at: now))
    case .evidenceDay(let index, let part):
      let trimmed = text.trimmed
      if !trimmed.isEmpty, !Day.isValid(trimmed) {
        return .invalid(PlanPhrase.notADay.format(language, trimmed))
      }
      guard var record = answer?.evidence[safe: index] else { return .nothing }
      record[part] = trimmed
      return .event(.evidenceEdited(index, record, at: now))
    case .evidenceFile(let index):
      let path = text.trimmed
      if path.isEmpty || answer?.evidence[safe: index]?.file?.path == path { return .nothing }
      return .attach(index: index, path: path)
    case .signOff(let field):
      let trimmed = text.trimmed
      if field == .on, !trimmed.isEmpty, !Day.isValid(trimmed) {
        return .invalid(PlanPhrase.notADay.format(language, trimmed))
      }
      return .draft(field, field == .on ? trimmed : text)
    }
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
