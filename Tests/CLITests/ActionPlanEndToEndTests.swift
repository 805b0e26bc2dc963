import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The action plan in a real terminal at 80×24: a literal version-1 session is
/// resumed, a gap gets an owner, a due date (a wrong one refused with the expected form), a
/// reference and a status; accepting a blocking finding is refused with the reason; the file is
/// migrated to version 2 with its original kept.
@Suite(.serialized, .enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
struct ActionPlanEndToEndTests {
  let risk = repositoryRoot + "/Tests/Fixtures/risk.yaml"

  func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func aGapIsPlannedFromTheQuestionScreenAndABlockingOneCannotBeAccepted() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try Data(
      contentsOf: URL(
        fileURLWithPath: repositoryRoot + "/Tests/Fixtures/sessions-v1/health-public.json"))
    try original.write(to: URL(fileURLWithPath: directory + "/health-public.json"))
    let tmux = try Tmux(
      ["resume", "health-public", "--questionnaire", risk, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    // A finished assessment opens on its summary; o reopens it.
    try tmux.wait(for: "o reopen")
    try tmux.keys("o")
    try tmux.wait(for: "Question 1/")
    // To the sovereignty gap, then its plan.
    try tmux.keys("/")
    try tmux.type("Statement ctr_sovereignty")
    try tmux.keys("Enter")
    try tmux.wait(for: "Statement ctr_sovereignty")
    try tmux.keys("a")
    try tmux.wait(for: "Action plan of the gap")
    // Owner, then a due date that is not a date: refused with the expected form, kept on screen.
    try tmux.keys("Down", "Enter")
    try tmux.type("Anne Dupont")
    try tmux.keys("Enter")
    try tmux.type("31/03/2027")
    try tmux.keys("Enter")
    try tmux.wait(for: "is not a date: write it as YYYY-MM-DD")
    for _ in 0..<10 { try tmux.keys("BSpace") }
    try tmux.type("2027-03-31")
    try tmux.keys("Enter")
    try tmux.type("CR-2027-04")
    try tmux.keys("Enter")
    // Status "in progress" (2): after the reference, an action that is not an accepted risk
    // leaves the form on its rows (no acceptance field opens).
    try tmux.keys("2")
    let plan = try tmux.wait(for: "(•) 2. in progress")
    #expect(
      plan.contains("Anne Dupont") && plan.contains("2027-03-31") && plan.contains("CR-2027-04"),
      "\(plan)")
    try tmux.keys("Escape")
    try tmux.wait(for: "Action plan: in progress · Anne Dupont · 2027-03-31 · CR-2027-04")
    // Key control is a blocking finding: accepting it is refused, with why.
    try tmux.keys("/")
    try tmux.type("Statement priv_keys_under_control")
    try tmux.keys("Enter")
    try tmux.wait(for: "Statement priv_keys_under_control")
    try tmux.keys("a")
    try tmux.wait(for: "Action plan of the gap")
    try tmux.keys("4")
    try tmux.wait(for: "a blocking finding cannot be accepted")
    try tmux.keys("Escape", "q")
    try tmux.waitForExit()
    let saved = try json(directory + "/health-public.json")
    #expect(saved["schemaVersion"] as? Int == 4)
    let answers = try #require(saved["answers"] as? [String: [String: Any]])
    let action = try #require(answers["ctr_sovereignty"]?["action"] as? [String: Any])
    #expect(action["owner"] as? String == "Anne Dupont")
    #expect(action["due_date"] as? String == "2027-03-31")
    #expect(action["reference"] as? String == "CR-2027-04")
    #expect(action["status"] as? String == "in_progress")
    #expect(
      answers["priv_keys_under_control"]?["action"] == nil,
      "the refused acceptance was not recorded")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: directory + "/health-public.v1.json")) == original,
      "the v1 original is kept")
    // The plan reaches the summary, overdue against the day given.
    let summary = try runCLI(
      [
        "summary", "health-public", "--questionnaire", risk, "--as-of", "2027-04-01", "--lang",
        "en",
      ],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(summary.stdout.contains("Overdue on 2027-04-01 (1)"), "\(summary.stdout)")
    #expect(
      summary.stdout.contains(
        "Owner: Anne Dupont · Due date: 2027-03-31 · Status: in progress · Reference: CR-2027-04"))
  }
}
