import Foundation
import Testing

@testable import AssessmentCore
@testable import AssessmentReports

@Suite struct SummaryCSVTests {
  @Test func formulaCellsAreNeutralised() {
    for dangerous in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
      #expect(CSV.neutralised(dangerous) == "'" + dangerous)
    }
    for safe in ["", "1", "a=b", " =1", "'quoted", "Conforme"] {
      #expect(CSV.neutralised(safe) == safe)
    }
  }

  @Test func fieldsAreQuotedAsRFC4180Says() {
    #expect(CSV.field("plain", delimiter: ",") == "plain")
    #expect(CSV.field("a,b", delimiter: ",") == "\"a,b\"")
    #expect(CSV.field("a,b", delimiter: ";") == "a,b")
    #expect(CSV.field("a;b", delimiter: ";") == "\"a;b\"")
    #expect(CSV.field("say \"hi\"", delimiter: ",") == "\"say \"\"hi\"\"\"")
    #expect(CSV.field("two\nlines", delimiter: ",") == "\"two\nlines\"")
    #expect(CSV.field("cr\r", delimiter: ",") == "\"cr\r\"")
  }

  @Test func oneRowPerApplicableQuestionWithCRLFAndOptionalBOM() {
    let report = ReportFixture.report()
    let rows = report.csvRows()
    // personal_data, deployment, restitution, sovereignty, encryption, network, comment.
    #expect(
      rows.map { $0[1] } == [
        "personal_data", "deployment", "restitution", "sovereignty", "encryption", "network",
        "comment",
      ])
    #expect(rows.allSatisfy { $0.count == report.csvHeader.count })
    let encryption = rows[4]
    #expect(encryption[0] == "2.4.6")
    #expect(encryption[4] == "Provider")
    #expect(encryption[5] == "Non-compliant")
    #expect(encryption[10] == "no_encryption")
    #expect(rows[0][6].isEmpty, "a context question is not scored")
    let text = report.csv()
    #expect(text.hasPrefix("Reference,Id,"))
    #expect(text.hasSuffix("\r\n"))
    #expect(!text.hasPrefix("\u{FEFF}"))
    #expect(
      report.csv(CSVOptions(delimiter: ";", byteOrderMark: true)).hasPrefix("\u{FEFF}Reference;Id;")
    )
  }

  /// Python's csv module reads back exactly the cells written, neutralised.
  @Test(arguments: [",", ";"])
  func aRealCSVReaderReadsItBack(delimiter: String) throws {
    let report = ReportFixture.report(.fr)
    let options = CSVOptions(delimiter: Character(delimiter), byteOrderMark: true)
    let path = NSTemporaryDirectory() + "cloud-assess-csv-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(report.csv(options).utf8).write(to: URL(fileURLWithPath: path))
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
          print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2], strict=True))))
      """
    guard let (status, output) = try runPython(script, [path, delimiter]) else {
      Issue.record("python3 is needed to read the CSV back")
      return
    }
    #expect(status == 0, "\(output)")
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
    let expected = ([report.csvHeader] + report.csvRows()).map { $0.map(CSV.neutralised) }
    #expect(parsed == expected)
    let flat = parsed.joined()
    #expect(
      !flat.contains { ["=", "+", "-", "@", "\t", "\r"].contains($0.first.map(String.init) ?? "") })
    #expect(flat.contains("'=HYPERLINK(\"http://evil\";\"x\")"))
    #expect(flat.contains("Ligne ; un, \"deux\"\nLigne 2"))
  }
}

@Suite struct ReportPhraseTests {
  @Test func everyReportPhraseExistsInEveryLanguage() {
    for phrase in ReportPhrase.allCases {
      for language in InterfaceLanguage.allCases {
        #expect(!phrase.text(language).isEmpty, "\(phrase) in \(language)")
      }
    }
  }

  @Test func everySummaryAndComparisonPhraseExistsInEveryLanguage() {
    for language in InterfaceLanguage.allCases {
      for phrase in SummaryPhrase.allCases {
        #expect(!phrase.text(language).isEmpty, "\(phrase) in \(language)")
      }
      for phrase in ComparisonPhrase.allCases {
        #expect(!phrase.text(language).isEmpty, "\(phrase) in \(language)")
      }
    }
  }
}

@Suite struct HTMLEscapingTests {
  @Test func userTextIsEscapedAndItsLineBreaksKept() {
    let text = "<a href='x'>\"&\"</a>"
    let escaped: HTML = "<p>\(text)</p>"
    #expect(escaped.description == "<p>&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;</p>")
    let markup: HTML = "<b>"
    #expect(
      HTML("\(markup)\(text)").description == "<b>" + escaped.description.dropFirst(3).dropLast(4))
    #expect(
      HTML.lines(" one\r\ntwo\nthree\rfour <b> ").description
        == "one<br>two<br>three<br>four &lt;b&gt;")
    #expect(SummaryReport.cssString("a \"b\" \\ <c>\n") == "\"a \\\"b\\\" \\\\  c  \"")
  }

  /// French puts a space before « : ; ! ? » and after «: a no-break space in the markup, so that
  /// a browser or a printed page never starts a line with the mark (as the templates write
  /// « Réponse\u{A0}: »).
  @Test func frenchMarksKeepTheirSpaceUnbroken() {
    func escaped(_ text: String) -> String { HTML("\(text)").description }
    #expect(
      escaped("essentielle ; faible : le service « Nuage » ? Oui ! a <b> :")
        == "essentielle\u{A0}; faible\u{A0}: le service «\u{A0}Nuage\u{A0}»\u{A0}? Oui\u{A0}! a &lt;b&gt;\u{A0}:"
    )
    #expect(escaped("Yes: no; why? « » ") == "Yes: no; why? «\u{A0}» ")
    #expect(escaped(" :") == "\u{A0}:")
    #expect(escaped(" «") == " «" && escaped("«") == "«" && escaped("» ") == "» ")
  }
}
