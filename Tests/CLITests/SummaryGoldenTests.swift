import Foundation
import Testing

/// `cloud-assess summary` of four fixture sessions (one with an action plan), in three formats, against golden files.
/// With `UPDATE_GOLDEN=1` the files are written instead (and the test fails).
@Suite struct SummaryGoldenTests {
  static let sessions = ["all-compliant", "mixed", "health-public", "planned"]
  static let formats = [("text", "txt"), ("markdown", "md"), ("json", "json")]
  let questionnaire = repositoryRoot + "/Tests/Fixtures/risk.yaml"

  @Test(arguments: sessions)
  func summaryMatchesItsGoldenFiles(session: String) throws {
    for (format, ext) in Self.formats {
      for language in ["en", "fr"] where format != "json" || language == "en" {
        let result = try runCLI([
          "summary", repositoryRoot + "/Tests/Fixtures/sessions/\(session).json", "--questionnaire",
          questionnaire, "--format", format, "--lang", language, "--as-of", "2026-11-30",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no warning: the fixture digests are current")
        let path = repositoryRoot + "/Tests/CLITests/Golden/\(session).\(language).\(ext)"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
          try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
          Issue.record("recorded \(path)")
          continue
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(result.stdout == expected, "\(session) \(format) \(language) differs from \(path)")
      }
    }
  }

  @Test func theHealthDataInAPublicCloudNamesBothBlockingFindings() throws {
    let result = try runCLI([
      "summary", repositoryRoot + "/Tests/Fixtures/sessions/health-public.json", "--questionnaire",
      questionnaire, "--format", "json",
    ])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["verdict"] as? String == "not_acceptable")
    let blocking = (document["blocking"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
    #expect(blocking == ["personal_data_public_cloud", "keys_not_controlled"])
  }

  @Test func outputFileAndErrors() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let output = directory + "/summary.md"
    let written = try runCLI([
      "summary", repositoryRoot + "/Tests/Fixtures/sessions/mixed.json", "--questionnaire",
      questionnaire,
      "--format", "markdown", "--output", output,
    ])
    #expect(written.status == 0)
    #expect(written.stdout.isEmpty)
    #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("# "))
    let unknown = try runCLI(["summary", "nope", "--sessions-dir", directory])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no session 'nope' in \(directory)"))
    try "{\"schemaVersion\": 1".write(
      toFile: directory + "/broken.json", atomically: true, encoding: .utf8)
    let broken = try runCLI(["summary", "broken", "--sessions-dir", directory])
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("is damaged"))
  }
}
