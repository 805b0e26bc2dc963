import Foundation

/// The stable JSON form of a summary (`docs/summary.schema.json`).
public struct SummaryDocument: Encodable, Equatable, Sendable {
  public static let schemaVersion = 1

  public var schemaVersion = SummaryDocument.schemaVersion
  public var language: String
  public var session: Session
  public var questionnaire: QuestionnaireInfo
  public var completeness: Completeness
  public var verdict: String
  public var reasons: [Reason]
  public var blocking: [Blocking]
  public var matrix: Matrix
  public var register: [RegisterItem]
  public var sections: [SectionItem]
  public var gaps: [Gap]
  public var unanswered: [String]
  public var flagged: [String]
  public var notApplicable: [NotApplicable]
  public var unjustifiedNotApplicable: [String]
  public var evidence: [Evidence]

  public struct Session: Encodable, Equatable, Sendable {
    var organisation, assessor, provider, service, created, updated: String
  }
  public struct QuestionnaireInfo: Encodable, Equatable, Sendable {
    var id, version, digest: String
  }
  public struct Completeness: Encodable, Equatable, Sendable {
    var answered, applicable: Int
    var complete: Bool
  }
  public struct Reason: Encodable, Equatable, Sendable {
    var kind: String
    var count: Int
    var text: String
  }
  public struct Blocking: Encodable, Equatable, Sendable {
    var id: String
    var refs: [String]
    var question: String?
    /// Every question the rule names (`question` is the first that applies, to jump to).
    var questions: [String] = []
    var message, remediation: String
  }
  public struct Matrix: Encodable, Equatable, Sendable {
    var likelihood, impact: [String]
    /// `levels[likelihood][impact]`: level ids.
    var levels: [[String]]
    /// `counts[likelihood][impact]`: questions in the cell.
    var counts: [[Int]]
  }
  public struct RegisterItem: Encodable, Equatable, Sendable {
    var id: String
    var refs: [String]
    var title: String
    var level: String?
    var questions: [String]
  }
  public struct SectionItem: Encodable, Equatable, Sendable {
    var id, title: String
    var applicable, answered: Int
    var compliantPercent, answeredPercent: Int
  }
  public struct Gap: Encodable, Equatable, Sendable {
    var question: String
    var refs: [String]
    var section: String
    var text: String
    var answer, severity, likelihood, impact, level: String
    var note: String
    var remediation: String
    var flagged: Bool
    var evidence: [String]
  }
  public struct NotApplicable: Encodable, Equatable, Sendable {
    var question, justification: String
  }
  public struct Evidence: Encodable, Equatable, Sendable {
    var question: String
    var items: [String]
  }
}

extension SummaryReport {
  public func document() -> SummaryDocument {
    let meta = summary.metadata
    let model = questionnaire.riskModel
    func id(_ position: Int) -> String { questionnaire.questions[position].id }
    func reasonKind(_ reason: VerdictReason) -> (String, Int) {
      switch reason {
      case .blocking(let count): return ("blocking", count)
      case .gapsNotAcceptable(let count, _): return ("gaps_not_acceptable", count)
      case .gapsWithConditions(let count, _): return ("gaps_with_conditions", count)
      case .incomplete(let count): return ("incomplete", count)
      case .unjustifiedNotApplicable(let count): return ("unjustified_not_applicable", count)
      case .noGaps: return ("no_gaps", 0)
      }
    }
    return SummaryDocument(
      language: language.rawValue,
      session: .init(
        organisation: meta.organisation, assessor: meta.assessor, provider: meta.provider,
        service: meta.service, created: Self.isoDate(meta.created), updated: Self.isoDate(meta.updated)),
      questionnaire: .init(id: questionnaire.id, version: questionnaire.version, digest: digest),
      completeness: .init(
        answered: summary.progress.answered, applicable: summary.progress.applicable,
        complete: summary.progress.isComplete),
      verdict: summary.verdict.rawValue,
      reasons: summary.reasons.map {
        let (kind, count) = reasonKind($0)
        return .init(kind: kind, count: count, text: reasonText($0))
      },
      blocking: summary.blocking.map {
        .init(
          id: $0.rule.id, refs: $0.rule.refs, question: $0.questionID, questions: $0.rule.questions,
          message: q($0.rule.message),
          remediation: q($0.rule.remediation))
      },
      matrix: .init(
        likelihood: model.likelihood.map(\.id), impact: model.impact.map(\.id),
        levels: model.likelihood.map { model.matrix[$0.id] ?? [] }, counts: summary.matrix),
      register: summary.register.map {
        .init(
          id: $0.risk.id, refs: $0.risk.refs, title: q($0.risk.title), level: $0.level,
          questions: $0.findings.map(\.questionID))
      },
      sections: summary.sections.map {
        .init(
          id: questionnaire.sections[$0.section].id, title: q(questionnaire.sections[$0.section].title),
          applicable: $0.applicable, answered: $0.answered, compliantPercent: $0.compliantPercent ?? 0,
          answeredPercent: $0.answeredPercent ?? 0)
      },
      gaps: summary.gaps.map { gap in
        let question = questionnaire.questions[gap.position]
        let answer = answers[gap.questionID]
        return .init(
          question: gap.questionID, refs: question.refs,
          section: questionnaire.sections[gap.section].id, text: q(question.text),
          answer: gap.answer.rawValue, severity: gap.severity.rawValue, likelihood: gap.likelihood,
          impact: gap.impact, level: gap.level, note: answer?.note ?? "",
          remediation: question.remediation.map(q) ?? "", flagged: answer?.flagged ?? false,
          evidence: answer?.evidence ?? [])
      },
      unanswered: summary.unanswered.map(id),
      flagged: summary.flagged.map(id),
      notApplicable: summary.notApplicable.map {
        .init(question: id($0), justification: answers[id($0)]?.note ?? "")
      },
      unjustifiedNotApplicable: summary.unjustifiedNotApplicable.map(id),
      evidence: summary.evidence.map { .init(question: id($0), items: answers[id($0)]?.evidence ?? []) })
  }

  /// The document as deterministic JSON (sorted keys, pretty-printed).
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document()), as: UTF8.self) + "\n"
  }

  static func isoDate(_ date: Date) -> String { Timestamp.formatSeconds(date) }
}
