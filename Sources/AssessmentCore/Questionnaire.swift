import Foundation

/// A questionnaire: sections of questions, in the order the wizard walks them, and the risk method.
public struct Questionnaire: Equatable, Sendable {
  public var id: String
  public var version: String
  public var languages: [String]
  public var title: LocalizedText
  public var description: LocalizedText?
  public var sections: [Section]
  public var riskModel: RiskModel
  public var blockingRules: [BlockingRule]
  public var risks: [RegisterRisk]

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
    riskModel: RiskModel = .standard, blockingRules: [BlockingRule] = [], risks: [RegisterRisk] = []
  ) {
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

  /// The language to fall back on when a text is missing: the authoritative one first.
  public func text(_ text: LocalizedText, _ language: String) -> String {
    text.resolve(language, fallbacks: languages)
  }

  public static func == (lhs: Questionnaire, rhs: Questionnaire) -> Bool {
    lhs.id == rhs.id && lhs.version == rhs.version && lhs.languages == rhs.languages
      && lhs.title == rhs.title && lhs.description == rhs.description && lhs.sections == rhs.sections
      && lhs.riskModel == rhs.riskModel && lhs.blockingRules == rhs.blockingRules
      && lhs.risks == rhs.risks
  }
}

public struct Section: Equatable, Sendable {
  public var id: String
  public var title: LocalizedText
  public var introduction: LocalizedText?
  public var refs: [String]
  public var when: Condition?
  public var questions: [Question]

  public init(
    id: String, title: LocalizedText, introduction: LocalizedText? = nil, refs: [String] = [],
    when: Condition? = nil, questions: [Question]
  ) {
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

  /// Whether the question takes an `options` list.
  public var takesOptions: Bool { self == .single || self == .multiple }
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

public struct Question: Equatable, Sendable {
  public var id: String
  public var refs: [String]
  public var type: QuestionType
  public var text: LocalizedText
  public var help: LocalizedText
  public var options: [ChoiceOption]
  public var when: Condition?
  public var severity: Severity?
  public var protects: [SecurityDimension]
  public var remediation: LocalizedText?
  public var mappings: Mappings
  /// A `number` question's bounds (inclusive) and whether it takes whole numbers only.
  public var minimum: Double? = nil
  public var maximum: Double? = nil
  public var integer: Bool = false

  public init(
    id: String, refs: [String] = [], type: QuestionType, text: LocalizedText, help: LocalizedText,
    options: [ChoiceOption] = [], when: Condition? = nil, severity: Severity? = nil,
    protects: [SecurityDimension] = [], remediation: LocalizedText? = nil, mappings: Mappings = Mappings(),
    minimum: Double? = nil, maximum: Double? = nil, integer: Bool = false
  ) {
    self.id = id
    self.refs = refs
    self.type = type
    self.text = text
    self.help = help
    self.options = options
    self.when = when
    self.severity = severity
    self.protects = protects
    self.remediation = remediation
    self.mappings = mappings
    self.minimum = minimum
    self.maximum = maximum
    self.integer = integer
  }

  /// The answer ids a condition may compare this question with.
  public var answerIDs: [String] {
    switch type {
    case .compliance: return ComplianceValue.allCases.map(\.rawValue)
    case .yesno: return ["yes", "no"]
    case .single, .multiple: return options.map(\.id)
    case .text, .number: return []
    }
  }

  /// The choices the wizard offers, in order, with their ids.
  public var choiceIDs: [String] {
    switch type {
    case .compliance, .yesno, .single, .multiple: return answerIDs
    case .text, .number: return []
    }
  }
}

/// The assessment scale of a `compliance` question.
public enum ComplianceValue: String, CaseIterable, Equatable, Sendable {
  case compliant, partial, noncompliant, na, unknown
}
