import Foundation

@testable import AssessmentStore

/// A fresh directory under the system's temporary directory, removed by the caller.
func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "cloud-assess-tests-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// A file of `Tests/Fixtures`, shared by the test targets.
func fixturePath(_ name: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    + "/Fixtures/" + name
}

/// The repository root, from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path

/// Problems of loading `yaml`, as "line:column: [id] message" texts.
func problems(_ yaml: String) -> [String] {
  do {
    _ = try QuestionnaireLoader.parse(yaml, source: "q.yaml")
    return []
  } catch .questionnaireInvalid(let problems) {
    return problems.map { "\($0.line):\($0.column): " + ($0.id.map { "[\($0)] " } ?? "") + $0.message }
  } catch {
    return ["\(error)"]
  }
}

/// A valid questionnaire with one section; `questions` is inserted as YAML list items.
func questionnaireYAML(_ questions: String, extra: String = "") -> String {
  """
  format: 1
  id: t
  version: "1"
  languages: [fr, en]
  title: {fr: "T", en: "T"}
  sections:
    - id: s
      title: {fr: "S", en: "S"}
      questions:
  \(questions)
  \(extra)
  """
}
