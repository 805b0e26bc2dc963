import ArgumentParser
import AssessmentCore
import AssessmentReports
import AssessmentStore
import Foundation
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Summary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    _superCommandName: CloudAssess.name,
    abstract:
      "Print the risk summary of a session (text, Markdown, JSON, HTML, CSV, OSCAL or xlsx).",
    discussion: """
      The JSON form is described by docs/summary.schema.json. html: one self-contained file to \
      print or hand over, laid out by a Mustache template (--print-template prints the built-in \
      one to copy and edit; --template uses yours). csv: one row per question that applies. \
      oscal: NIST OSCAL 1.1.3 assessment-results JSON. xlsx: a workbook (identification, \
      answers, gaps ranked, action plan, risk register) written to --output.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html, csv, oscal, xlsx
  }

  @Argument(help: ArgumentHelp("A session id or the path of a session file.", valueName: "session"))
  var session: String?

  @Option(help: "text, markdown, json, html, csv, oscal or xlsx (xlsx needs --output).")
  var format: Format = .text

  @Option(
    help: ArgumentHelp(
      "html: a Mustache template of your own instead of the built-in one (see --print-template).",
      valueName: "file"))
  var template: String?

  @Flag(
    name: .customLong("print-template"),
    help: "Print the built-in HTML template, to copy and edit; nothing else.")
  var printTemplate = false

  @Option(
    name: .customLong("csv-delimiter"),
    help: ArgumentHelp("csv: the field delimiter, ',' (default), ';' or 'tab'.", valueName: "char"))
  var csvDelimiter: String = ","

  @Flag(
    name: .customLong("bom"),
    help: "csv: start with a UTF-8 byte-order mark (for spreadsheets in fr/nl locales).")
  var byteOrderMark = false

  @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var output: String?

  @OptionGroup var relocated: RelocatedQuestionnaire

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The day derogations are judged against (their expiry), as YYYY-MM-DD; default today.",
      valueName: "date"))
  var asOf: String?

  var delimiter: Character? {
    if csvDelimiter == "tab" || csvDelimiter == "\\t" { return "\t" }
    guard csvDelimiter.count == 1, let character = csvDelimiter.first,
      character != "\"", character != "\n", character != "\r"
    else { return nil }
    return character
  }

  func validate() throws {
    if session == nil, !printTemplate {
      throw ValidationError("Missing expected argument '<session>'")
    }
    if delimiter == nil {
      throw ValidationError(
        "--csv-delimiter '\(csvDelimiter)' must be one character other than a quote or a line break (',', ';' or 'tab')"
      )
    }
    if let asOf, !Day.isValid(asOf) {
      throw ValidationError(
        "--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30")
    }
  }

  @OptionGroup var sessions: SessionsOptions
  @OptionGroup var interface: InterfaceOptions

  func run() throws {
    if printTemplate {
      writeOut(HTMLReport.builtinTemplate)
      return
    }
    let store = sessions.store
    let language = interface.resolvedLanguage
    if format == .xlsx, output == nil {
      throw fail(
        ReportRefusal(description: Messages.xlsxNeedsOutput.text(language)), language: language)
    }
    let report: SummaryReport
    let path: String
    let sessionID: String
    var customTemplate: String?
    do {
      path = try store.path(for: session ?? "")
      if let output, let clash = ReportOutput.clash(output: output, sessionPath: path) {
        throw ReportRefusal(description: Messages.outputOntoSession.format(language, output, clash))
      }
      if let template {
        do {
          customTemplate = try String(contentsOfFile: template, encoding: .utf8)
        } catch {
          throw ReportRefusal(
            description: Messages.templateUnreadable.format(
              language, template, "\(error.localizedDescription)"))
        }
      }
      let day = asOf.flatMap { Timestamp.parse($0 + "T12:00:00.000Z") } ?? Date()
      let made = try store.summaryReport(
        path: path, questionnaire: relocated.questionnaire, asOf: day, language: language,
        histories: format == .html ? .read : .skipped)
      sessionID = made.assessment.record.id
      for warning in made.assessment.record.warnings(
        against: made.assessment.questionnaire, language: language)
      {
        warn(warning, language: language)
      }
      report = made.report
    } catch {
      throw fail(error, language: language)
    }
    // The session file's digest and the production date, for the forms that state where they
    // come from (HTML, OSCAL): the others do not read and hash the file a second time.
    func provenance() throws -> ReportProvenance {
      do {
        return ReportProvenance(
          sessionID: sessionID, sessionSHA256: try ReportOutput.sha256(ofFile: path),
          produced: Self.productionDate())
      } catch {
        throw fail(error, language: language)
      }
    }
    var text = ""
    var bytes: Data?
    switch format {
    case .text:
      let color = output == nil && isatty(STDOUT_FILENO) == 1 && Interactive.allowColor
      text = report.text(color: color)
    case .markdown:
      text = report.markdown()
    case .json:
      text = try report.json()
    case .html:
      let model = report.htmlModel(try provenance())
      do {
        text = try HTMLReport.render(model, template: customTemplate)
      } catch {
        throw fail(
          ReportRefusal(
            description: Messages.templateUnreadable.format(language, template ?? "", "\(error)")),
          language: language)
      }
    case .csv:
      text = report.csv(CSVOptions(delimiter: delimiter ?? ",", byteOrderMark: byteOrderMark))
    case .oscal:
      text = try report.oscal(try provenance())
    case .xlsx:
      do {
        bytes = try report.xlsx(try provenance())
      } catch let error as ExitCode {
        throw error
      } catch {
        throw fail(error, language: language)
      }
    }
    if let output {
      do {
        try SessionStore.writeAtomically(bytes ?? Data(text.utf8), to: output)
      } catch {
        throw fail(error, language: language)
      }
    } else {
      writeOut(text)
    }
  }

  /// Now, or `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible reports.
  static func productionDate() -> Date {
    if let epoch = ProcessEnvironment.value("SOURCE_DATE_EPOCH"), let seconds = Double(epoch) {
      return Date(timeIntervalSince1970: seconds)
    }
    return Date()
  }
}

/// A report that cannot be made as asked (its output onto the session, an unusable template).
struct ReportRefusal: Error, CustomStringConvertible {
  var description: String
}
