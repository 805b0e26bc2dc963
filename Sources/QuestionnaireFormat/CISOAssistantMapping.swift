import AssessmentCore
import Foundation

/// The mapping of a read ``CISOAssistantLibrary`` to a questionnaire directory's YAML texts
/// (docs/import-ciso-assistant.md gives each choice and its reason).
struct CISOAssistantMapping {
  let library: CISOAssistantLibrary
  let languages: [String]
  let file: String
  var problems: [CISOAssistantImport.Problem] = []
  var lost: [CISOAssistantImport.Lost] = []

  /// Every imported requirement's severity and what it protects: the library says neither,
  /// so the middle of the scale and every dimension, stated in `questionnaire.yaml`.
  static let defaultSeverity = Severity.medium
  static let defaultProtects: [SecurityDimension] = [.availability, .integrity, .confidentiality]
  /// The id of the scoping question (which implementation groups the assessment covers).
  static let groupsQuestionID = "implementation_groups"

  init(library: CISOAssistantLibrary, languages: [String], file: String) {
    self.library = library
    self.languages = languages
    self.file = file
  }

  // MARK: - Texts

  typealias Localized = [String: String]

  /// A library text in every language of the questionnaire.
  func localized(_ text: CISOAssistantLibrary.Text) -> Localized {
    var result: Localized = [:]
    for language in languages {
      result[language] = Self.clean(text.resolve(language, locale: library.locale))
    }
    return result
  }

  /// One of our own texts in every language (English for a language the tool does not speak).
  func ours(_ fr: String, _ en: String, _ nl: String) -> Localized {
    var result: Localized = [:]
    for language in languages {
      switch language {
      case "fr": result[language] = fr
      case "nl": result[language] = nl
      default: result[language] = en
      }
    }
    return result
  }

  /// Trailing blanks dropped, line endings unified.
  static func clean(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// On one line: a notice or a label.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  func isEmpty(_ text: Localized) -> Bool { text.values.allSatisfy { $0.isBlank } }

  /// `a` and `b` joined by a blank line in each language, the blank ones left out.
  func paragraphs(_ parts: [Localized]) -> Localized {
    var result: Localized = [:]
    for language in languages {
      result[language] = parts.compactMap { $0[language] }.filter { !$0.isBlank }.joined(
        separator: "\n\n")
    }
    return result
  }

  // MARK: - Ids

  /// A question id (`[a-z][a-z0-9_]*`) from a URN's own part, unique among `used`.
  static func questionID(_ raw: String, used: inout Set<String>) -> String {
    var id = ""
    var lastUnderscore = true
    for scalar in raw.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        id.unicodeScalars.append(scalar)
        lastUnderscore = false
      } else if !lastUnderscore {
        id += "_"
        lastUnderscore = true
      }
    }
    while id.hasSuffix("_") { id.removeLast() }
    if id.isEmpty { id = "requirement" }
    if let first = id.unicodeScalars.first, !("a"..."z").contains(first) { id = "r_" + id }
    var candidate = id
    var counter = 2
    while used.contains(candidate) {
      candidate = "\(id)_\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// An option id (`[A-Za-z0-9][A-Za-z0-9_.-]*`, not reading as a number so that conditions
  /// compare it as an option) from `raw`, unique among `used`.
  static func optionID(_ raw: String, prefix: String, used: inout Set<String>) -> String {
    var id = ""
    for scalar in raw.unicodeScalars {
      let allowed =
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar)
      id += allowed ? String(scalar) : "_"
    }
    if id.isEmpty
      || !(id.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        ?? false)
    {
      id = prefix + id
    }
    var candidate = id
    var counter = 2
    while used.contains(candidate) {
      candidate = "\(id)_\(counter)"
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// A URN's own part: after the framework's node prefix (`…:req_node:<framework>:`), else
  /// its last component.
  func ownPart(_ urn: String) -> String {
    if let range = urn.range(of: ":req_node:") {
      let rest = urn[range.upperBound...]
      if let colon = rest.firstIndex(of: ":") { return String(rest[rest.index(after: colon)...]) }
      return String(rest)
    }
    return String(urn.split(separator: ":").last ?? Substring(urn))
  }

  // MARK: - The structure

  /// A question as it will be written.
  struct QuestionOut {
    var id: String
    var type: QuestionType
    var refs: [String] = []
    var text: Localized
    var help: Localized
    var options: [(id: String, label: Localized)] = []
    var when: String?
    var optional = false
    var minimum: String?
    var maximum: String?
    var integer = false
  }

  struct SectionOut {
    var id: String
    var title: Localized
    var introduction: Localized?
    var refs: [String]
    var questions: [QuestionOut] = []
    /// The part file it goes to (its top-level requirement).
    var part: String
  }

  /// The label of a node: its ref_id and name, else (`describing`) its description, on one
  /// line.
  func label(_ node: CISOAssistantLibrary.RequirementNode, describing: Bool = true) -> Localized {
    var result: Localized = [:]
    for language in languages {
      let name = Self.oneLine(node.name.resolve(language, locale: library.locale))
      let fallback =
        name.isEmpty && describing
        ? Self.oneLine(node.description.resolve(language, locale: library.locale)) : name
      let ref = node.refID.map(Self.oneLine) ?? ""
      let joined = [ref, fallback].filter { !$0.isEmpty }.joined(separator: " ")
      result[language] = joined.isEmpty ? ownPart(node.urn) : joined
    }
    return result
  }

  /// The questionnaire's files: `questionnaire.yaml`, then the section parts.
  mutating func files() -> [CISOAssistantImport.File] {
    var byURN: [String: Int] = [:]
    for (index, node) in library.nodes.enumerated() { byURN[node.urn] = index }
    // The ancestors of each node, nearest last (the structure was checked: no loop).
    func ancestors(_ index: Int) -> [Int] {
      var chain: [Int] = []
      var current = library.nodes[index].parentURN.flatMap { byURN[$0] }
      while let parent = current, chain.count <= library.nodes.count {
        chain.insert(parent, at: 0)
        current = library.nodes[parent].parentURN.flatMap { byURN[$0] }
      }
      return chain
    }

    var usedIDs: Set<String> = [Self.groupsQuestionID]
    var sections: [SectionOut] = []
    var sectionIndexByNode: [Int: Int] = [:]
    var introduced = Set<Int>()
    var citations: [(ref: String, text: Localized)] = []
    var usedRefs = Set<String>()
    /// Question ids by library question URN, with their choices' option ids, and position.
    var questionsByURN: [String: (id: String, options: [String: String], position: Int)] = [:]
    /// For each group ref_id, the conditions that select it (choice picked), with position.
    var selectors: [String: [(condition: String, position: Int, choice: String)]] = [:]
    var position = 0
    var usedSectionIDs = Set<String>()
    /// The groups of the requirements placed so far: a choice selecting one of them comes too
    /// late for those (conditions look back only).
    var groupsPlaced = Set<String>()

    // The scoping question: which implementation groups the assessment covers.
    var groupOptions: [String: String] = [:]
    if !library.groups.isEmpty {
      var usedOptions = Set<String>()
      var options: [(id: String, label: Localized)] = []
      var helpLines: [Localized] = []
      for group in library.groups {
        let id = Self.optionID(group.refID, prefix: "g", used: &usedOptions)
        groupOptions[group.refID] = id
        var label: Localized = [:]
        var line: Localized = [:]
        for language in languages {
          let name = Self.oneLine(group.name.resolve(language, locale: library.locale))
          label[language] = name.isEmpty ? group.refID : "\(group.refID) — \(name)"
          let description = Self.oneLine(
            group.description.resolve(language, locale: library.locale))
          line[language] =
            "• " + (label[language] ?? "")
            + (description.isEmpty ? "" : (language == "fr" ? " : " : ": ") + description)
        }
        options.append((id, label))
        helpLines.append(line)
      }
      var help = paragraphs([
        ours(
          "Les groupes de mise en œuvre du référentiel. Une exigence n'est posée que si l'un de ses groupes est coché ; tant que cette question est sans réponse, toutes les exigences sont posées.",
          "The framework's implementation groups. A requirement is asked only when one of its groups is ticked; while this question is unanswered, every requirement is asked.",
          "De implementatiegroepen van het referentiekader. Een vereiste wordt alleen gesteld als een van haar groepen aangevinkt is; zolang deze vraag onbeantwoord is, worden ze allemaal gesteld."
        )
      ])
      for language in languages {
        help[language] =
          (help[language] ?? "") + "\n\n"
          + helpLines.compactMap { $0[language] }.joined(separator: "\n")
      }
      sections.append(
        SectionOut(
          id: "scope",
          title: ours(
            "Périmètre de l'évaluation", "Scope of the assessment", "Reikwijdte van de beoordeling"),
          introduction: nil, refs: [],
          questions: [
            QuestionOut(
              id: Self.groupsQuestionID, type: .multiple,
              text: ours(
                "Quels groupes de mise en œuvre cette évaluation couvre-t-elle ?",
                "Which implementation groups does this assessment cover?",
                "Welke implementatiegroepen dekt deze beoordeling?"),
              help: help, options: options)
          ], part: "000-scope"))
      usedSectionIDs.insert("scope")
      position += 1
    }

    let refCounts = Dictionary(
      library.nodes.filter(\.assessable).compactMap(\.refID).map { ($0, 1) }, uniquingKeysWith: +)
    var partNames: [Int: String] = [:]

    for (index, node) in library.nodes.enumerated() where node.assessable {
      let chain = ancestors(index)
      // The section: the nearest ancestor that is not assessable (the framework for none).
      let sectionNode = chain.last { !library.nodes[$0].assessable }
      let sectionKey = sectionNode ?? -1
      let top = chain.first ?? index
      if partNames[top] == nil {
        var used = Set(partNames.values)
        let name = Self.questionID(
          library.nodes[top].refID ?? ownPart(library.nodes[top].urn), used: &used)
        partNames[top] = String(format: "%03d-", (partNames.count + 1) * 10 % 1000) + name
      }
      if sectionIndexByNode[sectionKey] == nil {
        var title: Localized
        var intro: [Localized] = []
        var refs: [String] = []
        var id: String
        if let sectionNode {
          let owner = library.nodes[sectionNode]
          title = label(owner)
          id = Self.questionID(ownPart(owner.urn), used: &usedSectionIDs)
          if let ref = owner.refID { refs = [Self.oneLine(ref)] }
          let above = chain.prefix { $0 != sectionNode }
          if !above.isEmpty {
            var breadcrumb: Localized = [:]
            for language in languages {
              breadcrumb[language] = above.map { label(library.nodes[$0])[language] ?? "" }
                .joined(separator: " › ")
            }
            intro.append(breadcrumb)
          }
          // Each description once: the first section under a node carries it.
          for ancestor in Array(above) + [sectionNode] where !introduced.contains(ancestor) {
            introduced.insert(ancestor)
            let node = library.nodes[ancestor]
            // A description that served as the label is not repeated.
            guard !node.name.isEmpty || ancestor != sectionNode else { continue }
            let description = localized(node.description)
            if !isEmpty(description) {
              var paragraph: Localized = [:]
              for language in languages {
                let ref = node.refID.map { Self.oneLine($0) + " — " } ?? ""
                paragraph[language] = ref + (description[language] ?? "")
              }
              intro.append(paragraph)
            }
          }
        } else {
          title = localized(library.frameworkName)
          if isEmpty(title) { title = localized(library.name) }
          id = Self.questionID("requirements", used: &usedSectionIDs)
        }
        sectionIndexByNode[sectionKey] = sections.count
        let introduction = intro.isEmpty ? nil : paragraphs(intro)
        sections.append(
          SectionOut(
            id: id, title: title, introduction: introduction, refs: refs,
            part: partNames[top] ?? "010-requirements"))
      }
      let sectionIndex = sectionIndexByNode[sectionKey] ?? 0

      // The requirement's visibility: in its implementation groups.
      let nodeID = Self.questionID(ownPart(node.urn), used: &usedIDs)
      var groupTerms: [String] = []
      if !library.groups.isEmpty {
        var known: [String] = []
        for group in node.groups {
          if let option = groupOptions[group] {
            known.append(option)
          } else {
            lost.append(.unknownGroup(group, node: node.refID ?? node.urn))
          }
        }
        if !known.isEmpty {
          groupTerms = [
            "!answered(\(Self.groupsQuestionID))",
            "\(Self.groupsQuestionID) in [\(known.joined(separator: ", "))]",
          ]
          for group in node.groups {
            for selector in selectors[group] ?? [] where !groupTerms.contains(selector.condition) {
              groupTerms.append(selector.condition)
            }
          }
        }
      }
      let nodeWhen = groupTerms.isEmpty ? nil : groupTerms.joined(separator: " || ")
      // A choice of this requirement's own questions selecting one of its groups is no news.
      let placedBefore = groupsPlaced
      groupsPlaced.formUnion(node.groups)

      // The citation: the parents' ref_ids and names, then the requirement's.
      var ref = node.refID.map(Self.oneLine) ?? nodeID
      if ref.isEmpty || (refCounts[ref] ?? 0) > 1 || usedRefs.contains(ref) {
        ref = (ref.isEmpty ? "" : ref + " ") + "[\(nodeID)]"
      }
      usedRefs.insert(ref)
      var citation: Localized = [:]
      for language in languages {
        citation[language] =
          (chain.map { label(library.nodes[$0])[language] ?? "" }
          + [label(node, describing: false)[language] ?? ref]).joined(separator: " › ")
      }
      citations.append((ref, citation))

      // The library's own questions first: their answers inform the judgement.
      var resultLines: [Localized] = []
      for (index, question) in node.questions.enumerated() {
        var out = mapQuestion(
          question, nodeID: nodeID, ref: ref, number: index + 1, used: &usedIDs)
        var terms: [String] = nodeWhen.map { ["(\($0))"] } ?? []
        if let dependency = question.dependsOn {
          if let depended = questionsByURN[dependency.questionURN] {
            let options = dependency.answerURNs.compactMap { depended.options[$0] }
            if options.isEmpty {
              lost.append(.unusableDependency(question: question.urn))
            } else if dependency.all {
              terms.append(
                "(" + options.map { "\(depended.id) == \($0)" }.joined(separator: " && ") + ")")
            } else {
              terms.append("\(depended.id) in [\(options.joined(separator: ", "))]")
            }
          } else if library.nodes.contains(where: {
            $0.questions.contains { $0.urn == dependency.questionURN }
          }) {
            lost.append(.laterDependency(question: question.urn, on: dependency.questionURN))
          } else {
            problems.append(
              CISOAssistantImport.Problem(
                file: file, line: dependency.place.line, column: dependency.place.column,
                kind: .unknownDependency(dependency.questionURN, question: question.urn)))
          }
        }
        out.when = terms.isEmpty ? nil : terms.joined(separator: " && ")
        var optionByChoice: [String: String] = [:]
        for (choice, option) in zip(question.choices, out.options) {
          optionByChoice[choice.urn] = option.id
          for group in choice.selectGroups {
            selectors[group, default: []].append(
              ("\(out.id) == \(option.id)", position, choice.urn))
          }
          if choice.selectGroups.contains(where: placedBefore.contains) {
            lost.append(.laterGroupSelection(choice: choice.urn))
          }
          if let result = choice.computeResult {
            if let value = Self.complianceValue(result) {
              var line: Localized = [:]
              for language in languages {
                let words = (InterfaceLanguage(rawValue: language) ?? .en)
                let answer = value.phrase.text(words)
                let choiceLabel = Self.oneLine(option.label[language] ?? "")
                let quotedLabel =
                  language == "fr"
                  ? "« \(choiceLabel) »"
                  : language == "nl" ? "‘\(choiceLabel)’" : "“\(choiceLabel)”"
                line[language] = "• \(quotedLabel) → \(answer)"
              }
              resultLines.append(line)
            } else {
              lost.append(.unknownResult(result, choice: choice.urn))
            }
          }
        }
        if question.kind == .boolean {
          optionByChoice = [:]
          for choice in question.choices {
            let value = Self.oneLine(choice.value.resolve("en", locale: library.locale))
              .lowercased()
            if ["yes", "true", "oui", "ja"].contains(value) { optionByChoice[choice.urn] = "yes" }
            if ["no", "false", "non", "nee"].contains(value) { optionByChoice[choice.urn] = "no" }
          }
        }
        questionsByURN[question.urn] = (out.id, optionByChoice, position)
        sections[sectionIndex].questions.append(out)
        position += 1
      }

      // The requirement itself: a compliance question.
      var text = localized(node.description)
      if isEmpty(text) { text = localized(node.name) }
      if isEmpty(text) { text = ours(ref, ref, ref) }
      var helpParts: [Localized] = []
      if !node.description.isEmpty, !node.name.isEmpty {
        helpParts.append(localized(node.name))
      }
      helpParts.append(localized(node.annotation))
      let evidence = localized(node.typicalEvidence)
      if !isEmpty(evidence) {
        let heading = ours("Preuves typiques :", "Typical evidence:", "Typische bewijsstukken:")
        var labelled: Localized = [:]
        for language in languages {
          labelled[language] = (heading[language] ?? "") + "\n" + (evidence[language] ?? "")
        }
        helpParts.append(labelled)
      }
      if !resultLines.isEmpty {
        let heading = ours(
          "Selon la bibliothèque, ces réponses donnent le résultat :",
          "According to the library, these answers give the result:",
          "Volgens de bibliotheek geven deze antwoorden het resultaat:")
        var block: Localized = [:]
        for language in languages {
          block[language] =
            ([heading[language] ?? ""]
            + resultLines.compactMap { $0[language] }).joined(separator: "\n")
        }
        helpParts.append(block)
      }
      var help = paragraphs(helpParts)
      if isEmpty(help) {
        help = ours(
          "La bibliothèque ne donne pas d'explication pour cette exigence ; voir sa référence.",
          "The library gives no guidance for this requirement; see its reference.",
          "De bibliotheek geeft geen toelichting bij deze vereiste; zie de referentie.")
      }
      sections[sectionIndex].questions.append(
        QuestionOut(
          id: nodeID, type: .compliance, refs: [ref], text: text, help: help, when: nodeWhen))
      position += 1

      // The maturity score, when the framework scores: an answer the assessor may give.
      if let score = scoreQuestion(nodeID: nodeID, ref: ref, used: &usedIDs) {
        var scoreQuestion = score
        scoreQuestion.when = nodeWhen
        sections[sectionIndex].questions.append(scoreQuestion)
        position += 1
      }
    }
    if library.droppedLinks > 0 { lost.append(.links(library.droppedLinks)) }

    return render(sections: sections, citations: citations)
  }

  static func complianceValue(_ result: String) -> ComplianceValue? {
    switch result.trimmingCharacters(in: .whitespaces).lowercased() {
    case "true", "1", "compliant": return .compliant
    case "false", "0", "non_compliant": return .noncompliant
    case "partially_compliant": return .partial
    case "not_applicable": return .na
    default: return nil
    }
  }

  /// A question of the library, as a question of ours.
  func mapQuestion(
    _ question: CISOAssistantLibrary.Question, nodeID: String, ref: String, number: Int,
    used: inout Set<String>
  ) -> QuestionOut {
    // The URN's own tail after ":question:" when it has one, else the question's place in its
    // node: NODE_q1, NODE_q2, as docs/import-ciso-assistant.md says.
    let tail = question.urn.range(of: ":question:").map { String(question.urn[$0.upperBound...]) }
    let id = Self.questionID(nodeID + "_q" + (tail ?? "\(number)"), used: &used)
    var text = localized(question.text)
    if isEmpty(text) { text = ours(ref, ref, ref) }
    let type: QuestionType
    switch question.kind {
    case .uniqueChoice: type = .single
    case .multipleChoice: type = .multiple
    case .text: type = .text
    case .number: type = .number
    case .date: type = .date
    case .boolean: type = .yesno
    }
    var options: [(id: String, label: Localized)] = []
    var described: [Localized] = []
    if type == .single || type == .multiple {
      var usedOptions = Set<String>()
      for (index, choice) in question.choices.enumerated() {
        let raw = choice.urn.range(of: ":choice:").map { String(choice.urn[$0.upperBound...]) }
        let option = Self.optionID(raw ?? "\(index + 1)", prefix: "c", used: &usedOptions)
        var label = localized(choice.value)
        if isEmpty(label) { label = ours(option, option, option) }
        for language in languages { label[language] = Self.oneLine(label[language] ?? "") }
        options.append((option, label))
        let description = localized(choice.description)
        if !isEmpty(description) {
          var line: Localized = [:]
          for language in languages {
            line[language] = "• \(label[language] ?? ""): \(description[language] ?? "")"
          }
          described.append(line)
        }
      }
    }
    var helpParts = [
      ours(
        "Question de la bibliothèque pour l'exigence \(ref).",
        "The library's question for requirement \(ref).",
        "Vraag van de bibliotheek bij vereiste \(ref).")
    ]
    if !described.isEmpty {
      var block: Localized = [:]
      for language in languages {
        block[language] = described.compactMap { $0[language] }.joined(separator: "\n")
      }
      helpParts.append(block)
    }
    return QuestionOut(
      id: id, type: type, text: text, help: paragraphs(helpParts), options: options)
  }

  /// The maturity score of a requirement, when the framework defines scores: optional, so that
  /// an assessment without scores is complete.
  func scoreQuestion(nodeID: String, ref: String, used: inout Set<String>) -> QuestionOut? {
    let id = { (used: inout Set<String>) in Self.questionID(nodeID + "_score", used: &used) }
    let text = ours(
      "Niveau de maturité (score) de l'exigence \(ref)",
      "Maturity level (score) of requirement \(ref)",
      "Maturiteitsniveau (score) van vereiste \(ref)")
    if !library.scores.isEmpty {
      var usedOptions = Set<String>()
      var options: [(id: String, label: Localized)] = []
      for score in library.scores {
        let option = Self.optionID("s" + score.score, prefix: "s", used: &usedOptions)
        var label: Localized = [:]
        for language in languages {
          let name = Self.oneLine(score.name.resolve(language, locale: library.locale))
          label[language] = name.isEmpty ? score.score : "\(score.score) — \(name)"
        }
        options.append((option, label))
      }
      return QuestionOut(
        id: id(&used), type: .single, text: text,
        help: ours(
          "Facultatif : le score que le référentiel donne à la maturité de cette exigence. Les niveaux sont définis dans la description du questionnaire (F1 sur le formulaire d'identification).",
          "Optional: the score the framework gives to this requirement's maturity. The levels are defined in the questionnaire's description (F1 on the identification form).",
          "Facultatief: de score die het referentiekader geeft aan de maturiteit van deze vereiste. De niveaus staan in de beschrijving van de vragenlijst (F1 op het identificatieformulier)."
        ), options: options, optional: true)
    }
    if let minimum = library.minScore.flatMap(Double.init),
      let maximum = library.maxScore.flatMap(Double.init), minimum <= maximum
    {
      return QuestionOut(
        id: id(&used), type: .number, text: text,
        help: ours(
          "Facultatif : le score de maturité de cette exigence, de \(AnswerValue.numberText(minimum)) à \(AnswerValue.numberText(maximum)).",
          "Optional: this requirement's maturity score, from \(AnswerValue.numberText(minimum)) to \(AnswerValue.numberText(maximum)).",
          "Facultatief: de maturiteitsscore van deze vereiste, van \(AnswerValue.numberText(minimum)) tot \(AnswerValue.numberText(maximum))."
        ), optional: true, minimum: AnswerValue.numberText(minimum),
        maximum: AnswerValue.numberText(maximum), integer: true)
    }
    return nil
  }
}
