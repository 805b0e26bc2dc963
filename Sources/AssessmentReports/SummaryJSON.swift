import AssessmentCore
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
  /// The day derogations were judged against (ISO 8601).
  public var asOf: String
  public var derogations: [Derogation]
  public var matrix: Matrix
  public var register: [RegisterItem]
  public var sections: [SectionItem]
  public var gaps: [Gap]
  public var unanswered: [String]
  public var flagged: [String]
  public var notApplicable: [NotApplicable]
  public var unjustifiedNotApplicable: [String]
  public var evidence: [Evidence]
  /// The evidence records expired on ``asOf``, in walking order.
  public var expiredEvidence: [ExpiredEvidenceItem]
  /// The questions whose provider's current claim differs from the assessor's answer, or that
  /// the assessor has not judged yet, in walking order; empty without claims.
  public var providerClaimDifferences: [ClaimDifferenceItem]
  /// Answers that are neither scored nor derogations: the scoping and context.
  public var context: [ContextAnswer]
  /// Answers kept in the session that no longer fit their question (counted as unanswered).
  public var invalidAnswers: [InvalidAnswer]
  /// The action plan as of `asOf`; absent when no action is recorded.
  public var plan: Plan?
  /// Answers carried from the previous assessment and not yet re-verified; absent when none.
  public var toReverify: [String]?
  /// For a re-assessment: the changes since the previous assessment.
  public var changesSince: Changes?
  /// Management's decision in force; absent when none is recorded.
  public var decision: Decision? = nil

  /// Management's decision (``SignOff``) and whether the content changed since.
  public struct Decision: Encodable, Equatable, Sendable {
    /// `accept`, `accept_with_conditions`, `refuse`.
    var decision: String
    var by, role, reference, on, conditions: String
    var contentDigest: String
    var recordedAt: String
    var recordedBy: String
    /// Whether the answers, derogations or plan differ from those decided on.
    var contentChanged: Bool
    var answersChangedSince: Int
    /// How many earlier decisions it supersedes.
    var superseded: Int
    /// The decision in words, and what changed since, in the report's language.
    var text: String
    var outOfDate: String?
  }

  public struct Plan: Encodable, Equatable, Sendable {
    var pending, overdue, accepted, done: [PlanEntry]
    /// Risk acceptances of a blocking finding, which do not count; absent when none.
    var refused: [PlanEntry]? = nil
  }
  public struct PlanEntry: Encodable, Equatable, Sendable {
    var question: String
    /// The level of the question's gap, when it is one.
    var level: String?
    /// Who must act on the point: `provider`, `organisation` or `shared`; an action whose owner
    /// is empty is carried by it.
    var responsibility: String
    var action: Action
    var overdue: Bool
    /// For an accepted risk: `valid`, `incomplete`, `expired`, `bad_expiry` or `blocking`.
    var acceptance: String?
    var acceptanceText: String?
  }
  public struct Action: Encodable, Equatable, Sendable {
    var owner, dueDate, status, reference: String
    var acceptedBy, acceptedOn, acceptanceReason, acceptedUntil: String
  }
  public struct Changes: Encodable, Equatable, Sendable {
    var title: String
    var lines: [String]
  }

  public struct Session: Encodable, Equatable, Sendable {
    var organisation, assessor, provider, service, created, updated: String
  }
  public struct QuestionnaireInfo: Encodable, Equatable, Sendable {
    var id, version, digest: String
    /// The version the session was answered under, when it differs.
    var answeredUnder: String?
    /// The content owner's notice (copyright, provider), when the questionnaire has one.
    var notice: String?
  }
  /// `complete` is ``Progress/isComplete``: every applicable question answered, none carried
  /// from the previous assessment left to re-verify, no unjustified "not applicable".
  public struct Completeness: Encodable, Equatable, Sendable {
    var answered, applicable: Int
    var complete: Bool
    /// Answers carried from the previous assessment and not yet re-verified; absent when none.
    var toReverify: Int?
    /// "Not applicable" answers without a justification; absent when none.
    var unjustifiedNotApplicable: Int?
  }
  public struct Reason: Encodable, Equatable, Sendable {
    var kind: String
    var count: Int
    var text: String
    /// The questions a reason names (the points beyond the reference text that weigh).
    var questions: [String]? = nil
    /// The blocking rules a reason names (those beyond the reference text that hold).
    var rules: [String]? = nil
  }
  public struct Blocking: Encodable, Equatable, Sendable {
    var id: String
    var refs: [String]
    var citation: String
    /// The first of the rule's questions that applies.
    var question: String?
    /// Every question the rule names.
    var questions: [String]
    var message, remediation: String
    /// `none` (no derogation possible), the `derogation` question that can waive it, or absent.
    var derogation: String?
    /// The derogation recorded for it that does not count, and why.
    var failedDerogation: FailedDerogation?
    /// `law`, `good_practice` or `policy` when the reference text does not demand it; absent
    /// otherwise.
    var basis: String? = nil
  }
  public struct FailedDerogation: Encodable, Equatable, Sendable {
    var question, reference, status, text: String
  }
  public struct Derogation: Encodable, Equatable, Sendable {
    var question, reference, grantedBy, grantedOn, scope, measures, expiresOn: String
    /// `valid`, `no_reference`, `expired` or `bad_expiry`.
    var status: String
    var counts: Bool
    /// The blocking rules it waives.
    var waives: [String]
    var text: String
  }
  public struct InvalidAnswer: Encodable, Equatable, Sendable {
    var question, stored: String
  }
  public struct ContextAnswer: Encodable, Equatable, Sendable {
    var question, text, answer: String
  }
  public struct Matrix: Encodable, Equatable, Sendable {
    var likelihood, impact: [String]
    /// `levels[likelihood][impact]`: level ids.
    var levels: [[String]]
    /// `counts[likelihood][impact]`: questions not compliant (or not verified) in the cell.
    var counts: [[Int]]
  }
  public struct RegisterItem: Encodable, Equatable, Sendable {
    var id: String
    var refs: [String]
    var title: String
    /// The residual level (after the answers).
    var level: String?
    /// The level were no mitigation in place.
    var inherentLevel: String?
    var questions: [String]
    /// The mitigating questions whose risk is accepted (valid acceptance); absent when none.
    var accepted: [String]?
    /// The blocking rules that hold on its mitigating questions; absent when none.
    var blocking: [String]? = nil
  }
  public struct SectionItem: Encodable, Equatable, Sendable {
    var id, title: String
    var applicable, answered: Int
    var compliantPercent, answeredPercent: Int
  }
  public struct Gap: Encodable, Equatable, Sendable {
    var question: String
    var refs: [String]
    var citation: String
    /// `law`, `good_practice` or `policy` when the point goes beyond the reference text.
    var basis: String?
    var impactReasons: [String]
    /// The derogation question whose record covers the gap.
    var waivedBy: String?
    var actionLabel: String
    /// Who must act on the point: `provider`, `organisation` or `shared`.
    var responsibility: String
    var section: String
    var text: String
    var answer, severity, likelihood, impact, level: String
    var note: String
    var remediation: String
    var flagged: Bool
    var evidence: [String]
    /// The gap's action plan, when one is recorded.
    var action: Action?
    /// True when the answer is carried from the previous assessment, not yet re-verified.
    var toReverify: Bool?
  }
  public struct NotApplicable: Encodable, Equatable, Sendable {
    var question, justification: String
  }
  public struct Evidence: Encodable, Equatable, Sendable {
    var question: String
    /// The references alone, as before records had days.
    var items: [String]
    var records: [EvidenceItem]
  }
  /// An evidence record: the days are omitted when not given.
  public struct EvidenceItem: Encodable, Equatable, Sendable {
    var reference: String
    var issuedOn, validUntil: String?
    var file: File?
    /// Whether its validity ended before ``SummaryDocument/asOf``.
    var expired: Bool
    struct File: Encodable, Equatable, Sendable {
      var path, sha256: String
    }

    init(_ record: EvidenceRecord, asOf day: String) {
      reference = record.reference
      issuedOn = record.issuedOn.isEmpty ? nil : record.issuedOn
      validUntil = record.validUntil.isEmpty ? nil : record.validUntil
      file = record.file.map { File(path: $0.path, sha256: $0.sha256) }
      expired = record.isExpired(on: day)
    }
  }
  /// A provider's claim beside the assessor's answer, both in words; `answer` is absent when the
  /// assessor has not judged the question yet.
  public struct ClaimDifferenceItem: Encodable, Equatable, Sendable {
    var question, claim: String
    var answer: String?
    var notYetJudged: Bool
    var importedOn, explanation: String
    var evidence: [EvidenceItem]
    var remarks: String
  }
  public struct ExpiredEvidenceItem: Encodable, Equatable, Sendable {
    var question, reference, validUntil: String
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
      case .conflicts(let count): return ("conflicts", count)
      case .derogations(let count): return ("derogations", count)
      case .beyondGuideline(let ids): return ("beyond_guideline", ids.count)
      case .blockingBeyondGuideline(let ids): return ("blocking_beyond_guideline", ids.count)
      case .noGaps: return ("no_gaps", 0)
      }
    }
    return SummaryDocument(
      language: language.rawValue,
      session: .init(
        organisation: meta.organisation, assessor: meta.assessor, provider: meta.provider,
        service: meta.service, created: Self.isoDate(meta.created),
        updated: Self.isoDate(meta.updated)),
      questionnaire: .init(
        id: questionnaire.id, version: questionnaire.version, digest: digest,
        answeredUnder: answeredUnderVersion, notice: ownerNotice),
      completeness: .init(
        answered: summary.progress.answered, applicable: summary.progress.applicable,
        complete: summary.progress.isComplete,
        toReverify: summary.progress.toReverify > 0 ? summary.progress.toReverify : nil,
        unjustifiedNotApplicable: summary.progress.unjustifiedNotApplicable > 0
          ? summary.progress.unjustifiedNotApplicable : nil),
      verdict: summary.verdict.rawValue,
      reasons: summary.reasons.map {
        let (kind, count) = reasonKind($0)
        var questions: [String]?
        var rules: [String]?
        if case .beyondGuideline(let ids) = $0 { questions = ids }
        if case .blockingBeyondGuideline(let ids) = $0 { rules = ids }
        return .init(
          kind: kind, count: count, text: reasonText($0), questions: questions, rules: rules)
      },
      blocking: summary.blocking.map { finding in
        let derogation: String?
        switch finding.rule.derogation {
        case .unspecified: derogation = nil
        case .none: derogation = "none"
        case .question(let id): derogation = id
        }
        return .init(
          id: finding.rule.id, refs: finding.rule.refs, citation: cite(finding.rule.refs),
          question: finding.questionID, questions: finding.rule.questions,
          message: q(finding.rule.message), remediation: q(finding.rule.remediation),
          derogation: derogation,
          failedDerogation: finding.failedDerogation.map {
            .init(
              question: $0.questionID, reference: $0.record.reference,
              status: Self.statusKind($0.status), text: derogationStatusText($0))
          }, basis: finding.rule.basis?.rawValue)
      },
      asOf: summary.asOf,
      derogations: summary.derogations.map {
        .init(
          question: $0.questionID, reference: $0.record.reference, grantedBy: $0.record.grantedBy,
          grantedOn: $0.record.grantedOn, scope: $0.record.scope, measures: $0.record.measures,
          expiresOn: $0.record.expiresOn, status: Self.statusKind($0.status),
          counts: $0.status.counts, waives: $0.waives, text: derogationStatusText($0))
      },
      matrix: .init(
        likelihood: model.likelihood.map(\.id), impact: model.impact.map(\.id),
        levels: model.likelihood.map { model.matrix[$0.id] ?? [] }, counts: summary.matrix),
      register: summary.register.map {
        .init(
          id: $0.risk.id, refs: $0.risk.refs, title: q($0.risk.title), level: $0.level,
          inherentLevel: $0.inherentLevel, questions: $0.findings.map(\.questionID),
          accepted: $0.accepted.isEmpty ? nil : $0.accepted,
          blocking: $0.blocking.isEmpty ? nil : $0.blocking)
      },
      sections: summary.sections.map {
        .init(
          id: questionnaire.sections[$0.section].id,
          title: q(questionnaire.sections[$0.section].title),
          applicable: $0.applicable, answered: $0.answered,
          compliantPercent: $0.compliantPercent ?? 0,
          answeredPercent: $0.answeredPercent ?? 0)
      },
      gaps: summary.gaps.map { gap in
        let question = questionnaire.questions[gap.position]
        let answer = answers[gap.questionID]
        return .init(
          question: gap.questionID, refs: question.refs, citation: refs(question),
          basis: question.basis?.rawValue, impactReasons: gap.impactReasons.map(q),
          waivedBy: gap.waivedBy, actionLabel: actionLabel(question),
          responsibility: questionnaire.owner(at: gap.position).rawValue,
          section: questionnaire.sections[gap.section].id, text: q(question.text),
          answer: gap.answer.rawValue, severity: gap.severity.rawValue, likelihood: gap.likelihood,
          impact: gap.impact, level: gap.level, note: answer?.note ?? "",
          remediation: question.remediation.map(q) ?? "", flagged: answer?.flagged ?? false,
          evidence: answer?.evidence.map(\.reference) ?? [],
          action: answer?.action.map(Self.actionDocument),
          toReverify: gap.toReverify ? true : nil)
      },
      unanswered: summary.unanswered.map(id),
      flagged: summary.flagged.map(id),
      notApplicable: summary.notApplicable.map {
        .init(question: id($0), justification: answers[id($0)]?.note ?? "")
      },
      unjustifiedNotApplicable: summary.unjustifiedNotApplicable.map(id),
      evidence: summary.evidence.map {
        let records = answers[id($0)]?.evidence ?? []
        return SummaryDocument.Evidence(
          question: id($0), items: records.map(\.reference),
          records: records.map { SummaryDocument.EvidenceItem($0, asOf: summary.asOf) })
      },
      expiredEvidence: summary.expiredEvidence.map {
        .init(
          question: id($0.position), reference: $0.record.reference,
          validUntil: $0.record.validUntil)
      },
      providerClaimDifferences: summary.claimDifferences.map { difference in
        let question = questionnaire.questions[difference.position]
        let claim = difference.claim
        return SummaryDocument.ClaimDifferenceItem(
          question: question.id, claim: claim.value.map { answerWords(question, $0) } ?? "",
          answer: difference.answer.map { answerWords(question, $0) },
          notYetJudged: difference.answer == nil, importedOn: Self.importDay(claim),
          explanation: claim.explanation,
          evidence: claim.evidence.map { SummaryDocument.EvidenceItem($0, asOf: summary.asOf) },
          remarks: claim.remarks)
      },
      context: contextPositions.compactMap { position in
        let question = questionnaire.questions[position]
        guard let value = questionnaire.value(answers[question.id], question) else { return nil }
        return .init(
          question: question.id, text: q(question.text), answer: answerWords(question, value))
      },
      invalidAnswers: invalidAnswers.map { .init(question: $0.question.id, stored: $0.stored) },
      plan: summary.plan.isEmpty ? nil : planDocument(),
      toReverify: summary.toReverify.isEmpty ? nil : summary.toReverify.map(id),
      changesSince: changesSince.map { .init(title: $0.title, lines: $0.lines) },
      decision: decision.map { standing in
        let current = standing.current
        return .init(
          decision: current.decision.rawValue, by: current.by, role: current.role,
          reference: current.reference, on: current.on, conditions: current.conditions,
          contentDigest: current.contentDigest,
          recordedAt: Self.isoDate(current.recordedAt), recordedBy: current.recordedBy,
          contentChanged: standing.contentChanged,
          answersChangedSince: standing.answersChangedSince, superseded: standing.superseded,
          text: decisionSentence(current), outOfDate: decisionOutOfDateText)
      })
  }

  static func actionDocument(_ action: PlanAction) -> SummaryDocument.Action {
    .init(
      owner: action.owner, dueDate: action.dueDate, status: action.status.rawValue,
      reference: action.reference,
      acceptedBy: action.acceptedBy, acceptedOn: action.acceptedOn,
      acceptanceReason: action.acceptanceReason,
      acceptedUntil: action.acceptedUntil)
  }

  func planDocument() -> SummaryDocument.Plan {
    func entry(_ item: PlanItem) -> SummaryDocument.PlanEntry {
      let accepted = item.action.status == .riskAccepted
      return .init(
        question: item.questionID, level: item.level, responsibility: item.responsibility.rawValue,
        action: Self.actionDocument(item.action),
        overdue: item.overdue, acceptance: accepted ? item.acceptance.kind : nil,
        acceptanceText: accepted ? acceptanceText(item) : nil)
    }
    let plan = summary.plan
    return .init(
      pending: plan.pending.map(entry), overdue: plan.overdue.map(entry),
      accepted: plan.accepted.map(entry),
      done: plan.done.map(entry), refused: plan.refused.isEmpty ? nil : plan.refused.map(entry))
  }

  static func statusKind(_ status: DerogationStatus) -> String {
    switch status {
    case .valid: return "valid"
    case .noReference: return "no_reference"
    case .noGrantor: return "no_grantor"
    case .noGrantDate: return "no_grant_date"
    case .badGrantDate: return "bad_grant_date"
    case .grantedAfter: return "granted_after"
    case .noExpiry: return "no_expiry"
    case .expiryBeforeGrant: return "expiry_before_grant"
    case .expired: return "expired"
    case .badExpiry: return "bad_expiry"
    }
  }

  /// The document as deterministic JSON (sorted keys, pretty-printed).
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document()), as: UTF8.self) + "\n"
  }

  static func isoDate(_ date: Date) -> String { Timestamp.formatSeconds(date) }
}
