import AssessmentCore
import Foundation

/// NIST OSCAL 1.1.3 `assessment-results`, the parts this export writes. Keys are OSCAL's
/// (kebab-case); optional members are left out when nil.
struct OSCALDocument: Encodable {
  var assessmentResults: AssessmentResults
  enum CodingKeys: String, CodingKey { case assessmentResults = "assessment-results" }

  struct AssessmentResults: Encodable {
    var uuid: String
    var metadata: Metadata
    var importAP: ImportAP
    var results: [Result]
    var backMatter: BackMatter
    enum CodingKeys: String, CodingKey {
      case uuid, metadata, importAP = "import-ap", results, backMatter = "back-matter"
    }
  }
  struct Metadata: Encodable {
    var title: String
    var lastModified: String
    var version: String
    var oscalVersion = "1.1.3"
    var props: [Property]
    var roles: [Role]
    var parties: [Party]
    var responsibleParties: [ResponsibleParty]
    /// The questionnaire content owner's notice, when it has one.
    var remarks: String?
    enum CodingKeys: String, CodingKey {
      case title, lastModified = "last-modified", version, oscalVersion = "oscal-version", props,
        roles
      case parties, responsibleParties = "responsible-parties", remarks
    }
  }
  struct Property: Encodable {
    var name: String
    var value: String
    var ns: String? = SummaryReport.oscalNamespace
  }
  struct Role: Encodable {
    var id, title: String
  }
  struct Party: Encodable {
    var uuid, type: String
    var name: String?
  }
  struct ResponsibleParty: Encodable {
    var roleID: String
    var partyUUIDs: [String]
    enum CodingKeys: String, CodingKey { case roleID = "role-id", partyUUIDs = "party-uuids" }
  }
  struct ImportAP: Encodable {
    var href: String
    var remarks: String
  }
  struct Result: Encodable {
    var uuid, title, description, start, end: String
    var props: [Property]
    var reviewedControls = ReviewedControls()
    /// Absent rather than empty (OSCAL's arrays hold at least one item).
    var observations: [Observation]?
    var risks: [Risk]?
    var findings: [Finding]?
    var remarks: String?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, start, end, props, reviewedControls = "reviewed-controls"
      case observations, risks, findings, remarks
    }
  }
  struct ReviewedControls: Encodable {
    struct Selection: Encodable {
      struct All: Encodable {}
      var includeAll = All()
      enum CodingKeys: String, CodingKey { case includeAll = "include-all" }
    }
    var description = "Every question of the questionnaire that applies to the assessed service."
    var controlSelections = [Selection()]
    enum CodingKeys: String, CodingKey {
      case description, controlSelections = "control-selections"
    }
  }
  struct Actor: Encodable {
    var type = "party"
    var actorUUID: String
    enum CodingKeys: String, CodingKey { case type, actorUUID = "actor-uuid" }
  }
  struct Origin: Encodable {
    var actors: [Actor]
  }
  struct Evidence: Encodable {
    var href: String?
    var description: String
  }
  struct Observation: Encodable {
    var uuid, title, description: String
    var props: [Property]
    var methods: [String]
    var types: [String]
    var origins: [Origin]
    var relevantEvidence: [Evidence]?
    var collected: String
    var remarks: String?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, props, methods, types, origins
      case relevantEvidence = "relevant-evidence", collected, remarks
    }
  }
  struct Facet: Encodable {
    var name: String
    /// OSCAL's own naming system, which defines the likelihood, impact and risk facets.
    var system = "http://csrc.nist.gov/ns/oscal"
    var value: String
  }
  struct Characterization: Encodable {
    var origin: Origin
    var facets: [Facet]
  }
  struct ObservationLink: Encodable {
    var observationUUID: String
    enum CodingKeys: String, CodingKey { case observationUUID = "observation-uuid" }
  }
  struct RiskLink: Encodable {
    var riskUUID: String
    enum CodingKeys: String, CodingKey { case riskUUID = "risk-uuid" }
  }
  struct Risk: Encodable {
    var uuid, title, description, statement: String
    var props: [Property]
    var status: String
    var origins: [Origin]
    var characterizations: [Characterization]
    /// The action's due date, the end of that day (UTC).
    var deadline: String?
    /// The action of the plan (lifecycle `planned`, or `completed` once done).
    var remediations: [Response]?
    /// The risk acceptance, as a log entry.
    var riskLog: RiskLog?
    var relatedObservations: [ObservationLink]?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, statement, props, status, origins, characterizations, deadline
      case remediations, riskLog = "risk-log", relatedObservations = "related-observations"
    }
  }
  struct PlainLink: Encodable {
    var href: String
    var rel: String?
    var text: String?
  }
  struct Response: Encodable {
    var uuid, lifecycle, title, description: String
    var props: [Property]?
    var links: [PlainLink]?
    var origins: [Origin]
  }
  struct RiskLog: Encodable {
    var entries: [Entry]
    struct Entry: Encodable {
      var uuid, title, description, start: String
      var end: String?
      var props: [Property]?
      var statusChange: String
      enum CodingKeys: String, CodingKey {
        case uuid, title, description, start, end, props, statusChange = "status-change"
      }
    }
  }
  struct Target: Encodable {
    struct Status: Encodable { var state: String }
    var type = "objective-id"
    var targetID: String
    var title: String
    var status: Status
    enum CodingKeys: String, CodingKey { case type, targetID = "target-id", title, status }
  }
  struct Finding: Encodable {
    var uuid, title, description: String
    /// Absent when empty (OSCAL wants at least one property when `props` is given).
    var props: [Property]?
    var origins: [Origin]
    var target: Target
    var relatedObservations: [ObservationLink]?
    var relatedRisks: [RiskLink]?
    enum CodingKeys: String, CodingKey {
      case uuid, title, description, props, origins, target
      case relatedObservations = "related-observations", relatedRisks = "related-risks"
    }
  }
  struct BackMatter: Encodable {
    var resources: [Resource]
  }
  struct Hash: Encodable {
    var algorithm, value: String
  }
  struct Link: Encodable {
    var href: String
    var hashes: [Hash]
  }
  struct Resource: Encodable {
    var uuid, title, description: String
    var props: [Property]
    var rlinks: [Link]?
  }
}

extension SummaryReport {
  /// The namespace of this export's own property and facet names.
  static let oscalNamespace = "https://cloud-assess.invalid/ns/oscal"
  /// The namespace of the export's UUIDs (version 5).
  static let oscalUUIDNamespace = NameBasedUUID.v5UUID(
    NameBasedUUID.urlNamespace, "urn:cloud-assess:oscal")

  /// The summary as a NIST OSCAL 1.1.3 `assessment-results` document (JSON): deterministic, its
  /// UUIDs derived from the session and question ids (version 5), its dates the session's, so
  /// exporting the same session twice gives the same bytes.
  public func oscal(_ provenance: ReportProvenance) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(oscalDocument(provenance)), as: UTF8.self) + "\n"
  }

  func oscalDocument(_ provenance: ReportProvenance) -> OSCALDocument {
    typealias O = OSCALDocument
    let session = provenance.sessionID
    func uuid(_ name: String) -> String {
      NameBasedUUID.v5(Self.oscalUUIDNamespace, session + "/" + name)
    }
    let s = { (text: String) in Self.oscalString(text) }
    let meta = summary.metadata
    let assessor = uuid("party/assessor")
    let organisation = uuid("party/organisation")
    let provider = uuid("party/provider")
    let byAssessor = [O.Origin(actors: [O.Actor(actorUUID: assessor)])]
    let updated = Timestamp.formatSeconds(meta.updated)
    let questionnaireResource = uuid("resource/questionnaire")
    let sessionResource = uuid("resource/session")

    var observations: [O.Observation] = []
    var observationOf: [String: String] = [:]
    var differences: [Int: ClaimDifference] = [:]
    for difference in summary.claimDifferences { differences[difference.position] = difference }
    for position in applicablePositions {
      let question = questionnaire.questions[position]
      let answer = answers[question.id]
      let words = answerWords(at: position)
      let note = answer?.note.trimmed ?? ""
      let evidence = answer?.evidence.filter { !$0.reference.isBlank } ?? []
      let difference = differences[position]
      guard words != nil || !note.isEmpty || !evidence.isEmpty || difference != nil else {
        continue
      }
      let id = uuid("observation/" + question.id)
      observationOf[question.id] = id
      var description =
        "\(q(question.text))\n\n\(t(.answer))\(language.colon)\(words ?? r(.notAnswered))"
      if !note.isEmpty { description += "\n\n\(t(.note))\(language.colon)\(note)" }
      // The provider's claim that differs is information beside the assessor's observation,
      // in its description and as properties, never as its answer.
      var claimProps: [O.Property] = []
      if let difference {
        description += "\n\n\(c(.title))\(language.colon)\(claimDifferenceWords(difference))"
        claimProps = [
          O.Property(
            name: "provider-claim",
            value: s(difference.claim.value.map { answerWords(question, $0) } ?? "")),
          O.Property(name: "provider-claim-imported", value: Self.importDay(difference.claim)),
        ]
      }
      observations.append(
        O.Observation(
          uuid: id, title: s(refsOrID(question) + " — " + q(question.text)),
          description: description,
          props: [O.Property(name: "question-id", value: s(question.id))]
            + (words == nil ? [] : [O.Property(name: "answer", value: s(words ?? ""))])
            + claimProps,
          methods: ["EXAMINE", "INTERVIEW"], types: ["control-objective"], origins: byAssessor,
          relevantEvidence: evidence.isEmpty
            ? nil
            : evidence.map { item in
              O.Evidence(
                href: Self.oscalHref(item.reference),
                description: evidenceWords(item, question: question.id))
            },
          collected: Timestamp.formatSeconds(answer?.answeredAt ?? meta.updated),
          remarks: note.isEmpty ? nil : note))
    }

    var risks: [O.Risk] = []
    var riskOf: [String: String] = [:]
    var planItems: [String: PlanItem] = [:]
    for item in summary.plan.pending + summary.plan.accepted + summary.plan.refused
      + summary.plan.done
    {
      planItems[item.questionID] = item
    }
    for gap in summary.gaps {
      let question = questionnaire.questions[gap.position]
      let id = uuid("risk/" + question.id)
      riskOf[question.id] = id
      var description =
        "\(refsOrID(question)) — \(q(question.text))\n\n\(t(.answer))\(language.colon)\(answerText(gap.answer))\(language.listSeparator)\(t(.impact))\(language.colon)\(impactText(gap))"
      if let waiver = gap.waivedBy {
        let reference =
          summary.derogations.first { $0.questionID == waiver }?.record.reference ?? waiver
        description += "\n\n" + f(.waivedBy, reference)
      }
      let item = planItems[question.id]
      let plan = oscalPlan(item, questionID: question.id, uuid: uuid, origins: byAssessor)
      risks.append(
        O.Risk(
          uuid: id, title: s(q(question.text)), description: description,
          statement: question.remediation.map(q).flatMap { $0.isBlank ? nil : $0 }
            ?? q(question.text),
          props: [
            O.Property(name: "question-id", value: s(question.id)),
            O.Property(name: "severity", value: gap.severity.rawValue),
            O.Property(
              name: "responsibility", value: questionnaire.owner(at: gap.position).rawValue),
          ] + plan.props,
          status: Self.oscalRiskStatus(waived: gap.waivedBy != nil, item: item),
          origins: byAssessor,
          characterizations: [
            O.Characterization(
              origin: byAssessor[0],
              facets: [
                O.Facet(name: "likelihood", value: s(gap.likelihood)),
                O.Facet(name: "impact", value: s(gap.impact)),
                O.Facet(name: "risk", value: s(gap.level)),
              ])
          ],
          deadline: plan.deadline, remediations: plan.remediations, riskLog: plan.riskLog,
          relatedObservations: observationOf[question.id].map {
            [O.ObservationLink(observationUUID: $0)]
          }))
    }

    let blocking = blockingRulesByQuestion
    let findings = summary.findings.map { finding -> O.Finding in
      let question = questionnaire.questions[finding.position]
      let satisfied = finding.answer == .compliant
      return O.Finding(
        uuid: uuid("finding/" + question.id),
        title: s(refsOrID(question) + " — " + q(question.text)),
        // A compliant answer has no level of its own (docs/risk-model.md, "The risk matrix").
        description:
          "\(q(question.text))\n\n\(t(.answer))\(language.colon)\(answerText(finding.answer))"
          + (satisfied
            ? ""
            : "\(language.listSeparator)\(t(.level))\(language.colon)\(levelLabel(finding.level))"),
        props: Optional(
          (satisfied ? [] : [O.Property(name: "level", value: s(finding.level))])
            + (blocking[question.id] ?? []).map { O.Property(name: "blocking-rule", value: s($0)) }
        )
        .flatMap { $0.isEmpty ? nil : $0 },
        origins: byAssessor,
        target: O.Target(
          targetID: Self.oscalToken(question.id), title: s(q(question.text)),
          status: .init(state: satisfied ? "satisfied" : "not-satisfied")),
        relatedObservations: observationOf[question.id].map {
          [O.ObservationLink(observationUUID: $0)]
        },
        relatedRisks: riskOf[question.id].map { [O.RiskLink(riskUUID: $0)] })
    }

    let title = s(
      r(.reportTitle) + " — "
        + [meta.provider, meta.service].filter { !$0.isBlank }.joined(separator: " · "))
    var remarks: [String] = summary.reasons.map(reasonText)
    for use in summary.derogations {
      remarks.append(
        "\(t(.derogations))\(language.colon)\(use.record.reference.isBlank ? "—" : use.record.reference) (\(use.questionID))\(language.colon)\(derogationStatusText(use))"
      )
    }
    func party(_ id: String, _ type: String, _ name: String) -> O.Party {
      O.Party(uuid: id, type: type, name: name.isBlank ? nil : s(name))
    }
    // Management's decision: the approver a responsible party, the decision in the result.
    var roles = [
      O.Role(id: "assessor", title: s(t(.assessor))),
      O.Role(id: "organisation", title: s(t(.organisation))),
      O.Role(id: "provider", title: s(t(.provider))),
    ]
    var parties = [
      party(assessor, "person", meta.assessor),
      party(organisation, "organization", meta.organisation),
      party(provider, "organization", meta.provider),
    ]
    var responsible: [O.ResponsibleParty] = [
      .init(roleID: "assessor", partyUUIDs: [assessor]),
      .init(roleID: "organisation", partyUUIDs: [organisation]),
      .init(roleID: "provider", partyUUIDs: [provider]),
    ]
    var resultProps = [
      O.Property(name: "verdict", value: summary.verdict.rawValue),
      O.Property(name: "service", value: s(meta.service.isBlank ? "-" : meta.service)),
    ]
    var description =
      "\(t(.verdict))\(language.colon)\(verdictText(summary.verdict))\n\n"
      + summary.reasons.map { "- " + reasonText($0) }.joined(separator: "\n")
    if let decision {
      let current = decision.current
      let approver = uuid("party/approver")
      roles.append(O.Role(id: "approver", title: s(TeamPhrase.fieldBy.text(language))))
      parties.append(party(approver, "person", current.by))
      responsible.append(.init(roleID: "approver", partyUUIDs: [approver]))
      resultProps += [
        O.Property(name: "decision", value: current.decision.rawValue),
        O.Property(name: "decision-date", value: s(current.on)),
        O.Property(name: "decision-reference", value: s(current.reference)),
        O.Property(name: "decision-role", value: s(current.role)),
        O.Property(name: "decision-content-sha256", value: s(current.contentDigest)),
        O.Property(
          name: "decision-content-changed", value: decision.contentChanged ? "true" : "false"),
      ]
      description +=
        "\n\n" + t(.decisionHeading) + ":\n"
        + decisionLines.map { "- " + $0 }.joined(separator: "\n")
    }
    return O(
      assessmentResults: .init(
        uuid: uuid("assessment-results"),
        metadata: .init(
          title: title, lastModified: updated,
          version: s(questionnaire.id + " " + questionnaire.version),
          props: [
            O.Property(name: "questionnaire-id", value: s(questionnaire.id)),
            O.Property(name: "questionnaire-version", value: s(questionnaire.version)),
            O.Property(name: "session-id", value: s(session)),
          ],
          roles: roles, parties: parties, responsibleParties: responsible,
          remarks: ownerNotice.map { s(t(.summaryNotice) + language.colon + $0) }),
        importAP: .init(
          href: "#" + questionnaireResource,
          remarks:
            "No OSCAL assessment plan: the assessment followed the questionnaire \(questionnaire.id) \(questionnaire.version) (back-matter)."
        ),
        results: [
          .init(
            uuid: uuid("result"), title: title,
            description: description,
            start: Timestamp.formatSeconds(meta.created), end: updated,
            props: resultProps,
            observations: observations.isEmpty ? nil : observations,
            risks: risks.isEmpty ? nil : risks,
            findings: findings.isEmpty ? nil : findings,
            remarks: remarks.joined(separator: "\n"))
        ],
        backMatter: .init(resources: [
          .init(
            uuid: questionnaireResource, title: s(q(questionnaire.title)),
            description: "The questionnaire \(questionnaire.id), version \(questionnaire.version)."
              + (ownerNotice.map { " " + s(t(.summaryNotice) + language.colon + $0) } ?? ""),
            props: [
              O.Property(name: "questionnaire-id", value: s(questionnaire.id)),
              O.Property(name: "questionnaire-version", value: s(questionnaire.version)),
              O.Property(name: "questionnaire-sha256", value: s(digest)),
            ],
            rlinks: nil),
          .init(
            uuid: sessionResource, title: s("cloud-assess session " + session),
            description: "The session file this document was made from.",
            props: [O.Property(name: "session-id", value: s(session))],
            rlinks: [
              O.Link(
                href: session + ".json",
                hashes: [O.Hash(algorithm: "SHA-256", value: provenance.sessionSHA256)])
            ]),
        ])))
  }

  func refsOrID(_ question: Question) -> String { refs(question) }

  /// A risk's OSCAL status (OSCAL 1.1.3's risk-status values): a gap covered by a valid
  /// derogation, or whose risk acceptance counts, is an approved deviation; an acceptance that is
  /// not a decision yet (who or why missing, an end date that is not a day) a requested one; an
  /// expired acceptance, or one of a blocking finding, leaves the risk open. An action in progress
  /// is `remediating` ("remediation activities are underway"), a done one `closed`.
  static func oscalRiskStatus(waived: Bool, item: PlanItem? = nil) -> String {
    if waived { return "deviation-approved" }
    guard let item else { return "open" }
    switch item.action.status {
    case .open: return "open"
    case .inProgress: return "remediating"
    case .done: return "closed"
    case .riskAccepted:
      switch item.acceptance {
      case .valid: return "deviation-approved"
      case .incomplete, .badExpiry: return "deviation-requested"
      case .notAccepted, .expired, .blocking: return "open"
      }
    }
  }

  /// A day (`YYYY-MM-DD`) as an OSCAL date-time: its start or its end, UTC; nil when not a day.
  static func oscalDay(_ day: String, end: Bool) -> String? {
    let trimmed = day.trimmed
    guard Day.isValid(trimmed) else { return nil }
    return trimmed + (end ? "T23:59:59Z" : "T00:00:00Z")
  }

  /// What a risk carries of its action: props, the deadline, the remediation (owner, status and
  /// reference as props, a reference that is a web address as a link) and, for an accepted
  /// risk, a risk-log entry with the decision (who, when, why, until when).
  func oscalPlan(
    _ item: PlanItem?, questionID: String, uuid: (String) -> String, origins: [OSCALDocument.Origin]
  ) -> (
    props: [OSCALDocument.Property], deadline: String?, remediations: [OSCALDocument.Response]?,
    riskLog: OSCALDocument.RiskLog?
  ) {
    typealias O = OSCALDocument
    guard let item else { return ([], nil, nil, nil) }
    let s = { (text: String) in Self.oscalString(text) }
    let action = item.action
    var props = [O.Property(name: "action-status", value: action.status.rawValue)]
    if item.overdue { props.append(O.Property(name: "action-overdue", value: "true")) }
    let deadline = action.status.isPending ? Self.oscalDay(action.dueDate, end: true) : nil
    var remediations: [O.Response]?
    if action.status != .riskAccepted {
      var responseProps = [O.Property(name: "action-status", value: action.status.rawValue)]
      responseProps.append(O.Property(name: "action-owner", value: s(item.owner(language))))
      if let due = Self.oscalDay(action.dueDate, end: false) {
        responseProps.append(O.Property(name: "action-due-date", value: String(due.prefix(10))))
      }
      if !action.reference.isBlank {
        responseProps.append(O.Property(name: "action-reference", value: s(action.reference)))
      }
      remediations = [
        O.Response(
          uuid: uuid("response/" + questionID),
          lifecycle: action.status == .done ? "completed" : "planned",
          title: s(p(.actionLine)), description: actionText(action, duty: item.responsibility),
          props: responseProps,
          links: Self.oscalHref(action.reference).map {
            [O.PlainLink(href: $0, rel: "reference", text: nil)]
          },
          origins: origins)
      ]
    }
    var riskLog: O.RiskLog?
    if action.status == .riskAccepted {
      var entryProps: [O.Property] = []
      if !action.acceptedBy.isBlank {
        entryProps.append(O.Property(name: "accepted-by", value: s(action.acceptedBy)))
      }
      if !action.reference.isBlank {
        entryProps.append(O.Property(name: "action-reference", value: s(action.reference)))
      }
      entryProps.append(O.Property(name: "acceptance-state", value: item.acceptance.kind))
      var description = acceptanceText(item)
      if !action.acceptanceReason.isBlank {
        description = action.acceptanceReason.trimmed + "\n\n" + description
      }
      riskLog = O.RiskLog(entries: [
        O.RiskLog.Entry(
          uuid: uuid("risk-log/" + questionID), title: s(p(.acceptanceSection)),
          description: description,
          start: Self.oscalDay(action.acceptedOn, end: false)
            ?? Timestamp.formatSeconds(summary.metadata.updated),
          end: Self.oscalDay(action.acceptedUntil, end: true),
          props: entryProps.isEmpty ? nil : entryProps,
          statusChange: Self.oscalRiskStatus(waived: false, item: item))
      ])
    }
    return (props, deadline, remediations, riskLog)
  }

  /// Text as OSCAL's string type takes it (`^\S(.*\S)?$`): whitespace runs made one space,
  /// trimmed; `fallback` when nothing is left.
  static func oscalString(_ text: String, fallback: String = "-") -> String {
    let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
    return words.isEmpty ? fallback : words.joined(separator: " ")
  }

  /// An id as OSCAL's token type takes it: a letter or `_` first.
  static func oscalToken(_ text: String) -> String {
    guard let first = text.unicodeScalars.first else { return "_" }
    return first.properties.isAlphabetic || first == "_" ? text : "_" + text
  }

  /// An evidence reference that is a web address, as a link.
  static func oscalHref(_ text: String) -> String? {
    let trimmed = text.trimmed
    guard trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://"),
      !trimmed.contains(where: { $0.isWhitespace }), URL(string: trimmed) != nil
    else { return nil }
    return trimmed
  }
}
