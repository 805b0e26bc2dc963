import Foundation

/// The targets of docs/performance.md, checked against one run's figures. They say what serves a
/// user: real questionnaires have 30 to 1,200 questions (1,200: a catalogue the size of NIST SP
/// 800-53) and the built-in one is compiled in; 10,000 questions bound the growth.
struct TargetCheck: Codable {
  var target: String
  var measured: String
  /// nil when this run did not measure it (a size not in --sizes).
  var met: Bool?
}

enum Targets {
  /// The size a real catalogue may reach, and the size that bounds the growth.
  static let catalogueSize = 1_200
  static let largeSize = 10_000

  static func check(_ report: Report) -> [TargetCheck] {
    var checks: [TargetCheck] = []
    func size(_ questions: Int) -> SizeResult? { report.sizes.first { $0.questions == questions } }
    func timing(_ name: String, at questions: Int) -> Timing? {
      size(questions)?.timings.first { $0.name == name }
    }
    func ms(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
    func limit(
      _ target: String, _ name: String, at questions: Int, p99: Bool = false, atMost: Double
    ) {
      guard let timing = timing(name, at: questions) else {
        checks.append(
          TargetCheck(
            target: target, measured: "not measured (--sizes without \(questions))", met: nil))
        return
      }
      let value = p99 ? timing.p99Ms : timing.medianMs
      checks.append(
        TargetCheck(
          target: target, measured: "\(ms(timing.medianMs)) / \(ms(timing.p99Ms))",
          met: value <= atMost))
    }

    let load = "questionnaire load + validation"
    limit(
      "load + validation, 1,200 questions: median ≤ 100 ms", load, at: catalogueSize, atMost: 100)
    limit(
      "load + validation, 10,000 questions: median ≤ 1,000 ms", load, at: largeSize, atMost: 1_000)
    // Linear: a question costs no more at 10,000 than at 1,200 (half again, for the noise of a
    // shared machine); a quadratic step would multiply it by about eight.
    if let small = timing(load, at: catalogueSize), let large = timing(load, at: largeSize) {
      let growth = (large.medianMs / Double(largeSize)) / (small.medianMs / Double(catalogueSize))
      checks.append(
        TargetCheck(
          target: "load grows linearly: per question at 10,000 ≤ 1.5× per question at 1,200",
          measured: String(format: "%.2f×", growth), met: growth <= 1.5))
    } else {
      checks.append(
        TargetCheck(
          target: "load grows linearly: per question at 10,000 ≤ 1.5× per question at 1,200",
          measured: "not measured (--sizes without 1200 and 10000)", met: nil))
    }
    if let large = size(largeSize), let model = large.modelMiB {
      let file = Double(large.questionnaireBytes) / 1_048_576
      checks.append(
        TargetCheck(
          target: "the model in memory, 10,000 questions ≤ 2× the file",
          measured: String(format: "%.1f MiB for %.1f MiB (%.2f×)", model, file, model / file),
          met: model <= 2 * file))
    }
    // The two loads were measured in turns, so that both saw the same moments of the machine.
    // The one with history is the reading of a summary, a list or a comparison, which skips the
    // histories; the wizard's reading, whole, is reported beside it (docs/performance.md).
    let history = "history (5 changes per answer) adds to the session load, 10,000 questions ≤ 10 %"
    if let without = timing("session load, in turns with the next", at: largeSize),
      let with = timing("session load with history (5 changes per answer)", at: largeSize)
    {
      let added = with.medianMs / without.medianMs - 1
      checks.append(
        TargetCheck(
          target: history,
          measured: String(
            format: "%.1f against %.1f ms (%+.1f %%)", with.medianMs, without.medianMs,
            added * 100),
          met: added <= 0.10))
    } else {
      checks.append(
        TargetCheck(target: history, measured: "not measured (--sizes without 10000)", met: nil))
    }
    for keystroke in ["next/previous question", "answer", "typing in a note"] {
      limit(
        "keystroke (\(keystroke)), 10,000 questions: p99 ≤ 1 ms", "keystroke: \(keystroke)",
        at: largeSize, p99: true, atMost: 1)
    }
    limit(
      "autosave after an answer, 10,000 questions: p99 ≤ 5 ms", "autosave after an answer",
      at: largeSize,
      p99: true, atMost: 5)
    limit(
      "summary (risk + text), 10,000 questions: median ≤ 50 ms", "summary (risk + text)",
      at: largeSize, atMost: 50)
    limit(
      "report: HTML, 10,000 questions: median ≤ 200 ms", "report: HTML (risk + built-in template)",
      at: largeSize, atMost: 200)
    limit(
      "import ciso-assistant, a library of 1,500 nodes: median ≤ 1,000 ms",
      "import ciso-assistant (\(Synthetic.libraryNodes) nodes)", at: catalogueSize, atMost: 1_000)
    for step in ["export", "import"] {
      limit(
        "provider workbook \(step), built-in questionnaire: median ≤ 150 ms",
        "provider workbook: \(step) (built-in)", at: largeSize, atMost: 150)
      limit(
        "provider workbook \(step), 10,000 questions: median ≤ 3,000 ms",
        "provider workbook: \(step) (synthetic)", at: largeSize, atMost: 3_000)
    }
    let end = report.endToEnd
    checks.append(
      TargetCheck(
        target: "`cloud-assess new`, built-in questionnaire, to the first frame ≤ 2× the floor",
        measured: String(format: "%.2f×", end.firstFrameRatio), met: end.firstFrameRatio <= 2))
    checks.append(
      TargetCheck(
        target: "`cloud-assess summary`, built-in questionnaire ≤ 2× the floor",
        measured: String(format: "%.2f×", end.summaryRatio), met: end.summaryRatio <= 2))
    checks.append(
      TargetCheck(
        target: "`cloud-assess merge`, two complete built-in sessions ≤ 2× the floor",
        measured: String(format: "%.2f×", end.mergeRatio), met: end.mergeRatio <= 2))
    return checks
  }

  /// The checks as lines: target, measured (median / p99, or a ratio), met or missed.
  static func table(_ checks: [TargetCheck]) -> String {
    let width = checks.map(\.target.count).max() ?? 0
    var lines = ["targets (docs/performance.md; ms: median / p99)"]
    for check in checks {
      let verdict = check.met.map { $0 ? "met" : "MISSED" } ?? "-"
      let padded = check.target + String(repeating: " ", count: width - check.target.count)
      lines.append("\(padded)  \(check.measured)  \(verdict)")
    }
    return lines.joined(separator: "\n")
  }
}
