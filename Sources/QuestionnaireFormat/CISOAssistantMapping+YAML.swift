import AssessmentCore
import Foundation

/// The questionnaire's files as YAML text: every scalar of the library's is double-quoted and
/// escaped, so that no text of it can change the structure written.
extension CISOAssistantMapping {
  /// A double-quoted YAML scalar: quotes and backslashes escaped, line breaks as `\n`, and
  /// every character libyaml refuses or could read as a break (controls, NEL, the line and
  /// paragraph separators, the byte order mark, non-characters) as `\u`/`\U`.
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
          || value == 0xFEFF || (0xFFFE...0xFFFF).contains(value)
        {
          out += String(format: "\\u%04X", value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  func localizedLines(_ text: Localized, indent: String) -> String {
    languages.map { "\(indent)\(Self.quoted($0)): \(Self.quoted(text[$0] ?? ""))\n" }.joined()
  }

  /// `{fr: "…", en: "…"}` on one line.
  func inline(_ text: Localized) -> String {
    "{"
      + languages.map { "\(Self.quoted($0)): \(Self.quoted(text[$0] ?? ""))" }.joined(
        separator: ", ") + "}"
  }

  func render(sections: [SectionOut], citations: [(ref: String, text: Localized)])
    -> [CISOAssistantImport.File]
  {
    var top = ""
    top += """
      # Made by `cloud-assess import ciso-assistant` from a CISO Assistant framework library
      # (its URN and version are under x-ciso-assistant below). Its content belongs to its
      # owner, whose notice is below: it is printed in every report made with this
      # questionnaire. What the import kept and what it could not: docs/import-ciso-assistant.md.
      #
      # The institution may edit what the library does not say:
      # - every requirement is a compliance question of severity `medium` protecting
      #   availability, integrity and confidentiality (x-ciso-assistant below): change
      #   `severity` and `protects` of the questions in sections/*.yaml to weigh them;
      # - the risk method is the standard one (docs/risk-model.md), written out here to be
      #   edited; there is no blocking rule, since the library states none;
      # - `owner: organisation`: the requirements are the institution's own to meet.
      # `cloud-assess validate` checks the directory after any edit.

      """
    top += "format: 1\n"
    var used = Set<String>()
    var id = ""
    for scalar in (library.refID.isEmpty ? ownPart(library.urn) : library.refID).lowercased()
      .unicodeScalars
    {
      let allowed =
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        || "_.-".unicodeScalars.contains(scalar)
      id += allowed ? String(scalar) : "-"
    }
    while let first = id.unicodeScalars.first,
      !(("a"..."z").contains(first) || ("0"..."9").contains(first))
    {
      id.removeFirst()
    }
    if id.isEmpty { id = Self.questionID("framework", used: &used) }
    top += "id: \(Self.quoted(id))\n"
    top += "version: \(Self.quoted(library.version.isEmpty ? "1" : library.version))\n"
    top += "languages: [" + languages.map(Self.quoted).joined(separator: ", ") + "]\n"
    var title = localized(library.frameworkName)
    if isEmpty(title) { title = localized(library.name) }
    if isEmpty(title) { title = ours(id, id, id) }
    for language in languages { title[language] = Self.oneLine(title[language] ?? "") }
    top += "title:\n" + localizedLines(title, indent: "  ")
    let notice = self.notice()
    var description = localized(library.description)
    if isEmpty(description) { description = localized(library.frameworkDescription) }
    description = paragraphs([description, scoresDescription(), notice])
    top += "description:\n" + localizedLines(description, indent: "  ")
    top += "notice:\n" + localizedLines(notice, indent: "  ")
    top += "owner: organisation\n"
    top += "x-ciso-assistant:\n"
    top += "  library: \(Self.quoted(library.urn))\n"
    top += "  library_version: \(Self.quoted(library.version))\n"
    top += "  framework: \(Self.quoted(library.frameworkURN))\n"
    top += "  severity: \(Self.defaultSeverity.rawValue)\n"
    top += "  protects: [" + Self.defaultProtects.map(\.rawValue).joined(separator: ", ") + "]\n"
    top += riskModel()
    if !citations.isEmpty {
      top += "citations:\n"
      for citation in citations {
        top += "  \(Self.quoted(citation.ref)): \(inline(citation.text))\n"
      }
    }

    var parts: [(name: String, text: String)] = []
    for section in sections {
      if parts.last?.name != section.part { parts.append((section.part, "")) }
      parts[parts.count - 1].text += render(section)
    }
    return [CISOAssistantImport.File(path: QuestionnaireFiles.topFileName, text: top)]
      + parts.map {
        CISOAssistantImport.File(
          path: QuestionnaireFiles.sectionsDirectoryName + "/" + $0.name + ".yaml", text: $0.text)
      }
  }

  func render(_ section: SectionOut) -> String {
    var out = "- id: \(Self.quoted(section.id))\n"
    out += "  title: \(inline(section.title))\n"
    if let introduction = section.introduction {
      out += "  introduction:\n" + localizedLines(introduction, indent: "    ")
    }
    if !section.refs.isEmpty {
      out += "  refs: [" + section.refs.map(Self.quoted).joined(separator: ", ") + "]\n"
    }
    out += "  questions:\n"
    for question in section.questions {
      out += "    - id: \(question.id)\n"
      out += "      type: \(question.type.rawValue)\n"
      if !question.refs.isEmpty {
        out += "      refs: [" + question.refs.map(Self.quoted).joined(separator: ", ") + "]\n"
      }
      if let when = question.when { out += "      when: \(Self.quoted(when))\n" }
      out += "      text:\n" + localizedLines(question.text, indent: "        ")
      out += "      help:\n" + localizedLines(question.help, indent: "        ")
      if !question.options.isEmpty {
        out += "      options:\n"
        for option in question.options {
          out += "        - {id: \(Self.quoted(option.id)), label: \(inline(option.label))}\n"
        }
      }
      if question.type == .compliance {
        out += "      severity: \(Self.defaultSeverity.rawValue)\n"
        out +=
          "      protects: [" + Self.defaultProtects.map(\.rawValue).joined(separator: ", ") + "]\n"
        out += "      remediation:\n" + localizedLines(remediation(question), indent: "        ")
      }
      if question.optional { out += "      optional: true\n" }
      if let minimum = question.minimum { out += "      min: \(minimum)\n" }
      if let maximum = question.maximum { out += "      max: \(maximum)\n" }
      if question.integer { out += "      integer: true\n" }
    }
    return out
  }

  /// What to do about a gap: meet the requirement as the framework words it.
  func remediation(_ question: QuestionOut) -> Localized {
    let ref = question.refs.first ?? question.id
    return ours(
      "Mettre en œuvre l'exigence \(ref) telle que le référentiel la formule (voir l'aide).",
      "Implement requirement \(ref) as the framework words it (see the help).",
      "Vereiste \(ref) implementeren zoals het referentiekader ze formuleert (zie de hulp).")
  }

  /// The owner's notice: copyright, provider, the library it comes from.
  func notice() -> Localized {
    let copyright = Self.oneLine(library.copyright)
    let provider = Self.oneLine(library.provider)
    let version = library.version.isEmpty ? "?" : library.version
    return ours(
      "Contenu : \(copyright.isEmpty ? "droits non précisés par la bibliothèque" : copyright)"
        + (provider.isEmpty ? "" : " (publié par \(provider))")
        + ". Importé de la bibliothèque CISO Assistant \(library.urn), version \(version) ; ce contenu appartient à son propriétaire et sa licence s'applique.",
      "Content: \(copyright.isEmpty ? "rights not stated by the library" : copyright)"
        + (provider.isEmpty ? "" : " (published by \(provider))")
        + ". Imported from the CISO Assistant library \(library.urn), version \(version); this content belongs to its owner and its licence applies.",
      "Inhoud: \(copyright.isEmpty ? "rechten niet vermeld door de bibliotheek" : copyright)"
        + (provider.isEmpty ? "" : " (uitgegeven door \(provider))")
        + ". Geïmporteerd uit de CISO Assistant-bibliotheek \(library.urn), versie \(version); deze inhoud behoort toe aan de eigenaar en de licentie ervan is van toepassing."
    )
  }

  /// The framework's maturity levels, for the description (the score questions refer to it).
  func scoresDescription() -> Localized {
    guard !library.scores.isEmpty else { return ours("", "", "") }
    let heading = ours(
      "Niveaux de maturité (scores) :", "Maturity levels (scores):", "Maturiteitsniveaus (scores):")
    var result: Localized = [:]
    for language in languages {
      let lines = library.scores.map { score -> String in
        let name = Self.oneLine(score.name.resolve(language, locale: library.locale))
        let description = Self.clean(score.description.resolve(language, locale: library.locale))
        return "• \(score.score)" + (name.isEmpty ? "" : " — \(name)")
          + (description.isEmpty ? "" : (language == "fr" ? " : " : ": ") + description)
      }
      result[language] = ([heading[language] ?? ""] + lines).joined(separator: "\n")
    }
    return result
  }

  /// The standard risk method, written out so that the institution can edit it.
  func riskModel() -> String {
    let model = RiskModel.standard
    func scale(_ name: String, _ levels: [ScaleLevel]) -> String {
      var out = "  \(name):\n"
      for level in levels {
        var label: Localized = [:]
        for language in languages {
          label[language] = level.label.resolve(language, fallbacks: ["en"])
        }
        out += "    - {id: \(level.id), label: \(inline(label))}\n"
      }
      return out
    }
    var out = "risk_model:\n"
    out += scale("likelihood", model.likelihood)
    out += scale("impact", model.impact)
    out += scale("levels", model.levels)
    out += "  matrix:\n"
    for level in model.likelihood {
      out += "    \(level.id): [" + (model.matrix[level.id] ?? []).joined(separator: ", ") + "]\n"
    }
    out += "  answer_likelihood:\n"
    for key in RiskModel.answerKeys {
      out += "    \(key): \(model.answerLikelihood[key] ?? "")\n"
    }
    out += "  severity_impact:\n"
    for severity in Severity.allCases {
      out += "    \(severity.rawValue): \(model.severityImpact[severity] ?? "")\n"
    }
    out += "  not_acceptable_from: \(model.notAcceptableFrom)\n"
    out += "  conditions_from: \(model.conditionsFrom)\n"
    return out
  }
}
