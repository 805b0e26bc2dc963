import AssessmentCore
import Foundation

extension SessionStore {
  /// The previous assessment a re-assessment was carried from, read for the "changes since"
  /// section of its summary: at the path recorded when it was carried, else by its id in this
  /// store; its summary as of `asOf`. Never written. A file that is missing or cannot be read
  /// (damaged, newer, its questionnaire not found) gives ``PreviousSession/unreadable(id:path:)``,
  /// so the summary says the changes were not computed instead of failing.
  public func previousSession(_ previous: PreviousAssessment, asOf: Date) -> PreviousSession {
    do {
      let path =
        FileManager.default.fileExists(atPath: previous.path)
        ? previous.path : try self.path(for: previous.id)
      return .read(try loadAssessment(path: path, asOf: asOf, histories: .skipped).compared)
    } catch {
      return .unreadable(id: previous.id, path: previous.path)
    }
  }
}
