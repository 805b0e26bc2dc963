import Foundation

/// Who must act on a point: the provider (a contract clause, a security measure of its own), the
/// organisation (its own preparation, risk analysis, decision) or both (the organisation keeps
/// control and the provider supplies the means, e.g. keys the organisation manages in the
/// provider's key service).
public enum DutyOwner: String, CaseIterable, Equatable, Sendable {
  /// The provider's: the action is what to demand of it.
  case provider
  /// The organisation's own: the action is what to do.
  case organisation
  /// Both parties': the organisation and the provider each do their part.
  case shared

  /// The owner's place in ``allCases``.
  public var order: Int {
    switch self {
    case .provider: return 0
    case .organisation: return 1
    case .shared: return 2
    }
  }

  /// The owner in words, as a value on its own ("Provider", "Shared (organisation and
  /// provider)").
  public func name(_ language: InterfaceLanguage) -> String {
    let words: (fr: String, en: String, nl: String)
    switch self {
    case .provider: words = ("Fournisseur", "Provider", "Leverancier")
    case .organisation: words = ("Organisation", "Organisation", "Organisatie")
    case .shared:
      words = (
        "Partagée (organisation et fournisseur)", "Shared (organisation and provider)",
        "Gedeeld (organisatie en leverancier)"
      )
    }
    switch language {
    case .fr: return words.fr
    case .en: return words.en
    case .nl: return words.nl
    }
  }

  /// The owner in words, marked as what an action takes while it names no owner ("Provider (by
  /// default)").
  public func byDefault(_ language: InterfaceLanguage) -> String {
    let mark: String
    switch language {
    case .fr: mark = "par défaut"
    case .en: mark = "by default"
    case .nl: mark = "standaard"
    }
    return name(language) + " (" + mark + ")"
  }

  /// The heading of the owner: who must act on the point.
  public static func heading(_ language: InterfaceLanguage) -> String {
    switch language {
    case .fr: return "Responsabilité"
    case .en: return "Responsibility"
    case .nl: return "Verantwoordelijkheid"
    }
  }

  /// The owner after its heading, in one line ("Responsibility: Provider").
  public func labelled(_ language: InterfaceLanguage) -> String {
    Self.heading(language) + language.colon + name(language)
  }
}

extension Questionnaire {
  /// Who must act on the question at `position` (in walking order): the question's own owner,
  /// else its section's, else the questionnaire's.
  public func owner(at position: Int) -> DutyOwner {
    questions[position].owner ?? owner(ofSection: sectionIndexOfQuestion[position])
  }

  /// Who must act on the question `id`; the questionnaire's owner for an unknown id.
  public func owner(of id: String) -> DutyOwner {
    index(of: id).map { owner(at: $0) } ?? owner
  }

  /// Who must act on the points of the section at `index` that do not say.
  public func owner(ofSection index: Int) -> DutyOwner {
    sections[index].owner ?? owner
  }
}
