import Foundation
import Testing

/// What a reader of a report sees (issue 21, part 5): words, not the tool's ids.
@Suite struct ReaderTests {
  /// A session on the built-in questionnaire: personal data in a public cloud under a valid
  /// derogation, some gaps, a justified "not applicable" and an action.
  func writeSession(_ directory: String, id: String = "reader", derogation: Bool = true) throws {
    func answer(_ value: [String: Any], note: String = "") -> [String: Any] {
      [
        "answeredAt": "2026-11-20T10:00:00.000Z", "evidence": [], "flagged": false, "note": note,
        "value": value,
      ]
    }
    var answers: [String: Any] = [
      "data_classification": answer(["choice": "personal"]),
      "criticality_availability": answer(["choice": "medium"]),
      "criticality_integrity": answer(["choice": "medium"]),
      "criticality_confidentiality": answer(["choice": "high"]),
      "service_model": answer(["choice": "saas"]),
      "deployment_model": answer(["choice": "public"]),
      "personal_data": answer(["choice": "yes"]),
      "sensitive_data": answer(["choice": "no"]),
      "special_data": answer(["choice": "no"]),
      "subcontracting": answer(["choice": "no"]),
      "hosting_location": answer(["choice": "belgium"]),
      "priv_cloud_type_allowed": answer(["choice": "noncompliant"]),
      "ctr_rest_all_data": answer(["choice": "na"], note: "Aucune donnée propre stockée."),
      "ctr_rest_format": answer(["choice": "partial"]),
    ]
    if derogation {
      answers["derog_public_cloud"] = answer([
        "derogation": [
          "reference": "CSI-2026-04", "granted_by": "Comité de sécurité de l'information",
          "granted_on": "2026-06-01", "scope": "Archivage", "measures": "Chiffrement",
          "expires_on": "2027-06-01",
        ]
      ])
    }
    let session: [String: Any] = [
      "schemaVersion": 1, "id": id, "cursor": ["question": NSNull()], "phase": "questions",
      "questionnaire": [
        "id": "be-socsec-cloud", "version": "2.0.0", "digest": String(repeating: "0", count: 64),
      ],
      "metadata": [
        "organisation": "ONSS", "assessor": "Anne Dupont", "provider": "Nuage SA",
        "service": "Archivage",
        "created": "2026-11-20T09:00:00.000Z", "updated": "2026-11-21T16:30:00.000Z",
      ],
      "answers": answers,
    ]
    try JSONSerialization.data(withJSONObject: session).write(
      to: URL(fileURLWithPath: directory + "/\(id).json"))
  }

  func report(_ directory: String, _ id: String, _ language: String, _ format: String) throws
    -> String
  {
    let result = try runCLI(
      ["summary", id, "--lang", language, "--format", format, "--as-of", "2026-12-01"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test func noInternalIdsWhereAPersonReads() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try writeSession(directory)
    for format in ["text", "markdown", "html"] {
      // The HTML keeps French marks with their word by no-break spaces.
      let fr = try report(directory, "reader", "fr", format)
        .replacingOccurrences(of: "\u{A0}", with: " ")
      #expect(!fr.contains("personal_data_public_cloud"), "\(format): the rule by its id")
      #expect(fr.contains("lève le constat bloquant de 2.4, 4e point"), "\(format)")
      #expect(!fr.contains("AAAA-MM-JJ"), "\(format): the input hint")
      #expect(fr.contains("Accordée le"), "\(format)")
      #expect(!fr.contains("D.risk."), "\(format): the register's ids")
      #expect(fr.contains("annexe D, « Inconvénients et risques », 4e point"), "\(format)")
      let en = try report(directory, "reader", "en", format)
      #expect(
        !en.contains("YYYY-MM-DD") && !en.contains("D.risk.")
          && !en.contains("personal_data_public_cloud"), "\(format)")
      #expect(en.contains("waives the blocking finding of 2.4, 4th point"), "\(format)")
    }
  }

  /// The remediation (what the questionnaire asks for) and the plan's action (what was decided)
  /// carry two different labels in every format and language, and are two lines in rendered
  /// Markdown (a line break, not one paragraph).
  @Test func theRemediationAndThePlansActionCarryTwoLabels() throws {
    let env = ["CLOUD_ASSESS_SESSIONS": repositoryRoot + "/Tests/Fixtures/sessions"]
    let risk = repositoryRoot + "/Tests/Fixtures/risk.yaml"
    let labels = [
      "fr": ("Recommandation :", "Plan d'action :"), "en": ("Recommendation:", "Action plan:"),
      "nl": ("Aanbeveling:", "Actieplan:"),
    ]
    for (language, (remediation, plan)) in labels {
      for format in ["text", "markdown", "html"] {
        let result = try runCLI(
          [
            "summary", "planned", "--questionnaire", risk, "--lang", language, "--format", format,
            "--as-of", "2026-12-01",
          ],
          environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let flat = result.stdout.replacingOccurrences(of: "*", with: "").replacingOccurrences(
          of: "<em>", with: ""
        )
        .replacingOccurrences(of: "</em>", with: "").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "\u{A0}", with: " ")
        if language == "fr", format == "html" {
          // French typography: « Réponse : », the colon after a no-break space.
          #expect(
            result.stdout.contains("Réponse\u{A0}: ") && !result.stdout.contains("Réponse: "),
            "\(result.stdout)")
        }
        #expect(
          flat.contains(remediation + " Demand ctr_sovereignty")
            || flat.contains(remediation + " Demand ctr\\_sovereignty"),
          "\(language) \(format): \(flat)")
        #expect(flat.contains(plan), "\(language) \(format)")
      }
      let markdown = try runCLI(
        [
          "summary", "planned", "--questionnaire", risk, "--lang", language, "--format", "markdown",
        ], environment: env)
      let lines = markdown.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated() where line.contains(remediation) {
        #expect(line.hasSuffix("  "), "a hard line break ends the remediation line: \(line)")
        _ = index
      }
    }
  }

  /// `list`'s headings and statuses follow the language (LANG), like every other command.
  @Test func listSpeaksTheLanguage() throws {
    let env = ["CLOUD_ASSESS_SESSIONS": repositoryRoot + "/Tests/Fixtures/sessions"]
    let risk = repositoryRoot + "/Tests/Fixtures/risk.yaml"
    let expected = [
      "fr_BE.UTF-8": ["FOURNISSEUR", "AVANCEMENT", "VERDICT", "EN RETARD", "NON ACCEPTABLE"],
      "nl_BE.UTF-8": ["AANBIEDER", "VOORTGANG", "OORDEEL", "ACHTERSTALLIG", "NIET AANVAARDBAAR"],
      "en_GB.UTF-8": ["PROVIDER", "PROGRESS", "VERDICT", "OVERDUE", "NOT ACCEPTABLE"],
    ]
    for (locale, words) in expected {
      let result = try runCLI(
        ["list", "--questionnaire", risk, "--as-of", "2027-01-15"],
        environment: env.merging(["LANG": locale, "LC_ALL": locale, "LC_MESSAGES": locale]) { $1 })
      #expect(result.status == 0, "\(result.stderr)")
      for word in words {
        #expect(result.stdout.contains(word), "\(locale) \(word): \(result.stdout)")
      }
      if locale != "en_GB.UTF-8" {
        #expect(
          !result.stdout.contains("PROVIDER") && !result.stdout.contains("answered"), "\(locale)")
      }
    }
  }

  /// The derogations part appears only for a questionnaire that has derogation questions, and
  /// says that no risk is accepted when none is.
  @Test func theDerogationsPartOnlyWhereDerogationsExist() throws {
    let fixtures = ["CLOUD_ASSESS_SESSIONS": repositoryRoot + "/Tests/Fixtures/sessions"]
    let risk = repositoryRoot + "/Tests/Fixtures/risk.yaml"
    let without = try runCLI(
      ["summary", "mixed", "--questionnaire", risk, "--lang", "en", "--format", "html"],
      environment: fixtures)
    #expect(without.status == 0)
    #expect(
      !without.stdout.contains("Derogations and accepted risks"),
      "no derogation question in risk.yaml")
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try writeSession(directory, derogation: false)
    let with = try report(directory, "reader", "en", "html")
    #expect(with.contains("Derogations and accepted risks"))
    #expect(with.contains("No risk accepted"), "\(with)")
  }
}
