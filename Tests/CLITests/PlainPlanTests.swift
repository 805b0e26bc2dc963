import Foundation
import Testing

/// The action plan and carried answers in plain mode, through a pipe: `plan` asks the status,
/// owner, due date, reference and, for an acceptance, who/when/why/until when, field by field,
/// each saved as typed; a due date that is not one, and accepting a blocking finding, are
/// refused as in curses; `confirm` confirms an answer carried from last year; the summary of a
/// re-assessment in the wizard shows the changes since the previous assessment.
@Suite(.serialized) struct PlainPlanTests {
  let small = repositoryRoot + "/Tests/Fixtures/small.yaml"
  let risk = repositoryRoot + "/Tests/Fixtures/risk.yaml"
  static let identification = "ONSS\nAnne Dupont\nNuage SA\nArchivage\n"

  func sessions(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
      $0.hasSuffix(".json") && !$0.hasPrefix(".") && !$0.hasSuffix(".v1.json")
    }.sorted()
  }

  func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func answers(_ path: String) throws -> [String: [String: Any]] {
    (try json(path)["answers"] as? [String: [String: Any]]) ?? [:]
  }

  @Test func aGapIsPlannedFieldByFieldAndShownWithItsQuestion() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Restitution non-compliant, back to it, then its plan: in progress, owner, due, reference.
    let input =
      Self.identification
      + "?\n1\n1\n3\nback\nplan\n2\nAnne Dupont\n2027-03-31\nCR-2027-04\nrepeat\n"
    let result = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory], input: input)
    #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
    #expect(result.stdout.contains("  plan [ID]: "), "listed by ?: \(result.stdout)")
    #expect(result.stdout.contains("  confirm: "), "listed by ?")
    #expect(result.stdout.contains("Action plan of the gap"), "\(result.stdout)")
    #expect(result.stdout.contains("Status 1-4 [open]"), "\(result.stdout)")
    #expect(result.stdout.contains("Due date (YYYY-MM-DD): "), "the expected form is in the prompt")
    #expect(
      result.stdout.contains("Action plan: in progress · Anne Dupont · 2027-03-31 · CR-2027-04"),
      "the question shows its plan: \(result.stdout)")
    let name = try #require(sessions(directory).first)
    let action = try #require(
      try answers(directory + "/" + name)["restitution"]?["action"] as? [String: Any])
    #expect(action["status"] as? String == "in_progress")
    #expect(action["owner"] as? String == "Anne Dupont")
    #expect(action["due_date"] as? String == "2027-03-31")
    #expect(action["reference"] as? String == "CR-2027-04")
  }

  @Test func aDueDateThatIsNotADateIsRefusedWithTheExpectedFormAndWhatCameBeforeIsSaved() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let input = Self.identification + "1\n1\n3\nback\nplan\n2\nAnne Dupont\n31/03/2027\nCR-1\n"
    let result = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory], input: input)
    #expect(result.status == 1)
    #expect(result.stderr.contains("line 12"), "\(result.stderr)")
    #expect(result.stderr.contains("is not a date: write it as YYYY-MM-DD"), "\(result.stderr)")
    let name = try #require(sessions(directory).first)
    let action = try #require(
      try answers(directory + "/" + name)["restitution"]?["action"] as? [String: Any])
    #expect(action["owner"] as? String == "Anne Dupont", "saved as typed")
    #expect(action["status"] as? String == "in_progress")
    #expect(action["due_date"] == nil || action["due_date"] as? String == "")
  }

  @Test func aRiskIsAcceptedWithItsDecisionAndABlockingFindingIsRefusedWithWhy() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fixture = repositoryRoot + "/Tests/Fixtures/sessions-v1/health-public.json"
    try Data(contentsOf: URL(fileURLWithPath: fixture)).write(
      to: URL(fileURLWithPath: directory + "/health-public.json"))
    // In French: the names of the commands and the prompts in the interface language.
    let input = """
      rouvrir
      aller ctr_sovereignty
      plan
      4
      -


      Comité de direction
      2026-05-04
      Engagement du fournisseur
      2027-05-04
      aller priv_keys_under_control
      plan
      4

      """
    let result = try runCLI(
      ["resume", "health-public", "--plain", "--questionnaire", risk, "--lang", "fr"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory], input: input)
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("Accepté par : "), "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "Plan d'action : risque accepté · Fournisseur — accepté jusqu'au 2027-05-04"),
      "\(result.stdout)")
    #expect(
      result.stderr.contains("un constat bloquant ne peut pas être accepté"), "\(result.stderr)")
    let saved = try answers(directory + "/health-public.json")
    let action = try #require(saved["ctr_sovereignty"]?["action"] as? [String: Any])
    #expect(action["status"] as? String == "risk_accepted")
    let acceptance = try #require(action["acceptance"] as? [String: Any], "\(action)")
    #expect(acceptance["by"] as? String == "Comité de direction")
    #expect(acceptance["on"] as? String == "2026-05-04")
    #expect(acceptance["reason"] as? String == "Engagement du fournisseur")
    #expect(acceptance["until"] as? String == "2027-05-04")
    #expect(
      saved["priv_keys_under_control"]?["action"] == nil, "the refused acceptance was not recorded")
  }

  @Test func aCarriedAnswerIsConfirmedAndTheSummaryShowsTheChangesSinceLastYear() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let environment = ["CLOUD_ASSESS_SESSIONS": directory]
    let first = try runCLI(
      ["new", "--plain", "--questionnaire", small, "--lang", "nl"], environment: environment,
      input: Self.identification + "1\n1\n3\n3\n")
    #expect(first.status == 0, "\(first.stderr)")
    let previous = String(try #require(sessions(directory).first).dropLast(5))
    // In Dutch: the carried answer says it is to re-verify; `bevestigen` confirms it; the
    // wizard's own summary has the changes since the previous assessment.
    let second = try runCLI(
      ["new", "--from", previous, "--plain", "--lang", "nl"], environment: environment,
      input: "bevestigen\nsamenvatting\nactieplan restitution\n3\n")
    #expect(second.status == 0, "\(second.stderr)\n\(second.stdout)")
    #expect(second.stdout.contains("OPNIEUW TE CONTROLEREN"), "\(second.stdout)")
    #expect(second.stdout.contains("Antwoord bevestigd."), "\(second.stdout)")
    #expect(
      second.stdout.contains("Wijzigingen sinds de vorige beoordeling (\(previous)"),
      "\(second.stdout)")
    let name = try #require(sessions(directory).first { !$0.hasPrefix(previous) })
    let saved = try answers(directory + "/" + name)
    #expect(saved["personal_data"]?["reverify"] as? Bool != true, "confirmed")
    #expect(saved["deployment_model"]?["reverify"] as? Bool == true, "not yet")
    // From the summary, whose gaps end with their id, `actieplan ID` opens that gap's plan.
    #expect(second.stdout.contains("Teruggave van gegevens. [restitution]"), "\(second.stdout)")
    #expect(second.stdout.contains("Carried from") == false)
    #expect((saved["restitution"]?["action"] as? [String: Any])?["status"] as? String == "done")
    #expect(
      second.stdout.hasPrefix("Nieuwe beoordeling "),
      "said before the wizard's lines: \(second.stdout.prefix(200))")
    // Confirming an answer that was not carried is refused, with why.
    let third = try runCLI(
      ["resume", String(name.dropLast(5)), "--plain", "--lang", "en"], environment: environment,
      input: "goto personal_data\nconfirm\n")
    #expect(third.status == 1)
    #expect(third.stderr.contains("not carried from the previous assessment"), "\(third.stderr)")
  }
}
