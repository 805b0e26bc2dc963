import Foundation

/// A questionnaire: sections of questions, in the order the wizard walks them, and the risk method.
public struct Questionnaire: Equatable, Sendable {
  public var id: String
  public var version: String
  public var languages: [String]
  public var title: LocalizedText
  public var description: LocalizedText?
  /// The content owner's notice (copyright, provider, where the content comes from): shown with
  /// the description and printed in every report made with the questionnaire, since the content
  /// of an imported framework belongs to its owner.
  public var notice: LocalizedText?
  public var sections: [Section]
  public var riskModel: RiskModel
  public var blockingRules: [BlockingRule]
  public var risks: [RegisterRisk]
  /// How a reader finds each ref in the published source: `ref` → citation per language. A ref
  /// without an entry is shown as it is written.
  public var citations: [String: LocalizedText]
  /// Texts of the report that belong to the questionnaire (the register's heading, the action's
  /// label): see ``QuestionnaireLabels``.
  public var labels: QuestionnaireLabels
  /// Who must act on a point when neither its question nor its section says (see
  /// ``owner(at:)``).
  public var owner: DutyOwner

  /// Every question in walking order, and where each one is.
  public let questions: [Question]
  private let indexByID: [String: Int]
  /// For each question (by flat index), the index of its section.
  public let sectionIndexOfQuestion: [Int]
  /// For each section, the positions of its questions.
  public let sectionRanges: [Range<Int>]
  /// The questions some condition reads: only a change to one of these can change visibility.
  public let conditionQuestionIDs: Set<String>

  public init(
    id: String, version: String, languages: [String], title: LocalizedText,
    description: LocalizedText? = nil, sections: [Section],
    riskModel: RiskModel = .standard, blockingRules: [BlockingRule] = [],
    risks: [RegisterRisk] = [],
    citations: [String: LocalizedText] = [:], labels: QuestionnaireLabels = QuestionnaireLabels(),
    owner: DutyOwner = .provider, notice: LocalizedText? = nil
  ) {
    self.notice = notice
    self.owner = owner
    self.citations = citations
    self.labels = labels
    self.id = id
    self.version = version
    self.languages = languages
    self.title = title
    self.description = description
    self.sections = sections
    self.riskModel = riskModel
    self.blockingRules = blockingRules
    self.risks = risks
    var questions: [Question] = []
    var sectionOf: [Int] = []
    for (sectionIndex, section) in sections.enumerated() {
      for question in section.questions {
        questions.append(question)
        sectionOf.append(sectionIndex)
      }
    }
    self.questions = questions
    self.sectionIndexOfQuestion = sectionOf
    var ranges: [Range<Int>] = []
    var start = 0
    for section in sections {
      ranges.append(start..<start + section.questions.count)
      start += section.questions.count
    }
    self.sectionRanges = ranges
    var referenced = Set<String>()
    for section in sections {
      if let when = section.when { referenced.formUnion(when.questionIDs) }
      for question in section.questions {
        if let when = question.when { referenced.formUnion(when.questionIDs) }
      }
    }
    self.conditionQuestionIDs = referenced
    var index: [String: Int] = [:]
    for (position, question) in questions.enumerated() where index[question.id] == nil {
      index[question.id] = position
    }
    self.indexByID = index
  }

  /// The position of a question in walking order.
  public func index(of questionID: String) -> Int? { indexByID[questionID] }

  public func question(_ id: String) -> Question? {
    indexByID[id].map { questions[$0] }
  }

  /// Whether `value` answers `question` as the questionnaire now stands: an answer saved under an
  /// earlier version whose option was removed, or whose question changed type, does not.
  public func fits(_ value: AnswerValue, _ question: Question) -> Bool {
    Self.fits(value, question)
  }

  static func fits(_ value: AnswerValue, _ question: Question) -> Bool {
    switch (question.type, value) {
    // The same sets as `answerIDs`, without building it: this runs for every answer of every
    // summary.
    case (.compliance, .choice(let id)): return ComplianceValue(rawValue: id) != nil
    case (.yesno, .choice(let id)): return id == "yes" || id == "no"
    case (.single, .choice(let id)): return question.options.contains { $0.id == id }
    case (.multiple, .choices(let ids)):
      let known = Set(question.answerIDs)
      return ids.allSatisfy(known.contains) && Set(ids).count == ids.count
    case (.text, .text(let text)):
      return !text.isBlank
    case (.number, .number(let number)):
      return number.isFinite
    case (.derogation, .derogation):
      return true
    case (.date, .date(let day)):
      return Day.isValid(day)
    default:
      return false
    }
  }

  /// The value of an answer when it fits its question (nil for an answer that no longer does).
  public func value(_ answer: Answer?, _ question: Question) -> AnswerValue? {
    Self.value(answer, question)
  }

  static func value(_ answer: Answer?, _ question: Question) -> AnswerValue? {
    // An answer in conflict (two merged copies disagree) is no answer until resolved.
    guard let answer, answer.conflict == nil, let value = answer.value, fits(value, question)
    else { return nil }
    return value
  }

  /// The ids of answers kept for questions of this questionnaire whose value no longer fits
  /// (an option removed, a type changed), sorted: they count as unanswered and stay in the file.
  public func invalidAnswerIDs(_ answers: [String: Answer]) -> [String] {
    answers.compactMap { id, answer in
      guard let value = answer.value, let question = question(id), !fits(value, question) else {
        return nil
      }
      return id
    }.sorted()
  }

  /// The language to fall back on when a text is missing: the authoritative one first.
  public func text(_ text: LocalizedText, _ language: String) -> String {
    text.resolve(language, fallbacks: languages)
  }

  public static func == (lhs: Questionnaire, rhs: Questionnaire) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.languages == rhs.languages
      && lhs.title == rhs.title && lhs.description == rhs.description && lhs.notice == rhs.notice
      && lhs.sections == rhs.sections
      && lhs.riskModel == rhs.riskModel && lhs.blockingRules == rhs.blockingRules
      && lhs.risks == rhs.risks && lhs.citations == rhs.citations && lhs.labels == rhs.labels
  }

  /// A ref as a reader finds it in the published source, in a language.
  public func citation(_ ref: String, _ language: String) -> String {
    guard let text = citations[ref] else { return ref }
    let resolved = text.resolve(language, fallbacks: languages)
    return resolved.isEmpty ? ref : resolved
  }

  /// Refs as a reader finds them, joined.
  public func citations(_ refs: [String], _ language: String) -> String {
    // Most questions cite one ref: no set, no array, no join (the summary cites thousands).
    if refs.count == 1 { return citation(refs[0], language) }
    var seen = Set<String>()
    return refs.map { citation($0, language) }.filter { seen.insert($0).inserted }.joined(
      separator: InterfaceLanguage(rawValue: language)?.listSeparator ?? "; ")
  }
}

public struct Section: Equatable, Sendable {
  public var id: String
  public var title: LocalizedText
  public var introduction: LocalizedText?
  public var refs: [String]
  public var when: Condition?
  /// Who must act on the section's points when a question does not say; nil: the
  /// questionnaire's ``Questionnaire/owner``.
  public var owner: DutyOwner?
  public var questions: [Question]

  public init(
    id: String, title: LocalizedText, introduction: LocalizedText? = nil, refs: [String] = [],
    when: Condition? = nil, owner: DutyOwner? = nil, questions: [Question]
  ) {
    self.owner = owner
    self.id = id
    self.title = title
    self.introduction = introduction
    self.refs = refs
    self.when = when
    self.questions = questions
  }
}

public enum QuestionType: String, CaseIterable, Equatable, Sendable {
  case compliance, single, multiple, yesno, text, number
  /// A formal derogation, recorded with its reference, who granted it, when, its scope, its
  /// compensating measures and its expiry (see ``DerogationRecord``). Never scored; a blocking
  /// rule names it to be waived while it is valid.
  case derogation
  /// A day of the calendar, answered `YYYY-MM-DD` (an ISO 8601 day; see ``Day``).
  case date

  /// Whether the question takes an `options` list.
  public var takesOptions: Bool { self == .single || self == .multiple }
}

/// Where a requirement comes from, when it goes beyond the questionnaire's reference text (for
/// the built-in questionnaire, the guideline). `nil` on a question: the reference text demands it.
public enum RequirementBasis: String, CaseIterable, Equatable, Sendable {
  /// Demanded by law, not by the reference text (GDPR, NIS2).
  case law
  /// Good practice beyond the reference text.
  case goodPractice = "good_practice"
  /// A policy choice stricter than the reference text.
  case policy
}

/// Texts of the report that come from the questionnaire, each optional (the interface's generic
/// text is used when absent).
public struct QuestionnaireLabels: Equatable, Sendable {
  /// The heading of the risk register (e.g. "Risk register (Annex D)").
  public var register: LocalizedText?
  /// The label of a provider's point's action (e.g. "What to demand of the provider").
  public var providerAction: LocalizedText?
  /// The label of an organisation's own point's action (e.g. "What to do").
  public var organisationAction: LocalizedText?
  /// The label of a shared point's action (e.g. "What the organisation and the provider must
  /// do").
  public var sharedAction: LocalizedText?
  /// The identification form's "provider" and "service" fields (e.g. "Cloud service provider").
  public var provider: LocalizedText?
  public var service: LocalizedText?

  public init(
    register: LocalizedText? = nil, providerAction: LocalizedText? = nil,
    organisationAction: LocalizedText? = nil, sharedAction: LocalizedText? = nil,
    provider: LocalizedText? = nil, service: LocalizedText? = nil
  ) {
    self.sharedAction = sharedAction
    self.register = register
    self.providerAction = providerAction
    self.organisationAction = organisationAction
    self.provider = provider
    self.service = service
  }
}

extension Questionnaire {
  /// The label of an identification field: the questionnaire's wording when it gives one.
  public func identificationLabel(_ field: SessionMetadata.Field, _ language: InterfaceLanguage)
    -> String
  {
    let own: LocalizedText?
    let phrase: Phrase
    switch field {
    case .organisation: (own, phrase) = (nil, .organisation)
    case .assessor: (own, phrase) = (nil, .assessor)
    case .provider: (own, phrase) = (labels.provider, .provider)
    case .service: (own, phrase) = (labels.service, .service)
    }
    return own.map { text($0, language.rawValue) } ?? phrase.text(language)
  }
}

public enum Severity: String, CaseIterable, Comparable, Sendable {
  case low, medium, high, critical

  public var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The security dimensions a question protects.
public enum SecurityDimension: String, CaseIterable, Comparable, Sendable {
  case availability, integrity, confidentiality

  public static func < (lhs: SecurityDimension, rhs: SecurityDimension) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

public struct ChoiceOption: Equatable, Sendable {
  public var id: String
  public var label: LocalizedText

  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}

/// References to other frameworks. Only mappings the authors are sure of belong here.
public struct Mappings: Equatable, Sendable {
  public var iso27002: [String]
  public var nis2: [String]
  public var gdpr: [String]

  public init(iso27002: [String] = [], nis2: [String] = [], gdpr: [String] = []) {
    self.iso27002 = iso27002
    self.nis2 = nis2
    self.gdpr = gdpr
  }

  public var isEmpty: Bool { iso27002.isEmpty && nis2.isEmpty && gdpr.isEmpty }
}

/// A question. Its fields live in one shared, copy-on-write box: a questionnaire of 10,000
/// questions is walked many times per summary and report, and copying a question then costs one
/// reference count rather than one per field (docs/performance.md).
public struct Question: Equatable, Sendable {
  /// The question's fields, held in one box shared between copies.
  struct Fields: Equatable, Sendable {
    var id: String
    var refs: [String]
    var type: QuestionType
    var text: LocalizedText
    var help: LocalizedText
    var options: [ChoiceOption]
    var when: Condition?
    var severity: Severity?
    var protects: [SecurityDimension]
    var remediation: LocalizedText?
    var mappings: Mappings
    var basis: RequirementBasis?
    var optional: Bool
    var owner: DutyOwner?
    var minimum: Double?
    var maximum: Double?
    var integer: Bool
  }

  private final class Storage: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  /// The box, made unique before a change (copy on write; its fields are only ever changed
  /// through this, so a shared box is never written).
  private var writable: Storage {
    mutating get {
      if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
      return storage
    }
  }

  public var id: String {
    get { storage.fields.id }
    set { writable.fields.id = newValue }
  }
  public var refs: [String] {
    get { storage.fields.refs }
    set { writable.fields.refs = newValue }
  }
  public var type: QuestionType {
    get { storage.fields.type }
    set { writable.fields.type = newValue }
  }
  public var text: LocalizedText {
    get { storage.fields.text }
    set { writable.fields.text = newValue }
  }
  public var help: LocalizedText {
    get { storage.fields.help }
    set { writable.fields.help = newValue }
  }
  public var options: [ChoiceOption] {
    get { storage.fields.options }
    set { writable.fields.options = newValue }
  }
  public var when: Condition? {
    get { storage.fields.when }
    set { writable.fields.when = newValue }
  }
  public var severity: Severity? {
    get { storage.fields.severity }
    set { writable.fields.severity = newValue }
  }
  public var protects: [SecurityDimension] {
    get { storage.fields.protects }
    set { writable.fields.protects = newValue }
  }
  public var remediation: LocalizedText? {
    get { storage.fields.remediation }
    set { writable.fields.remediation = newValue }
  }
  public var mappings: Mappings {
    get { storage.fields.mappings }
    set { writable.fields.mappings = newValue }
  }
  /// Nil when the reference text demands the point; otherwise where it comes from.
  public var basis: RequirementBasis? {
    get { storage.fields.basis }
    set { writable.fields.basis = newValue }
  }
  /// An optional question left unanswered counts against neither completeness nor the verdict.
  public var optional: Bool {
    get { storage.fields.optional }
    set { writable.fields.optional = newValue }
  }
  /// Who must act on the point, when the question says; nil: its section's, else the
  /// questionnaire's (``Questionnaire/owner(at:)``).
  public var owner: DutyOwner? {
    get { storage.fields.owner }
    set { writable.fields.owner = newValue }
  }
  /// A `number` question's bounds (inclusive) and whether it takes whole numbers only.
  public var minimum: Double? {
    get { storage.fields.minimum }
    set { writable.fields.minimum = newValue }
  }
  public var maximum: Double? {
    get { storage.fields.maximum }
    set { writable.fields.maximum = newValue }
  }
  public var integer: Bool {
    get { storage.fields.integer }
    set { writable.fields.integer = newValue }
  }

  public init(
    id: String, refs: [String] = [], type: QuestionType, text: LocalizedText, help: LocalizedText,
    options: [ChoiceOption] = [], when: Condition? = nil, severity: Severity? = nil,
    protects: [SecurityDimension] = [], remediation: LocalizedText? = nil,
    mappings: Mappings = Mappings(),
    basis: RequirementBasis? = nil, optional: Bool = false,
    minimum: Double? = nil, maximum: Double? = nil, integer: Bool = false, owner: DutyOwner? = nil
  ) {
    storage = Storage(
      Fields(
        id: id, refs: refs, type: type, text: text, help: help, options: options, when: when,
        severity: severity, protects: protects, remediation: remediation, mappings: mappings,
        basis: basis, optional: optional, owner: owner, minimum: minimum, maximum: maximum,
        integer: integer))
  }

  public static func == (lhs: Question, rhs: Question) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  /// The answer ids a condition may compare this question with.
  public var answerIDs: [String] {
    switch type {
    case .compliance: return ComplianceValue.allCases.map(\.rawValue)
    case .yesno: return ["yes", "no"]
    case .single, .multiple: return options.map(\.id)
    case .text, .number, .derogation, .date: return []
    }
  }

  /// Whether an unanswered question is missing: not when optional, nor a derogation (no record
  /// means no derogation).
  public var isRequired: Bool { !optional && type != .derogation }

  /// The choices the wizard offers, in order, with their ids.
  public var choiceIDs: [String] {
    switch type {
    case .compliance, .yesno, .single, .multiple: return answerIDs
    case .text, .number, .derogation, .date: return []
    }
  }
}

/// The assessment scale of a `compliance` question.
public enum ComplianceValue: String, CaseIterable, Equatable, Sendable {
  case compliant, partial, noncompliant, na, unknown
}
