import AssessmentCore
import Foundation

/// The keys the front ends name, in French, English and Dutch: the key bars of the full-screen
/// wizard's screens and the help's Keys section. Front-end texts, so they live with the front
/// ends rather than in the core's ``Phrase``.
public enum KeyText: CaseIterable, Sendable, TranslatedText {
  // The question screen's key bars, by question type (the other screens' come from their tables).
  case question, multiple, number, text, derogation, reverify
  // The help screen's Keys section.
  case keysTitle, helpKeys

  public var translations: (String, String, String) {
    switch self {
    case .question:
      return (
        "↑↓ 1-9 choisir  Entrée valider  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  / chercher  r revue  S résumé  ? aide  q quitter",
        "↑↓ 1-9 choose  Enter confirm  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  r review  S summary  ? help  q quit",
        "↑↓ 1-9 kiezen  Enter bevestigen  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  / zoeken  S samenvatting  ? hulp  q stoppen"
      )
    case .multiple:
      return (
        "↑↓ choisir  Espace cocher  1-9 cocher N  Entrée suivante  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  ? aide  q quitter",
        "↑↓ choose  Space tick  1-9 tick N  Enter next  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  ? help  q quit",
        "↑↓ kiezen  Spatie/1-9 aanvinken  Enter volgende  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  ? hulp  q stoppen"
      )
    case .number:
      return (
        "0-9 saisir le nombre  Entrée modifier  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  / chercher  r revue  S résumé  ? aide  q quitter",
        "0-9 type a number  Enter edit  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  r review  S summary  ? help  q quit",
        "0-9 getal typen  Enter wijzigen  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  / zoeken  S samenvatting  ? hulp  q stoppen"
      )
    case .text:
      return (
        "Entrée écrire la réponse  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  f marquer  a plan  / chercher  r revue  S résumé  ? aide  q quitter",
        "Enter write the answer  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  / search  g contents  r review  S summary  ? help  q quit",
        "Enter antwoord schrijven  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  f markeren  a plan  / zoeken  S samenvatting  ? hulp  q stoppen"
      )
    case .derogation:
      return (
        "↑↓ champ  Entrée remplir (puis champ suivant)  ←→ préc./suiv.  Suppr effacer la dérogation  Tab note  e preuves  f marquer  ? aide  q quitter",
        "↑↓ field  Enter fill in (then next field)  ←/→ prev/next  Del clear the derogation  Tab note  e evidence  f flag  ? help  q quit",
        "↑↓ veld  Enter invullen (dan volgend veld)  ←→ vorige/volgende  Del afwijking wissen  Tab notitie  e bewijs  f markeren  ? hulp  q stoppen"
      )
    case .reverify:
      return (
        "c confirmer l'an dernier  ↑↓ 1-9 choisir  Entrée valider  ←→ préc./suiv.  Suppr effacer  Tab note  e preuves  a plan  S résumé  ? aide  q quitter",
        "c confirm last year's  ↑↓ 1-9 choose  Enter confirm  ←/→ prev/next  Del clear  Tab note  e evidence  f flag  a plan  r review  S summary  ? help  q quit",
        "c vorig jaar bevestigen  ↑↓ 1-9 kiezen  Enter bevestigen  ←→ vorige/volgende  Del wissen  Tab notitie  e bewijs  a plan  S samenvatting  ? hulp  q stoppen"
      )
    case .keysTitle: return ("Touches", "Keys", "Toetsen")
    case .helpKeys:
      return (
        "↑ ↓ (k j) : mettre une option en évidence (aucune ne l'est sur une question sans réponse) ; 1–9 : choisir l'option N ; sur une question à nombre, un chiffre commence la saisie\nEntrée : enregistrer l'option en évidence et passer à la suivante ; sans option en évidence, passer sans rien enregistrer\nEspace : cocher ou décocher l'option en évidence (choix multiple)\nSuppr, Retour arrière ou x : effacer la réponse\n← PgPréc Maj-Tab / → PgSuiv : question précédente / suivante\nTab : note ; e : preuves ; f : marquer à revoir ; / et n : chercher, suivant ; u : revenir\na : plan d'action de l'écart (aussi depuis un écart du résumé) ; c : confirmer une réponse reprise de l'an dernier (à revérifier)\ng : sommaire ; r : revue ; S : résumé ; s ou Ctrl-S : enregistrer ; q, F10 ou Ctrl-C : quitter",
        "↑ ↓ (k j): highlight an option (none is on an unanswered question); 1–9: pick option N; on a number question, a digit starts typing the number\nEnter: record the highlighted option and go to the next question; with none highlighted, move on without recording anything\nSpace: tick or untick the highlighted option (multiple choice)\nDel, Backspace or x: clear the answer\n← PgUp Shift-Tab / → PgDn: previous / next question\nTab: note; e: evidence; f: flag for review; / and n: search, next match; u: go back\na: action plan of the gap (also from a gap in the summary); c: confirm an answer carried from last year (to re-verify)\ng: contents; r: review; S: summary; s or Ctrl-S: save; q, F10 or Ctrl-C: quit",
        "↑ ↓ (k j): een optie markeren (geen enkele bij een onbeantwoorde vraag); 1–9: optie N kiezen; bij een vraag naar een getal begint een cijfer het typen\nEnter: de gemarkeerde optie opslaan en naar de volgende vraag; zonder gemarkeerde optie verdergaan zonder iets op te slaan\nSpatie: de gemarkeerde optie aan- of uitvinken (meerkeuze)\nDel, Backspace of x: het antwoord wissen\n← PgUp Shift-Tab / → PgDn: vorige / volgende vraag\nTab: notitie; e: bewijs; f: markeren; / en n: zoeken, volgende; u: terug\na: actieplan van de tekortkoming (ook vanuit een tekortkoming in de samenvatting); c: een antwoord van vorig jaar bevestigen (opnieuw te controleren)\ng: inhoud; r: nazicht; S: samenvatting; s of Ctrl-S: opslaan; q, F10 of Ctrl-C: stoppen"
      )
    }
  }
}
