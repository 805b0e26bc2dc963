import Foundation
@_exported import TestSupport

@testable import AssessmentStore

/// Problems of loading `yaml`, as "line:column: [id] message" texts.
func problems(_ yaml: String) -> [String] {
  do {
    _ = try QuestionnaireLoader.parse(yaml, source: "q.yaml")
    return []
  } catch .questionnaireInvalid(let problems) {
    return problems.map {
      "\($0.line):\($0.column): " + ($0.id.map { "[\($0)] " } ?? "") + $0.message
    }
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
