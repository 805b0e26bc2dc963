// Writes Swift source that builds the built-in questionnaires' models directly, so that the
// program neither carries nor parses their YAML (docs/performance.md).
//
//   questionnaire-codegen --output BuiltinQuestionnaireModels.swift Questionnaires/NAME [...]
//
// Each NAME is a questionnaire directory (questionnaire.yaml and sections/*.yaml) or a single
// .yaml file; its id must be NAME. The BuiltinQuestionnaires build-tool plugin runs this at build
// time, so the output is never in the source tree. Each questionnaire is read and validated by the
// real reader (QuestionnaireFormat) first; an invalid one stops the build with every problem as
// FILE:LINE:COLUMN: error: MESSAGE. `BuiltinQuestionnairesTests` checks that every compiled model
// equals what the loader reads from Questionnaires/.
import AssessmentCore
import Foundation
import QuestionnaireFormat

func literal(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": result += "\\\\"
    case "\"": result += "\\\""
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}

func strings(_ values: [String]) -> String {
  "[" + values.map(literal).joined(separator: ", ") + "]"
}

func localized(_ text: LocalizedText) -> String {
  text.entries.isEmpty
    ? "LocalizedText(pairs: [:])"
    : "LocalizedText(pairs: ["
      + text.entries.map { "\(literal($0.language)): \(literal($0.text))" }
      .joined(separator: ", ") + "])"
}

func optional(_ text: LocalizedText?) -> String { text.map(localized) ?? "nil" }

func condition(_ value: Condition) -> String {
  switch value {
  case .isYes(let id): return ".isYes(\(literal(id)))"
  case .equals(let id, let answer): return ".equals(\(literal(id)), \(literal(answer)))"
  case .isIn(let id, let answers): return ".isIn(\(literal(id)), \(strings(answers)))"
  case .compare(let id, let op, let constant):
    let name: String
    switch op {
    case .less: name = "less"
    case .lessOrEqual: name = "lessOrEqual"
    case .greater: name = "greater"
    case .greaterOrEqual: name = "greaterOrEqual"
    }
    return ".compare(\(literal(id)), .\(name), \(constant))"
  case .answered(let id): return ".answered(\(literal(id)))"
  case .not(let inner): return ".not(\(condition(inner)))"
  case .and(let lhs, let rhs): return ".and(\(condition(lhs)), \(condition(rhs)))"
  case .or(let lhs, let rhs): return ".or(\(condition(lhs)), \(condition(rhs)))"
  }
}

func optional(_ value: Condition?) -> String { value.map { "Condition\(condition($0))" } ?? "nil" }

func question(_ q: Question) -> String {
  var parts = ["id: \(literal(q.id))", "refs: \(strings(q.refs))", "type: .\(q.type.rawValue)"]
  parts.append("text: \(localized(q.text))")
  parts.append("help: \(localized(q.help))")
  parts.append(
    "options: ["
      + q.options.map { "ChoiceOption(id: \(literal($0.id)), label: \(localized($0.label)))" }
      .joined(separator: ", ") + "]")
  parts.append("when: \(optional(q.when))")
  parts.append("severity: " + (q.severity.map { ".\($0.rawValue)" } ?? "nil"))
  parts.append("protects: [" + q.protects.map { ".\($0.rawValue)" }.joined(separator: ", ") + "]")
  parts.append("remediation: \(optional(q.remediation))")
  parts.append(
    "mappings: Mappings(iso27002: \(strings(q.mappings.iso27002)), nis2: \(strings(q.mappings.nis2)), gdpr: \(strings(q.mappings.gdpr)))"
  )
  parts.append(
    "basis: " + (q.basis.map { ".\($0 == .goodPractice ? "goodPractice" : $0.rawValue)" } ?? "nil"))
  parts.append("optional: \(q.optional)")
  // Only when set, so that questionnaires without them generate the same code as before.
  if let minimum = q.minimum { parts.append("minimum: \(minimum)") }
  if let maximum = q.maximum { parts.append("maximum: \(maximum)") }
  if q.integer { parts.append("integer: true") }
  if let owner = q.owner { parts.append("owner: .\(owner.rawValue)") }
  return "Question(\n        " + parts.joined(separator: ",\n        ") + ")"
}

func scale(_ levels: [ScaleLevel]) -> String {
  "["
    + levels.map { "ScaleLevel(id: \(literal($0.id)), label: \(localized($0.label)))" }.joined(
      separator: ", ") + "]"
}

func dictionary(_ values: [String: String]) -> String {
  values.isEmpty
    ? "[:]"
    : "["
      + values.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(literal($0.value))" }.joined(
        separator: ", ") + "]"
}

func riskModel(_ model: RiskModel) -> String {
  let matrix =
    model.matrix.isEmpty
    ? "[:]"
    : "["
      + model.matrix.sorted { $0.key < $1.key }.map { "\(literal($0.key)): \(strings($0.value))" }
      .joined(
        separator: ", ") + "]"
  let severity =
    model.severityImpact.isEmpty
    ? "[:]"
    : "["
      + model.severityImpact.sorted { $0.key.rank < $1.key.rank }.map {
        ".\($0.key.rawValue): \(literal($0.value))"
      }
      .joined(separator: ", ") + "]"
  let adjustments = model.impactAdjustments.map {
    "ImpactAdjustment(when: Condition\(condition($0.when)), dimensions: ["
      + $0.dimensions.map { ".\($0.rawValue)" }.joined(separator: ", ")
      + "], questions: \(strings($0.questions)), shift: \($0.shift), reason: \(localized($0.reason)))"
  }
  return """
    RiskModel(
          likelihood: \(scale(model.likelihood)),
          impact: \(scale(model.impact)),
          levels: \(scale(model.levels)),
          matrix: \(matrix),
          answerLikelihood: \(dictionary(model.answerLikelihood)),
          severityImpact: \(severity),
          impactAdjustments: [\(adjustments.joined(separator: ",\n        "))],
          notAcceptableFrom: \(literal(model.notAcceptableFrom)), conditionsFrom: \(literal(model.conditionsFrom)))
    """
}

func derogationRule(_ rule: DerogationRule) -> String {
  switch rule {
  case .unspecified: return ".unspecified"
  case .none: return ".none"
  case .question(let id): return ".question(\(literal(id)))"
  }
}

func swiftName(_ id: String) -> String {
  String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
}

#if !FUZZING
  @main
  enum Entry {
    static func main() { QuestionnaireCodegen.main() }
  }
#else
  // scripts/fuzz builds everything with -sanitize=fuzzer, this build tool too (the
  // BuiltinQuestionnaires plugin runs it), and libFuzzer then brings its own `main`: the program
  // runs from libFuzzer's first callback instead, and exits there.
  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
  ) -> CInt {
    QuestionnaireCodegen.main()
    exit(0)
  }

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
#endif

enum QuestionnaireCodegen {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 2, arguments[0] == "--output" else {
      FileHandle.standardError.write(
        Data("usage: questionnaire-codegen --output FILE.swift QUESTIONNAIRE...\n".utf8))
      exit(64)
    }
    let outputPath = arguments[1]
    let paths = Array(arguments.dropFirst(2))
    var output = """
      // Generated at build time by questionnaire-codegen (the BuiltinQuestionnaires plugin) from
      // Questionnaires/. Do not edit; not in the source tree. The models equal what the loader reads
      // from Questionnaires/ (BuiltinQuestionnairesTests).
      import AssessmentCore

      enum BuiltinQuestionnaireModels {
        /// By id: the digest of the questionnaire's content and a function building the model.
        static let all: [String: (digest: String, make: @Sendable () -> Questionnaire)] = [

      """
    var functions = ""
    var failed = false
    var seen: Set<String> = []
    for path in paths {
      let loaded: ReadQuestionnaire
      do {
        loaded = try QuestionnaireFiles.read(path: path)
      } catch {
        switch error {
        case .unreadable(let path, let reason):
          FileHandle.standardError.write(Data("\(path): error: \(reason)\n".utf8))
        case .invalid(let problems):
          for problem in problems {
            let id = problem.id.map { "[\($0)] " } ?? ""
            FileHandle.standardError.write(
              Data(
                "\(problem.file):\(problem.line):\(problem.column): error: \(id)\(problem.message)\n"
                  .utf8))
          }
        }
        failed = true
        continue
      }
      let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      guard loaded.questionnaire.id == name else {
        FileHandle.standardError.write(
          Data(
            "\(path): error: the questionnaire's id is '\(loaded.questionnaire.id)'; a built-in questionnaire is named after its id (Questionnaires/\(loaded.questionnaire.id))\n"
              .utf8))
        failed = true
        continue
      }
      guard seen.insert(name).inserted else {
        FileHandle.standardError.write(
          Data(
            "\(path): error: a second built-in questionnaire '\(name)' (a directory and a .yaml file?); keep one\n"
              .utf8))
        failed = true
        continue
      }
      let q = loaded.questionnaire
      let base = swiftName(q.id)
      output += "    \(literal(q.id)): (\(literal(loaded.digest)), \(base)),\n"
      functions += "\n  // MARK: - \(q.id)\n\n"
      functions += "  @Sendable static func \(base)() -> Questionnaire {\n"
      functions += "    Questionnaire(\n"
      functions +=
        "      id: \(literal(q.id)), version: \(literal(q.version)), languages: \(strings(q.languages)),\n"
      functions +=
        "      title: \(localized(q.title)),\n      description: \(optional(q.description)),\n"
      functions +=
        "      sections: ["
        + q.sections.indices.map { "\(base)_section\($0)()" }.joined(separator: ", ") + "],\n"
      functions += "      riskModel: \(base)_riskModel(),\n"
      functions +=
        "      blockingRules: [\n"
        + q.blockingRules.map {
          "        BlockingRule(id: \(literal($0.id)), refs: \(strings($0.refs)), when: Condition\(condition($0.when)), questions: \(strings($0.questions)), message: \(localized($0.message)), remediation: \(localized($0.remediation)), derogation: \(derogationRule($0.derogation)), basis: \($0.basis.map { ".\($0 == .goodPractice ? "goodPractice" : $0.rawValue)" } ?? "nil"))"
        }.joined(separator: ",\n") + "\n      ],\n"
      functions +=
        "      risks: [\n"
        + q.risks.map {
          "        RegisterRisk(id: \(literal($0.id)), refs: \(strings($0.refs)), title: \(localized($0.title)), mitigatedBy: \(strings($0.mitigatedBy)))"
        }.joined(separator: ",\n") + "\n      ],\n"
      functions +=
        "      citations: ["
        + (q.citations.isEmpty
          ? ":"
          : q.citations.sorted { $0.key < $1.key }.map {
            "\(literal($0.key)): \(localized($0.value))"
          }
          .joined(separator: ",\n        ")) + "],\n"
      functions +=
        "      labels: QuestionnaireLabels(register: \(optional(q.labels.register)), providerAction: \(optional(q.labels.providerAction)), organisationAction: \(optional(q.labels.organisationAction)), sharedAction: \(optional(q.labels.sharedAction)), provider: \(optional(q.labels.provider)), service: \(optional(q.labels.service))),\n"
      // Only when set, so that questionnaires without one generate the same code as before.
      let notice = q.notice.map { ", notice: \(localized($0))" } ?? ""
      functions += "      owner: .\(q.owner.rawValue)\(notice))\n  }\n"
      functions +=
        "\n  private static func \(base)_riskModel() -> RiskModel {\n    \(riskModel(q.riskModel))\n  }\n"
      for (index, section) in q.sections.enumerated() {
        functions += "\n  private static func \(base)_section\(index)() -> Section {\n"
        functions +=
          "    Section(\n      id: \(literal(section.id)), title: \(localized(section.title)),\n"
        functions +=
          "      introduction: \(optional(section.introduction)), refs: \(strings(section.refs)),\n"
        functions +=
          "      when: \(optional(section.when)), owner: \(section.owner.map { "." + $0.rawValue } ?? "nil"),\n      questions: [\n"
        functions += section.questions.map { "      " + question($0) }.joined(separator: ",\n")
        functions += "\n      ])\n  }\n"
      }
    }
    if failed { exit(1) }
    output += "  ]\n" + functions + "}\n"
    do {
      try Data(output.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
    } catch {
      FileHandle.standardError.write(
        Data("\(outputPath): error: cannot write: \(error.localizedDescription)\n".utf8))
      exit(1)
    }
  }
}
