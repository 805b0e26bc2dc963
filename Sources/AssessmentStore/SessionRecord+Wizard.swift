import AssessmentCore
import Foundation

extension SessionRecord {
  /// A new session record for a questionnaire.
  public init(id: String, questionnaire loaded: LoadedQuestionnaire, state: WizardState) {
    self.init(
      id: id,
      questionnaire: QuestionnaireReference(
        id: loaded.questionnaire.id, version: loaded.questionnaire.version, digest: loaded.digest,
        path: loaded.file),
      metadata: state.metadata, phase: state.phase, cursorQuestionID: nil, answers: [:])
    update(from: state, questionnaire: loaded.questionnaire)
  }

  /// Copies what a session file keeps from the wizard state.
  public mutating func update(from state: WizardState, questionnaire: Questionnaire) {
    metadata = state.metadata
    phase = state.phase
    answers = state.answers
    // Derived from what just changed: out of date until recomputed (``makeAbstract(_:)``).
    abstract = nil
    cursorQuestionID =
      questionnaire.questions.indices.contains(state.cursor)
      ? questionnaire.questions[state.cursor].id : nil
  }

  /// The wizard state this record reopens into.
  public func wizardState(_ wizard: Wizard) -> WizardState {
    let cursor = cursorQuestionID.flatMap { wizard.questionnaire.index(of: $0) } ?? 0
    return wizard.resume(phase: phase, metadata: metadata, answers: answers, cursor: cursor)
  }

  /// What to tell the assessor when reopening this record with `loaded`, in an interface language.
  public func warnings(against loaded: LoadedQuestionnaire, language: InterfaceLanguage = .en)
    -> [String]
  {
    var warnings: [String] = []
    if questionnaire.digest != loaded.digest && !loaded.hadDigest(questionnaire.digest) {
      let id = loaded.questionnaire.id
      let from = questionnaire.version
      let to = loaded.questionnaire.version
      let file = loaded.file.map { " (\($0))" } ?? ""
      // The content can change under the same version number (an edited copy).
      let versions: String
      switch language {
      case .fr:
        versions =
          from == to ? "même numéro de version \(to), contenu différent" : "version \(from) → \(to)"
      case .en:
        versions =
          from == to ? "same version number \(to), different content" : "version \(from) → \(to)"
      case .nl:
        versions =
          from == to ? "zelfde versienummer \(to), andere inhoud" : "versie \(from) → \(to)"
      }
      switch language {
      case .fr:
        warnings.append(
          "le questionnaire « \(id) »\(file) a changé depuis l'enregistrement de cette session (\(versions)) ; les réponses sont conservées par identifiant de question"
        )
      case .en:
        warnings.append(
          "the questionnaire '\(id)'\(file) changed since this session was saved (\(versions)); answers are kept by question id"
        )
      case .nl:
        warnings.append(
          "de vragenlijst ‘\(id)’\(file) is gewijzigd sinds deze sessie werd opgeslagen (\(versions)); de antwoorden blijven bewaard per vraag-id"
        )
      }
    }
    let orphans = answers.keys.filter { loaded.questionnaire.index(of: $0) == nil }.sorted()
    if !orphans.isEmpty {
      let list = orphans.joined(separator: ", ")
      switch language {
      case .fr:
        warnings.append(
          "\(orphans.count) réponse(s) concernent des questions que ce questionnaire n'a plus ; elles restent dans le fichier : \(list)"
        )
      case .en:
        warnings.append(
          "\(orphans.count) answer(s) concern questions this questionnaire no longer has; they are kept in the file: \(list)"
        )
      case .nl:
        warnings.append(
          "\(orphans.count) antwoord(en) betreffen vragen die deze vragenlijst niet meer heeft; ze blijven in het bestand: \(list)"
        )
      }
    }
    return warnings
  }
}
