import AssessmentCore
import AssessmentReports
import Foundation
import SystemSupport

extension App {
  /// Attaches the file at `path` to the evidence record at `index` of the current question: its
  /// path and SHA-256 (``fileDigest``) are recorded. A file that cannot be read changes nothing:
  /// the result is the message saying why.
  public func attach(_ state: inout AppState, evidence index: Int, path: String, now: Date)
    -> Result<[WizardEffect], AttachFailure>
  {
    let language = state.language
    guard let question = wizard.current(state.wizard),
      var record = state.wizard.answers[question.id]?.evidence[attachable: index]
    else { return .failure(AttachFailure(EvidencePhrase.noSuchRecord.format(language, index + 1))) }
    // The path as typed may be relative, or start with `~`: the session is reopened from other
    // folders, so what is recorded is where the file is.
    let path = URL(fileURLWithPath: NSString(string: path).expandingTildeInPath)
      .standardizedFileURL.path
    let digest: String
    do {
      digest = try fileDigest(path)
    } catch .notARegularFile {
      return .failure(AttachFailure(EvidencePhrase.notAFile.format(language, path)))
    } catch {
      return .failure(
        AttachFailure(EvidencePhrase.fileUnreadable.format(language, path, error.reason)))
    }
    record.file = EvidenceFile(path: path, sha256: digest)
    return .success(send(&state, .evidenceEdited(index, record, at: now)))
  }
}

/// Why a file was not attached, in the interface's language.
public struct AttachFailure: Error, Equatable, Sendable {
  public var message: String
  init(_ message: String) { self.message = message }
}

extension Array {
  fileprivate subscript(attachable index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
