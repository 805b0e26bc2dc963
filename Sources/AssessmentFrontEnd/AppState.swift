import AssessmentCore
import Foundation

/// What the wizard's front end is doing besides the assessment itself: the field being edited,
/// the popup open, the highlighted line. Pure data, like ``WizardState``.
public struct AppState: Equatable, Sendable {
  public enum Mode: Equatable, Sendable {
    /// The question screen, options focused.
    case browsing
    /// The note of the current question is being edited (in ``AppState/field``).
    case editingNote
    /// The answer field of a `text` or `number` question is being edited (in ``AppState/field``).
    case editingAnswer
    case help(scroll: Int)
    case searching(TextEditor)
    case contents(selection: Int)
    /// The evidence list; the reference being typed is in ``AppState/field``; `selection` is the
    /// highlighted item, nil while typing.
    case evidence(selection: Int?)
    /// The action plan of the current question: `selection` is the highlighted row (0 the
    /// status, then ``PlanAction/Field``); the field being typed, if any, is in ``AppState/field``.
    case plan(selection: Int)
    case confirmingFinish
    /// Management's decision form, opened from the summary (`D`): `selection` is the
    /// highlighted row (0 the decision, then the text fields, last the row that records it); the
    /// field being typed, if any, is in ``AppState/field``.
    case signOff(selection: Int)
  }

  public var wizard: WizardState
  public var language: InterfaceLanguage
  public var mode: Mode = .browsing
  /// The one field being edited, whatever it is (identification, note, answer, evidence): the
  /// App hands it to the wizard every few seconds and on every way out (``App/tick(_:now:)``).
  public var field: EditedField?
  /// When the field being edited was last handed to the wizard (and so saved).
  public var fieldHandedOverAt: Date?
  /// The highlighted choice on the question screen; nil on an unanswered question until an arrow
  /// key highlights one, so that Enter records only an explicit choice.
  public var optionCursor: Int?
  /// The highlighted line of the review, the summary or the contents.
  public var listSelection = 0
  /// The first line shown of the review, the summary or the contents (see ``Viewport``).
  public var listOffset = 0
  /// A one-line notice (search result, a refused action), cleared by the next key.
  public var notice: String?
  /// The terminal size, as last reported.
  public var width = 80
  public var height = 24
  /// SHA-256 of the questionnaire source, for the summary's header.
  public var questionnaireDigest = ""
  /// The questionnaire version the session was answered under, when it differs.
  public var answeredUnderVersion: String?
  /// The time of the last key or tick, as the runner gave it: the day derogations are judged
  /// against on screen.
  public var now: Date?
  /// The name the changes are recorded under (the header shows it); empty when unknown.
  public var person = ""
  /// Management's decisions on the session, oldest first (the summary shows the last).
  public var signOffs: [SignOff] = []
  /// The decision being filled in on the sign-off form.
  public var signOffDraft = SignOffDraft()
  /// Why the decision on the form cannot be recorded (the form shows it whole: the blocking
  /// findings it names do not fit a one-line notice); empty otherwise.
  public var signOffProblem: [String] = []

  public init(wizard: WizardState, language: InterfaceLanguage) {
    self.wizard = wizard
    self.language = language
  }

  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

  /// The identification field being edited, as an index in `SessionMetadata.Field.allCases`.
  public var formField: Int {
    guard case .identification(let field)? = field?.target else { return 0 }
    return SessionMetadata.Field.allCases.firstIndex(of: field) ?? 0
  }

  /// Rows of the scrolling part of the screens (between the header and the footer).
  var listRows: Int { max(3, height - 7) }
}
