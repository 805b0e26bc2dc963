import AssessmentCore
import Foundation

/// Synthetic questionnaires and sessions of a given size, for the benchmarks: three languages,
/// a condition on a quarter of the questions, a note of about 500 characters on half the answers.
enum Synthetic {
  /// Questions per section.
  static let sectionSize = 25

  /// A questionnaire of `count` questions (at least 5), as YAML text the real loader reads.
  static func questionnaireYAML(questions count: Int) -> String {
    var lines: [String] = [
      "format: 1",
      "id: synthetic-\(count)",
      "version: \"1.0.0\"",
      "languages: [fr, en, nl]",
      "title: {fr: \"Questionnaire synthétique de \(count) questions\", en: \"Synthetic questionnaire of \(count) questions\", nl: \"Synthetische vragenlijst van \(count) vragen\"}",
      "sections:",
      "  - id: scope",
      "    title: {fr: \"Périmètre\", en: \"Scope\", nl: \"Scope\"}",
      "    questions:",
    ]
    for index in 1...4 {
      lines += [
        "      - id: scope_\(index)",
        "        type: yesno",
        "        text: {fr: \"Question de périmètre \(index) ?\", en: \"Scoping question \(index)?\", nl: \"Scopevraag \(index)?\"}",
        "        help: {fr: \"Décide des questions qui s'appliquent.\", en: \"Decides which questions apply.\", nl: \"Bepaalt welke vragen van toepassing zijn.\"}",
      ]
    }
    let severities = ["low", "medium", "high", "critical"]
    let protects = [
      "[confidentiality]", "[integrity, availability]", "[availability]",
      "[confidentiality, integrity]",
    ]
    for index in 5...max(count, 5) {
      if (index - 5) % sectionSize == 0 {
        let section = (index - 5) / sectionSize + 1
        lines += [
          "  - id: section_\(section)",
          "    title: {fr: \"Section \(section) : garanties\", en: \"Section \(section): guarantees\", nl: \"Sectie \(section): waarborgen\"}",
          "    introduction: {fr: \"Introduction de la section \(section).\", en: \"Introduction of section \(section).\", nl: \"Inleiding van sectie \(section).\"}",
          "    refs: [\"S.\(section)\"]",
          "    questions:",
        ]
      }
      lines += [
        "      - id: q_\(index)",
        "        refs: [\"S.\(index)\"]",
        "        type: compliance",
        "        severity: \(severities[index % 4])",
        "        protects: \(protects[index % 4])",
        "        text:",
        "          fr: \"Le fournisseur de services cloud garantit le point de contrôle numéro \(index), vérifiable par une preuve écrite et datée.\"",
        "          en: \"The cloud service provider guarantees control point number \(index), verifiable with written and dated evidence.\"",
        "          nl: \"De cloudaanbieder waarborgt controlepunt nummer \(index), controleerbaar met schriftelijk en gedateerd bewijs.\"",
        "        help:",
        "          fr: \"Ce point protège les données de l'organisation. Demandez la clause du contrat, l'annexe SLA et le dernier rapport ISAE 3402 de type II qui le couvrent.\"",
        "          en: \"This point protects the organisation's data. Ask for the contract clause, the SLA annex and the latest ISAE 3402 type II report that cover it.\"",
        "          nl: \"Dit punt beschermt de gegevens van de organisatie. Vraag de contractclausule, de SLA-bijlage en het recentste ISAE 3402 type II-rapport die het dekken.\"",
        "        remediation:",
        "          fr: \"Exiger du fournisseur une clause contractuelle explicite et la preuve de sa mise en œuvre.\"",
        "          en: \"Demand an explicit contract clause from the provider and proof that it is implemented.\"",
        "          nl: \"Eis van de aanbieder een uitdrukkelijke contractclausule en het bewijs van de uitvoering ervan.\"",
        "        mappings: {iso27002: [\"15.1.2\"], gdpr: [\"28\"]}",
      ]
      // A condition on a quarter of the questions.
      if index % 4 == 0 {
        lines.append("        when: \"scope_\(index % 3 + 1) != no || scope_4 == yes\"")
      }
    }
    return lines.joined(separator: "\n") + "\n" + riskModel
  }

  /// The same risk method as the built-in questionnaire, without its scoping-dependent parts.
  static let riskModel = """
    risk_model:
      likelihood:
        - {id: very_low, label: {fr: "Très faible", en: "Very low", nl: "Zeer laag"}}
        - {id: low, label: {fr: "Faible", en: "Low", nl: "Laag"}}
        - {id: medium, label: {fr: "Moyenne", en: "Medium", nl: "Gemiddeld"}}
        - {id: high, label: {fr: "Élevée", en: "High", nl: "Hoog"}}
        - {id: very_high, label: {fr: "Très élevée", en: "Very high", nl: "Zeer hoog"}}
      impact:
        - {id: low, label: {fr: "Faible", en: "Low", nl: "Laag"}}
        - {id: medium, label: {fr: "Moyen", en: "Medium", nl: "Gemiddeld"}}
        - {id: high, label: {fr: "Élevé", en: "High", nl: "Hoog"}}
        - {id: critical, label: {fr: "Critique", en: "Critical", nl: "Kritiek"}}
      levels:
        - {id: low, label: {fr: "Faible", en: "Low", nl: "Laag"}}
        - {id: medium, label: {fr: "Moyen", en: "Medium", nl: "Gemiddeld"}}
        - {id: high, label: {fr: "Élevé", en: "High", nl: "Hoog"}}
        - {id: critical, label: {fr: "Critique", en: "Critical", nl: "Kritiek"}}
      matrix:
        very_low: [low, low, low, medium]
        low: [low, low, medium, high]
        medium: [low, medium, high, high]
        high: [medium, high, high, critical]
        very_high: [medium, high, critical, critical]
      answer_likelihood:
        compliant: very_low
        partial: medium
        unknown: high
        unanswered: high
        noncompliant: very_high
      severity_impact: {low: low, medium: medium, high: high, critical: critical}
      not_acceptable_from: critical
      conditions_from: medium

    """

  /// Whether the session has an action plan (the default; `CLOUD_ASSESS_BENCH_NO_PLAN=1` measures
  /// a session without one).
  static var withPlan: Bool {
    ProcessInfo.processInfo.environment["CLOUD_ASSESS_BENCH_NO_PLAN"] != "1"
  }

  /// An action on four gaps in nine (the answers `partial`, `noncompliant` and `unknown` come at
  /// positions 1, 2 and 4 of every 6): overdue, in progress, accepted (a risk acceptance with its
  /// decision), open without a due date; done on one compliant answer in eighteen.
  static func action(_ index: Int) -> PlanAction? {
    switch index % 18 {
    case 1:
      return PlanAction(
        owner: "Équipe sécurité \(index % 7)", dueDate: "2020-06-30", status: .open,
        reference: "SEC-\(index)")
    case 2:
      return PlanAction(
        owner: "Fournisseur", dueDate: "2099-03-31", status: .inProgress,
        reference: "https://tickets.example/\(index)")
    case 4:
      return PlanAction(
        status: .riskAccepted, reference: "Comité des risques", acceptedBy: "RSSI",
        acceptedOn: "2020-01-15",
        acceptanceReason: "Mesure compensatoire en place ; revue annuelle.",
        acceptedUntil: "2099-12-31")
    case 7: return PlanAction(owner: "DSI", status: .open)
    case 9:
      return PlanAction(
        owner: "DSI", dueDate: "2020-01-31", status: .done, reference: "Avenant \(index)")
    default: return nil
    }
  }

  /// A note of about 500 characters, different per question.
  static func note(_ index: Int) -> String {
    let sentence =
      "Vérifié le contrat, article \(index) ; l'annexe SLA fixe un RTO de 4 h et un RPO de 1 h. "
    var note = ""
    while note.count < 500 { note += sentence }
    return String(note.prefix(500))
  }

  /// Five changes leading to `answer`, as a history records them (issue 23): the first value
  /// given, then flagged for a second look, the note written (or the flag lifted), the evidence
  /// attached (or the value confirmed by a colleague), and the final value with its plan.
  static func history(of answer: Answer, index: Int, at date: Date) -> [AnswerChange] {
    func at(_ step: Int) -> Date { date.addingTimeInterval(Double(step * 3_600 - 5 * 3_600)) }
    let assessor = "Anne Dupont"
    let colleague = "Jan Peeters"
    return [
      AnswerChange(at: at(0), by: assessor, parts: [.value(.choice("unknown"))]),
      AnswerChange(at: at(1), by: assessor, parts: [.flagged(true)]),
      AnswerChange(
        at: at(2), by: assessor,
        parts: answer.note.isEmpty ? [.flagged(answer.flagged)] : [.note(answer.note)]),
      AnswerChange(
        at: at(3), by: colleague,
        parts: answer.evidence.isEmpty ? [.value(answer.value)] : [.evidence(answer.evidence)]),
      AnswerChange(
        at: at(4), by: index % 3 == 0 ? colleague : assessor,
        parts: answer.action == nil
          ? [.value(answer.value), .flagged(answer.flagged)]
          : [.value(answer.value), .action(answer.action), .flagged(answer.flagged)]),
    ]
  }

  /// Answers to every question that applies: the scoping ones "yes", the others on the compliance
  /// scale in turn, with a note on every other answer and an evidence reference on some.
  static func answers(for questionnaire: Questionnaire, at date: Date) -> [String: Answer] {
    let values = ["compliant", "partial", "noncompliant", "compliant", "unknown", "compliant"]
    var answers: [String: Answer] = [:]
    for (index, question) in questionnaire.questions.enumerated() {
      var answer = Answer(answeredAt: date)
      switch question.type {
      case .compliance: answer.value = .choice(values[index % values.count])
      case .yesno: answer.value = .choice("yes")
      case .single: answer.value = question.answerIDs.first.map { .choice($0) }
      case .multiple: answer.value = .choices(Array(question.answerIDs.prefix(1)))
      case .text: answer.value = .text("Réponse \(index)")
      case .number: answer.value = .number(Double(index))
      case .derogation: answer.value = .derogation(DerogationRecord(reference: "DER-\(index)"))
      case .date: answer.value = .date("2026-01-\(String(format: "%02d", index % 28 + 1))")
      }
      if index % 2 == 0 { answer.note = note(index) }
      if index % 5 == 0 {
        answer.evidence = [EvidenceRecord(reference: "Contrat-cadre v3, annexe \(index % 7 + 1)")]
      }
      if withPlan, question.type == .compliance { answer.action = action(index) }
      answers[question.id] = answer
    }
    return answers
  }
}

extension Synthetic {
  /// The size of the CISO Assistant library the import is measured on: a framework of the
  /// size of the largest published ones (CyFun 2025 has about 1,200 nodes).
  static let libraryNodes = 1_500

  /// A CISO Assistant framework library of `nodes` requirement nodes (10 functions, 9
  /// categories each, the rest requirements), in English with a French translation of every
  /// text, three implementation groups, scores 1 to 5, and a question with results on every
  /// tenth requirement: what the importer reads, invented (no library's text).
  static func cisoAssistantLibraryYAML(nodes: Int = libraryNodes) -> String {
    var out = """
      urn: urn:bench:risk:library:synthetic
      locale: en
      ref_id: synthetic
      name: Synthetic framework
      description: A framework generated for the benchmark.
      copyright: Benchmark authors
      version: 1
      provider: Benchmark
      translations:
        fr:
          name: Cadre synthétique
          description: Un cadre produit pour la mesure.
      objects:
        framework:
          urn: urn:bench:risk:framework:synthetic
          ref_id: synthetic
          name: Synthetic framework
          min_score: 1
          max_score: 5
          scores_definition:

      """
    for score in 1...5 {
      out += "    - score: \(score)\n      name: Level \(score)\n"
      out += "      description: Level \(score) reached.\n"
      out += "      translations:\n        fr:\n          name: Niveau \(score)\n"
    }
    out += "    implementation_groups_definition:\n"
    for group in ["B", "I", "E"] {
      out += "    - ref_id: \(group)\n      name: Group \(group)\n      translations:\n"
      out += "        fr:\n          name: Groupe \(group)\n"
    }
    out += "    requirement_nodes:\n"
    let prefix = "urn:bench:risk:req_node:synthetic:"
    let requirements = max(1, nodes - 100)
    var written = 0
    for function in 0..<10 {
      out += "    - urn: \(prefix)f\(function)\n      assessable: false\n      depth: 1\n"
      out += "      ref_id: F\(function)\n      name: Function \(function)\n"
      out += "      translations:\n        fr:\n          name: Fonction \(function)\n"
      for category in 0..<9 {
        let categoryURN = "\(prefix)f\(function).c\(category)"
        out += "    - urn: \(categoryURN)\n      assessable: false\n      depth: 2\n"
        out += "      parent_urn: \(prefix)f\(function)\n      ref_id: F\(function).C\(category)\n"
        out += "      name: Category \(category)\n"
        out += "      description: What category \(category) covers.\n"
        out += "      translations:\n        fr:\n          name: Catégorie \(category)\n"
        out += "          description: Ce que couvre la catégorie \(category).\n"
        let count = requirements / 90 + (function * 9 + category < requirements % 90 ? 1 : 0)
        for requirement in 0..<count {
          let ref = "F\(function).C\(category)-\(requirement)"
          let urn = "\(prefix)f\(function).c\(category)-\(requirement)"
          out += "    - urn: \(urn)\n      assessable: true\n      depth: 3\n"
          out += "      parent_urn: \(categoryURN)\n      ref_id: \(ref)\n"
          out += "      description: The organisation shall meet requirement \(ref).\n"
          out += "      annotation: Guidance for \(ref), over a few words.\n"
          out += "      typical_evidence: A document showing \(ref).\n"
          out += "      implementation_groups: [\(["B", "I", "E"][requirement % 3])]\n"
          out += "      translations:\n        fr:\n"
          out += "          description: L'organisation doit satisfaire à l'exigence \(ref).\n"
          out += "          annotation: Conseils pour \(ref), en quelques mots.\n"
          out += "          typical_evidence: Un document qui montre \(ref).\n"
          if written % 10 == 0 {
            out += "      questions:\n        \(urn):question:1:\n          type: unique_choice\n"
            out += "          text: Is \(ref) met?\n"
            out += "          translations:\n            fr:\n"
            out += "              text: \(ref) est-elle satisfaite ?\n"
            out += "          choices:\n"
            for (index, (value, result)) in [
              ("Yes", "compliant"), ("Partly", "partially_compliant"), ("No", "non_compliant"),
            ].enumerated() {
              out += "          - urn: \(urn):question:1:choice:\(index + 1)\n"
              out += "            value: \(value)\n            compute_result: \(result)\n"
            }
          }
          written += 1
        }
      }
    }
    return out
  }
}
