import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

/// User text (a questionnaire's, the assessor's) with the syntax of each format renders inert in
/// every format: escaped in HTML and Markdown, neutralised and quoted in CSV.
@Suite struct InertUserTextTests {
  static let payload = "<script>alert(1)</script> & *bold* _it_ | # [x](y)"
  static let formula = "=HYPERLINK(\"http://evil\",\"x\"),+1,-2,@SUM(1)"

  static func report(_ language: InterfaceLanguage) -> SummaryReport {
    let base = ReportFixture.questionnaire
    var sections = base.sections
    sections[2].title = text(payload)
    for index in sections[1].questions.indices {
      sections[1].questions[index].text = text(payload)
      sections[1].questions[index].refs = ["2.2 " + payload]
    }
    // Built anew: the questionnaire indexes its questions when it is made.
    let questionnaire = Questionnaire(
      id: base.id, version: base.version, languages: base.languages, title: base.title,
      sections: sections, blockingRules: base.blockingRules, risks: base.risks)
    var answers = ReportFixture.answers
    answers["restitution"]?.note = payload + "\n" + formula
    answers["restitution"]?.evidence = [
      EvidenceRecord(reference: payload), EvidenceRecord(reference: formula),
    ]
    answers["sovereignty"]?.note = formula
    answers["comment"] = Answer(value: .text(payload), note: payload, answeredAt: t0)
    let state = Wizard(questionnaire: questionnaire).resume(
      phase: .questions,
      metadata: SessionMetadata(
        organisation: payload, assessor: formula, provider: payload, service: payload,
        created: t0, updated: t1),
      answers: answers, cursor: 0)
    let summary = RiskEngine(questionnaire: questionnaire).summarize(state, asOf: t1)
    return SummaryReport(
      questionnaire: questionnaire, summary: summary, answers: answers, language: language,
      digest: String(repeating: "ab", count: 32))
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func htmlEscapesEveryUserText(language: InterfaceLanguage) {
    let model = Self.report(language).htmlModel(ReportFixture.provenance)
    let html = ([model.identification] + model.parts.map(\.html)).joined(separator: "\n")
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*"))
    #expect(!html.contains("<script>"))
    #expect(!html.contains("\"http://evil\""), "a quote left as it is could close an attribute")
    // Every ampersand starts an entity: none of the payload's is left bare.
    for chunk in html.split(separator: "&", omittingEmptySubsequences: false).dropFirst() {
      let entity = chunk.prefix { $0 != ";" }
      #expect(
        chunk.contains(";") && !entity.isEmpty && entity.count <= 6
          && entity.allSatisfy { $0.isLetter || $0.isNumber || $0 == "#" },
        "a bare & before \(chunk.prefix(20))")
    }
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func markdownEscapesEveryUserText(language: InterfaceLanguage) {
    let markdown = Self.report(language).markdown()
    let escaped = ##"&lt;script&gt;alert(1)&lt;/script&gt; &amp; \*bold\* \_it\_ \| \# \[x\](y)"##
    #expect(markdown.contains(escaped))
    #expect(!markdown.contains("<script>"))
    // Each of the payload's marks is escaped wherever it lands (tables, lists, emphasis).
    for mark in ["*bold*", "_it_", "| #", "[x]"] {
      #expect(!markdown.contains(mark), "\(mark) unescaped")
    }
  }

  @Test(arguments: InterfaceLanguage.allCases)
  func csvNeutralisesAndQuotesEveryUserText(language: InterfaceLanguage) {
    let rows = Self.fields(Self.report(language).csv())
    let header = rows.first ?? []
    #expect(
      rows.count > 5 && rows.allSatisfy { $0.count == header.count }, "a delimiter broke a row")
    for field in rows.joined() {
      #expect(!["=", "+", "-", "@"].contains(field.first), "a field starts a formula: \(field)")
    }
    #expect(rows.joined().contains("'" + Self.formula))
    #expect(rows.joined().contains(Self.payload))
  }

  /// The fields of RFC 4180 text (quoted fields, doubled quotes, CRLF records).
  static func fields(_ csv: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = csv.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? characters.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          let next = characters.next()
          if next == "\"" { field += "\"" } else { quoted = false; pending = next }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",": row.append(field); field = ""
      case "\r": break
      case "\n": row.append(field); rows.append(row); row = []; field = ""
      default: field.unicodeScalars.append(scalar)
      }
    }
    return rows
  }
}
