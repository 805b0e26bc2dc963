import AssessmentCore

extension ProviderImportProblem {
  /// What is wrong, where, and how to fix it, in an interface language.
  public func message(_ language: InterfaceLanguage) -> String {
    let pick = language.pick
    let keys = ProviderWorkbook.Column.allCases.map(\.rawValue).joined(separator: ", ")
    switch self {
    case .noQuestionsSheet:
      return pick(
        "aucune feuille n'a la ligne des clés de colonnes (\(keys)) : ce classeur n'a pas été produit par « cloud-assess provider export », ou sa ligne 1, masquée, a été supprimée",
        "no sheet has the row of column keys (\(keys)): this workbook was not made by 'cloud-assess provider export', or its hidden row 1 was deleted",
        "geen enkel blad heeft de rij met kolomsleutels (\(keys)): deze werkmap werd niet gemaakt door ‘cloud-assess provider export’, of haar verborgen rij 1 werd verwijderd"
      )
    case .duplicateColumn(let key, let cells):
      let list = cells.joined(separator: ", ")
      return pick(
        "la clé de colonne « \(key) » figure plusieurs fois (\(list)) : impossible de savoir quelle colonne lire ; n'en gardez qu'une",
        "the column key '\(key)' appears more than once (\(list)): it is unclear which column to read; keep only one",
        "de kolomsleutel ‘\(key)’ komt meer dan eens voor (\(list)): het is onduidelijk welke kolom gelezen moet worden; behoud er slechts één"
      )
    case .noCover:
      return pick(
        "le classeur n'a pas la feuille de couverture qui dit pour quelle session et quel questionnaire il a été produit ; importez le classeur produit par « cloud-assess provider export » pour cette session",
        "the workbook lacks the cover sheet that says which session and questionnaire it was made for; import the workbook 'cloud-assess provider export' made for this session",
        "de werkmap heeft geen voorblad dat vermeldt voor welke sessie en vragenlijst ze werd gemaakt; importeer de werkmap die ‘cloud-assess provider export’ voor deze sessie maakte"
      )
    case .otherSession(let workbook, let session):
      return pick(
        "ce classeur a été produit pour la session « \(workbook) », pas pour « \(session) » : importez-le dans sa session, ou exportez un classeur pour celle-ci",
        "this workbook was made for the session '\(workbook)', not '\(session)': import it into its session, or export a workbook for this one",
        "deze werkmap werd gemaakt voor de sessie ‘\(workbook)’, niet voor ‘\(session)’: importeer ze in haar sessie, of exporteer een werkmap voor deze sessie"
      )
    case .otherQuestionnaire(let workbook, let session):
      func name(_ origin: ProviderWorkbookOrigin) -> String {
        "\(origin.questionnaireID) \(origin.questionnaireVersion) (\(origin.questionnaireDigest.prefix(12)))"
      }
      return pick(
        "ce classeur a été produit pour le questionnaire \(name(workbook)), alors que la session suit \(name(session)) : les questions ont pu changer ; exportez un nouveau classeur",
        "this workbook was made for the questionnaire \(name(workbook)), while the session follows \(name(session)): the questions may have changed; export a new workbook",
        "deze werkmap werd gemaakt voor de vragenlijst \(name(workbook)), terwijl de sessie \(name(session)) volgt: de vragen kunnen gewijzigd zijn; exporteer een nieuwe werkmap"
      )
    case .unknownID(let cell, let id):
      if id.isEmpty {
        return pick(
          "\(cell) : une ligne remplie sans identifiant de question ; remettez l'identifiant de la question dans la colonne « \(ProviderWorkbook.Column.id.rawValue) », ou videz la ligne",
          "\(cell): a row filled in without a question id; put the question's id back in the column '\(ProviderWorkbook.Column.id.rawValue)', or empty the row",
          "\(cell): een ingevulde rij zonder vraag-id; zet de id van de vraag terug in de kolom ‘\(ProviderWorkbook.Column.id.rawValue)’, of maak de rij leeg"
        )
      }
      return pick(
        "\(cell) : « \(id) » n'est pas une question de ce questionnaire ; remettez l'identifiant exporté, ou supprimez la ligne",
        "\(cell): '\(id)' is not a question of this questionnaire; put back the exported id, or delete the row",
        "\(cell): ‘\(id)’ is geen vraag van deze vragenlijst; zet de geëxporteerde id terug, of verwijder de rij"
      )
    case .notAskedOfProvider(let cell, let id):
      return pick(
        "\(cell) : la question « \(id) » relève de l'organisation, pas du fournisseur ; supprimez la ligne",
        "\(cell): the question '\(id)' is the organisation's, not the provider's; delete the row",
        "\(cell): de vraag ‘\(id)’ is een zaak van de organisatie, niet van de leverancier; verwijder de rij"
      )
    case .duplicateID(let cell, let id, let first):
      return pick(
        "\(cell) : la question « \(id) » a déjà une ligne (\(first)) ; gardez-en une",
        "\(cell): the question '\(id)' already has a row (\(first)); keep one",
        "\(cell): de vraag ‘\(id)’ heeft al een rij (\(first)); behoud er één")
    case .outsideList(let cell, let value, let allowed):
      let list = allowed.map { "« \($0) »" }.joined(separator: ", ")
      let listEN = allowed.map { "'\($0)'" }.joined(separator: ", ")
      let listNL = allowed.map { "‘\($0)’" }.joined(separator: ", ")
      return pick(
        "\(cell) : « \(value) » n'est pas dans la liste ; choisissez parmi \(list)",
        "\(cell): '\(value)' is not in the list; choose among \(listEN)",
        "\(cell): ‘\(value)’ staat niet in de lijst; kies uit \(listNL)")
    case .notANumber(let cell, let value):
      return pick(
        "\(cell) : « \(value) » n'est pas un nombre ; écrivez un nombre dans la cellule",
        "\(cell): '\(value)' is not a number; write a number in the cell",
        "\(cell): ‘\(value)’ is geen getal; schrijf een getal in de cel")
    case .notADay(let cell, let value):
      return pick(
        "\(cell) : « \(value) » n'est pas une date ; écrivez-la AAAA-MM-JJ, par exemple 2027-03-31",
        "\(cell): '\(value)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31",
        "\(cell): ‘\(value)’ is geen datum; schrijf ze als JJJJ-MM-DD, bv. 2027-03-31")
    case .validityWithoutEvidence(let cell, let evidenceCell):
      return pick(
        "\(cell) : une date de validité sans la preuve à laquelle elle se rapporte ; nommez le document en \(evidenceCell), ou videz la cellule \(cell)",
        "\(cell): a validity date without the evidence it belongs to; name the document in \(evidenceCell), or empty the cell \(cell)",
        "\(cell): een geldigheidsdatum zonder het bewijsstuk waarbij ze hoort; vermeld het document in \(evidenceCell), of maak de cel \(cell) leeg"
      )
    case .errorValue(let cell, let value):
      return pick(
        "\(cell) : la cellule contient l'erreur \(value) au lieu d'un texte ; remplacez-la par votre réponse",
        "\(cell): the cell holds the error \(value) instead of text; replace it with your answer",
        "\(cell): de cel bevat de fout \(value) in plaats van tekst; vervang ze door uw antwoord")
    }
  }
}

extension ProviderImportNotice {
  public func message(_ language: InterfaceLanguage) -> String {
    switch self {
    case .formula(let cell, let formula, let value):
      switch language {
      case .fr:
        return
          "\(cell) : une formule (=\(formula)), lue comme la valeur enregistrée avec elle (« \(value) »), jamais calculée"
      case .en:
        return
          "\(cell): a formula (=\(formula)), read as the value saved with it ('\(value)'), never computed"
      case .nl:
        return
          "\(cell): een formule (=\(formula)), gelezen als de waarde die ermee werd opgeslagen (‘\(value)’), nooit berekend"
      }
    }
  }
}
