import Foundation
import Testing

/// `new --from`, `compare` and `list` through the binary.
@Suite struct ReassessmentTests {
  let risk = repositoryRoot + "/Tests/Fixtures/risk.yaml"

  func copyFixtures(_ directory: String) throws {
    for name in ["mixed", "all-compliant", "health-public"] {
      let data = try Data(
        contentsOf: URL(
          fileURLWithPath: repositoryRoot + "/Tests/Fixtures/sessions-v1/\(name).json"))
      try data.write(to: URL(fileURLWithPath: directory + "/\(name).json"))
    }
  }

  @Test func compareShowsVerdictsBlockingSectionsQuestionsAndActions() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try copyFixtures(directory)
    let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    let env = ["CLOUD_ASSESS_SESSIONS": directory]
    let text = try runCLI(
      [
        "compare", "health-public", "all-compliant", "--questionnaire", risk, "--lang", "en",
        "--as-of", "2027-01-01",
      ],
      environment: env)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(
      text.stdout.contains("Then: NOT ACCEPTABLE") && text.stdout.contains("Now: ACCEPTABLE"),
      "\(text.stdout)")
    #expect(text.stdout.contains("Blocking findings resolved (2)"), "\(text.stdout)")
    #expect(text.stdout.contains("Questions improved ("), "\(text.stdout)")
    #expect(text.stdout.contains("Non-compliant → Compliant"), "\(text.stdout)")
    #expect(text.stdout.contains("Compliance by section"))
    let json = try runCLI(
      [
        "compare", "mixed", "all-compliant", "--questionnaire", risk, "--format", "json", "--as-of",
        "2027-01-01",
      ],
      environment: env)
    #expect(json.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((document["old"] as? [String: Any])?["verdict"] as? String == "not_acceptable")
    #expect((document["new"] as? [String: Any])?["verdict"] as? String == "acceptable")
    #expect((document["improved"] as? [Any])?.isEmpty == false)
    let markdown = try runCLI(
      ["compare", "mixed", "all-compliant", "--questionnaire", risk, "--format", "markdown"],
      environment: env)
    #expect(markdown.stdout.hasPrefix("# "))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before,
      "nothing written")
  }

  @Test func aDamagedOrNewerSessionIsRefusedByCompareAndNewFromWithNothingCreatedOrChanged() throws
  {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try copyFixtures(directory)
    let damaged = Data("{\"schemaVersion\": 2, \"id\": ".utf8)
    let newer = Data("{\"schemaVersion\": 9}".utf8)
    try damaged.write(to: URL(fileURLWithPath: directory + "/damaged.json"))
    try newer.write(to: URL(fileURLWithPath: directory + "/newer.json"))
    let env = ["CLOUD_ASSESS_SESSIONS": directory]
    let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    for (bad, expected) in [("damaged", "not valid JSON"), ("newer", "9")] {
      let compare = try runCLI(
        ["compare", bad, "mixed", "--questionnaire", risk, "--lang", "en"], environment: env)
      #expect(compare.status == 1)
      #expect(
        compare.stderr.contains(bad + ".json") && compare.stderr.contains(expected),
        "\(compare.stderr)")
      let new = try runCLI(["new", "--from", bad, "--lang", "en"], environment: env)
      #expect(new.status == 1)
      #expect(new.stderr.contains(bad + ".json") && new.stderr.contains(expected), "\(new.stderr)")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == before,
      "nothing created")
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/damaged.json")) == damaged)
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/newer.json")) == newer)
  }

  @Test(.enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
  func newFromCarriesAnswersToReverifyAndLeavesTheSourceUntouched() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try copyFixtures(directory)
    let source = try Data(contentsOf: URL(fileURLWithPath: directory + "/mixed.json"))
    let tmux = try Tmux(
      ["new", "--from", "mixed", "--questionnaire", risk, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try tmux.wait(for: "TO RE-VERIFY")
    try tmux.keys("c")
    try tmux.wait(for: "Answer confirmed.")
    try tmux.keys("q")
    try tmux.waitForExit()
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: directory + "/mixed.json")) == source,
      "the source is untouched")
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: directory).first {
        $0.hasSuffix(".json")
          && !["mixed.json", "all-compliant.json", "health-public.json"].contains($0)
      })
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect((json["previous"] as? [String: Any])?["id"] as? String == "mixed")
    let answers = try #require(json["answers"] as? [String: [String: Any]])
    #expect(answers.count == 15)
    #expect(answers.values.filter { $0["reverify"] as? Bool == true }.count == 14, "one confirmed")
    // Its summary: carried answers are not verified, and the changes since last year are shown.
    let id = String(name.dropLast(5))
    let summary = try runCLI(
      ["summary", id, "--lang", "en"], environment: ["CLOUD_ASSESS_SESSIONS": directory])
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(
      summary.stdout.contains("Changes since the previous assessment (mixed"), "\(summary.stdout)")
    #expect(
      summary.stdout.contains("Carried from the previous assessment, to re-verify (14)"),
      "\(summary.stdout)")
  }

  /// `all-compliant` carried into a new assessment (as `new --from` writes it), nothing
  /// confirmed yet: `carried`.
  func writeCarried(_ directory: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/all-compliant.json"))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var answers = try #require(json["answers"] as? [String: [String: Any]])
    for (id, answer) in answers where answer["value"] != nil { answers[id]?["reverify"] = true }
    json["answers"] = answers
    json["id"] = "carried"
    try JSONSerialization.data(withJSONObject: json).write(
      to: URL(fileURLWithPath: directory + "/carried.json"))
  }

  @Test func carriedAnswersAreNeitherRegressionsNorNewAndTheAssessmentIsNotComplete() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try copyFixtures(directory)
    try writeCarried(directory)
    let env = ["CLOUD_ASSESS_SESSIONS": directory]
    let compare = try runCLI(
      [
        "compare", "all-compliant", "carried", "--questionnaire", risk, "--lang", "en", "--as-of",
        "2027-01-01",
      ],
      environment: env)
    #expect(compare.status == 0, "\(compare.stderr)")
    #expect(compare.stdout.contains("Questions regressed (0)"), "\(compare.stdout)")
    #expect(compare.stdout.contains("New questions (0)"), "\(compare.stdout)")
    #expect(compare.stdout.contains("Carried answers not yet re-verified (8)"), "\(compare.stdout)")
    // Grammar: a heading's "none" agrees with it (« Constats bloquants apparus (0) : aucun »).
    let french = try runCLI(
      [
        "compare", "all-compliant", "carried", "--questionnaire", risk, "--lang", "fr", "--as-of",
        "2027-01-01",
      ],
      environment: env)
    #expect(french.stdout.contains("Constats bloquants apparus (0)\n  aucun\n"), "\(french.stdout)")
    #expect(french.stdout.contains("Questions nouvelles (0)\n  aucune\n"), "\(french.stdout)")
    let json = try runCLI(
      [
        "compare", "all-compliant", "carried", "--questionnaire", risk, "--format", "json",
        "--as-of", "2027-01-01",
      ],
      environment: env)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((document["regressed"] as? [Any])?.isEmpty == true)
    #expect((document["notReverified"] as? [Any])?.count == 8)
    let markdown = try runCLI(
      ["compare", "all-compliant", "carried", "--questionnaire", risk, "--format", "markdown"],
      environment: env)
    #expect(
      markdown.stdout.contains("Carried answers not yet re-verified (8)"), "\(markdown.stdout)")

    let text = try runCLI(
      ["summary", "carried", "--questionnaire", risk, "--lang", "fr"], environment: env)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("Complétude : 0/16 (0 %) · 16 à revérifier"), "\(text.stdout)")
    #expect(!text.stdout.contains("Évaluation complète."), "\(text.stdout)")
    #expect(
      text.stdout.contains("ÉVALUATION INCOMPLÈTE : 16 réponse(s) reprise(s)"), "\(text.stdout)")
    for format in ["markdown", "html"] {
      let other = try runCLI(
        ["summary", "carried", "--questionnaire", risk, "--lang", "en", "--format", format],
        environment: env)
      #expect(
        other.stdout.contains("INCOMPLETE ASSESSMENT: 16 answer(s) carried"),
        "\(format): \(other.stdout)")
    }
    let summaryJSON = try runCLI(
      ["summary", "carried", "--questionnaire", risk, "--format", "json"], environment: env)
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(summaryJSON.stdout.utf8)) as? [String: Any])
    let completeness = try #require(summary["completeness"] as? [String: Any])
    #expect(completeness["complete"] as? Bool == false, "\(completeness)")
    #expect(completeness["toReverify"] as? Int == 16, "\(completeness)")
  }

  /// One "not applicable" left without its justification: every format says "incomplete".
  @Test func anUnjustifiedNotApplicableIsIncompleteInEveryFormat() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try copyFixtures(directory)
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/all-compliant.json"))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var answers = try #require(json["answers"] as? [String: [String: Any]])
    answers["ctr_sovereignty"]?["value"] = ["choice": "na"]
    answers["ctr_sovereignty"]?["note"] = ""
    json["answers"] = answers
    json["id"] = "unjustified"
    try JSONSerialization.data(withJSONObject: json).write(
      to: URL(fileURLWithPath: directory + "/unjustified.json"))
    let env = ["CLOUD_ASSESS_SESSIONS": directory]
    for format in ["text", "markdown", "html"] {
      let report = try runCLI(
        ["summary", "unjustified", "--questionnaire", risk, "--lang", "en", "--format", format],
        environment: env)
      #expect(report.status == 0, "\(report.stderr)")
      #expect(
        report.stdout.contains(
          "INCOMPLETE ASSESSMENT: everything is answered, but “not applicable” without a justification: 1"
        ),
        "\(format): \(report.stdout)")
      #expect(!report.stdout.contains("1 “not applicable” lack"), "grammar: \(format)")
      #expect(!report.stdout.contains("Assessment complete."), "\(format)")
    }
    let report = try runCLI(
      ["summary", "unjustified", "--questionnaire", risk, "--format", "json"], environment: env)
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let completeness = try #require(summary["completeness"] as? [String: Any])
    #expect(completeness["complete"] as? Bool == false, "\(completeness)")
  }

  @Test func listShowsVerdictOpenAndOverdueActionsAlsoAsCSV() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try copyFixtures(directory)
    var text = try String(contentsOfFile: directory + "/mixed.json", encoding: .utf8)
    text = text.replacingOccurrences(
      of: "\"note\": \"Délai de restitution non précisé (clause 14).\",",
      with:
        "\"note\": \"Délai de restitution non précisé (clause 14).\", \"action\": {\"owner\": \"Anne\", \"due_date\": \"2027-01-31\", \"status\": \"open\", \"reference\": \"\"},"
    )
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/mixed.json"))
    let env = ["CLOUD_ASSESS_SESSIONS": directory]
    let csv = try runCLI(
      ["list", "--format", "csv", "--questionnaire", risk, "--as-of", "2027-02-01"],
      environment: env)
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.components(separatedBy: "\r\n")
    #expect(lines.first?.hasPrefix("id,provider,service,") == true)
    #expect(
      lines.contains { $0.hasPrefix("mixed,") && $0.contains(",not_acceptable,1,1,") },
      "\(csv.stdout)")
    #expect(
      lines.contains { $0.hasPrefix("all-compliant,") && $0.contains(",acceptable,0,0,") },
      "\(csv.stdout)")
    let table = try runCLI(
      ["list", "--questionnaire", risk, "--as-of", "2027-01-15"], environment: env)
    #expect(table.stdout.contains("VERDICT") && table.stdout.contains("OVERDUE"))
    let bad = try runCLI(["list", "--as-of", "31/01/2027"], environment: env)
    #expect(bad.status == 64 && bad.stderr.contains("YYYY-MM-DD"))
  }
}
