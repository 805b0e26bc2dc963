import AssessmentCore
import Foundation
import SystemSupport

/// Converts a CISO Assistant framework library (a YAML file of intuitem's format) into a
/// questionnaire directory: `questionnaire.yaml` and `sections/*.yaml`, returned as texts for the
/// caller to write. The mapping, what is kept and what is lost, is docs/import-ciso-assistant.md.
///
/// The library is read as hostile: a size limit before parsing, libyaml through ``YAMLTree``
/// (no key twice, bounded nesting), a bound on the nodes walked (aliases are walked each time
/// they are used), every problem located. The questionnaire written is read back by
/// ``QuestionnaireFiles`` before it is returned, so what is returned always validates.
public enum CISOAssistantImport {
  /// Libraries larger than this are refused before parsing (the largest published ones are a
  /// few megabytes).
  public static let maximumSize = 32 * 1024 * 1024
  /// Walking more YAML nodes than this is refused.
  public static let maximumNodes = 2_000_000
  /// Reading more bytes of text than this is refused (aliases to a long text are read each
  /// time they are used).
  public static let maximumTextBytes = 64 * 1024 * 1024
  /// The problems reported at most: a broken library can have one per node.
  public static let maximumProblems = 100

  /// What to import, and in which languages.
  public struct Options: Sendable {
    /// The framework's URN, for a library holding several.
    public var framework: String?
    /// The questionnaire's languages, the first authoritative; nil: the library's own
    /// (`locale`) first, then French, Dutch and English where the library translates into them.
    public var languages: [String]?

    public init(framework: String? = nil, languages: [String]? = nil) {
      self.framework = framework
      self.languages = languages
    }
  }

  /// A file of the questionnaire directory: its path inside it and its text.
  public struct File: Equatable, Sendable {
    public var path: String
    public var text: String
  }

  /// What was converted.
  public struct Converted: Sendable {
    /// `questionnaire.yaml` first, then the section parts in order.
    public var files: [File]
    /// The questionnaire as `validate` reads it back.
    public var questionnaire: Questionnaire
    /// What the questionnaire format could not keep, to tell the user.
    public var lost: [Lost]
  }

  /// Something of the library the questionnaire does not keep, or keeps differently.
  public enum Lost: Equatable, Sendable {
    /// A `depends_on` naming a question that comes later (conditions look back only): the
    /// question is always shown.
    case laterDependency(question: String, on: String)
    /// A `depends_on` whose answers are not choices of the question it names.
    case unusableDependency(question: String)
    /// A requirement names an implementation group the framework does not define.
    case unknownGroup(String, node: String)
    /// A choice selects groups from a question that comes after requirements of the group.
    case laterGroupSelection(choice: String)
    /// Links to reference controls and threats.
    case links(Int)
    /// A `compute_result` that is none of the known results.
    case unknownResult(String, choice: String)

    public func message(_ language: InterfaceLanguage) -> String {
      switch self {
      case .laterDependency(let question, let on):
        return pick(
          language,
          "la question \(question) dépend de \(on), qui vient après elle : la condition est abandonnée et la question est toujours posée",
          "question \(question) depends on \(on), which comes after it: the condition is dropped and the question is always asked",
          "vraag \(question) hangt af van \(on), die erna komt: de voorwaarde vervalt en de vraag wordt altijd gesteld"
        )
      case .unusableDependency(let question):
        return pick(
          language,
          "la dépendance (depends_on) de la question \(question) ne nomme aucun choix de la question dont elle dépend : elle est abandonnée",
          "the dependency (depends_on) of question \(question) names no choice of the question it depends on: it is dropped",
          "de afhankelijkheid (depends_on) van vraag \(question) noemt geen keuze van de vraag waarvan ze afhangt: ze vervalt"
        )
      case .unknownGroup(let group, let node):
        return pick(
          language,
          "l'exigence \(node) cite le groupe de mise en œuvre « \(group) », que le référentiel ne définit pas : ignoré",
          "requirement \(node) names the implementation group '\(group)', which the framework does not define: ignored",
          "vereiste \(node) noemt de implementatiegroep ‘\(group)’, die het referentiekader niet definieert: genegeerd"
        )
      case .laterGroupSelection(let choice):
        return pick(
          language,
          "le choix \(choice) sélectionne des groupes pour des exigences qui le précèdent : il ne vaut que pour celles qui le suivent",
          "choice \(choice) selects groups for requirements that come before it: it applies only to those after it",
          "keuze \(choice) selecteert groepen voor vereisten die ervoor komen: ze geldt alleen voor die erna"
        )
      case .links(let count):
        return pick(
          language,
          "\(count) lien(s) vers des mesures de référence et des menaces ne sont pas importés",
          "\(count) link(s) to reference controls and threats are not imported",
          "\(count) koppeling(en) naar referentiemaatregelen en dreigingen worden niet geïmporteerd"
        )
      case .unknownResult(let value, let choice):
        return pick(
          language,
          "le choix \(choice) donne le résultat inconnu « \(value) » : il n'est pas repris dans l'aide",
          "choice \(choice) gives the unknown result '\(value)': it is left out of the help",
          "keuze \(choice) geeft het onbekende resultaat ‘\(value)’: het staat niet in de hulp"
        )
      }
    }
  }

  /// A problem of the library, located.
  public struct Problem: Equatable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var kind: Kind

    public enum Expected: String, Equatable, Sendable {
      case mapping, list, text, boolean
    }

    public enum Kind: Equatable, Sendable {
      /// libyaml's words, or the tree's refusal (a key twice, nesting, a second document).
      case yaml(String)
      case notUTF8
      case tooLarge(Int, limit: Int)
      case tooManyNodes(Int)
      case tooMuchText(Int)
      case notALibrary(missing: String)
      case notAFramework(holds: [String])
      case severalFrameworks([String])
      case frameworkNotFound(String, available: [String])
      case noRequirements
      case notA(what: String, expected: Expected)
      case missingKey(String, in: String)
      case missingURN(what: String)
      case duplicateURN(String, firstLine: Int)
      case duplicateGroup(String, firstLine: Int)
      case unknownParent(String, child: String)
      case parentLoop([String])
      case unknownQuestionType(String, known: [String])
      case noChoices(String)
      case badDependencyCondition(String)
      case unknownDependency(String, question: String)
      case unknownLanguage(String, available: [String])
      /// The questionnaire made does not validate (a limit of the format): the reader's words.
      case output(String)
    }

    public func message(_ language: InterfaceLanguage) -> String {
      "\(file):\(line):\(column): " + kind.message(language)
    }
  }

  /// Why nothing was converted.
  public enum Failure: Error, Equatable {
    case unreadable(path: String, reason: String)
    case invalid([Problem])
  }

  // MARK: - Entry points

  /// Reads the library at `path` and converts it.
  public static func convert(path: String, options: Options = Options()) throws(Failure)
    -> Converted
  {
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
      size > maximumSize
    {
      throw .invalid([
        Problem(file: path, line: 1, column: 1, kind: .tooLarge(size, limit: maximumSize))
      ])
    }
    let data: Data
    do {
      data = try FileContents.read(path)
    } catch {
      throw .unreadable(path: path, reason: error.reason)
    }
    return try convert(data, source: path, options: options)
  }

  /// Converts the bytes of a library; `source` names it in messages.
  public static func convert(_ data: Data, source: String, options: Options = Options())
    throws(Failure) -> Converted
  {
    guard data.count <= maximumSize else {
      throw .invalid([
        Problem(file: source, line: 1, column: 1, kind: .tooLarge(data.count, limit: maximumSize))
      ])
    }
    var tree = YAMLTree()
    tree.reserve(forBytes: data.count)
    let parsed: Result<Node?, FormatProblem> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard UTF8Check.isValid(bytes) else {
        let (line, column) = UTF8Check.firstInvalid(data)
        return .failure(FormatProblem(file: source, line: line, column: column, message: ""))
      }
      return tree.read(bytes, file: source)
    }
    let root: Node
    switch parsed {
    case .failure(let problem):
      let kind: Problem.Kind = problem.message.isEmpty ? .notUTF8 : .yaml(problem.message)
      throw .invalid([Problem(file: source, line: problem.line, column: problem.column, kind: kind)]
      )
    case .success(nil):
      throw .invalid([
        Problem(file: source, line: 1, column: 1, kind: .notALibrary(missing: "urn, objects"))
      ])
    case .success(let node?):
      root = node
    }
    var reader = CISOAssistantLibraryReader(tree: tree, file: source)
    guard let library = reader.read(root, framework: options.framework) else {
      throw .invalid(reader.problems)
    }
    let languages: [String]
    if let chosen = options.languages {
      for language in chosen where !library.languages.contains(language) {
        throw .invalid([
          Problem(
            file: source, line: 1, column: 1,
            kind: .unknownLanguage(language, available: library.languages))
        ])
      }
      languages = chosen
    } else {
      languages =
        [library.locale]
        + ["fr", "nl", "en"].filter { $0 != library.locale && library.languages.contains($0) }
    }
    var mapping = CISOAssistantMapping(library: library, languages: languages, file: source)
    let files = mapping.files()
    if !mapping.problems.isEmpty { throw .invalid(mapping.problems) }
    // Read back as `validate` will: what is returned always validates.
    let parts = files.map { ($0.path, Data($0.text.utf8)) }
    do {
      let read = try QuestionnaireFiles.read(parts: parts)
      return Converted(files: files, questionnaire: read.questionnaire, lost: mapping.lost)
    } catch {
      let reason: String
      switch error {
      case .invalid(let problems):
        reason = problems.prefix(5).map(\.description).joined(separator: "; ")
      case .unreadable(let path, let why): reason = "\(path): \(why)"
      }
      throw .invalid([Problem(file: source, line: 1, column: 1, kind: .output(reason))])
    }
  }
}

func pick(_ language: InterfaceLanguage, _ fr: String, _ en: String, _ nl: String) -> String {
  language.pick(fr, en, nl)
}

extension CISOAssistantImport.Problem.Kind {
  public func message(_ language: InterfaceLanguage) -> String {
    func list(_ items: [String]) -> String {
      items.count > 6
        ? items.prefix(6).joined(separator: ", ") + ", …" : items.joined(separator: ", ")
    }
    switch self {
    case .yaml(let words):
      return pick(language, "YAML : \(words)", "YAML: \(words)", "YAML: \(words)")
    case .notUTF8:
      return pick(
        language, "le fichier n'est pas en UTF-8 valide", "the file is not valid UTF-8",
        "het bestand is geen geldige UTF-8-tekst")
    case .tooLarge(let size, let limit):
      return pick(
        language,
        "le fichier fait \(size) octets ; une bibliothèque est limitée à \(limit) octets",
        "the file is \(size) bytes; a library is limited to \(limit) bytes",
        "het bestand is \(size) bytes; een bibliotheek is beperkt tot \(limit) bytes")
    case .tooManyNodes(let limit):
      return pick(
        language,
        "le document dépasse \(limit) nœuds une fois ses alias développés : refusé",
        "the document expands to more than \(limit) nodes (aliases?): refused",
        "het document telt meer dan \(limit) knopen zodra de aliassen uitgewerkt zijn: geweigerd")
    case .tooMuchText(let limit):
      return pick(
        language,
        "le document dépasse \(limit) octets de texte une fois ses alias développés : refusé",
        "the document expands to more than \(limit) bytes of text (aliases?): refused",
        "het document telt meer dan \(limit) bytes tekst zodra de aliassen uitgewerkt zijn: geweigerd"
      )
    case .notALibrary(let missing):
      return pick(
        language,
        "ce n'est pas une bibliothèque CISO Assistant (il manque : \(missing)) ; donnez un fichier de backend/library/libraries/",
        "this is not a CISO Assistant library (missing: \(missing)); give a file of backend/library/libraries/",
        "dit is geen CISO Assistant-bibliotheek (ontbreekt: \(missing)); geef een bestand uit backend/library/libraries/"
      )
    case .notAFramework(let holds):
      return pick(
        language,
        "cette bibliothèque ne contient pas de référentiel (framework) mais : \(list(holds)) ; seuls les référentiels s'importent",
        "this library holds no framework but: \(list(holds)); only frameworks can be imported",
        "deze bibliotheek bevat geen referentiekader (framework) maar: \(list(holds)); alleen referentiekaders kunnen worden geïmporteerd"
      )
    case .severalFrameworks(let urns):
      return pick(
        language,
        "la bibliothèque contient plusieurs référentiels ; choisissez-en un avec --framework : \(list(urns))",
        "the library holds several frameworks; choose one with --framework: \(list(urns))",
        "de bibliotheek bevat meerdere referentiekaders; kies er een met --framework: \(list(urns))"
      )
    case .frameworkNotFound(let urn, let available):
      return pick(
        language,
        "aucun référentiel \(urn) dans la bibliothèque ; elle contient : \(list(available))",
        "no framework \(urn) in the library; it holds: \(list(available))",
        "geen referentiekader \(urn) in de bibliotheek; ze bevat: \(list(available))")
    case .noRequirements:
      return pick(
        language, "le référentiel n'a aucune exigence (requirement_nodes)",
        "the framework has no requirement (requirement_nodes)",
        "het referentiekader heeft geen vereisten (requirement_nodes)")
    case .notA(let what, let expected):
      let (fr, en, nl): (String, String, String)
      switch expected {
      case .mapping:
        (fr, en, nl) = (
          "une table (clé: valeur)", "a mapping (key: value)", "een tabel (sleutel: waarde)"
        )
      case .list: (fr, en, nl) = ("une liste", "a list", "een lijst")
      case .text: (fr, en, nl) = ("un texte", "a text", "een tekst")
      case .boolean: (fr, en, nl) = ("true ou false", "true or false", "true of false")
      }
      return pick(
        language, "\(what) doit être \(fr)", "\(what) must be \(en)", "\(what) moet \(nl) zijn")
    case .missingKey(let key, let what):
      return pick(
        language, "\(what) n'a pas de « \(key) »", "\(what) has no '\(key)'",
        "\(what) heeft geen ‘\(key)’")
    case .missingURN(let what):
      return pick(
        language, "\(what) n'a pas d'urn : chaque objet d'une bibliothèque en a une",
        "\(what) has no urn: every object of a library has one",
        "\(what) heeft geen urn: elk object van een bibliotheek heeft er een")
    case .duplicateURN(let urn, let line):
      return pick(
        language, "l'urn \(urn) est déjà utilisée (ligne \(line)) : chaque urn est unique",
        "the urn \(urn) is already used (line \(line)): every urn is unique",
        "de urn \(urn) wordt al gebruikt (regel \(line)): elke urn is uniek")
    case .duplicateGroup(let group, let line):
      return pick(
        language, "le groupe de mise en œuvre \(group) est déjà défini (ligne \(line))",
        "the implementation group \(group) is already defined (line \(line))",
        "de implementatiegroep \(group) is al gedefinieerd (regel \(line))")
    case .unknownParent(let parent, let child):
      return pick(
        language,
        "parent_urn de \(child) : aucune exigence \(parent) dans le référentiel",
        "parent_urn of \(child): no requirement \(parent) in the framework",
        "parent_urn van \(child): geen vereiste \(parent) in het referentiekader")
    case .parentLoop(let chain):
      return pick(
        language,
        "les parent_urn tournent en rond : \(list(chain).replacingOccurrences(of: ", ", with: " → "))",
        "the parent_urn links loop: \(list(chain).replacingOccurrences(of: ", ", with: " → "))",
        "de parent_urn-koppelingen vormen een lus: \(list(chain).replacingOccurrences(of: ", ", with: " → "))"
      )
    case .unknownQuestionType(let type, let known):
      return pick(
        language,
        "type de question inconnu « \(type) » ; types connus : \(known.joined(separator: ", "))",
        "unknown question type '\(type)'; known types: \(known.joined(separator: ", "))",
        "onbekend vraagtype ‘\(type)’; gekende types: \(known.joined(separator: ", "))")
    case .noChoices(let urn):
      return pick(
        language, "la question \(urn) est à choix mais n'a aucun choix (choices)",
        "question \(urn) is a choice question without choices (choices)",
        "vraag \(urn) is een keuzevraag zonder keuzes (choices)")
    case .badDependencyCondition(let condition):
      return pick(
        language, "depends_on : condition « \(condition) » inconnue ; écrivez any ou all",
        "depends_on: unknown condition '\(condition)'; write any or all",
        "depends_on: onbekende voorwaarde ‘\(condition)’; schrijf any of all")
    case .unknownDependency(let urn, let question):
      return pick(
        language, "la question \(question) dépend de \(urn), qui n'existe pas",
        "question \(question) depends on \(urn), which does not exist",
        "vraag \(question) hangt af van \(urn), die niet bestaat")
    case .unknownLanguage(let language_, let available):
      return pick(
        language,
        "la bibliothèque n'a pas de textes en « \(language_) » ; langues : \(available.joined(separator: ", "))",
        "the library has no texts in '\(language_)'; languages: \(available.joined(separator: ", "))",
        "de bibliotheek heeft geen teksten in ‘\(language_)’; talen: \(available.joined(separator: ", "))"
      )
    case .output(let reason):
      return pick(
        language, "le questionnaire produit ne serait pas valide : \(reason)",
        "the questionnaire made would not be valid: \(reason)",
        "de gemaakte vragenlijst zou niet geldig zijn: \(reason)")
    }
  }
}
