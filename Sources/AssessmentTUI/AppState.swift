import AssessmentCore
import Foundation

/// What the wizard's front end is doing besides the assessment itself: the field being edited,
/// the popup open, the highlighted line. Pure data, like ``WizardState``.
public struct AppState: Equatable, Sendable {
  public enum Mode: Equatable, Sendable {
    /// The question screen, options focused.
    case browsing
    case editingNote(TextEditor)
    /// The answer field of a `text` or `number` question.
    case editingAnswer(TextEditor)
    case help(scroll: Int)
    case searching(TextEditor)
    case contents(selection: Int)
    case evidence(TextEditor, selection: Int?)
    case confirmingFinish
  }

  public var wizard: WizardState
  public var language: InterfaceLanguage
  public var mode: Mode = .browsing
  /// The highlighted choice on the question screen.
  public var optionCursor = 0
  /// The identification field being edited, and its text.
  public var formField = 0
  public var formEditor = TextEditor()
  /// The highlighted line of the review or summary.
  public var listSelection = 0
  /// A one-line notice (search result, a refused action), cleared by the next key.
  public var notice: String?
  /// When the note being typed was last handed to the wizard (and so saved).
  public var noteFlushedAt: Date?
  /// The terminal size, as last reported.
  public var width = 80
  public var height = 24
  /// SHA-256 of the questionnaire source, for the summary's header.
  public var questionnaireDigest = ""

  public init(wizard: WizardState, language: InterfaceLanguage) {
    self.wizard = wizard
    self.language = language
  }

  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}
