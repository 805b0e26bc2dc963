import Foundation

@testable import AssessmentCore
@testable import AssessmentReports

/// A report on the fixture questionnaire with a blocking rule, a register and a derogation,
/// whose texts are hostile: formulas, HTML, quotes, delimiters and line breaks.
enum ReportFixture {
  static var questionnaire: Questionnaire {
    var copy = fixture
    copy.blockingRules = [
      BlockingRule(
        id: "no_encryption", refs: ["2.4.6"], when: .equals("encryption", "noncompliant"),
        questions: ["encryption"], message: text("Unencrypted"), remediation: text("Encrypt"))
    ]
    copy.risks = [
      RegisterRisk(
        id: "D.risk.4", refs: ["D.risk.4"], title: text("leak"),
        mitigatedBy: ["encryption", "sovereignty"])
    ]
    return copy
  }

  static let answers: [String: Answer] = [
    "personal_data": Answer(value: .choice("yes"), answeredAt: t0),
    "deployment": Answer(value: .choice("public"), note: "@SUM(1+1)", answeredAt: t0),
    "restitution": Answer(
      value: .choice("partial"), note: "=HYPERLINK(\"http://evil\";\"x\")",
      evidence: ["contract.pdf", "-2+3"],
      flagged: true, answeredAt: t0),
    "sovereignty": Answer(
      value: .choice("na"),
      note: "Provider says \"n/a\"; see\r\nline two, <script>alert(1)</script>", answeredAt: t0),
    "encryption": Answer(value: .choice("noncompliant"), note: "+1 tab\there", answeredAt: t0),
    "network": Answer(value: .choice("compliant"), evidence: ["\tcell"], answeredAt: t0),
    "comment": Answer(value: .text("Ligne ; un, \"deux\"\nLigne 2"), answeredAt: t0),
  ]

  static func report(_ language: InterfaceLanguage = .en, answers: [String: Answer] = answers)
    -> SummaryReport
  {
    let questionnaire = questionnaire
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions,
      metadata: SessionMetadata(
        organisation: "ONSS <b>&</b>", assessor: "=cmd|' /C calc'!A0", provider: "Cloud \"Co\"",
        service: "Mail, <i>hosted</i>", created: t0, updated: t1),
      answers: answers, cursor: 0)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: t1)
    return SummaryReport(
      questionnaire: questionnaire, summary: summary, answers: answers, language: language,
      digest: String(repeating: "ab", count: 32))
  }

  static let provenance = ReportProvenance(
    sessionID: "20261120-100000-abcd", sessionSHA256: String(repeating: "0f", count: 32),
    produced: t1)
}

/// Runs python3 with a script on standard input and `arguments`; nil when python3 is absent.
func runPython(_ script: String, _ arguments: [String] = []) throws -> (
  status: Int32, output: String
)? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = output
  do { try process.run() } catch { return nil }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  if process.terminationStatus == 127 { return nil }
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
