import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The wizard on Tests/Fixtures/walk.yaml in a real terminal at 80×24.
@Suite(.serialized, .enabled(if: RequiredTool.tmux, "needs tmux (.ci/run installs it)"))
struct WizardWalkTests {
  let walk = repositoryRoot + "/Tests/Fixtures/walk.yaml"

  func start(_ directory: String) throws -> Tmux {
    let tmux = try Tmux(
      ["new", "--questionnaire", walk, "--lang", "en"],
      environment: ["CLOUD_ASSESS_SESSIONS": directory])
    try tmux.wait(for: "Organisation")
    for value in ["ONSS", "Anne Dupont", "Nuage SA", "Archivage"] {
      try tmux.type(value)
      try tmux.keys("Enter")
    }
    try tmux.wait(for: "Will personal data be processed in the cloud?")
    return tmux
  }

  func answers(_ directory: String) throws -> [String: [String: Any]] {
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: directory).first {
        $0.hasSuffix(".json") && !$0.hasPrefix(".")
      })
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (json["answers"] as? [String: [String: Any]]) ?? [:]
  }

  func value(_ answers: [String: [String: Any]], _ id: String) -> [String: Any]? {
    answers[id]?["value"] as? [String: Any]
  }

  @Test func walkAnswersByExplicitChoicesAndSIGTERMSavesTheTextBeingTyped() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try start(directory)
    // Enter on an unanswered question moves on without recording anything.
    try tmux.keys("Enter")
    try tmux.wait(for: "Describe the service in a few words.")
    try tmux.keys("Left")
    try tmux.wait(for: "Will personal data be processed in the cloud?")
    try tmux.keys("1", "Right")
    // A number, confirmed.
    try tmux.wait(for: "Describe the service in a few words.")
    try tmux.keys("Right")
    try tmux.wait(for: "How many users will use the service?")
    try tmux.keys("Enter")
    try tmux.type("250")
    try tmux.keys("Enter")
    // The long option label wraps at words, and Enter without a highlighted option records nothing.
    let hosting = try tmux.wait(for: "Where will the data be hosted?")
    #expect(hosting.contains("decision of the European Commission"), "\(hosting)")
    try tmux.keys("Enter")
    // The twelfth option, reached with the arrows.
    try tmux.wait(for: "Which kind of service?")
    for _ in 0..<12 { try tmux.keys("Down") }
    try tmux.wait(for: "› ( )    Other")
    try tmux.keys("Enter")
    try tmux.wait(for: "Which kinds of data?")
    // Back to the text question: typed, never confirmed, then SIGTERM.
    for _ in 0..<4 { try tmux.keys("Left") }
    try tmux.wait(for: "Describe the service in a few words.")
    try tmux.keys("Enter")
    try tmux.type("Archives sociales, en cours de saisie")
    try tmux.wait(for: "en cours de saisie")
    kill(try tmux.pid(), SIGTERM)
    try tmux.waitForExit()
    #expect(
      try tmux.history().contains("Session saved:"),
      "the terminal was restored and the message printed")
    let saved = try answers(directory)
    #expect(value(saved, "context")?["text"] as? String == "Archives sociales, en cours de saisie")
    #expect(value(saved, "users")?["number"] as? Double == 250)
    #expect(value(saved, "personal_data")?["choice"] as? String == "yes")
    #expect(value(saved, "service_kind")?["choice"] as? String == "other")
    #expect(saved["hosting"] == nil, "Enter on an unanswered question records nothing")
  }

  @Test func aNumberBeingTypedIsSavedWhileTypingWithoutLeavingTheField() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tmux = try start(directory)
    for _ in 0..<2 { try tmux.keys("Right") }
    try tmux.wait(for: "How many users will use the service?")
    try tmux.keys("Enter")
    try tmux.type("1200")
    // Handed over by the periodic tick, without leaving the field nor quitting.
    let deadline = Date().addingTimeInterval(15)
    var number: Double?
    while Date() < deadline, number == nil {
      usleep(200_000)
      let journal = try FileManager.default.contentsOfDirectory(atPath: directory).first {
        $0.hasSuffix(".journal")
      }
      if let journal,
        let text = try? String(contentsOfFile: directory + "/" + journal, encoding: .utf8),
        text.contains("1200")
      {
        number = 1200
      }
    }
    #expect(number == 1200, "the number reached the journal while the field was open")
    try tmux.type("x")
    try tmux.keys("C-c")
    try tmux.wait(for: "“1200x” is not a number")
    #expect(!(try tmux.exited()), "quitting with a number that does not parse is refused")
    try tmux.keys("Escape")
    try tmux.keys("C-c")
    try tmux.waitForExit()
    #expect(value(try answers(directory), "users")?["number"] as? Double == 1200)
  }
}
