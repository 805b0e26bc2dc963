import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

/// The content digest a decision is taken on, the decision in the summary, and the history.
@Suite struct TeamReportTests {
  let answers = ReportFixture.answers

  @Test func theContentDigestIsOfAnswersDerogationsAndPlanOnly() {
    let digest = ContentDigest.hex(of: answers)
    #expect(digest.count == 64)
    // Not hashed: history, claims, the flag, when an answer was given.
    var noise = answers
    noise["restitution"]?.history = [AnswerChange(at: t1, by: "Anne", parts: [.flagged(true)])]
    noise["restitution"]?.flagged = false
    noise["restitution"]?.answeredAt = t1
    noise["encryption"]?.claims = [
      ProviderClaim(value: .choice("compliant"), importedAt: t1, workbookSHA256: "ab", cell: "F3")
    ]
    noise["unanswered"] = Answer(history: [AnswerChange(at: t1, by: "B", parts: [.note("")])])
    #expect(ContentDigest.hex(of: noise) == digest)
    // Hashed: value, note, evidence, action, a carried answer not yet confirmed, a conflict.
    var changes: [(String, (inout Answer) -> Void)] = [
      ("value", { $0.value = .choice("compliant") }),
      ("note", { $0.note += "." }),
      ("evidence", { $0.evidence.append("iso.pdf") }),
      ("evidence validity", { $0.evidence[0].validUntil = "2027-01-01" }),
      ("action", { $0.action = PlanAction(owner: "DPO") }),
      ("to re-verify", { $0.reverify = true }),
      (
        "conflict",
        { $0.conflict = AnswerConflict(ours: .init(value: nil), theirs: .init(value: nil)) }
      ),
    ]
    changes.append(("derogation", { $0.value = .derogation(DerogationRecord(reference: "X")) }))
    for (name, change) in changes {
      var changed = answers
      change(&changed["restitution"]!)
      #expect(ContentDigest.hex(of: changed) != digest, "\(name)")
    }
  }

  @Test func theCanonicalTextIsSortedAndEscapedTheDocumentedWay() {
    let json = ContentDigest.json(of: [
      "b": Answer(value: .number(2.5), note: "a\"b\n"),
      "a": Answer(
        evidence: [EvidenceRecord(reference: "r", file: EvidenceFile(path: "p", sha256: "s"))],
        action: PlanAction(owner: "o", status: .open)),
    ])
    #expect(
      json
        == #"{"answers":{"a":{"action":{"accepted_by":"","accepted_on":"","accepted_until":"","acceptance_reason":"","due_date":"","owner":"o","reference":"","status":"open"},"evidence":[{"file":{"path":"p","sha256":"s"},"issued_on":"","reference":"r","valid_until":""}]},"b":{"note":"a\"b\n","value":{"number":"2.5"}}}}"#
    )
    let data = Data(json.utf8)
    #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "valid JSON")
  }

  /// Decisions recorded by earlier versions hold their digest: a change in how it is computed
  /// would show every one of them as out of date. The text is Python's
  /// `json.dumps(…, sort_keys=True, ensure_ascii=False, separators=(",", ":"))` of the content.
  @Test func theDigestOfTheSameContentNeverChanges() {
    let answers: [String: Answer] = [
      "z": Answer(value: .choices(["b", "a"]), note: "é\u{01}\t/ \u{1F}"),
      "d": Answer(
        value: .derogation(
          DerogationRecord(
            reference: "DER-1", grantedBy: "Comité", grantedOn: "2026-01-02", scope: "s",
            measures: "m", expiresOn: "2027-01-02"))),
      "day": Answer(value: .date("2026-12-10"), reverify: true),
      "n": Answer(value: .number(0.000_000_1)),
      "empty": Answer(flagged: true),
    ]
    #expect(
      ContentDigest.json(of: answers)
        == #"{"answers":{"d":{"value":{"derogation":{"expires_on":"2027-01-02","granted_by":"Comité","granted_on":"2026-01-02","measures":"m","reference":"DER-1","scope":"s"}}},"day":{"to_reverify":true,"value":{"date":"2026-12-10"}},"n":{"value":{"number":"1e-07"}},"z":{"note":"é\u0001\t/ \u001f","value":{"choices":["b","a"]}}}}"#
    )
    #expect(
      ContentDigest.hex(of: answers)
        == "34b14f4fe0affce0e00b2026490d5f0858f578fb05b688a94ca25867eb7d9c50")
  }

  func decided(_ digest: String, on day: String = "2026-12-10") -> SignOff {
    SignOff(
      by: "Jan Peeters", role: "Administrateur général", decision: .acceptWithConditions,
      reference: "CD-2026-14", on: day, conditions: "Chiffrer les sauvegardes",
      contentDigest: digest, recordedAt: t1, recordedBy: "Anne")
  }

  @Test func theSummarySaysTheDecisionAndWhenTheContentChangedSinceInEachLanguage() {
    var changed = answers
    changed["restitution"]?.value = .choice("compliant")
    changed["restitution"]?.history = [
      AnswerChange(at: t1 + 60, by: "Bart", parts: [.value(.choice("compliant"))])
    ]
    let expected: [(InterfaceLanguage, String, String, String)] = [
      (
        .fr,
        "Acceptée sous conditions le 2026-12-10 par Jan Peeters (Administrateur général), référence CD-2026-14",
        "acceptée sous conditions le 2026-12-10 par Jan Peeters ; 1 réponse(s) modifiée(s) depuis",
        "Le contenu n'a pas changé depuis la décision."
      ),
      (
        .en,
        "Accepted with conditions on 2026-12-10 by Jan Peeters (Administrateur général), reference CD-2026-14",
        "accepted with conditions on 2026-12-10 by Jan Peeters; 1 answer(s) changed since",
        "The content has not changed since the decision."
      ),
      (
        .nl,
        "Onder voorwaarden aanvaard op 2026-12-10 door Jan Peeters (Administrateur général), referentie CD-2026-14",
        "onder voorwaarden aanvaard op 2026-12-10 door Jan Peeters; 1 antwoord(en) gewijzigd sindsdien",
        "De inhoud is niet gewijzigd sinds de beslissing."
      ),
    ]
    for (language, sentence, outOfDate, unchanged) in expected {
      var report = ReportFixture.report(language, answers: changed)
      report.decision = DecisionStanding(
        signOffs: [decided(ContentDigest.hex(of: answers))],
        contentDigest: ContentDigest.hex(of: changed), answers: changed)
      #expect(report.decisionLines.first == sentence)
      #expect(report.decisionOutOfDateText == outOfDate)
      for text in [report.text(color: false), report.markdown()] {
        #expect(text.contains(sentence), "\(language)")
        #expect(text.contains(outOfDate), "\(language)")
      }
      var current = ReportFixture.report(language)
      current.decision = DecisionStanding(
        signOffs: [decided(ContentDigest.hex(of: answers))],
        contentDigest: ContentDigest.hex(of: answers), answers: answers)
      #expect(current.decisionOutOfDateText == nil)
      #expect(current.text(color: false).contains(unchanged))
    }
  }

  @Test func theHistoryGivesValuesInWordsWhoAndWhenInEachLanguage() throws {
    var answers = answers
    answers["restitution"]?.history = [
      AnswerChange(
        at: t0, by: "Anne", parts: [.value(.choice("partial")), .note("Clause 14")]),
      AnswerChange(at: t1, by: "", origin: .carried, parts: [.value(.choice("noncompliant"))]),
      AnswerChange(at: t1, by: "", origin: .claimImported, parts: [.claim(.choice("compliant"))]),
    ]
    let identification = [
      IdentificationChange(at: t0, by: "Anne", fields: [.provider: "Nuage"])
    ]
    // A claim imported is the provider's whole declaration (answer, explanation, evidence): the
    // workbook's and the reports' word, "déclaration" / "verklaring".
    let expected: [(InterfaceLanguage, String, String, String)] = [
      (
        .fr, "réponse : Partiellement conforme", "(inconnu) · reprise de l'évaluation précédente",
        "déclaration du fournisseur importée"
      ),
      (
        .en, "answer: Partially compliant", "(unknown) · carried from the previous assessment",
        "provider's claim imported"
      ),
      (
        .nl, "antwoord: Gedeeltelijk conform",
        "(onbekend) · overgenomen uit de vorige beoordeling",
        "verklaring van de leverancier ingelezen"
      ),
    ]
    for (language, words, carried, imported) in expected {
      let report = HistoryReport(
        questionnaire: ReportFixture.questionnaire, sessionID: "s1", answers: answers,
        identification: identification, language: language)
      let text = report.text()
      #expect(text.contains(words), "\(language):\n\(text)")
      #expect(text.contains(carried), "\(language)")
      #expect(text.contains(imported), "\(language):\n\(text)")
      #expect(text.contains("Anne"))
      #expect(text.contains("Nuage"))
      #expect(!text.contains("partial\n") && !text.contains(": partial"), "no ids")
    }
    let json = try HistoryReport(
      questionnaire: ReportFixture.questionnaire, sessionID: "s1", answers: answers,
      identification: identification, language: .en, questionID: "restitution"
    ).json()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let questions = try #require(object["questions"] as? [[String: Any]])
    #expect(questions.count == 1)
    let changes = try #require(questions[0]["changes"] as? [[String: Any]])
    #expect(changes.map { $0["by"] as? String } == ["Anne", "", ""])
    let parts = try #require(changes[0]["parts"] as? [[String: Any]])
    #expect(parts[0]["words"] as? String == "Partially compliant")
    #expect(parts[0]["value"] as? String == "partial")
    #expect(
      (object["identification"] as? [Any])?.isEmpty == true, "one question: no identification")
  }

  /// A report whose decision was taken before the restitution answer changed.
  func decidedReport(_ language: InterfaceLanguage = .en) -> SummaryReport {
    var changed = answers
    changed["restitution"]?.value = .choice("compliant")
    changed["restitution"]?.history = [
      AnswerChange(at: t1 + 60, by: "Bart <b>", parts: [.value(.choice("compliant"))])
    ]
    var report = ReportFixture.report(language, answers: changed)
    report.decision = DecisionStanding(
      signOffs: [decided(ContentDigest.hex(of: answers)), decided("x", on: "2026-12-01")],
      contentDigest: ContentDigest.hex(of: changed), answers: changed)
    return report
  }

  @Test func theHTMLReportShowsTheDecisionAndTheLastChangeOfEachAnswer() throws {
    let html = try HTMLReport.render(decidedReport().htmlModel(ReportFixture.provenance))
    #expect(html.contains("<h3>Management&#39;s decision</h3>"))
    #expect(
      html.contains(
        "<p class=\"warn\">accepted with conditions on 2026-12-01 by Jan Peeters; 1 answer(s) changed since</p>"
      ))
    #expect(html.contains("Supersedes 1 earlier decision(s)"))
    #expect(html.contains("Last change: 2027-01-15 08:02 UTC by Bart &lt;b&gt;"), "escaped")
  }

  @Test func theJSONCarriesTheDecision() throws {
    let json = try decidedReport(.fr).json()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let decision = try #require(object["decision"] as? [String: Any])
    #expect(decision["decision"] as? String == "accept_with_conditions")
    #expect(decision["contentChanged"] as? Bool == true)
    #expect(decision["answersChangedSince"] as? Int == 1)
    #expect(decision["superseded"] as? Int == 1)
    #expect(
      (decision["outOfDate"] as? String)?.hasPrefix("acceptée sous conditions le 2026-12-01")
        == true)
    #expect(
      try ReportFixture.report().json().contains("\"decision\"") == false, "absent without one")
  }

  @Test func oscalNamesTheApproverAndCarriesTheDecisionInTheResult() throws {
    let text = try decidedReport().oscal(ReportFixture.provenance)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let results = try #require(root["assessment-results"] as? [String: Any])
    let metadata = try #require(results["metadata"] as? [String: Any])
    let roles = try #require(metadata["roles"] as? [[String: Any]])
    #expect(roles.contains { $0["id"] as? String == "approver" })
    let parties = try #require(metadata["parties"] as? [[String: Any]])
    let approver = try #require(parties.first { $0["name"] as? String == "Jan Peeters" })
    let responsible = try #require(metadata["responsible-parties"] as? [[String: Any]])
    #expect(
      responsible.contains {
        $0["role-id"] as? String == "approver"
          && ($0["party-uuids"] as? [String]) == [approver["uuid"] as? String ?? ""]
      })
    let result = try #require((results["results"] as? [[String: Any]])?.first)
    let props = try #require(result["props"] as? [[String: Any]])
    func prop(_ name: String) -> String? {
      props.first { $0["name"] as? String == name }?["value"] as? String
    }
    #expect(prop("decision") == "accept_with_conditions")
    #expect(prop("decision-date") == "2026-12-01")
    #expect(prop("decision-content-changed") == "true")
    #expect((result["description"] as? String)?.contains("Management's decision:") == true)
    // NIST's schema and compliance-trestle read it, where their environment is (.ci/run).
    let python = repositoryRoot + "/.venv-ci/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else { return }
    let path = NSTemporaryDirectory() + "oscal-decision-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let validated = try runBinary(python, [repositoryRoot + "/scripts/validate-oscal", path])
    #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
  }
}
