import AssessmentCore
import Foundation

/// The plain front end's own texts, in French, English and Dutch (`%1`, `%2`... filled by
/// `format`). Everything the full-screen wizard also shows comes from ``Phrase`` and the
/// summary, not from here.
enum PlainText: CaseIterable, TranslatedText {
  case location, commandsHint, promptChoice, promptChoices, promptText, promptNumber, promptDate
  case promptDerogationFirst, promptJustification, promptCommand, promptMenu, notAChoice
  case unknownCommand, notHere, commandsTitle, noteRecorded, noteCleared, noteNone, evidenceAdded
  case evidenceRemoved, evidenceNoSuch, flagRemoved, answerCleared, noSuchSection, noSuchQuestion
  case refusedLine, forcedAnswer, currentAnswer, reviewHint, summaryHint, finishedHint,
    blankRequired
  case menuTitle, justificationNeeded
  case promptStatus, dayForm, planFieldsHint, planEdits, reverifyMark, promptReverify, planWhich
  case finishConfirm, claimTakes

  var translations: (String, String, String) {
    switch self {
    case .location:
      return (
        "Section %1 sur %2, question %3 sur %4 : %5", "Section %1 of %2, question %3 of %4: %5",
        "Sectie %1 van %2, vraag %3 van %4: %5"
      )
    case .commandsHint:
      return (
        "Une réponse ou une commande par ligne ; ? donne la liste des commandes.",
        "One answer or command per line; ? lists the commands.",
        "Eén antwoord of opdracht per regel; ? geeft de lijst van opdrachten."
      )
    case .promptChoice:
      return (
        "Choix 1-%1 (Entrée : suivante sans répondre, ? : commandes) : ",
        "Choice 1-%1 (Enter: next without answering, ?: commands): ",
        "Keuze 1-%1 (Enter: volgende zonder te antwoorden, ?: opdrachten): "
      )
    case .promptChoices:
      return (
        "Choix, par exemple 1 3 (Entrée : suivante, ? : commandes) : ",
        "Choices, for example 1 3 (Enter: next, ?: commands): ",
        "Keuzes, bijvoorbeeld 1 3 (Enter: volgende, ?: opdrachten): "
      )
    case .promptText:
      return (
        "Réponse (Entrée : suivante, ? : commandes) : ", "Answer (Enter: next, ?: commands): ",
        "Antwoord (Enter: volgende, ?: opdrachten): "
      )
    case .promptDate:
      return (
        "Date AAAA-MM-JJ (Entrée : suivante, ? : commandes) : ",
        "Date YYYY-MM-DD (Enter: next, ?: commands): ",
        "Datum JJJJ-MM-DD (Enter: volgende, ?: opdrachten): "
      )
    case .promptNumber:
      return (
        "Nombre (Entrée : suivante, ? : commandes) : ", "Number (Enter: next, ?: commands): ",
        "Getal (Enter: volgende, ?: opdrachten): "
      )
    case .promptDerogationFirst:
      return (
        "%1 (Entrée : passer cette dérogation) : ", "%1 (Enter: skip this derogation): ",
        "%1 (Enter: deze afwijking overslaan): "
      )
    case .promptJustification:
      return (
        "Justification, écrite dans la note : ", "Justification, written in the note: ",
        "Verantwoording, in de notitie: "
      )
    case .promptCommand:
      return ("Commande (? : liste) : ", "Command (?: list): ", "Opdracht (?: lijst): ")
    case .promptMenu: return ("Choix 1-%1 : ", "Choice 1-%1: ", "Keuze 1-%1: ")
    case .notAChoice:
      return (
        "« %1 » n'est pas un choix : tapez un nombre de 1 à %2, ou ? pour les commandes",
        "“%1” is not a choice: type a number from 1 to %2, or ? for the commands",
        "‘%1’ is geen keuze: typ een getal van 1 tot %2, of ? voor de opdrachten"
      )
    case .unknownCommand:
      return (
        "« %1 » : commande inconnue ; ? donne la liste", "“%1”: unknown command; ? lists them",
        "‘%1’: onbekende opdracht; ? geeft de lijst"
      )
    case .notHere:
      return (
        "« %1 » ne s'applique pas ici", "“%1” does not apply here",
        "‘%1’ is hier niet van toepassing"
      )
    case .commandsTitle:
      return (
        "Commandes (le nom anglais est aussi compris) :", "Commands:",
        "Opdrachten (de Engelse naam werkt ook):"
      )
    case .noteRecorded: return ("Note enregistrée.", "Note recorded.", "Notitie opgeslagen.")
    case .noteCleared: return ("Note effacée.", "Note cleared.", "Notitie gewist.")
    case .noteNone:
      return (
        "Aucune note. « note TEXTE » l'écrit.", "No note. “note TEXT” writes one.",
        "Geen notitie. ‘notitie TEKST’ schrijft er een."
      )
    case .evidenceAdded:
      return ("Preuve %1 ajoutée.", "Evidence %1 added.", "Bewijsstuk %1 toegevoegd.")
    case .evidenceRemoved:
      return ("Preuve %1 retirée.", "Evidence %1 removed.", "Bewijsstuk %1 verwijderd.")
    case .evidenceNoSuch: return ("Pas de preuve %1.", "No evidence %1.", "Geen bewijsstuk %1.")
    case .flagRemoved:
      return ("Marque « à revoir » retirée.", "Flag removed.", "Markering verwijderd.")
    case .answerCleared: return ("Réponse effacée.", "Answer cleared.", "Antwoord gewist.")
    case .noSuchSection:
      return (
        "« %1 » : pas de section de ce numéro ; « section » seul donne la liste",
        "“%1”: no section with that number; “section” alone lists them",
        "‘%1’: geen sectie met dat nummer; ‘sectie’ alleen geeft de lijst"
      )
    case .noSuchQuestion:
      return (
        "« %1 » : aucune question applicable avec cet identifiant ou cette référence",
        "“%1”: no applicable question with that id or reference",
        "‘%1’: geen toepasselijke vraag met die id of referentie"
      )
    case .refusedLine:
      return (
        "ligne %1 : %2 ; arrêt à cette ligne, tout ce qui la précède est enregistré",
        "line %1: %2; stopped at this line, everything before it is saved",
        "regel %1: %2; gestopt bij deze regel, alles ervoor is opgeslagen"
      )
    case .finishConfirm:
      return (
        "Clôturer l'évaluation ? %1 sans réponse. o : oui, toute autre réponse : non",
        "Finish the assessment? %1 unanswered. y: yes, any other answer: no",
        "Beoordeling afronden? %1 onbeantwoord. j: ja, elk ander antwoord: nee"
      )
    case .forcedAnswer:
      return (
        "Une réponse est enregistrée telle qu'elle est tapée (un = au début compris) ; une réponse qui s'écrit comme une commande se tape « réponse TEXTE ».",
        "An answer is recorded as typed (an = at the start included); an answer that reads like a command is typed “answer TEXT”.",
        "Een antwoord wordt opgeslagen zoals het getypt is (een = vooraan inbegrepen); een antwoord dat eruitziet als een opdracht typ je als ‘antwoord TEKST’."
      )
    case .currentAnswer: return ("Réponse actuelle", "Current answer", "Huidig antwoord")
    case .reviewHint:
      return (
        "« aller ID » ouvre une question, « clôturer » termine, « retour » revient aux questions.",
        "“goto ID” opens a question, “finish” finishes, “back” returns to the questions.",
        "‘ga ID’ opent een vraag, ‘afronden’ rondt af, ‘terug’ keert terug naar de vragen."
      )
    case .summaryHint:
      return (
        "« aller ID » ouvre une question, « plan ID » le plan d'action d'un écart (ID entre crochets), « retour » revient aux questions.",
        "“goto ID” opens a question, “plan ID” a gap's action plan (the ID in brackets), “back” returns to the questions.",
        "‘ga ID’ opent een vraag, ‘actieplan ID’ het actieplan van een tekortkoming (de ID tussen haken), ‘terug’ keert terug naar de vragen."
      )
    case .planWhich:
      return (
        "quel écart ? « plan ID », avec l'identifiant entre crochets",
        "which gap? “plan ID”, with the id in brackets",
        "welke tekortkoming? ‘actieplan ID’, met de id tussen haken"
      )
    case .finishedHint:
      return (
        "L'évaluation est clôturée : « plan ID » suit le plan d'action d'un écart (ID entre crochets), « rouvrir » la rouvre, « quitter » quitte.",
        "The assessment is finished: “plan ID” follows up a gap's action plan (the ID in brackets), “reopen” reopens it, “quit” quits.",
        "De beoordeling is afgerond: ‘actieplan ID’ volgt het actieplan van een tekortkoming op (de ID tussen haken), ‘heropenen’ heropent ze, ‘stoppen’ stopt."
      )
    case .blankRequired:
      return (
        "ce champ ne peut pas rester vide", "this field cannot stay empty",
        "dit veld mag niet leeg blijven"
      )
    case .justificationNeeded:
      return (
        "Non applicable exige une justification, écrite dans la note (« note TEXTE »).",
        "Not applicable needs a justification, written in the note (“note TEXT”).",
        "Niet van toepassing vereist een verantwoording, in de notitie (‘notitie TEKST’)."
      )
    case .menuTitle: return ("Que faire ?", "What now?", "Wat nu?")
    case .promptStatus:
      return (
        "Statut 1-4 [%1] (Entrée : garder) : ", "Status 1-4 [%1] (Enter: keep): ",
        "Status 1-4 [%1] (Enter: behouden): "
      )
    case .dayForm: return ("AAAA-MM-JJ", "YYYY-MM-DD", "JJJJ-MM-DD")
    case .planFieldsHint:
      return (
        "Un champ par ligne : Entrée garde la valeur entre crochets, « - » l'efface ; les champs de l'acceptation ne sont demandés que pour un risque accepté.",
        "One field per line: Enter keeps the value in brackets, “-” clears it; the acceptance's fields are asked only for an accepted risk.",
        "Eén veld per regel: Enter behoudt de waarde tussen haken, ‘-’ wist ze; de velden van de aanvaarding worden enkel gevraagd voor een aanvaard risico."
      )
    case .planEdits:
      return (" (« plan » le modifie)", " (“plan” edits it)", " (‘actieplan’ wijzigt het)")
    case .claimTakes:
      return (
        " (« prendre » en fait votre réponse)", " (“take” makes it your answer)",
        " (‘overnemen’ maakt het uw antwoord)"
      )
    case .reverifyMark:
      return (
        "À REVÉRIFIER — réponse de l'évaluation précédente, pas encore vérifiée : « confirmer » la garde, ou donnez une autre réponse.",
        "TO RE-VERIFY — last year's answer, not counted as verified: “confirm” keeps it, or give another answer.",
        "OPNIEUW TE CONTROLEREN — antwoord van vorig jaar, telt niet als gecontroleerd: ‘bevestigen’ behoudt het, of geef een ander antwoord."
      )
    case .promptReverify:
      return (
        "À revérifier (« confirmer » la garde). ", "To re-verify (“confirm” keeps it). ",
        "Opnieuw te controleren (‘bevestigen’ behoudt het). "
      )
    }
  }
}

/// What a typed command does: one per key of the full-screen wizard.
enum PlainCommand: CaseIterable {
  case commands, answer, help, repeatQuestion, note, evidence, flag, clear, plan, confirm, take,
    back, next,
    section, goto, search
  case review, summary, decision, finish, reopen, save, quit, takeOurs, takeTheirs

  /// The names understood: the interface language's first, then English (always understood).
  func names(_ language: InterfaceLanguage) -> [String] {
    let entry: (String, String, String)
    switch self {
    case .commands: return ["?"]
    case .answer: entry = ("réponse", "answer", "antwoord")
    case .help: entry = ("aide", "help", "hulp")
    case .repeatQuestion: entry = ("répéter", "repeat", "herhalen")
    case .note: entry = ("note", "note", "notitie")
    case .evidence: entry = ("preuve", "evidence", "bewijs")
    case .flag: entry = ("marquer", "flag", "markeren")
    case .clear: entry = ("effacer", "clear", "wissen")
    case .plan: entry = ("plan", "plan", "actieplan")
    case .confirm: entry = ("confirmer", "confirm", "bevestigen")
    case .take: entry = ("prendre", "take", "overnemen")
    case .back: entry = ("retour", "back", "terug")
    case .next: entry = ("suivant", "next", "volgende")
    case .section: entry = ("section", "section", "sectie")
    case .goto: entry = ("aller", "goto", "ga")
    case .search: entry = ("chercher", "search", "zoeken")
    case .review: entry = ("revue", "review", "nazicht")
    case .summary: entry = ("résumé", "summary", "samenvatting")
    case .decision: entry = ("décision", "decision", "beslissing")
    case .finish: entry = ("clôturer", "finish", "afronden")
    case .reopen: entry = ("rouvrir", "reopen", "heropenen")
    case .save: entry = ("enregistrer", "save", "opslaan")
    case .quit: entry = ("quitter", "quit", "stoppen")
    case .takeOurs: entry = ("nôtre", "ours", "onze")
    case .takeTheirs: entry = ("leur", "theirs", "andere")
    }
    let own: String
    switch language {
    case .fr: own = entry.0
    case .en: own = entry.1
    case .nl: own = entry.2
    }
    return own == entry.1 ? [own] : [own, entry.1]
  }

  /// Whether the command takes the rest of the line (`note TEXT`); those without one are
  /// recognised only when the line is the name alone, so that an answer such as "next steps
  /// are planned" is not taken for `next`.
  var takesArgument: Bool {
    switch self {
    case .answer, .note, .evidence, .section, .goto, .search, .plan: return true
    default: return false
    }
  }

  /// The line of the `?` list.
  func describe(_ language: InterfaceLanguage) -> String {
    let names = self.names(language)
    let argument: String
    switch (self, language) {
    case (.answer, .fr): argument = " TEXTE"
    case (.answer, .nl): argument = " TEKST"
    case (.answer, _): argument = " TEXT"
    case (.note, .fr), (.evidence, .fr), (.search, .fr): argument = " [TEXTE]"
    case (.note, .nl), (.evidence, .nl), (.search, .nl): argument = " [TEKST]"
    case (.note, _), (.evidence, _), (.search, _): argument = " [TEXT]"
    case (.section, _): argument = " [N]"
    case (.goto, _): argument = " ID"
    case (.plan, _): argument = " [ID]"
    default: argument = ""
    }
    let what: (String, String, String)
    switch self {
    case .commands: what = ("cette liste", "this list", "deze lijst")
    case .answer:
      what = (
        "TEXTE est la réponse, même s'il s'écrit comme une commande (« réponse suivant » répond « suivant »)",
        "TEXT is the answer, even when it reads like a command (“answer next” answers “next”)",
        "TEKST is het antwoord, ook als het eruitziet als een opdracht (‘antwoord volgende’ antwoordt ‘volgende’)"
      )
    case .help:
      what = (
        "l'aide de la question : pourquoi, quelles preuves demander, correspondances",
        "the question's help: why, what evidence to ask for, mappings",
        "hulp bij de vraag: waarom, welke bewijzen vragen, mappings"
      )
    case .repeatQuestion:
      what = ("réafficher la question", "show the question again", "de vraag opnieuw tonen")
    case .note:
      what = (
        "sans texte : afficher la note ; avec : la remplacer ; « note - » l'efface",
        "without text: show the note; with text: replace it; “note -” clears it",
        "zonder tekst: de notitie tonen; met tekst: ze vervangen; ‘notitie -’ wist ze"
      )
    case .evidence:
      what = (
        "sans texte : lister les preuves ; avec : en ajouter une ; « preuve -N » retire la N-ième ; "
          + "« preuve N délivrée AAAA-MM-JJ », « preuve N valable AAAA-MM-JJ » datent la N-ième, "
          + "« preuve N fichier CHEMIN » y joint un fichier (son SHA-256 est enregistré)",
        "without text: list the evidence; with text: add a reference; “evidence -N” removes the Nth; "
          + "“evidence N issued YYYY-MM-DD”, “evidence N valid YYYY-MM-DD” date the Nth, "
          + "“evidence N file PATH” attaches a file to it (its SHA-256 is recorded)",
        "zonder tekst: de bewijsstukken tonen; met tekst: er een toevoegen; "
          + "‘bewijs -N’ verwijdert het N-de; ‘bewijs N uitgereikt JJJJ-MM-DD’, ‘bewijs N geldig JJJJ-MM-DD’ dateren het N-de, "
          + "‘bewijs N bestand PAD’ voegt er een bestand bij (de SHA-256 ervan wordt geregistreerd)"
      )
    case .flag:
      what = (
        "marquer à revoir, ou retirer la marque", "flag for review, or remove the flag",
        "markeren om te herbekijken, of de markering weghalen"
      )
    case .clear: what = ("effacer la réponse", "clear the answer", "het antwoord wissen")
    case .plan:
      what = (
        "le plan d'action de l'écart, champ par champ : statut, responsable, échéance, référence et, pour un risque accepté, qui, quand, pourquoi, jusqu'à quand ; avec ID : celui de cette question",
        "the gap's action plan, field by field: status, owner, due date, reference and, for an accepted risk, who, when, why, until when; with an ID: that question's",
        "het actieplan van de tekortkoming, veld per veld: status, verantwoordelijke, vervaldatum, referentie en, voor een aanvaard risico, wie, wanneer, waarom, tot wanneer; met een ID: dat van die vraag"
      )
    case .decision:
      what = (
        "depuis la revue ou le résumé : enregistrer la décision de la direction, champ par champ (décision, décidé par, fonction, référence, date, conditions)",
        "from the review or the summary: record management's decision, field by field (decision, decided by, role, reference, date, conditions)",
        "vanuit het nazicht of de samenvatting: de beslissing van de directie registreren, veld per veld (beslissing, beslist door, functie, referentie, datum, voorwaarden)"
      )
    case .confirm:
      what = (
        "confirmer la réponse reprise de l'évaluation précédente (à revérifier) et passer à la suivante",
        "confirm the answer carried from the previous assessment (to re-verify) and go to the next question",
        "het antwoord uit de vorige beoordeling bevestigen (opnieuw te controleren) en naar de volgende vraag gaan"
      )
    case .take:
      what = (
        "reprendre la réponse du fournisseur (de son classeur importé) comme votre réponse",
        "take the provider's answer (from its imported workbook) as yours",
        "het antwoord van de leverancier (uit de ingelezen werkmap) als uw antwoord overnemen"
      )
    case .back:
      what = (
        "question précédente (depuis la revue ou le résumé : retour aux questions)",
        "previous question (from the review or the summary: back to the questions)",
        "vorige vraag (vanuit het nazicht of de samenvatting: terug naar de vragen)"
      )
    case .next:
      what = (
        "question suivante sans répondre", "next question without answering",
        "volgende vraag zonder te antwoorden"
      )
    case .section:
      what = (
        "sans numéro : la table des matières ; avec : aller à la section N",
        "without a number: the table of contents; with one: go to section N",
        "zonder nummer: de inhoudstafel; met nummer: naar sectie N gaan"
      )
    case .goto:
      what = (
        "aller à une question par son identifiant ou sa référence",
        "go to a question by its id or reference", "naar een vraag gaan via haar id of referentie"
      )
    case .search:
      what = (
        "chercher dans les questions et l'aide ; sans texte : résultat suivant",
        "search the questions and their help; without text: next match",
        "zoeken in de vragen en de hulp; zonder tekst: volgend resultaat"
      )
    case .review:
      what = (
        "la revue : sans réponse, à revoir, non applicable sans justification",
        "the review: unanswered, flagged, not applicable without justification",
        "het nazicht: onbeantwoord, gemarkeerd, niet van toepassing zonder verantwoording"
      )
    case .summary: what = ("le résumé des risques", "the risk summary", "de risicosamenvatting")
    case .finish:
      what = ("clôturer l'évaluation", "finish the assessment", "de beoordeling afronden")
    case .reopen:
      what = (
        "rouvrir une évaluation clôturée", "reopen a finished assessment",
        "een afgeronde beoordeling heropenen"
      )
    case .save:
      what = (
        "enregistrer maintenant (chaque réponse l'est déjà)", "save now (every answer already is)",
        "nu opslaan (elk antwoord is dat al)"
      )
    case .takeOurs:
      what = (
        "conflit de fusion : garder notre réponse (celle de cette copie)",
        "merge conflict: keep our answer (this copy's)",
        "samenvoegconflict: ons antwoord behouden (dat van deze kopie)"
      )
    case .takeTheirs:
      what = (
        "conflit de fusion : prendre leur réponse (celle de l'autre copie) ; répondre autrement tranche aussi le conflit",
        "merge conflict: take their answer (the other copy's); answering anew settles it too",
        "samenvoegconflict: hun antwoord overnemen (dat van de andere kopie); een ander antwoord geven beslecht het conflict ook"
      )
    case .quit:
      what = (
        "enregistrer et quitter ; la fin de l'entrée fait de même",
        "save and leave; the end of the input does the same",
        "opslaan en stoppen; het einde van de invoer doet hetzelfde"
      )
    }
    let text: String
    switch language {
    case .fr: text = what.0
    case .en: text = what.1
    case .nl: text = what.2
    }
    return "  " + names.joined(separator: " / ") + argument + language.colon
      + text
  }

  /// The command a line names, with its argument; nil when the line is not a command.
  static func parse(_ line: String, _ language: InterfaceLanguage) -> (PlainCommand, String)? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    let word = trimmed.prefix { !$0.isWhitespace }
    let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
    let key = fold(String(word))
    for command in allCases where command.names(language).contains(where: { fold($0) == key }) {
      if !rest.isEmpty, !command.takesArgument { return nil }
      return (command, rest)
    }
    return nil
  }

  /// Case and accents do not matter: "resume", "Résumé" and "RÉSUMÉ" are one name.
  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
