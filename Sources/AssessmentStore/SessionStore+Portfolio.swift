import AssessmentCore
import AssessmentReports
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of the portfolio (`cloud-assess list`): a session, with its verdict and actions.
public struct PortfolioRow: Equatable, Sendable {
  public var id: String
  public var path: String
  public var questionnaire: String
  public var organisation: String
  public var provider: String
  public var service: String
  public var created: Date
  public var updated: Date
  public var phase: String
  public var answered: Int
  /// Nil when the questionnaire could not be found (the count is then of answers given).
  public var applicable: Int?
  public var verdict: String?
  /// Open and in-progress actions.
  public var pending: Int
  /// Those past their due date on the day asked.
  public var overdue: Int
  /// Evidence records expired on the day asked (of the questions that apply, when the
  /// questionnaire is found).
  public var expiredEvidence = 0
  /// Management's decision in force, if any.
  public var decision: DecisionAbstract?
}

extension SessionStore {
  /// The saved sessions with what the portfolio shows, newest change first, unreadable files at
  /// the end. Each file's abstract is read alone when it can be trusted (no journal beside the
  /// file, written by this format, no derogation or acceptance expired since); otherwise the file
  /// is read whole and `questionnaire` (which may return nil) rates it. `day` (ISO) is the day the
  /// due dates are judged against.
  public func portfolio(
    day: String, questionnaire: (SessionRecord, String) -> Questionnaire?
  ) -> [(path: String, result: Result<PortfolioRow, StoreError>)] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return []
    }
    var entries: [(path: String, result: Result<PortfolioRow, StoreError>)] = []
    for name in names
    where name.hasSuffix(".json") && !name.hasPrefix(".") && !Self.isKeptOriginal(name) {
      let path = directory + "/" + name
      var info = stat()
      if lstat(SessionFile.journalPath(for: path), &info) != 0,
        let abstract = SessionFile.readAbstract(path: path),
        abstract.recheckFrom.map({ day < $0 }) ?? true
      {
        entries.append((path, .success(Self.row(abstract, path: path, day: day))))
        continue
      }
      do throws(StoreError) {
        let record = try load(path: path, histories: .skipped)
        var row: PortfolioRow
        if let questionnaire = questionnaire(record, path) {
          row = Self.row(record.makeAbstract(questionnaire), path: path, day: day)
          row.id = record.id
          // The verdict of today, not of the last change.
          let wizard = Wizard(questionnaire: questionnaire)
          let date = Timestamp.parse(day + "T12:00:00.000Z")
          let summary = RiskEngine(questionnaire: questionnaire).summarize(
            record.wizardState(wizard), asOf: date)
          row.verdict = summary.verdict.rawValue
          row.expiredEvidence = summary.expiredEvidence.count
        } else {
          row = PortfolioRow(
            id: record.id, path: path, questionnaire: record.questionnaire.id,
            organisation: record.metadata.organisation, provider: record.metadata.provider,
            service: record.metadata.service, created: record.metadata.created,
            updated: record.metadata.updated,
            phase: record.phase.rawValue,
            answered: record.answers.values.filter(\.isAnswered).count,
            applicable: nil, verdict: nil,
            pending: record.answers.values.filter { $0.action?.status.isPending == true }.count,
            overdue: record.answers.values.filter { $0.action?.isOverdue(on: day) == true }.count,
            decision: DecisionStanding(
              signOffs: record.signOffs, contentDigest: ContentDigest.hex(of: record.answers),
              answers: record.answers
            ).map(DecisionAbstract.init))
          row.expiredEvidence = record.answers.values.reduce(0) { count, answer in
            count + answer.evidence.filter { $0.isExpired(on: day) }.count
          }
        }
        entries.append((path, .success(row)))
      } catch {
        entries.append((path, .failure(error)))
      }
    }
    return entries.sorted { lhs, rhs in
      switch (lhs.result, rhs.result) {
      case (.success(let a), .success(let b)):
        return a.updated != b.updated ? a.updated > b.updated : a.id < b.id
      case (.success, .failure): return true
      case (.failure, .success): return false
      case (.failure, .failure): return lhs.path < rhs.path
      }
    }
  }

  static func row(_ abstract: SessionAbstract, path: String, day: String) -> PortfolioRow {
    let name = (path as NSString).lastPathComponent
    return PortfolioRow(
      id: String(name.dropLast(5)), path: path, questionnaire: abstract.questionnaire,
      organisation: abstract.organisation, provider: abstract.provider, service: abstract.service,
      created: abstract.created, updated: abstract.updated, phase: abstract.phase,
      answered: abstract.answered,
      applicable: abstract.applicable, verdict: abstract.verdict,
      pending: abstract.pendingDue.count,
      overdue: abstract.pendingDue.filter { Day.isValid($0) && $0 < day }.count,
      decision: abstract.decision)
  }
}
